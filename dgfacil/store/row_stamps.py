"""Who changed a row last, and when, on a team workshop (schema 0005's `changed_by`/`changed_at`).

Every ORM flush on a PostgreSQL session stamps the rows it adds or changes with this laptop's name
(engine.laptop_name) and the UTC instant. A file stays unstamped: one laptop writes it, and a file
handed on should not carry the laptop's host name. `last_change` reads the stamp back, so a refused
edit can say "changed on the check-in laptop at 10:42".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction
from sqlmodel import SQLModel, select

from dgfacil.store.engine import laptop_name


@dataclass(frozen=True)
class LastChange:
    """The row's version and its last writer (`by` empty: unknown, e.g. a file)."""

    version: int
    by: str
    at: str  # ISO-8601 UTC, or ""


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context: UOWTransaction, _instances: object) -> None:
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    by, at = laptop_name(), datetime.now(UTC).isoformat(timespec="seconds")
    for row in (*session.new, *session.dirty):
        if hasattr(row, "changed_by") and (row in session.new or session.is_modified(row)):
            row.changed_by, row.changed_at = by, at


def last_change(table: str, row_id: int, *, session: Session) -> LastChange | None:
    """The stamp of row `row_id` of `table`, read fresh from the database (None: no such row)."""
    found = SQLModel.metadata.tables[table]
    got = session.execute(
        select(found.c.version, found.c.changed_by, found.c.changed_at).where(found.c.id == row_id)
    ).first()
    return LastChange(int(got[0]), got[1] or "", got[2] or "") if got is not None else None
