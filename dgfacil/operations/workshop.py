"""Editing the workshop's own details (File > Workshop details…)."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import TYPE_CHECKING

from dgfacil.core.details import WorkshopDetails, cleaned
from dgfacil.core.model import Modality
from dgfacil.core.text import check_fields
from dgfacil.operations.changes import Changes
from dgfacil.operations.conflicts import refuse_if_changed
from dgfacil.store import groups, notes, participants
from dgfacil.store import workshop as workshop_store
from dgfacil.store.settings import get_setting, put_setting

# The city typed for a zone ("Geneva" for Europe/Zurich): a setting, so documents need no migration
# and a document without it shows the zones' own cities.
ZONE_LABELS_KEY = "workshop.zone_labels"

if TYPE_CHECKING:
    from sqlmodel import Session


def workshop_details(session: Session) -> WorkshopDetails:
    values = workshop_store.workshop_details(session=session)
    return WorkshopDetails(
        title=values["title"],
        timezone=values["timezone"],
        project_code=values["project_code"],
        organizers=tuple(values["organizers"]),
        modality=Modality(values["modality"]),
        venue=values["venue"],
        display_zones=tuple(values["display_zones"]),
        description=values["description"],
    )


def update_workshop(
    session: Session, *, details: WorkshopDetails, seen: WorkshopDetails | None = None
) -> Changes[WorkshopDetails]:
    """Save the details (checked and trimmed); returns what they were, for undo. Planned times
    keep their clock times when the venue zone changes: 09:00 stays 09:00 in the new zone.

    `seen`: the details as the user saw them. Then only the fields the user changed are written,
    and if another laptop changed one of those since, the edit is refused whole (EditConflict)."""
    check_fields(
        title=details.title,
        project_code=details.project_code,
        organizers=list(details.organizers),
        venue=details.venue,
        description=details.description,
    )
    new = cleaned(details)
    before = workshop_details(session)
    if seen is not None:
        shown = asdict(cleaned(seen))
        changed = {name: value for name, value in asdict(new).items() if value != shown[name]}
        now = asdict(_tidy(before))
        stale = [name for name in changed if now[name] != shown[name]]
        refuse_if_changed(
            now,
            {name: shown[name] for name in changed},
            table="workshop",
            row_id=workshop_store.workshop_id(session=session),
            what=f"The workshop's {stale[0].replace('_', ' ') if stale else 'details'}",
            session=session,
        )
        new = replace(before, **changed)
    values = asdict(new)
    values.update(modality=new.modality.value, organizers=list(new.organizers), display_zones=list(new.display_zones))
    workshop_store.set_workshop_details(values, session=session)
    return Changes(workshop=True, agenda=before.timezone != new.timezone, value=before)


def _tidy(details: WorkshopDetails) -> WorkshopDetails:
    """Stored details as the dialog's answer would give them (a value stored untrimmed compares equal)."""
    try:
        return cleaned(details)
    except ValueError:  # stored before a check existed: compared as it is
        return details


def zone_labels(session: Session) -> dict[str, str]:
    """IANA zone → the city name to show for it, for the zones whose typed city differs."""
    value = get_setting(ZONE_LABELS_KEY, {}, session=session)
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def set_zone_labels(session: Session, *, labels: dict[str, str]) -> Changes[dict[str, str]]:
    """Save the cities typed for zones; returns the labels before, for undo."""
    before = zone_labels(session)
    clean = {zone: label.strip() for zone, label in labels.items() if label and label.strip()}
    put_setting(ZONE_LABELS_KEY, clean or None, session=session)
    return Changes(workshop=True, agenda=True, value=before)


def check_records(session: Session) -> None:
    """Read every record the rooms show (store/convert checks each as it decodes): a value this
    version cannot read raises UnreadableRecord here, as the file opens."""
    workshop_store.load_workshop(session=session)
    participants.load_participants(session=session)
    groups.load_groups(session=session)
    notes.load_notes(session=session)
