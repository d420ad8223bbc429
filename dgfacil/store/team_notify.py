"""Team mode: every committed write on a server workshop tells the other laptops what changed.

`install(engine, channel)` watches the writer engine: each INSERT/UPDATE/DELETE notes its table,
each ORM flush notes the rows; just before COMMIT one `pg_notify(channel, payload)` goes out in the
same transaction, so PostgreSQL delivers it only if the write commits (and never a rolled-back
one). The payload is JSON: which tables changed, which rows (when every change went through the
ORM), the laptop (`by`) and this process (`origin`, so a laptop ignores its own news).
team_listen.py hears it on the other laptops.
"""

from __future__ import annotations

import json
import os
import uuid
import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Delete, Engine, Insert, Update, event
from sqlalchemy.orm import Session, UOWTransaction

from dgfacil.store.engine import laptop_name
from dgfacil.store.notes import DRAFT_PREFIX  # a note being typed: private to its laptop, never announced

CHANNEL_PREFIX = "dgfacil_"
ORIGIN = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"  # this process: its own notifications are skipped
MAX_IDS = 200  # more rows than this: the payload says only which tables (a room reloads them whole)
_KEY = "dgfacil_touched"
_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def channel_for(document_id: str) -> str:
    """One channel per workshop (a database holds one, but two databases may share a server)."""
    return CHANNEL_PREFIX + "".join(c for c in document_id if c.isalnum())[:40].lower()


@dataclass
class _Touched:
    tables: set[str] = field(default_factory=set)
    ids: dict[str, set[int]] = field(default_factory=dict)
    outside_flush: bool = False  # a bulk statement: its rows are unknown, so no ids are sent
    flushing: bool = False

    def payload(self) -> dict[str, Any]:
        ids = {t: sorted(v) for t, v in self.ids.items() if v}
        if self.outside_flush or sum(len(v) for v in ids.values()) > MAX_IDS:
            ids = {}
        return {"by": laptop_name(), "origin": ORIGIN, "tables": sorted(self.tables), "ids": ids}


def _touched(conn: Connection) -> _Touched:
    touched = conn.info.setdefault(_KEY, _Touched())
    assert isinstance(touched, _Touched)
    return touched


def install(engine: Engine, channel: str) -> None:
    """Send one notification on `channel` for each committed write through `engine`."""
    _engines.add(engine)

    @event.listens_for(engine, "after_execute")
    def _noted(
        conn: Connection, clause: object, _multiparams: object, _params: object, _options: object, _result: object
    ) -> None:
        table = getattr(clause, "table", None)
        if isinstance(clause, (Insert, Update, Delete)) and table is not None:
            touched = _touched(conn)
            if table.name != "setting":
                touched.tables.add(table.name)
            touched.outside_flush |= not touched.flushing

    @event.listens_for(engine, "commit")
    def _announce(conn: Connection) -> None:
        touched = conn.info.pop(_KEY, None)
        if touched is None or not touched.tables:
            return
        text = json.dumps(touched.payload(), separators=(",", ":"))
        if len(text) > 7900:  # NOTIFY's limit is 8000 bytes
            text = json.dumps({**touched.payload(), "ids": {}}, separators=(",", ":"))
        # on the driver's connection, inside the transaction being committed
        driver = conn.connection.driver_connection
        assert driver is not None  # a connection inside its commit is checked out
        driver.execute("SELECT pg_notify(%s, %s)", (channel, text))

    @event.listens_for(engine, "rollback")
    def _forget(conn: Connection) -> None:
        conn.info.pop(_KEY, None)


@event.listens_for(Session, "before_flush")
def _flush_starts(session: Session, _context: UOWTransaction, _instances: object) -> None:
    conn = _watched(session)
    if conn is None:
        return
    _touched(conn).flushing = True


@event.listens_for(Session, "after_flush")
def _flush_ends(session: Session, _context: UOWTransaction) -> None:
    conn = _watched(session)
    if conn is None:
        return
    touched = _touched(conn)
    for row in (*session.new, *session.dirty, *session.deleted):  # still the flush's rows here
        _note_row(touched, row)
    touched.flushing = False


def _watched(session: Session) -> Connection | None:
    if session.get_bind() not in _engines:
        return None
    return session.connection()


def _note_row(touched: _Touched, row: object) -> None:
    table = getattr(getattr(row, "__table__", None), "name", None)
    row_id = getattr(row, "id", None)
    if table is None:
        return
    if table == "setting":
        if str(getattr(row, "key", "")).startswith(DRAFT_PREFIX):
            return
        touched.tables.add("setting")
    if isinstance(row_id, int):
        touched.ids.setdefault(table, set()).add(row_id)
