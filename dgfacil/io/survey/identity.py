"""Who a respondent of a survey export is, so that importing again updates instead of doubling.

A respondent is known by what the export says of them: the tool's respondent id, the time they
started (Google's Timestamp; Microsoft's Start time: it stays when a response is edited), the
e-mail address and name when the tool records them — or, when the file has none of these, their
row in a file of that name. Two identities are the same respondent when their key
(the id, else the time) agrees and nothing else they both state disagrees:

- times are compared as the wall clock the export wrote (Google's "4:20:51 PM GMT+9", the linked
  Sheet's "16:20:51" and Excel's re-saved "16:20" are one moment), at the coarser precision of
  the two, since a re-save may drop the seconds;
- Microsoft Forms and LimeSurvey number every form's responses from 1 again, so the same id with
  another time, e-mail or name is another respondent, never an update.

Stored as `external_id` "survey:" + a query string; ids of earlier dgfacil versions ("7", "7#2",
"time:STAMP#n", "row:NAME#n") are still read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qsl, urlencode

from dgfacil.io.survey.table import normalize

PREFIX = "survey:"
_ZONE = re.compile(r"\s*(?:(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?|(?:GMT|UTC|Z))\s*$")
_DATES = ("%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%y", "%d/%m/%y")
_TIMES = ("%H:%M:%S", "%I:%M:%S %p", "%H:%M", "%I:%M %p")
FORMATS = tuple(f"{d}{sep}{t}" for d in _DATES for t in _TIMES for sep in (" ", "T"))


def _split_zone(text: str) -> tuple[str, timezone | None]:
    """'2023/05/30 4:20:51 PM GMT+9' -> ('2023/05/30 4:20:51 PM', +09:00)."""
    m = _ZONE.search(text)
    if not m:
        return text.strip(), None
    zone = UTC
    if m.group(1):
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        zone = timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))
    return text[: m.start()].strip(), zone


def _parse(text: str, fmt: str | None) -> tuple[datetime, bool] | None:
    """(wall clock as written, seconds dropped) or None."""
    bare, _ = _split_zone(text)
    try:
        moment = datetime.fromisoformat(bare) if fmt is None else datetime.strptime(bare, fmt)
    except ValueError:
        return None
    minute = "%S" not in fmt if fmt else not re.search(r"\d:\d\d:\d\d", bare)
    return moment.replace(tzinfo=None), minute


def time_format(values: list[str]) -> str | None:
    """The one format that reads every time of a column ("" for ISO), so 3/5/2023 is read the same
    way as 30/5/2023 beside it; None when no format reads them all."""
    values = [v for v in values if v.strip()]
    if not values:
        return None
    for fmt in (None, *FORMATS):
        if all(_parse(v, fmt) for v in values):
            return fmt or ""
    return None


def parse_time(text: str, fmt: str | None) -> tuple[datetime, bool, datetime] | None:
    """(wall clock, seconds dropped, instant for submitted_at) of one cell in its column's format."""
    if fmt is None or not text.strip():
        return None
    got = _parse(text, fmt or None)
    if got is None:
        return None
    _, zone = _split_zone(text)
    aware = datetime.fromisoformat(_split_zone(text)[0]) if fmt == "" else None
    if aware is not None and aware.tzinfo is not None:
        return got[0], got[1], aware
    # a naive export time is taken as UTC: the form service's zone is not in the file
    return got[0], got[1], got[0].replace(tzinfo=zone or UTC)


@dataclass(frozen=True)
class Identity:
    id: str = ""  # the tool's respondent id
    time: datetime | None = None  # wall clock as the export wrote it
    minute: bool = False  # the seconds were not written
    email: str = ""  # lower case
    name: str = ""  # normalised
    row: str = ""  # "NAME#n": only when the file says nothing of its respondents
    instant: datetime | None = field(default=None, compare=False)  # the time as stored in submitted_at

    def encode(self) -> str:
        fields = {
            "id": self.id,
            "time": self.time.isoformat(timespec="seconds") if self.time else "",
            "minute": "1" if self.minute and self.time else "",
            "email": self.email,
            "name": self.name,
            "row": self.row,
        }
        return PREFIX + urlencode({k: v for k, v in fields.items() if v})

    @classmethod
    def decode(cls, text: str, submitted_at: datetime | None = None) -> Identity:
        if text.startswith(PREFIX):
            f = dict(parse_qsl(text[len(PREFIX) :]))
            return cls(
                id=f.get("id", ""),
                time=datetime.fromisoformat(f["time"]) if f.get("time") else None,
                minute=bool(f.get("minute")),
                email=f.get("email", ""),
                name=f.get("name", ""),
                row=f.get("row", ""),
            )
        # ids of earlier versions ("7#2": the second row with id 7 in one file)
        if text.startswith("row:"):
            return cls(row=text[4:])
        if text.startswith("time:"):
            stamp = text[5:].rsplit("#", 1)[0]
            got = parse_time(stamp, time_format([stamp]))
            wall = submitted_at.replace(tzinfo=None) if submitted_at else None
            return cls(time=got[0] if got else wall, minute=got[1] if got else False)
        return cls(id=text.rsplit("#", 1)[0] if re.search(r"#\d+$", text) else text)

    @property
    def key(self) -> str:
        """What the respondent is looked up by: the id, else the time to the minute, else the row."""
        if self.time is not None:
            return "t:" + self.time.strftime("%Y-%m-%dT%H:%M")
        return f"id:{self.id}" if self.id else f"row:{self.row}"

    def same(self, other: Identity) -> bool:
        """The same respondent: the key agrees and nothing both state disagrees."""
        if self.row or other.row:
            return self.row == other.row and not (self.id or self.time or other.id or other.time)
        if self.id and other.id and self.id != other.id:
            return False
        if self.time is not None and other.time is not None and not self._same_time(other):
            return False
        if (self.email and other.email and self.email != other.email) or (
            self.name and other.name and self.name != other.name
        ):
            return False
        return bool((self.id and other.id) or (self.time is not None and other.time is not None))

    def _same_time(self, other: Identity) -> bool:
        a, b = self.time, other.time
        if self.minute or other.minute:
            a, b = a.replace(second=0, microsecond=0), b.replace(second=0, microsecond=0)
        return a == b

    def merged(self, older: Identity) -> Identity:
        """This identity with what the older one knew better (seconds, e-mail, name)."""
        keep_time = older.time is not None and (self.time is None or (self.minute and not older.minute))
        return replace(
            self,
            time=older.time if keep_time else self.time,
            minute=older.minute if keep_time else self.minute,
            email=self.email or older.email,
            name=self.name or older.name,
            id=self.id or older.id,
        )


def email_of(text: str) -> str:
    """An e-mail address, lower case; '' for "anonymous" and other non-addresses."""
    text = text.strip().lower()
    return text if re.fullmatch(r"[^@\s]+@[^@\s]+", text) else ""


def name_of(*parts: str) -> str:
    name = normalize(" ".join(p for p in parts if p))
    return "" if name in ("anonymous", "anonyme", "anonimo") else name


ID_HEADERS = ("respondent id", "response id", "uuid", "id", "meta instanceid")
# The time a respondent is known by is when they started: it stays when a response is edited later
# (SurveyMonkey's End Date and Microsoft's Last modified time move). Submitted: when they finished.
START_HEADERS = ("timestamp", "start time", "start date", "date started", "startdate", "start")
SUBMITTED_HEADERS = (
    "timestamp",
    "completion time",
    "submission time",
    "date submitted",
    "submitdate",
    "end date",
    "end",
    *START_HEADERS,
)
EMAIL_HEADERS = ("email address", "email", "e mail", "e mail address")
NAME_HEADERS = (("name",), ("first name", "last name"))


@dataclass
class Respondents:
    """Each row's identity, how they are known (in words), and respondents who answered twice."""

    identities: list[Identity]
    known_by: str
    repeats: list[str]  # "user17@example.org answered twice (rows 19 and 160); both are counted"


def identify(headers: list[str], rows: list[tuple[int, list[str]]], meta: set[int], file_name: str) -> Respondents:
    """The identity of every row (`rows` are (row number, cells); `meta` the metadata columns)."""
    normal = [normalize(h) for h in headers]

    def column(names: tuple[str, ...]) -> int | None:
        return next((normal.index(h) for h in names if h in normal and normal.index(h) in meta), None)

    def cell(row: list[str], c: int | None) -> str:
        return row[c] if c is not None and c < len(row) else ""

    id_col, ts_col, email_col = column(ID_HEADERS), column(START_HEADERS), column(EMAIL_HEADERS)
    done_col = column(SUBMITTED_HEADERS)
    ts_col = done_col if ts_col is None else ts_col  # LimeSurvey may export only "Date submitted"
    done_fmt = time_format([cell(row, done_col) for _, row in rows]) if done_col is not None else None
    name_cols = next(
        (
            [normal.index(h) for h in names]
            for names in NAME_HEADERS
            if all(h in normal and normal.index(h) in meta for h in names)
        ),
        [],
    )
    fmt = time_format([cell(row, ts_col) for _, row in rows]) if ts_col is not None else None
    said = [f"the column {headers[id_col]!r}"] if id_col is not None else []
    if ts_col is not None and fmt is not None:
        said.append(f"the time in {headers[ts_col]!r}")
    if email_col is not None:
        said.append(f"the e-mail in {headers[email_col]!r}")
    out = []
    for rank, (_, row) in enumerate(rows, start=1):
        when = parse_time(cell(row, ts_col), fmt)
        done = parse_time(cell(row, done_col), done_fmt)
        ident = Identity(
            id=cell(row, id_col),
            time=when[0] if when else None,
            minute=bool(when and when[1]),
            email=email_of(cell(row, email_col)),
            name=name_of(*(cell(row, c) for c in name_cols)),
            instant=done[2] if done else None,
        )
        if not ident.id and ident.time is None:
            ident = Identity(row=f"{file_name}#{rank}")
        out.append(ident)
    shown = {i: " ".join(cell(row, c) for c in name_cols if cell(row, c)) for i, (_, row) in enumerate(rows)}
    repeats, flagged = [], set()
    for what, of in (("e-mail", lambda i: i.email), ("respondent id", lambda i: i.id), ("name", lambda i: i.name)):
        seen: dict[str, list[int]] = {}
        for index, ident in enumerate(out):
            if of(ident):
                seen.setdefault(of(ident), []).append(index)
        for value, indexes in seen.items():
            numbers = tuple(rows[i][0] for i in indexes)
            if len(numbers) < 2 or numbers in flagged:  # the same rows said once, by the strongest sign
                continue
            flagged.add(numbers)
            times = "twice" if len(numbers) == 2 else f"{len(numbers)} times"
            value = shown[indexes[0]] if what == "name" else value
            repeats.append(
                f"{what} {value} answered {times} (rows {_and(list(numbers))}); "
                f"{'both' if len(numbers) == 2 else 'all'} are counted"
            )
    return Respondents(out, _and(said) if said else f"their row in {file_name or 'the file'}", repeats)


def _and(items: list) -> str:
    text = [str(n) for n in items]
    return text[0] if len(text) == 1 else ", ".join(text[:-1]) + " and " + text[-1]
