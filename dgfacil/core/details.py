"""A workshop's own details — title, code, organizers, modality, venue, zones — and their checks.

The facilitator edits these after creating a workshop from a template: the venue and its time
zone, the organizers printed on certificates, the extra zones a hybrid audience watches from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dgfacil.core.model import Modality

FIELDS = ("title", "project_code", "organizers", "modality", "venue", "timezone", "display_zones", "description")
TITLE_MAX = 300


@dataclass(frozen=True)
class WorkshopDetails:
    title: str
    timezone: str
    project_code: str = ""
    organizers: tuple[str, ...] = ()
    modality: Modality = Modality.IN_PERSON
    venue: str = ""
    display_zones: tuple[str, ...] = field(default=())
    description: str = ""


def _zone_ok(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return "/" in name or name == "UTC"  # "EST", "PST"… exist but are not places


def cleaned(details: WorkshopDetails) -> WorkshopDetails:
    """The details with spaces trimmed, empty lines and repeated zones dropped; ValueError naming
    every problem (an empty title, an unknown zone, an unknown modality) in one sentence."""
    problems = []
    title = " ".join(details.title.split())
    if not title:
        problems.append("the title is empty")
    elif len(title) > TITLE_MAX:
        problems.append(f"the title is longer than {TITLE_MAX} characters")
    zone = details.timezone.strip()
    if not _zone_ok(zone):
        problems.append(f"unknown time zone {zone!r} (use an IANA name such as Asia/Bangkok)")
    extras: list[str] = []
    for name in (z.strip() for z in details.display_zones):
        if not name or name == zone or name in extras:
            continue
        if not _zone_ok(name):
            problems.append(f"unknown time zone {name!r} among the extra zones (IANA names such as Europe/Zurich)")
        extras.append(name)
    try:
        modality = Modality(details.modality)
    except ValueError:
        problems.append(f"modality must be one of {', '.join(m.value for m in Modality)}")
        modality = Modality.IN_PERSON
    if problems:
        sentence = "; ".join(problems)
        raise ValueError(sentence[0].upper() + sentence[1:] + ".")
    return replace(
        details,
        title=title,
        timezone=zone,
        project_code=details.project_code.strip(),
        organizers=tuple(o.strip() for o in details.organizers if o.strip()),
        modality=modality,
        venue=details.venue.strip(),
        display_zones=tuple(extras),
        description=details.description.strip(),
    )
