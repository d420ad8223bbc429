"""Roster columns: which field each column of a roster fills, guessed from its header (by common
synonyms, in several languages) and from what its cells hold (an honorific is not a job title).

Plain Python. The reader (io/roster.py) hands us the header and rows of strings; what is wrong
with each row and the participants they become are in core/roster.py.
"""

from __future__ import annotations

import re
import unicodedata

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
    "full_name": 200,
    "certificate_name": 200,
    "first_name": 120,
    "last_name": 120,
    "email": 254,
    "country": 100,
    "organization": 300,
    "position": 300,
    "role": 40,
    "origin": 20,
    "badge_code": 20,
}


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
HONORIFIC_HEADERS = {
    "salutation",
    "honorific",
    "honorifics",
    "prefix",
    "courtesytitle",
    "mrms",
    "titre",
    "tratamiento",
    "form of address",
    "formofaddress",
}
# Honorifics as written in rosters, normalised (case, dots and spaces dropped): 'Mr.', 'H.E.', 'Prof. Dr.'.
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "he",
    "hon",
    "sir",
    "madam",
    "madame",
    "mme",
    "mlle",
    "sr",
    "sra",
    "srta",
    "dra",
    "don",
    "dona",
    "engr",
    "eng",
    "ing",
    "atty",
    "rev",
    "dato",
    "datuk",
    "datin",
    "tansri",
    "puan",
    "encik",
    "shri",
    "smt",
    "ir",
    "mrdr",
    "msdr",
}


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

    def __init__(
        self,
        columns: list[str | None],
        confident: bool = True,
        notes: list[str] | None = None,
        *,
        headers: list[str] | None = None,
        guessed: list[str | None] | None = None,
        honorific: set[int] | None = None,
        chosen: set[int] | None = None,
    ) -> None:
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
                notes.append(
                    f"column {header!r} also looks like {FIELDS[guessed]}; {self.headers[held[guessed]]!r} is used"
                )
            elif guessed:
                notes.append(f"column {header!r} looks like {FIELDS[guessed]} but is not used")
            else:
                notes.append(f"column {header!r} not recognised; ignored")
        if not ("full_name" in held or {"first_name", "last_name"} & held.keys()):
            notes.insert(0, "no column holds the participant's name")
        return notes

    def assign(self, column: int, name: str | None) -> Mapping:
        """The user's choice for one column (None: ignore it). It wins: a field held by another
        column is taken from it, and no note contradicts the choice."""
        columns = [None if (name and c == name) else c for c in self.columns]
        columns[column] = name
        return Mapping(
            columns,
            True,
            [] if self.headers is None else None,
            headers=self.headers,
            guessed=self.guessed,
            honorific=self.honorific,
            chosen=self.chosen | {column},
        )

    def column_of(self, name: str) -> int | None:
        return self.columns.index(name) if name in self.columns else None

    def describe(self, headers: list[str]) -> list[str]:
        """One line per column: 'Email address -> E-mail' or 'Remarks -> (ignored)'."""
        return [f"{h!s} -> {FIELDS[f] if f else '(ignored)'}" for h, f in zip(headers, self.columns, strict=True)]


def match_header(text: str) -> str | None:
    """The field a header names, by synonym; a few loose rules catch 'Email of participant'."""
    key = normalise_header(text)
    if key in SYNONYMS:
        return SYNONYMS[key]
    for needle, name in (
        ("email", "email"),
        ("certificate", "certificate_name"),
        ("surname", "last_name"),
        ("firstname", "first_name"),
        ("givenname", "first_name"),
        ("fullname", "full_name"),
        ("country", "country"),
        ("organi", "organization"),
        ("agency", "organization"),
        ("ministry", "organization"),
        ("position", "position"),
        ("designation", "position"),
        ("jobtitle", "position"),
    ):
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
    strength = [
        0 if i in honorific or not g else 1 if normalise_header(h) in WEAK_SYNONYMS else 2
        for i, (h, g) in enumerate(zip(headers, guessed, strict=True))
    ]
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
