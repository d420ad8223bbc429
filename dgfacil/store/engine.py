"""The engine of a document: a SQLite file, or a PostgreSQL database on a server (team mode).

A document's address is a path or a `postgresql://` URL (`is_server_address`). The rest of this
docstring is SQLite's; `make_server_engine` says what a server gets instead.

SQLite: WAL, synchronous=FULL, foreign keys, real transactions.

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
import socket
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool

from dgfacil.store import text_guard
from dgfacil.store.team_address import libpq_url, redacted

__all__ = ["libpq_url", "redacted"]  # the URL helpers live in team_address.py; here for older callers

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


def make_engine(
    path: Path | str,
    *,
    foreign_keys: bool = True,
    read_only: bool = False,
    immutable: bool = False,
    immediate: bool = True,
) -> Engine:
    """`immediate=False`: transactions start with a plain BEGIN (for reads, which need no write lock).
    A `postgresql://` address gets a server engine (`foreign_keys` and `immutable` are SQLite's)."""
    if is_server_address(path):
        return make_server_engine(str(path), writer=immediate and not read_only)
    uri = sqlite_uri(Path(path), read_only=read_only, immutable=immutable)
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S),
        poolclass=NullPool,  # one connection per session: nothing held open between edits
        json_serializer=text_guard.dumps,  # no lone surrogate inside a JSON column
    )
    text_guard.guard(engine)  # nor in any text parameter, however the write comes in
    writable = not (read_only or immutable)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if writable:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writable and immediate else "BEGIN")

    return engine


# -- PostgreSQL (team mode) ----------------------------------------------------------------------
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
CONNECT_TIMEOUT_S = int(os.environ.get("DGFACIL_CONNECT_TIMEOUT_S", "5"))
# One key for the document's write lock: advisory locks are per database, and a database holds
# one workshop, so the key only has to differ from other programs' keys (it reads "dgfa").
WRITE_LOCK_KEY = 0x64676661
# A writer's transaction left idle this long (a laptop stalled mid-change: SIGSTOP, a closed lid) is
# ended by the server, releasing the writers' lock. Our write transactions take milliseconds; it
# is below BUSY_TIMEOUT_S, so a laptop queued behind a stalled one gets through instead of failing.
IDLE_WRITER_TIMEOUT_S = float(os.environ.get("DGFACIL_IDLE_WRITER_TIMEOUT_S", "15"))


def is_server_address(address: object) -> bool:
    return isinstance(address, str) and address.lower().startswith(SERVER_SCHEMES)


def laptop_name() -> str:
    """Who is writing, as the server sees it (application_name): DGFACIL_LAPTOP_NAME or the host name."""
    return (os.environ.get("DGFACIL_LAPTOP_NAME") or socket.gethostname() or "laptop")[:63]


def make_server_engine(address: str, *, writer: bool = True, password: str | None = None) -> Engine:
    """A PostgreSQL engine through psycopg 3 for the document at `address`.

    The URL goes to libpq untouched (psycopg.connect), so everything libpq reads from the
    environment applies: PGPASSFILE or ~/.pgpass for the password, PGSSLMODE, PGSERVICE...
    The app never parses, stores or logs a password; one typed in File > Open team workshop is
    handed to libpq as `password` for this engine's connections only.

    Isolation. SQLite gives a document one writer at a time (BEGIN IMMEDIATE), and the store's
    edits rely on it: "the next position", "the next certificate number", read-then-write moves.
    A writer here is READ COMMITTED and first takes a transaction-scoped advisory lock, so writers
    to one workshop queue exactly as they do on SQLite, and each statement sees every commit
    before it. REPEATABLE READ for writers would instead fail the later of two overlapping edits
    with a serialization error that every caller would have to retry. Readers (`writer=False`)
    run REPEATABLE READ: one consistent snapshot for a whole read, as SQLite's WAL readers see,
    and never blocked by a writer: they never take the advisory lock. A writer left idle inside its
    transaction (IDLE_WRITER_TIMEOUT_S) is ended by the server, so a stalled laptop cannot hold the
    lock for ever. A stale edit (a row changed since it was read) is caught by the
    row version (tables.py), not by isolation.
    """
    import psycopg  # only a team document needs the driver
    from psycopg.adapt import AdaptersMap
    from psycopg.types.json import set_json_dumps

    conninfo = libpq_url(address)
    options = f"-c lock_timeout={int(BUSY_TIMEOUT_S * 1000)}"
    if writer:
        options += f" -c idle_in_transaction_session_timeout={int(IDLE_WRITER_TIMEOUT_S * 1000)}"
    adapters = AdaptersMap(psycopg.adapters)  # what SQLAlchemy's own connect would pass: its JSON dumps
    set_json_dumps(text_guard.dumps, adapters)

    def connect() -> psycopg.Connection[Any]:
        return psycopg.connect(
            conninfo,
            context=adapters,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name=laptop_name(),
            options=options,
            # a dropped Wi-Fi is noticed within ~25 s even while a query waits on the socket
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=5,
            keepalives_count=3,
            password=password or None,  # None: libpq looks in PGPASSFILE / ~/.pgpass
        )

    engine = create_engine(
        "postgresql+psycopg://",
        creator=connect,
        isolation_level="READ COMMITTED" if writer else "REPEATABLE READ",
        pool_pre_ping=True,  # a connection that died with the Wi-Fi is replaced, not used
        pool_size=2,
        max_overflow=8,
        pool_recycle=600,
        json_serializer=text_guard.dumps,
    )
    text_guard.guard(engine)

    if writer:

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")

    return engine
