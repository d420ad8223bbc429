"""Changing a per-document setting (day end, warning lead, certificate threshold...)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dgfacil.operations.changes import Changes
from dgfacil.store.settings import get_setting, put_setting

if TYPE_CHECKING:
    from sqlmodel import Session


def set_setting(session: Session, *, key: str, value: Any) -> Changes:
    """Store `value` (JSON) under `key`; None removes it."""
    put_setting(key, value, session=session)
    return Changes(workshop=True)


def day_end_key(day_id: int) -> str:
    return f"agenda.day_end.{day_id}"


def day_end(session: Session, *, day_id: int) -> str | None:
    """The day's stored end time ("HH:MM"), or None when the day ends with its last item."""
    found = get_setting(day_end_key(day_id), session=session)
    return None if found is None else str(found)
