"""Roster rules: what is wrong with each row, the participants the rows become, and badge codes.

Plain Python. Which column is which is in core/roster_columns.py; here every row is checked
(missing name, bad e-mail, duplicate, over-long value) and the preview of an import is built.
Nothing here writes anything.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field

from dgfacil.core.model import Origin, Participant
from dgfacil.core.roster_columns import FIELDS, MAX_LENGTH, Mapping, normalise_header
from dgfacil.core.text import broken_text, formula_start

# Deliberately loose: one @, a dot in the domain, no spaces. Unicode mailboxes (IDN) pass;
# only what is certainly wrong is refused — a real address must never be rejected.
EMAIL_RE = re.compile(r"^[^@\s,;<>()\[\]\"]+@[^@\s,;<>()\[\]\"]+\.[^@\s,;<>()\[\]\".]{2,}$")


# Letters a keyboard-wedge scanner types the same on QWERTY, AZERTY and QWERTZ layouts
# (A/Q, Z/W, Y/Z and M move), and that a person cannot misread (0/O, 1/I/L).
BADGE_ALPHABET = "23456789BCDEFGHJKNPRSTUVX"
BADGE_LENGTH = 5


def new_badge_code(taken: set[str], *, prefix: str = "P-") -> str:
    """A short code not in `taken`, e.g. 'P-7K3R9': ~9.8 million codes, so collisions are rare."""
    while True:
        code = prefix + "".join(secrets.choice(BADGE_ALPHABET) for _ in range(BADGE_LENGTH))
        if code not in taken:
            return code


def normalise_badge(text: str) -> str:
    """What a scanner or a person typed -> the stored form: 'p7k3r9 ' and 'P-7K3R9' both match.

    Caps Lock, a dropped hyphen and stray spaces are the usual differences.
    """
    cleaned = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    if cleaned.startswith("P") and len(cleaned) == BADGE_LENGTH + 1:
        return f"P-{cleaned[1:]}"
    return cleaned


def valid_email(text: str) -> bool:
    return bool(EMAIL_RE.match(text))


def clean_value(text: str) -> str:
    """Trim and collapse the whitespace spreadsheets leave behind; keep every script as is.

    NFC so 'Nguyễn' typed with combining marks and precomposed compare equal. A leading
    apostrophe that our own export added to neutralise a formula is taken off again.
    """
    text = unicodedata.normalize("NFC", text.replace("\u00a0", " "))
    text = " ".join(text.split())
    if len(text) > 1 and text[0] == "'" and formula_start(text[1:]):
        text = text[1:]
    return text


# Letters that are not a base letter plus a mark, so NFKD leaves them whole: fold them by hand.
_FOLD = str.maketrans(
    {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ŧ": "t", "ŀ": "l"}
)


def search_key(text: str) -> str:
    """Text as a search compares it: no case, no accents, spacing collapsed. 'Nguyễn Đức' ->
    'nguyen duc', so a facilitator typing on any keyboard finds the person. Scripts without
    accents to drop (Korean, Thai, Arabic…) are kept as they are, only case-folded."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_FOLD)
    return " ".join(unicodedata.normalize("NFC", text).split())  # NFC puts Hangul syllables back together


def name_key(name: str) -> str:
    """Compare names ignoring case and spacing (for duplicate warnings and matching)."""
    return " ".join(name.casefold().split())


# --- checking rows -------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something wrong with one row. An error refuses the row; a warning only informs."""

    row: int  # the row number the user sees in the spreadsheet (1 = the first line)
    kind: str  # "missing name", "bad e-mail", "duplicate", "too long", "no e-mail", ...
    message: str
    field: str = ""
    error: bool = True

    def line(self) -> str:
        return f"row {self.row}: {'error' if self.error else 'warning'}: {self.message}"


@dataclass
class Candidate:
    """A row that will be written: a new participant, or an update of `existing_id`."""

    row: int
    participant: Participant
    action: str  # "new", "update" or "unchanged"
    existing_id: int | None = None


@dataclass
class Preview:
    """Everything an import would do, computed before anything is written."""

    headers: list[str]
    mapping: Mapping
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows_read: int = 0

    @property
    def refused_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.error})

    def count(self, action: str) -> int:
        return sum(1 for c in self.candidates if c.action == action)

    def summary(self) -> str:
        refused = len(self.refused_rows)
        return (
            f"{self.rows_read} row{'s' if self.rows_read != 1 else ''} read: {self.count('new')} new, "
            f"{self.count('update')} updated, {self.count('unchanged')} unchanged, {refused} refused"
        )

    def report_lines(self) -> list[str]:
        """The report the CLI prints and the dialog shows: summary, mapping notes, every problem."""
        lines = [self.summary()]
        lines += [f"note: {n}" for n in self.mapping.notes]
        lines += [p.line() for p in sorted(self.problems, key=lambda p: (p.row, not p.error))]
        return lines


_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_ORIGINS = {
    "local": Origin.LOCAL,
    "domestic": Origin.LOCAL,
    "host": Origin.LOCAL,
    "overseas": Origin.OVERSEAS,
    "foreign": Origin.OVERSEAS,
    "international": Origin.OVERSEAS,
    "abroad": Origin.OVERSEAS,
}


def join_name(first: str, last: str) -> str:
    """First and last name as one. East Asian names written in their own script keep their
    order, family name first and no space (김 + 민준 -> 김민준); others read 'First Last'."""
    if first and last and _CJK.match(first) and _CJK.match(last):
        return last + first
    return " ".join(p for p in (first, last) if p)


def clean_email(text: str) -> str:
    text = text.strip().strip("<>").strip()
    return text[7:] if text.lower().startswith("mailto:") else text


def _row_values(cells: list[str], mapping: Mapping) -> dict[str, str]:
    values: dict[str, str] = {}
    for i, name in enumerate(mapping.columns):
        if name and i < len(cells):
            values[name] = clean_value(cells[i])
    if "email" in values:
        values["email"] = clean_email(values["email"])
    if not values.get("full_name") and (values.get("first_name") or values.get("last_name")):
        values["full_name"] = join_name(values.get("first_name", ""), values.get("last_name", ""))
    return values


def check_row(number: int, values: dict[str, str]) -> list[Problem]:
    """Problems of one row on its own (duplicates need the other rows; see build_preview)."""
    problems = []
    for name, value in values.items():
        if "\ufffd" in value or broken_text(value):  # a byte the file's encoding could not read
            problems.append(
                Problem(
                    number,
                    "unreadable",
                    f"{FIELDS[name]} {value[:60]!r} holds a character that "
                    "could not be read; fix it in the file or choose another encoding",
                    name,
                )
            )
        limit = MAX_LENGTH.get(name, 300)
        if len(value) > limit:
            problems.append(
                Problem(number, "too long", f"{FIELDS[name]} is {len(value):,} characters (at most {limit:,})", name)
            )
    name = values.get("full_name", "")
    if not name:
        problems.append(Problem(number, "missing name", "no name", "full_name"))
    email = values.get("email", "")
    if email and not valid_email(email) and len(email) <= MAX_LENGTH["email"]:
        problems.append(Problem(number, "bad e-mail", f"e-mail {email[:60]!r} is not an address", "email"))
    elif not email and name:
        problems.append(Problem(number, "no e-mail", "no e-mail: a re-import matches by name", "email", False))
    origin = values.get("origin", "")
    if origin and normalise_header(origin) not in _ORIGINS:
        problems.append(
            Problem(
                number,
                "origin",
                f"origin {origin[:30]!r} is neither local nor overseas; kept as overseas",
                "origin",
                False,
            )
        )
    return problems


def _merge(existing: Participant, values: dict[str, str]) -> Participant:
    """The existing participant with every non-empty value from the file: an empty cell never erases."""
    merged = Participant(**{k: getattr(existing, k) for k in existing.__dataclass_fields__})
    for name, value in values.items():
        if value and hasattr(merged, name):
            setattr(merged, name, _ORIGINS.get(normalise_header(value), Origin.OVERSEAS) if name == "origin" else value)
    return merged


def build_preview(
    headers: list[str], rows: list[tuple[int, list[str]]], mapping: Mapping, existing: list[Participant]
) -> Preview:
    """Check every row and decide, for each good one, new participant or update.

    A row matches an existing participant by e-mail (any case); a row without e-mail matches
    one with the same name and no e-mail, so importing the same file twice adds nobody twice.
    Existing participants absent from the file are left alone: an import never deletes.
    """
    preview = Preview(list(headers), mapping)
    by_email = {p.email.casefold(): p for p in existing if p.email}
    by_name = {name_key(p.full_name): p for p in existing if not p.email}
    seen_email: dict[str, int] = {}
    seen_name: dict[str, int] = {}
    for number, cells in rows:
        if not any(c.strip() for c in cells):
            continue  # blank lines between blocks of a spreadsheet are not participants
        preview.rows_read += 1
        values = _row_values(cells, mapping)
        problems = check_row(number, values)
        email, key = values.get("email", "").casefold(), name_key(values.get("full_name", ""))
        if email in by_email:  # an update sheet (e-mail + new position) needs no name
            problems = [p for p in problems if p.kind != "missing name"]
        if email and email in seen_email:
            problems.append(Problem(number, "duplicate", f"same e-mail as row {seen_email[email]}", "email"))
        elif not email and key and key in seen_name:
            problems.append(
                Problem(number, "duplicate", f"same name as row {seen_name[key]}, and no e-mail", "full_name")
            )
        preview.problems += problems
        if any(p.error for p in problems):
            continue
        if email:
            seen_email[email] = number
        else:
            seen_name[key] = number
        match = by_email.get(email) if email else by_name.get(key)
        if match is None:
            fresh = _merge(Participant(full_name=""), values)
            preview.candidates.append(Candidate(number, fresh, "new"))
        else:
            merged = _merge(match, values)
            action = "unchanged" if merged == match else "update"
            preview.candidates.append(Candidate(number, merged, action, match.id))
    return preview
