"""The workshop in its own words: plain dataclasses, no Qt and no SQL.

The store turns rows into these; printing, the CLI and the screens read them.
Times of day are `datetime.time` in the workshop's zone; instants are aware UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import Any


class Modality(str, Enum):
    IN_PERSON = "in-person"
    ONLINE = "online"
    HYBRID = "hybrid"


class ItemKind(str, Enum):
    SESSION = "session"
    BREAK = "break"
    EXERCISE = "exercise"
    OPENING = "opening"
    CLOSING = "closing"
    OTHER = "other"


class NoteTag(str, Enum):
    NOTE = "note"
    KEY_MESSAGE = "key message"
    DECISION = "decision"
    ACTION = "action"
    QUOTE = "quote"
    QUESTION = "question"


class Origin(str, Enum):
    LOCAL = "local"
    OVERSEAS = "overseas"


@dataclass
class AgendaItem:
    title: str
    duration_min: int
    kind: ItemKind = ItemKind.SESSION
    planned_start: time | None = None  # None: follows the previous item
    fixed_start: bool = False  # holds its time when earlier items overrun
    min_duration_min: int | None = None  # how short a recovery plan may make it (None: the default floor)
    shorten: bool = True  # False: "do not shorten" (a recovery plan leaves it whole)
    lead: str = ""  # lead or moderator
    speakers: list[str] = field(default_factory=list)
    description: str = ""
    materials: list[str] = field(default_factory=list)
    id: int | None = None
    day_id: int | None = None
    position: int = 0


@dataclass
class Day:
    date: date
    title: str = ""
    items: list[AgendaItem] = field(default_factory=list)
    id: int | None = None
    position: int = 0


@dataclass
class Exercise:
    """One exercise: a kind (zones, plane, table, rubric, prompts) and its definition as data."""

    kind: str
    title: str
    definition: dict[str, Any] = field(default_factory=dict)
    agenda_item_id: int | None = None
    id: int | None = None
    position: int = 0
    # (day index, item index) of the agenda item it belongs to, before the items have ids
    item_ref: tuple[int, int] | None = None


@dataclass
class Participant:
    full_name: str
    certificate_name: str = ""  # name as printed on the certificate; full_name when empty
    email: str = ""
    country: str = ""
    organization: str = ""
    position: str = ""
    role: str = "participant"
    origin: Origin = Origin.OVERSEAS
    badge_code: str = ""
    id: int | None = None

    @property
    def printed_name(self) -> str:
        return self.certificate_name or self.full_name


@dataclass
class Group:
    name: str
    exercise_id: int | None = None
    day_id: int | None = None
    member_ids: list[int] = field(default_factory=list)
    colour: str = ""
    id: int | None = None


@dataclass
class Note:
    text: str
    created_at: datetime
    tag: NoteTag = NoteTag.NOTE
    speaker: str = ""
    agenda_item_id: int | None = None
    id: int | None = None
    owner: str = ""  # an action's owner (who will do it)
    due: str = ""  # an action's due date, ISO "2026-12-31" (or "")


@dataclass
class Workshop:
    title: str
    timezone: str  # IANA zone of the venue, e.g. "Asia/Seoul"
    project_code: str = ""
    organizers: list[str] = field(default_factory=list)
    modality: Modality = Modality.IN_PERSON
    venue: str = ""
    display_zones: list[str] = field(default_factory=list)  # extra zones for hybrid audiences
    description: str = ""
    days: list[Day] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    evaluation_form: dict[str, Any] = field(default_factory=dict)
    template_name: str = ""
    id: int | None = None

    @property
    def start_date(self) -> date | None:
        return self.days[0].date if self.days else None

    @property
    def end_date(self) -> date | None:
        return self.days[-1].date if self.days else None

    def item(self, item_id: int) -> AgendaItem | None:
        for day in self.days:
            for it in day.items:
                if it.id == item_id:
                    return it
        return None
