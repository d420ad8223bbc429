"""Day edits that can be undone: rename or re-date a day, delete a day with all it holds and
bring it back, undo an ICS import."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from dgfacil.operations.changes import Changes
from dgfacil.store import days as store
from dgfacil.store.snapshot import Snapshot

if TYPE_CHECKING:
    from sqlmodel import Session

EVERYTHING = Changes(agenda=True, run=True, notes=True, exercises=True, groups=True, boards=True, attendance=True)


def delete_days(session: Session, *, day_ids: list[int]) -> Changes[list[Snapshot]]:
    """Delete days with their items, run log, groups and attendance; notes and exercises are unlinked."""
    snapshots = store.delete_days(day_ids, session=session)
    return replace(EVERYTHING, ids=tuple(day_ids)).with_value(snapshots)


def restore_days(session: Session, *, snapshots: list[Snapshot]) -> Changes:
    store.restore_days(snapshots, session=session)
    return EVERYTHING


def rename_day(
    session: Session,
    *,
    day_id: int,
    title: str | None = None,
    on: date | None = None,
    seen: Mapping[str, Any] | None = None,
) -> Changes:
    from dgfacil.operations.agenda import update_day

    return update_day(session, day_id=day_id, title=title, on=on, seen=seen)
