"""A long fuzz of every importer: random and mutated rosters (CSV, XLSX), calendars and templates.

    .venv/bin/python bench/fuzz_importers.py [SECONDS_PER_IMPORTER]   (default 30)

`make test` runs a bounded hypothesis fuzz of each; this runs each for minutes, the way the
reliability trial did. Each input must give a result or our own clear error (RosterFileError,
ValueError from the calendar reader, TemplateError); anything else is counted, its first input
saved under the temp folder printed, and the exit status is 1.
"""

from __future__ import annotations

import io
import json
import random
import re
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _mutate(rng: random.Random, data: bytes, edits: int = 4) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, edits)):
        roll = rng.random()
        at = rng.randrange(len(out) + 1)
        if roll < 0.4 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif roll < 0.7:
            out[at:at] = rng.choice(
                [
                    b"\xff",
                    b"\x00",
                    b"\xef\xbb\xbf",
                    b"\xed\xa0\x80",
                    b"<",
                    b'"',
                    b";",
                    b",",
                    b"\r\n",
                    b"=",
                    "＝".encode(),
                    rng.randbytes(rng.randint(1, 8)),
                ]
            )
        else:
            del out[at : at + rng.randint(1, 16)]
    return bytes(out)


def roster_csv(rng: random.Random):
    from dgfacil.core.roster import build_preview
    from dgfacil.core.roster_columns import guess_mapping
    from dgfacil.io.roster import RosterFileError, read_roster_bytes

    seeds = sorted((ROOT / "tests" / "data" / "rosters").glob("*.[ct]s[vt]")) + sorted(
        (ROOT / "tests" / "data" / "rosters").glob("*.txt")
    )
    data = _mutate(rng, rng.choice(seeds).read_bytes(), 8) if rng.random() < 0.8 else rng.randbytes(rng.randint(0, 400))

    def run():
        table = read_roster_bytes(data)
        build_preview(table.headers, table.rows, guess_mapping(table.headers, [r for _, r in table.rows]), [])

    return data, run, RosterFileError


def roster_xlsx(rng: random.Random):
    from dgfacil.io.roster import RosterFileError, read_roster_bytes

    book = (ROOT / "tests" / "data" / "rosters" / "nominees.xlsx").read_bytes()
    if rng.random() < 0.5:
        data = _mutate(rng, book)
    else:
        with zipfile.ZipFile(io.BytesIO(book)) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        name = rng.choice(sorted(parts))
        parts[name] = _mutate(rng, parts[name], 6)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for n, d in parts.items():
                z.writestr(n, d)
        data = out.getvalue()
    return data, (lambda: read_roster_bytes(data, name="x.xlsx")), RosterFileError


ICS_LINES = [
    "DTSTART:20240101T090000Z",
    "DTEND:20240101T100000Z",
    "DTSTART;TZID=Asia/Seoul:20240101T090000",
    "DTSTART;VALUE=DATE:20240101",
    "DURATION:PT1H",
    "DURATION:-P1D",
    "DURATION:P99999999W",
    "SUMMARY:\\,;\\n",
    "DESCRIPTION:Lead: x\\n\\nSpeakers:\\na",
    "X-DGFACIL-KIND:break",
    "DTSTART:99991231T235959Z",
    "DTSTART:00010101T000000",
    "BEGIN:VEVENT",
    "END:VEVENT",
    "UID:1",
    "BEGIN:VTIMEZONE",
    "TZID:Nowhere",
    "RRULE:FREQ=DAILY;COUNT=99999",
    "SUMMARY:\udcff",
]


def calendar(rng: random.Random):
    from dgfacil.io.ics import read_ics

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT"]
    lines += [rng.choice(ICS_LINES) for _ in range(rng.randint(1, 10))] + ["END:VEVENT", "END:VCALENDAR"]
    data = "\r\n".join(lines).encode("utf-8", "surrogateescape")
    if rng.random() < 0.3:
        data = _mutate(rng, data, 6)
    zone = rng.choice(["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"])
    return data, (lambda: read_ics(data, zone=zone)), ValueError


def template(rng: random.Random):
    from dgfacil.core.template import TemplateError, build_workshop, parse_template
    from dgfacil.io.ics import ics_bytes
    from dgfacil.paths import sessions_dir

    paths = sorted(sessions_dir().glob("*.toml"))
    text = rng.choice(paths).read_text(encoding="utf-8")
    values = [
        '"x"',
        "0",
        "-1",
        "99999999",
        "true",
        "[]",
        "{}",
        '"25:61"',
        '"Mars/Base"',
        "0001-01-01",
        "9999-12-31",
        json.dumps("".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(8))),
        "nan",
    ]
    assignments = list(re.finditer(r"^(\s*[A-Za-z_][\w-]*\s*=\s*)(.+)$", text, re.MULTILINE))
    for m in rng.sample(assignments, k=min(len(assignments), rng.randint(1, 4))):
        text = text.replace(m.group(0), m.group(1) + rng.choice(values), 1)

    def run():
        ics_bytes(build_workshop(parse_template(text, "fuzz.toml")))

    return text.encode(), run, TemplateError


def main() -> int:
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    warnings.simplefilter("ignore")  # openpyxl warns about each damaged part it skips
    rng = random.Random(12)
    folder = Path(tempfile.mkdtemp(prefix="dgfacil-fuzz-"))
    failed = 0
    for name, make in (
        ("roster CSV", roster_csv),
        ("roster XLSX", roster_xlsx),
        ("calendar", calendar),
        ("template", template),
    ):
        tried, outcomes, crashes = 0, Counter(), Counter()
        end = time.perf_counter() + budget
        while time.perf_counter() < end:
            data, run, expected = make(rng)
            tried += 1
            try:
                run()
                outcomes["read"] += 1
            except expected:
                outcomes["refused"] += 1
            except Exception as err:  # noqa: BLE001 - what we are looking for
                kind = f"{type(err).__name__} at {traceback.extract_tb(err.__traceback__)[-1].name}"
                if not crashes[kind]:
                    (folder / f"{name.replace(' ', '-')}-{len(crashes)}.bin").write_bytes(data)
                crashes[kind] += 1
        failed += sum(crashes.values())
        print(
            f"{name}: {tried:,} inputs in {budget:.0f} s: {outcomes['read']:,} read, {outcomes['refused']:,} refused "
            f"clearly, {sum(crashes.values())} uncaught" + "".join(f"\n  {k}: {n}" for k, n in crashes.items())
        )
    if failed:
        print(f"first input of each uncaught kind saved in {folder}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
