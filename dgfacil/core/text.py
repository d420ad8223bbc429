"""Checks on what a user can type, paste or import, shared by every operation that stores text.

Plain Python. A lone surrogate ("\\ud800", from a broken paste or an escaped import) is not a
character: SQLite, PDF and every file format refuse to encode it, so it would crash the commit
or the print long after the user typed it. It is refused here, at the door, in one sentence.
Dates are kept to years every clock and calendar library can hold on either side of UTC.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

_SURROGATE = re.compile("[\ud800-\udfff]")
# Workshops happen in these years. The bounds leave millennia of room at both ends, so a zone
# shift, a week's agenda or a year of time-zone rules around a date never leaves the calendar.
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2999, 12, 31)


class TextError(ValueError):
    """Text that cannot be stored; the message says which field and why."""


def broken_text(value: str) -> bool:
    """True when `value` holds a lone surrogate, which no file or database can store."""
    return bool(_SURROGATE.search(value))


def check_text(what: str, value: object) -> None:
    """Raise TextError when `value` (a string, or a list of strings) holds a lone surrogate."""
    values: Iterable[object] = value if isinstance(value, (list, tuple)) else (value,)
    for text in values:
        found = _SURROGATE.search(text) if isinstance(text, str) else None
        if isinstance(text, str) and found:
            at = found.start()
            raise TextError(
                f"{what} holds a broken character (U+{ord(text[at]):04X} at position {at + 1}); type or paste it again"
            )


def check_fields(**fields: object) -> None:
    """check_text for each keyword: check_fields(title=..., description=...)."""
    for name, value in fields.items():
        check_text(name.replace("_", " "), value)


def check_date(what: str, value: date | None) -> None:
    """Raise ValueError for a date outside FIRST_DATE..LAST_DATE."""
    if value is not None and not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(
            f"{what} {value.isoformat()} is out of range; use a date between {FIRST_DATE.year} and {LAST_DATE.year}"
        )


# Characters a spreadsheet takes as the start of a formula, after NFKC folds the full-width
# forms (＝ ＋ － ＠) to ASCII. Leading spaces, tabs and line breaks are skipped by Excel and
# LibreOffice too, so " =HYPERLINK(...)" is as dangerous as "=HYPERLINK(...)".
FORMULA_STARTS = "=+-@"
_NUMBER = re.compile(r"^[+-]?[\d\s().,/-]*$")  # '+1 202 555 0100', '-', '-12.5': data, not formulas


def formula_start(value: str) -> bool:
    """True when a spreadsheet could run `value` as a formula (or a DDE/hyperlink call)."""
    if not value:
        return False
    if value[0] in "\t\r\n":
        return True
    head = unicodedata.normalize("NFKC", value.lstrip(" \t\r\n\u00a0\u3000")[:1])
    return bool(head) and head[0] in FORMULA_STARTS


def looks_like_formula(value: str) -> bool:
    """A cell worth a warning on import: a formula start that is not a phone number or a dash."""
    stripped = unicodedata.normalize("NFKC", value).strip()
    return formula_start(value) and not _NUMBER.match(stripped)
