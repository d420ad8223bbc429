"""The workshop document's tables (SQLModel). Tables live here and nowhere else.

Every row is keyed by workshop, so one database could hold many workshops; a `.dgfacil` file
holds one. Lists and free-form definitions are JSON columns. Dates are ISO strings, times of day
"HH:MM" in the workshop's zone, instants ISO-8601 UTC strings.
The schema is built by the Alembic migrations in `migrations/versions`; a test checks that
these classes and the migrated schema agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, UniqueConstraint, text
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel


def _fk(target: str, *, ondelete: str = "CASCADE", nullable: bool = False) -> Any:
    return Field(
        default=None,
        sa_column=Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True),
    )


def _json(default_factory: Callable[[], Any] = list) -> Any:
    return Field(default_factory=default_factory, sa_column=Column(JSON, nullable=False))


def _version() -> Any:
    """Schema 0005: the row's version, raised by one on every ORM UPDATE (see VERSIONED)."""
    return Field(default=1, sa_column_kwargs={"server_default": text("1")})


def _stamp() -> Any:
    """Schema 0005: who changed the row last and when (a team workshop's laptop name, an ISO UTC
    instant), for "changed on the check-in laptop at 10:42". Empty on a file (store/row_stamps.py)."""
    return Field(default="", sa_column_kwargs={"server_default": text("''")})


# A table a user edits: SQLAlchemy puts `AND version = <as read>` in every UPDATE of its rows and
# raises the version; an update based on a stale read matches nothing and raises StaleDataError
# (errors.EditConflict). Two laptops on one team workshop never overwrite each other silently.
def _versioned(cls: Any) -> dict[str, Any]:
    return {"version_id_col": cls.__table__.c.version}


VERSIONED: Any = declared_attr(_versioned)  # type: ignore[arg-type]  # declared_attr is typed for columns; mapper args are a dict


class WorkshopRow(SQLModel, table=True):
    __tablename__ = "workshop"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    project_code: str = ""
    organizers: list[Any] = _json()
    modality: str = "in-person"
    venue: str = ""
    timezone: str = "UTC"
    display_zones: list[Any] = _json()
    description: str = ""
    evaluation_form: dict[str, Any] = _json(dict)
    template_name: str = ""
    created_at: str = ""
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class DayRow(SQLModel, table=True):
    __tablename__ = "day"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    position: int = 0
    date: str  # ISO date
    title: str = ""
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class AgendaItemRow(SQLModel, table=True):
    __tablename__ = "agenda_item"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    day_id: int = _fk("day.id")
    position: int = 0
    kind: str = "session"
    title: str = ""
    planned_start: str | None = None  # "HH:MM", or None: follows the previous item
    duration_min: int = 30
    fixed_start: bool = False
    lead: str = ""
    speakers: list[Any] = _json()
    description: str = ""
    materials: list[Any] = _json()
    # schema 0004: how far a recovery plan may shorten this item
    min_duration_min: int | None = None  # None: the plan's default floor
    shorten: bool = True  # False: "do not shorten"
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class ParticipantRow(SQLModel, table=True):
    __tablename__ = "participant"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    full_name: str
    certificate_name: str = ""
    email: str = Field(default="", index=True)
    country: str = ""
    organization: str = ""
    position: str = ""
    role: str = "participant"
    origin: str = "overseas"
    badge_code: str = ""
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class ExerciseRow(SQLModel, table=True):
    __tablename__ = "exercise"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    agenda_item_id: int | None = _fk("agenda_item.id", ondelete="SET NULL", nullable=True)
    position: int = 0
    kind: str
    title: str = ""
    definition: dict[str, Any] = _json(dict)
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class GroupRow(SQLModel, table=True):
    __tablename__ = "breakout_group"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    exercise_id: int | None = _fk("exercise.id", nullable=True)
    day_id: int | None = _fk("day.id", nullable=True)
    position: int = 0
    name: str
    colour: str = ""
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class GroupMemberRow(SQLModel, table=True):
    __tablename__ = "group_member"
    __table_args__ = (UniqueConstraint("group_id", "participant_id"),)
    id: int | None = Field(default=None, primary_key=True)
    group_id: int = _fk("breakout_group.id")
    participant_id: int = _fk("participant.id")


class NoteRow(SQLModel, table=True):
    __tablename__ = "note"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    agenda_item_id: int | None = _fk("agenda_item.id", ondelete="SET NULL", nullable=True)
    created_at: str  # UTC ISO instant
    updated_at: str = ""
    text: str = ""
    tag: str = "note"
    speaker: str = ""
    # schema 0004: an action's owner and due date (ISO date), for the outcome report
    owner: str = ""
    due: str = ""
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class AttendanceRow(SQLModel, table=True):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("participant_id", "agenda_item_id"),)
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    participant_id: int = _fk("participant.id")
    agenda_item_id: int = _fk("agenda_item.id")
    present: bool = True
    marked_at: str = ""
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class EvaluationResponseRow(SQLModel, table=True):
    __tablename__ = "evaluation_response"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    submitted_at: str = ""
    source: str = "typed"  # typed | csv | phone
    external_id: str = ""
    answers: dict[str, Any] = _json(dict)  # question key -> answer (int level or text)
    import_id: str = ""  # schema 0004: the import this response came from ("" when typed)
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


# --- schema 0002: the running agenda and the exercise boards -------------------------------


class RunEventRow(SQLModel, table=True):
    """One event of a running agenda (start, pause, next, extend...), stored as it happens."""

    __tablename__ = "run_event"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    day_id: int = _fk("day.id")
    at: str  # UTC ISO instant
    kind: str
    item_id: int | None = None
    minutes: int | None = None


class BoardItemRow(SQLModel, table=True):
    """A card on a zones or plane board, or a row of a table exercise."""

    __tablename__ = "board_item"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    exercise_id: int = _fk("exercise.id")
    group_id: int | None = _fk("breakout_group.id", nullable=True)
    position: int = 0
    area: str = ""  # zone key, or table goal
    text: str = ""
    x: float = 0.0
    y: float = 0.0
    colour: str = ""
    cluster: str = ""
    data: dict[str, Any] = _json(dict)  # kind-specific: IAP2 level, table cells...
    created_at: str = ""
    updated_at: str = ""
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class DotVoteRow(SQLModel, table=True):
    __tablename__ = "dot_vote"
    id: int | None = Field(default=None, primary_key=True)
    board_item_id: int = _fk("board_item.id")
    voter: str = ""  # group or participant key
    dots: int = 1


class ExerciseAnswerRow(SQLModel, table=True):
    """A group's answer in a rubric (current/target per dimension) or prompts exercise."""

    __tablename__ = "exercise_answer"
    __table_args__ = (UniqueConstraint("exercise_id", "group_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    exercise_id: int = _fk("exercise.id")
    group_id: int | None = _fk("breakout_group.id", nullable=True)
    key: str
    value: dict[str, Any] = _json(dict)
    updated_at: str = ""
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


# --- schema 0003: certificates, signatories, report texts, document settings --------------


class SignatoryRow(SQLModel, table=True):
    __tablename__ = "signatory"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    position: int = 0
    name: str
    title: str = ""
    signature_png: bytes | None = None
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class CertificateRow(SQLModel, table=True):
    __tablename__ = "certificate"
    __table_args__ = (UniqueConstraint("workshop_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    participant_id: int = _fk("participant.id")
    number: str
    issued_at: str = ""
    payload: str = ""


class ReportSectionRow(SQLModel, table=True):
    __tablename__ = "report_section"
    __table_args__ = (UniqueConstraint("workshop_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    key: str
    text: str = ""
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED


class SettingRow(SQLModel, table=True):
    """Per-document settings (attendance block kind, eligibility threshold, warning lead...)."""

    __tablename__ = "setting"
    __table_args__ = (UniqueConstraint("workshop_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = _fk("workshop.id")
    key: str
    value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    version: int = _version()
    changed_by: str = _stamp()
    changed_at: str = _stamp()
    __mapper_args__ = VERSIONED
