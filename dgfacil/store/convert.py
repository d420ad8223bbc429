"""Rows to domain values and back. The only place that knows both shapes.

A file can pass SQLite's own check and still hold a value this version cannot use: text in an
integer column, a time zone that does not exist, a date that is not one (written by another
program, or a bit flipped on a stick). Every row is checked here, as it becomes the core model, and
such a value stops the reading with UnreadableRecord naming the table, the row and the column,
never later as a traceback deep in the agenda or the printing.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timezone
from enum import Enum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from dgfacil.core.evaluation import Response
from dgfacil.core.exercises import BoardItem
from dgfacil.core.model import (
    AgendaItem,
    Day,
    Exercise,
    Group,
    ItemKind,
    Modality,
    Note,
    NoteTag,
    Origin,
    Participant,
    Workshop,
)
from dgfacil.store.errors import UnreadableRecord
from dgfacil.store.tables import (
    AgendaItemRow,
    BoardItemRow,
    DayRow,
    EvaluationResponseRow,
    ExerciseRow,
    GroupRow,
    NoteRow,
    ParticipantRow,
    WorkshopRow,
)

T = TypeVar("T")


def _kinds(annotation: Any) -> tuple[type, ...]:
    """The Python types a column annotated `annotation` may hold (Optional adds NoneType)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return tuple(k for a in typing.get_args(annotation) for k in _kinds(a))
    if annotation is float:
        return (float, int)
    if typing.get_origin(annotation) in (list, dict):  # list[Any], dict[str, Any]: a JSON column
        return (typing.get_origin(annotation),)
    return (annotation,) if isinstance(annotation, type) else (object,)


def _refuse(row: Any, column: str, why: str) -> UnreadableRecord:
    return UnreadableRecord(record=f"{type(row).__tablename__} row {row.id}, column {column}: {why}")


def check_row(row: Any) -> None:
    """Every column of `row` holds the Python type its table declares (SQLite stores anything)."""
    for name, field in type(row).model_fields.items():
        value = getattr(row, name)
        kinds = _kinds(field.annotation)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            expected = " or ".join("nothing" if k is type(None) else k.__name__ for k in kinds)
            raise _refuse(row, name, f"{_shown(value)} is not {_article(expected)}")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _article(kind: str) -> str:
    return {"int": "a whole number", "str": "text", "list": "a list", "dict": "a mapping", "bool": "true or false"}.get(
        kind, f"a {kind}"
    )


def _decoded(row: Any, column: str, decode: Callable[[Any], T]) -> T:
    """decode(row.column), or UnreadableRecord naming the column when the value does not decode."""
    value = getattr(row, column)
    try:
        return decode(value)
    except (ValueError, LookupError, TypeError) as err:
        raise _refuse(row, column, f"{_shown(value)} is not valid ({type(err).__name__})") from None


def _enum(row: Any, column: str, kind: type[Enum]) -> Any:
    return _decoded(row, column, kind)


def _zone(value: str) -> str:
    ZoneInfo(value)  # ValueError / ZoneInfoNotFoundError (a KeyError) for a zone that does not exist
    return value


def utc_now_iso() -> str:
    """Now, as the stored UTC ISO string."""
    return iso_utc(datetime.now(UTC))


def iso_utc(moment: datetime) -> str:
    """An aware instant as the stored UTC ISO string (microseconds, so strings sort in time order)."""
    if moment.tzinfo is None:
        raise ValueError("a stored instant must be an aware datetime")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def row_id(row: Any) -> int:
    """The id of a row that has been stored (flushed), as a plain int."""
    if row.id is None:
        raise ValueError(f"a {type(row).__tablename__} row has no id before it is flushed")
    return int(row.id)


def hhmm_or_none(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def time_or_none(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def item_from_row(row: AgendaItemRow) -> AgendaItem:
    check_row(row)
    if row.duration_min < 0 or (row.min_duration_min is not None and row.min_duration_min < 0):
        raise _refuse(row, "duration_min", "a duration below zero")
    return AgendaItem(
        id=row.id,
        day_id=row.day_id,
        position=row.position,
        kind=_enum(row, "kind", ItemKind),
        title=row.title,
        planned_start=_decoded(row, "planned_start", time_or_none),
        duration_min=row.duration_min,
        fixed_start=row.fixed_start,
        lead=row.lead,
        speakers=list(row.speakers),
        description=row.description,
        materials=list(row.materials),
        min_duration_min=row.min_duration_min,
        shorten=bool(row.shorten),
    )


def item_fields(item: AgendaItem) -> dict[str, Any]:
    """The editable columns of an agenda item, as stored."""
    return dict(
        kind=ItemKind(item.kind).value,
        title=item.title,
        planned_start=hhmm_or_none(item.planned_start),
        duration_min=int(item.duration_min),
        fixed_start=bool(item.fixed_start),
        lead=item.lead,
        speakers=list(item.speakers),
        description=item.description,
        materials=list(item.materials),
        min_duration_min=None if item.min_duration_min is None else int(item.min_duration_min),
        shorten=bool(item.shorten),
    )


def day_from_row(row: DayRow, items: list[AgendaItemRow]) -> Day:
    check_row(row)
    return Day(
        id=row.id,
        position=row.position,
        date=_decoded(row, "date", date.fromisoformat),
        title=row.title,
        items=[item_from_row(i) for i in sorted(items, key=lambda r: r.position)],
    )


def exercise_from_row(row: ExerciseRow) -> Exercise:
    check_row(row)
    return Exercise(
        id=row.id,
        kind=row.kind,
        title=row.title,
        definition=dict(row.definition),
        agenda_item_id=row.agenda_item_id,
        position=row.position,
    )


def participant_from_row(row: ParticipantRow) -> Participant:
    check_row(row)
    return Participant(
        id=row.id,
        full_name=row.full_name,
        certificate_name=row.certificate_name,
        email=row.email,
        country=row.country,
        organization=row.organization,
        position=row.position,
        role=row.role,
        origin=_enum(row, "origin", Origin),
        badge_code=row.badge_code,
    )


def participant_fields(p: Participant) -> dict[str, Any]:
    return dict(
        full_name=p.full_name,
        certificate_name=p.certificate_name,
        email=p.email,
        country=p.country,
        organization=p.organization,
        position=p.position,
        role=p.role,
        origin=Origin(p.origin).value,
        badge_code=p.badge_code,
    )


def group_from_row(row: GroupRow, member_ids: list[int]) -> Group:
    check_row(row)
    return Group(
        id=row.id,
        name=row.name,
        exercise_id=row.exercise_id,
        day_id=row.day_id,
        colour=row.colour,
        member_ids=member_ids,
    )


def _note_tag(value: str) -> NoteTag:
    try:
        return NoteTag(value)
    except ValueError:  # a tag from a newer version: the note is read as a plain note
        return NoteTag.NOTE


def note_from_row(row: NoteRow) -> Note:
    check_row(row)
    return Note(
        id=row.id,
        text=row.text,
        created_at=_decoded(row, "created_at", datetime.fromisoformat),
        tag=_note_tag(row.tag),
        speaker=row.speaker,
        agenda_item_id=row.agenda_item_id,
        owner=row.owner or "",
        due=row.due or "",
    )


def workshop_from_row(row: WorkshopRow) -> Workshop:
    check_row(row)
    return Workshop(
        id=row.id,
        title=row.title,
        timezone=_decoded(row, "timezone", _zone),
        project_code=row.project_code,
        organizers=list(row.organizers),
        modality=_enum(row, "modality", Modality),
        venue=row.venue,
        display_zones=_decoded(row, "display_zones", lambda zones: [_zone(z) for z in zones]),
        description=row.description,
        evaluation_form=dict(row.evaluation_form),
        template_name=row.template_name,
    )


def workshop_fields(w: Workshop) -> dict[str, Any]:
    return dict(
        title=w.title,
        timezone=w.timezone,
        project_code=w.project_code,
        organizers=list(w.organizers),
        modality=Modality(w.modality).value,
        venue=w.venue,
        display_zones=list(w.display_zones),
        description=w.description,
        evaluation_form=dict(w.evaluation_form),
        template_name=w.template_name,
    )


def board_item_from_row(row: BoardItemRow, votes: int = 0) -> BoardItem:
    check_row(row)
    return BoardItem(
        id=row.id,
        exercise_id=row.exercise_id,
        group_id=row.group_id,
        position=row.position,
        area=row.area,
        text=row.text,
        x=row.x,
        y=row.y,
        colour=row.colour,
        cluster=row.cluster,
        data=dict(row.data),
        votes=votes,
    )


def _instant_or_none(value: str) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def response_from_row(row: EvaluationResponseRow, not_asked: dict[str, Any] | None = None) -> Response:
    """An evaluation response; `not_asked` is the setting import id -> question keys it had no column for."""
    check_row(row)
    return Response(
        not_asked=frozenset((not_asked or {}).get(row.import_id or "", ())),
        id=row.id,
        answers=dict(row.answers),
        source=row.source,
        external_id=row.external_id,
        import_id=row.import_id or "",
        submitted_at=_decoded(row, "submitted_at", _instant_or_none),
    )
