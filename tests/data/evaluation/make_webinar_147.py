"""Writes webinar_147.csv: a Google Forms-style export of 147 responses whose counts give the
UN DESA/ESCAP outcome report's own figures (e.g. 143 of 147 satisfied overall).

Run from the repository root: python tests/data/evaluation/make_webinar_147.py
The distributions below the top two levels are invented; the top-two totals are the report's.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SAT = (
    "6. Please rate your level of satisfaction with the following aspects of the Webinar. "
    "Please choose one in each row."
)
UND = (
    "7. The Webinar helped my understanding on the structure of the Toolkit and the importance of building "
    "capacities for digital government transformation. (please choose one in each row)"
)
SAT_LEVELS = [
    "Very Satisfied",
    "Somehow Satisfied",
    "Neither Satisfied nor Dissatisfied",
    "Somehow Dissatisfied",
    "Very Dissatisfied",
]
AGREE_LEVELS = [
    "Strongly Agree",
    "Somehow Agree",
    "Neither Agree nor Disagree",
    "Somehow Disagree",
    "Strongly Disagree",
]

# column header -> (levels, counts per level best first); top two sum to the report's figure
LIKERT = {
    f"{SAT} [Importance and relevance of the topics]": (SAT_LEVELS, [112, 34, 1, 0, 0]),  # 146
    f"{SAT} [Quality of presentations]": (SAT_LEVELS, [98, 44, 4, 1, 0]),  # 142
    f"{SAT} [Discussion and interaction]": (SAT_LEVELS, [90, 51, 5, 1, 0]),  # 141
    f"{SAT} [Overall facilitation/delivery of the Webinar]": (SAT_LEVELS, [95, 45, 6, 1, 0]),  # 140
    f"{SAT} [Duration of the Webinar]": (SAT_LEVELS, [80, 55, 9, 2, 1]),  # 135
    f"{SAT} [Overall, the Webinar]": (SAT_LEVELS, [104, 39, 3, 1, 0]),  # 143
    f"{UND} [The need for accelerating the pace of digital government transformation]": (
        AGREE_LEVELS,
        [109, 35, 3, 0, 0],
    ),  # 144
    f"{UND} [The importance of building capacities for digital government transformation]": (
        AGREE_LEVELS,
        [118, 28, 1, 0, 0],
    ),  # 146
    f"{UND} [The importance of promoting digital inclusion]": (AGREE_LEVELS, [121, 25, 1, 0, 0]),  # 146
    f"{UND} [The Toolkit is well structured and easy to use as a tool]": (AGREE_LEVELS, [86, 53, 7, 1, 0]),  # 139
}
INSTITUTIONS = (
    ["National government"] * 61
    + ["Local or regional government"] * 27
    + ["International organization"] * 19
    + ["Training institute"] * 16
    + ["Academic institution"] * 17
    + ["Other"] * 7
)
LIKED = [
    "Excellent presenters and moderators as well as topic",
    "I like the relevance of the topics.",
    "It is timely and relevant in today's situation.",
    "The whole-of-government approach for digital development is the one I like most.",
    "The experiences of the speakers from different countries gave a lot of insights to the participants.",
    "It was overall a great knowledge booster.",
    "The discussion on e-government best practices which can be adopted by other nations.",
    "The statement that says there is no size fits all.",
]
FOLLOW = [
    "Yes. To be participated by the government administrators in every government agency.",
    "Contextualize the tool per country",
    "Yes! A national capacity building workshop would be great!!",
    "Yes. Establishing training of trainers",
    "Training of trainers for the dissemination of the toolkits in various countries",
    "Yes. I would like to have an awareness seminar and orientation of toolkit for our agency.",
]
N = 147


def column(levels: list[str], counts: list[int], rng: random.Random) -> list[str]:
    values = [level for level, n in zip(levels, counts, strict=True) for _ in range(n)]
    assert len(values) == N, (levels, counts)
    rng.shuffle(values)
    return values


def main() -> None:
    rng = random.Random(20230530)
    columns = {header: column(levels, counts, rng) for header, (levels, counts) in LIKERT.items()}
    institutions = INSTITUTIONS[:]
    rng.shuffle(institutions)
    headers = [
        "Timestamp",
        "Email address",
        "Type of institution",
        *LIKERT,
        "What did you like most about the Webinar?",
        "Will you be interested in a follow-up capacity development activity, such as requesting "
        "DPIDG/UNPOG to organize a national capacity building workshop? Please specify.",
    ]
    out = Path(__file__).with_name("webinar_147.csv")
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for i in range(N):
            day, minute = 30 + i // 100, (i * 7) % 60
            stamp = f"2023/05/{day if day <= 31 else 31} {16 + (i % 7)}:{minute:02d}:{(i * 13) % 60:02d}"
            liked = LIKED[i % len(LIKED)] if i % 3 != 2 else ""
            follow = FOLLOW[i % len(FOLLOW)] if i % 4 == 0 else ""
            writer.writerow([stamp, "", institutions[i], *(columns[h][i] for h in LIKERT), liked, follow])
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
