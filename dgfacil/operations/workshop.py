"""Editing the workshop's own details (File > Workshop details…)."""
from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from dgfacil.core.details import WorkshopDetails, cleaned
from dgfacil.core.model import Modality
from dgfacil.core.text import check_fields
from dgfacil.operations.changes import Changes
from dgfacil.store import queries

if TYPE_CHECKING:
    from sqlmodel import Session


def workshop_details(session: Session) -> WorkshopDetails:
    values = queries.workshop_details(session=session)
    return WorkshopDetails(
        title=values["title"], timezone=values["timezone"], project_code=values["project_code"],
        organizers=tuple(values["organizers"]), modality=Modality(values["modality"]), venue=values["venue"],
        display_zones=tuple(values["display_zones"]), description=values["description"])


def update_workshop(session: Session, *, details: WorkshopDetails) -> tuple[Changes, WorkshopDetails]:
    """Save the details (checked and trimmed); returns what they were, for undo. Planned times
    keep their clock times when the venue zone changes: 09:00 stays 09:00 in the new zone."""
    check_fields(title=details.title, project_code=details.project_code, organizers=list(details.organizers),
                 venue=details.venue, description=details.description)
    new = cleaned(details)
    before = workshop_details(session)
    values = asdict(new)
    values.update(modality=new.modality.value, organizers=list(new.organizers),
                  display_zones=list(new.display_zones))
    queries.set_workshop_details(values, session=session)
    return Changes(workshop=True, agenda=before.timezone != new.timezone), before


def check_records(session: Session) -> None:
    """Read every record the rooms show (store/convert checks each as it decodes): a value this
    version cannot read raises UnreadableRecord here, as the file opens."""
    queries.load_workshop(session=session)
    queries.load_participants(session=session)
    queries.load_groups(session=session)
    queries.load_notes(session=session)
