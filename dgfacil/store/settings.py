"""Per-document settings: a key and a JSON value in the `setting` table."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from dgfacil.store.tables import SettingRow
from dgfacil.store.workshop import workshop_id


def get_setting(key: str, default: Any = None, *, session: Session) -> Any:
    row = session.exec(select(SettingRow).where(SettingRow.key == key)).first()
    return default if row is None or row.value is None else row.value


def put_setting(key: str, value: Any, *, session: Session) -> None:
    row = session.exec(select(SettingRow).where(SettingRow.key == key)).first()
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = SettingRow(workshop_id=workshop_id(session=session), key=key)
        session.add(row)
    row.value = value
    session.flush()
