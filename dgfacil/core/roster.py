"""Roster rules: which column is which, what is wrong with each row, and badge codes.

Plain Python. The reader (io/roster.py) hands us a header and rows of strings; we say what each
column means (by common synonyms, with a confidence), check every row (missing name, bad
e-mail, duplicate, over-long value) and build the participants. Nothing here writes anything.
"""
from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field

from dgfacil.core.model import Origin, Participant
from dgfacil.core.text import broken_text, formula_start

# The fields a roster column can fill. first_name / last_name are joined into full_name.
FIELDS: dict[str, str] = {
    "full_name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
    "certificate_name": "Name on certificate",
    "email": "E-mail",
    "country": "Country",
    "organization": "Organization",
    "position": "Position",
    "role": "Role",
    "origin": "Local / overseas",
    "badge_code": "Badge code",
}

# Normalised header -> field. Normalising drops case, accents, punctuation and spaces, so
# "E-mail address", "Email Address" and "e_mail" all read as "emailaddress".
SYNONYMS: dict[str, str] = {}
for _field, _names in {
    "full_name": "full name, name, participant, participant name, name of participant, nominee, "
    "nominee name, name of nominee, attendee, attendee name, delegate, complete name, names, "
    "full name english, name surname, nom, nombre, nombre completo, nom complet",
    "first_name": "first name, given name, given names, forename, first, firstname, prenom, nombres",
    "last_name": "last name, surname, family name, last, lastname, nom de famille, apellido, apellidos",
    "certificate_name": "certificate name, name on certificate, name for certificate, "
    "name as it should appear on certificate, printed name, name to print",
    "email": "email, e mail, email address, e mail address, mail, official email, work email, "
    "email id, correo, courriel, correo electronico",
    "country": "country, nationality, member country, country economy, economy, member economy, "
    "country of residence, pais, pays",
    "organization": "organization, organisation, agency, ministry, institution, department, "
    "office, employer, company, affiliation, organization agency, ministry agency, "
    "name of organization, name of agency, organizacion",
    "position": "position, title, job title, designation, post, function, position title, "
    "current position, rank, cargo, poste",
    "role": "role, participant type, type, category",
    "origin": "origin, local overseas, local or overseas, local foreign, participation",
    "badge_code": "badge, badge code, badge id, badge number, code, participant code, id code",
}.items():
    for _name in _names.split(","):
        SYNONYMS[re.sub(r"[^0-9a-z]", "", _name.lower())] = _field

MAX_LENGTH: dict[str, int] = {
    "full_name": 200, "certificate_name": 200, "first_name": 120, "last_name": 120, "email": 254,
    "country": 100, "organization": 300, "position": 300, "role": 40, "origin": 20, "badge_code": 20,
}

# Deliberately loose: one @, a dot in the domain, no spaces. Unicode mailboxes (IDN) pass;
# only what is certainly wrong is refused — a real address must never be rejected.
EMAIL_RE = re.compile(r"^[^@\s,;<>()\[\]\"]+@[^@\s,;<>()\[\]\"]+\.[^@\s,;<>()\[\]\".]{2,}$")


def normalise_header(text: str) -> str:
    """'E-mail Address ' -> 'emailaddress'; accents dropped ('Prénom' -> 'prenom')."""
    text = unicodedata.normalize("NFKD", text.replace("\ufeff", "")).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]", "", text)


# Synonyms that name a field only loosely: 'Title' is as often the honorific (Mr./Dr.) as the job
# title, 'Type' may be anything. A column named by a strong synonym ('Designation', 'Position',
# 'Job title') wins the field over one named by a weak synonym, whatever their order.
WEAK_SYNONYMS = {"title", "post", "function", "rank", "type", "category", "code"}
# Headers that name an honorific column outright.
HONORIFIC_HEADERS = {"salutation", "honorific", "honorifics", "prefix", "courtesytitle", "mrms", "titre",
                     "tratamiento", "form of address", "formofaddress"}
# Honorifics as written in rosters, normalised (case, dots and spaces dropped): 'Mr.', 'H.E.', 'Prof. Dr.'.
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "he", "hon", "sir", "madam", "madame",
              "mme", "mlle", "sr", "sra", "srta", "dra", "don", "dona", "engr", "eng", "ing", "atty", "rev",
              "dato", "datuk", "datin", "tansri", "puan", "encik", "shri", "smt", "ir", "mrdr", "msdr"}


def is_honorific(value: str) -> bool:
    """'Mr.', 'Ms', 'H.E.', 'Prof. Dr.' -> True; 'Director' -> False."""
    words = [normalise_header(w) for w in re.split(r"[\s/]+", value) if w.strip(" .")]
    return bool(words) and all(w in HONORIFICS for w in words)


def honorific_column(values: list[str]) -> bool:
    """True when most filled cells of a column are honorifics (so it is not a job title)."""
    filled = [v for v in values if v.strip()]
    return bool(filled) and sum(is_honorific(v) for v in filled) * 2 > len(filled)


class Mapping:
    """Which field each column fills (None: ignored), and how sure the guess is.

    A mapping made by guess_mapping knows its headers and what each column looked like, so its
    `notes` always describe the columns as they are now: a column the user assigned, by the
    dialog or `--map`, is never said to be ignored.
    """

    def __init__(self, columns: list[str | None], confident: bool = True, notes: list[str] | None = None, *,
                 headers: list[str] | None = None, guessed: list[str | None] | None = None,
                 honorific: set[int] | None = None, chosen: set[int] | None = None) -> None:
        self.columns = list(columns)
        self.confident = confident
        self._notes = list(notes or [])
        self.headers = list(headers) if headers is not None else None
        self.guessed = list(guessed) if guessed is not None else list(self.columns)
        self.honorific = set(honorific or ())
        self.chosen = set(chosen or ())  # columns the user assigned (or ignored) by hand

    def __repr__(self) -> str:
        return f"Mapping({self.columns!r}, confident={self.confident!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and (self.columns, self.confident) == (other.columns, other.confident)

    @property
    def notes(self) -> list[str]:
        """What the user should know about the columns, as they are mapped now."""
        if self.headers is None:
            return self._notes
        notes: list[str] = []
        held = {f: i for i, f in enumerate(self.columns) if f}
        for i, header in enumerate(self.headers):
            if i >= len(self.columns) or self.columns[i] or i in self.chosen or not header.strip():
                continue
            guessed = self.guessed[i] if i < len(self.guessed) else None
            if i in self.honorific:
                notes.append(f"column {header!r} holds honorifics (Mr., Ms., Dr.…), not a position; ignored")
            elif guessed and guessed in held:
                notes.append(f"column {header!r} also looks like {FIELDS[guessed]}; "
                             f"{self.headers[held[guessed]]!r} is used")
            elif guessed:
                notes.append(f"column {header!r} looks like {FIELDS[guessed]} but is not used")
            else:
                notes.append(f"column {header!r} not recognised; ignored")
        if not ("full_name" in held or {"first_name", "last_name"} & held.keys()):
            notes.insert(0, "no column holds the participant's name")
        return notes

    def assign(self, column: int, name: str | None) -> "Mapping":
        """The user's choice for one column (None: ignore it). It wins: a field held by another
        column is taken from it, and no note contradicts the choice."""
        columns = [None if (name and c == name) else c for c in self.columns]
        columns[column] = name
        return Mapping(columns, True, [] if self.headers is None else None, headers=self.headers,
                       guessed=self.guessed, honorific=self.honorific, chosen=self.chosen | {column})

    def column_of(self, name: str) -> int | None:
        return self.columns.index(name) if name in self.columns else None

    def describe(self, headers: list[str]) -> list[str]:
        """One line per column: 'Email address -> E-mail' or 'Remarks -> (ignored)'."""
        return [f"{h!s} -> {FIELDS[f] if f else '(ignored)'}" for h, f in zip(headers, self.columns)]


def match_header(text: str) -> str | None:
    """The field a header names, by synonym; a few loose rules catch 'Email of participant'."""
    key = normalise_header(text)
    if key in SYNONYMS:
        return SYNONYMS[key]
    for needle, name in (("email", "email"), ("certificate", "certificate_name"), ("surname", "last_name"),
                         ("firstname", "first_name"), ("givenname", "first_name"), ("fullname", "full_name"),
                         ("country", "country"), ("organi", "organization"), ("agency", "organization"),
                         ("ministry", "organization"), ("position", "position"), ("designation", "position"),
                         ("jobtitle", "position")):
        if needle in key:
            return name
    return None


def guess_mapping(headers: list[str], rows: list[list[str]] | None = None) -> Mapping:
    """Guess each column's field. Not confident when there is no name column, a field is named
    twice as strongly, or a column is not recognised: the UI then asks, the CLI reports the guess.

    With sample `rows`, a column whose cells are mostly honorifics (Mr./Ms./Dr.) is taken for
    what it is and ignored, whatever its header says.
    """
    guessed = [match_header(h) for h in headers]
    honorific = {i for i, h in enumerate(headers) if normalise_header(h) in HONORIFIC_HEADERS}
    if rows:
        for i in range(len(headers)):
            if honorific_column([r[i] for r in rows if i < len(r)]):
                honorific.add(i)
    strength = [0 if i in honorific or not g else 1 if normalise_header(h) in WEAK_SYNONYMS else 2
                for i, (h, g) in enumerate(zip(headers, guessed))]
    columns: list[str | None] = []
    tie = False
    for i, name in enumerate(guessed):
        if not strength[i]:
            columns.append(None)
            continue
        rivals = [j for j, g in enumerate(guessed) if g == name and j != i and strength[j]]
        best = max(strength[j] for j in [i, *rivals])
        first_best = min(j for j in [i, *rivals] if strength[j] == best)
        tie |= any(strength[j] == strength[i] for j in rivals)
        columns.append(name if first_best == i else None)
    mapping = Mapping(columns, headers=headers, guessed=guessed, honorific=honorific)
    has_name = "full_name" in columns or {"first_name", "last_name"} & set(columns)
    mapping.confident = bool(has_name) and not tie
    return mapping


def find_header_row(rows: list[list[str]], look: int = 10) -> int:
    """Index of the header row: the one among the first `look` naming most known fields.

    Exports often start with a title line ('List of nominees, 5 March'); skip it.
    """
    best, best_score = 0, 0
    for i, row in enumerate(rows[:look]):
        score = len({match_header(c) for c in row if c.strip()} - {None})
        if score > best_score:
            best, best_score = i, score
    return best


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
_FOLD = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe",
                       "þ": "th", "ŧ": "t", "ŀ": "l"})


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
        return (f"{self.rows_read} row{'s' if self.rows_read != 1 else ''} read: {self.count('new')} new, "
                f"{self.count('update')} updated, {self.count('unchanged')} unchanged, {refused} refused")

    def report_lines(self) -> list[str]:
        """The report the CLI prints and the dialog shows: summary, mapping notes, every problem."""
        lines = [self.summary()]
        lines += [f"note: {n}" for n in self.mapping.notes]
        lines += [p.line() for p in sorted(self.problems, key=lambda p: (p.row, not p.error))]
        return lines


_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_ORIGINS = {"local": Origin.LOCAL, "domestic": Origin.LOCAL, "host": Origin.LOCAL, "overseas": Origin.OVERSEAS,
            "foreign": Origin.OVERSEAS, "international": Origin.OVERSEAS, "abroad": Origin.OVERSEAS}


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
            problems.append(Problem(number, "unreadable", f"{FIELDS[name]} {value[:60]!r} holds a character that "
                                    "could not be read; fix it in the file or choose another encoding", name))
        limit = MAX_LENGTH.get(name, 300)
        if len(value) > limit:
            problems.append(Problem(number, "too long", f"{FIELDS[name]} is {len(value):,} characters "
                                    f"(at most {limit:,})", name))
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
        problems.append(Problem(number, "origin", f"origin {origin[:30]!r} is neither local nor overseas; "
                                "kept as overseas", "origin", False))
    return problems


def _merge(existing: Participant, values: dict[str, str]) -> Participant:
    """The existing participant with every non-empty value from the file: an empty cell never erases."""
    merged = Participant(**{k: getattr(existing, k) for k in existing.__dataclass_fields__})
    for name, value in values.items():
        if value and hasattr(merged, name):
            setattr(merged, name, _ORIGINS.get(normalise_header(value), Origin.OVERSEAS) if name == "origin" else value)
    return merged


def build_preview(headers: list[str], rows: list[tuple[int, list[str]]], mapping: Mapping,
                  existing: list[Participant]) -> Preview:
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
            problems.append(Problem(number, "duplicate", f"same name as row {seen_name[key]}, and no e-mail",
                                    "full_name"))
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
