"""What to ask the user before printing: names with characters no font here can draw, and a
signing key other than the one the workshop's certificates were signed with.

Each check returns sentences; the CLI prints them and needs --force, the app asks in a dialog
(ui/printing/preflight.py). Nothing here writes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dgfacil.operations import keys
from dgfacil.store.participants import load_participants

if TYPE_CHECKING:
    from sqlmodel import Session

PEOPLE_KINDS = ("certificates", "attendance", "badges", "tents", "groups", "outputs")


@dataclass(frozen=True)
class Unprintable:
    """A person whose name (or organization) has characters that would print as blanks."""

    person: str
    field: str  # "name", "organization", "country"
    characters: tuple[str, ...]

    def sentence(self) -> str:
        chars = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unassigned character')}" for c in self.characters)
        return f"{self.person}: the {self.field} has characters no installed font can draw ({chars})"


def unprintable_names(session: Session, kind: str = "badges") -> list[Unprintable]:
    """Every person whose printed text in `kind` has a character no available font has."""
    from dgfacil.printing import fonts

    if kind not in PEOPLE_KINDS:
        return []
    if kind == "certificates":
        from dgfacil.operations.attendance import eligibility_all

        people = [p for p, e in eligibility_all(session) if e.eligible]
        fields: tuple[str, ...] = ("printed_name",)
    else:
        people = load_participants(session=session)
        fields = ("printed_name", "organization", "country")
    found = []
    for p in people:
        for field in fields:
            missing = fonts.unprintable(getattr(p, field) or "")
            if missing:
                label = "name" if field == "printed_name" else field
                found.append(Unprintable(p.printed_name, label, tuple(missing)))
    return found


def warnings(session: Session, kind: str) -> list[str]:
    """One sentence per thing the user should decide on before printing `kind`."""
    out = [u.sentence() for u in unprintable_names(session, kind)]
    if kind == "certificates":
        warning = keys.key_warning(session)
        if warning:
            out.insert(0, warning)
    return out
