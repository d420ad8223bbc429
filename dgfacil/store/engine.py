"""The SQLite engine of a document: WAL, synchronous=FULL, foreign keys, real transactions.

Python's sqlite3 commits DDL on its own unless BEGIN is emitted by hand, so the driver is put
in autocommit mode and SQLAlchemy's "begin" emits BEGIN itself (SQLAlchemy's pysqlite recipe).
That makes a migration one transaction that rolls back whole.

Every transaction starts with BEGIN IMMEDIATE: it takes the write lock at once, so a second writer
(the app and a CLI command on one file) waits for it within the busy timeout. A plain BEGIN reads
first and upgrades later, and an upgrade that collides fails with "database is locked" at once.

A read-only engine opens the file with SQLite's `mode=ro` (and `immutable=1` where the -shm file
cannot be created: a write-protected stick). Such a connection never writes a byte: no journal
mode switch, no checkpoint.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from dgfacil.store import text_guard

# How long a writer waits for another one before giving up (DGFACIL_BUSY_TIMEOUT_S: slow network
# drives may want more, tests less).
BUSY_TIMEOUT_S = float(os.environ.get("DGFACIL_BUSY_TIMEOUT_S", "20"))


def sqlite_uri(path: Path, *, read_only: bool = False, immutable: bool = False) -> str:
    """A `file:` URI for sqlite3.connect(..., uri=True)."""
    params = []
    if read_only or immutable:
        params.append("mode=ro")
    if immutable:
        params.append("immutable=1")
    query = f"?{'&'.join(params)}" if params else ""
    return f"file:{quote(str(Path(path).absolute()))}{query}"


def make_engine(path: Path, *, foreign_keys: bool = True, read_only: bool = False, immutable: bool = False,
                immediate: bool = True) -> Engine:
    """`immediate=False`: transactions start with a plain BEGIN (for reads, which need no write lock)."""
    uri = sqlite_uri(path, read_only=read_only, immutable=immutable)
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S),
        poolclass=NullPool,  # one connection per session: nothing held open between edits
        json_serializer=text_guard.dumps,  # no lone surrogate inside a JSON column
    )
    text_guard.guard(engine)  # nor in any text parameter, however the write comes in
    writable = not (read_only or immutable)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if writable:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writable and immediate else "BEGIN")

    return engine
