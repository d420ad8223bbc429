"""Rows to domain values and back. The only place that knows both shapes."""
from __future__ import annotations

from datetime import date, datetime, time

from dgfacil.core.model import (
    AgendaItem, Day, Exercise, Group, ItemKind, Modality, Note, NoteTag, Origin, Participant, Workshop,
)
from dgfacil.store.tables import (
    AgendaItemRow, DayRow, ExerciseRow, GroupRow, NoteRow, ParticipantRow, WorkshopRow,
)


def hhmm_or_none(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def time_or_none(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def item_from_row(row: AgendaItemRow) -> AgendaItem:
    return AgendaItem(
        id=row.id, day_id=row.day_id, position=row.position, kind=ItemKind(row.kind), title=row.title,
        planned_start=time_or_none(row.planned_start), duration_min=row.duration_min,
        fixed_start=row.fixed_start, lead=row.lead, speakers=list(row.speakers),
        description=row.description, materials=list(row.materials),
        min_duration_min=row.min_duration_min, shorten=bool(row.shorten),
    )


def item_fields(item: AgendaItem) -> dict:
    """The editable columns of an agenda item, as stored."""
    return dict(
        kind=ItemKind(item.kind).value, title=item.title, planned_start=hhmm_or_none(item.planned_start),
        duration_min=int(item.duration_min), fixed_start=bool(item.fixed_start), lead=item.lead,
        speakers=list(item.speakers), description=item.description, materials=list(item.materials),
        min_duration_min=None if item.min_duration_min is None else int(item.min_duration_min),
        shorten=bool(item.shorten),
    )


def day_from_row(row: DayRow, items: list[AgendaItemRow]) -> Day:
    return Day(
        id=row.id, position=row.position, date=date.fromisoformat(row.date), title=row.title,
        items=[item_from_row(i) for i in sorted(items, key=lambda r: r.position)],
    )


def exercise_from_row(row: ExerciseRow) -> Exercise:
    return Exercise(
        id=row.id, kind=row.kind, title=row.title, definition=dict(row.definition),
        agenda_item_id=row.agenda_item_id, position=row.position,
    )


def participant_from_row(row: ParticipantRow) -> Participant:
    return Participant(
        id=row.id, full_name=row.full_name, certificate_name=row.certificate_name, email=row.email,
        country=row.country, organization=row.organization, position=row.position, role=row.role,
        origin=Origin(row.origin), badge_code=row.badge_code,
    )


def participant_fields(p: Participant) -> dict:
    return dict(
        full_name=p.full_name, certificate_name=p.certificate_name, email=p.email, country=p.country,
        organization=p.organization, position=p.position, role=p.role, origin=Origin(p.origin).value,
        badge_code=p.badge_code,
    )


def group_from_row(row: GroupRow, member_ids: list[int]) -> Group:
    return Group(id=row.id, name=row.name, exercise_id=row.exercise_id, day_id=row.day_id,
                 colour=row.colour, member_ids=member_ids)


def note_from_row(row: NoteRow) -> Note:
    return Note(
        id=row.id, text=row.text, created_at=datetime.fromisoformat(row.created_at), tag=NoteTag(row.tag),
        speaker=row.speaker, agenda_item_id=row.agenda_item_id, owner=row.owner or "", due=row.due or "",
    )


def workshop_from_row(row: WorkshopRow) -> Workshop:
    return Workshop(
        id=row.id, title=row.title, timezone=row.timezone, project_code=row.project_code,
        organizers=list(row.organizers), modality=Modality(row.modality), venue=row.venue,
        display_zones=list(row.display_zones), description=row.description,
        evaluation_form=dict(row.evaluation_form), template_name=row.template_name,
    )


def workshop_fields(w: Workshop) -> dict:
    return dict(
        title=w.title, timezone=w.timezone, project_code=w.project_code, organizers=list(w.organizers),
        modality=Modality(w.modality).value, venue=w.venue, display_zones=list(w.display_zones),
        description=w.description, evaluation_form=dict(w.evaluation_form), template_name=w.template_name,
    )
