"""Certificate numbers: '<CODE>-<YEAR>-<NNNN>', stable once issued, never reused.

A participant keeps the number they were first given (a reprint must match the first print);
new numbers continue after the highest one issued for the same prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date


def prefix_for(project_code: str, first_day: date | None) -> str:
    """'APO-23-01-2023': the project code cleaned to letters, digits and dashes, and the year
    (unless the code already holds it)."""
    code = re.sub(r"[^A-Za-z0-9]+", "-", project_code or "").strip("-").upper() or "DGF"
    year = str((first_day or date.today()).year)
    if year in code:  # "UNPOG-CDW-2023-05" already says when
        return code[:32]
    return f"{code[:24]}-{year}"


def _sequence(number: str, prefix: str) -> int | None:
    if not number.startswith(prefix + "-"):
        return None
    tail = number[len(prefix) + 1 :]
    return int(tail) if tail.isdigit() else None


def assign_numbers(
    participant_ids: Sequence[int], issued: Mapping[int, str], prefix: str, taken: Iterable[str] = ()
) -> dict[int, str]:
    """A number for each participant: the one already issued, else the next free one.

    `issued` maps participant id -> number already given; `taken` holds every number in use
    (including participants no longer eligible), so a number is never handed out twice.
    """
    used = set(taken) | set(issued.values())
    highest = max((s for s in (_sequence(n, prefix) for n in used) if s is not None), default=0)
    out: dict[int, str] = {}
    for pid in participant_ids:
        if pid in issued:
            out[pid] = issued[pid]
            continue
        highest += 1
        number = f"{prefix}-{highest:04d}"
        while number in used:  # a hand-edited number could sit in the way
            highest += 1
            number = f"{prefix}-{highest:04d}"
        used.add(number)
        out[pid] = number
    return out
