"""The SQLite engine of a document: WAL, synchronous=FULL, foreign keys, real transactions.

Python's sqlite3 commits DDL on its own unless BEGIN is emitted by hand, so the driver is put
in autocommit mode and SQLAlchemy's "begin" emits BEGIN itself (SQLAlchemy's pysqlite recipe).
That makes a migration one transaction that rolls back whole.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        poolclass=NullPool,  # one connection per session: nothing held open between edits
        connect_args={"check_same_thread": False, "timeout": 10},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN")

    return engine
