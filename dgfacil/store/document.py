"""A workshop document: one SQLite file, opened, checked, migrated and backed up.

Every user edit is its own transaction, committed at once: `with doc.session() as s: ...`
commits on leaving the block (or rolls back on an error).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import inspect
from sqlmodel import Session, select

from dgfacil.store import backup, migrate
from dgfacil.store.engine import make_engine
from dgfacil.store.errors import DamagedDocument, MissingDocument, NewerDocument, NotADocument
from dgfacil.store.tables import WorkshopRow

SUFFIX = ".dgfacil"
SQLITE_MAGIC = b"SQLite format 3\x00"


class Document:
    """An open workshop file. Use `session()` for each user action."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.engine = make_engine(self.path)
        self.last_backup: datetime | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            with session.begin():
                yield session

    @property
    def workshop_id(self) -> int:
        with Session(self.engine) as session:
            row = session.exec(select(WorkshopRow.id)).first()
        if row is None:
            raise NotADocument(self.path, "it holds no workshop")
        return row

    def take_backup(self, reason: str = "auto") -> Path:
        dest = backup.take_backup(self.path, reason=reason)
        self.last_backup = datetime.now(timezone.utc)
        return dest

    def save_copy(self, dest: Path) -> Path:
        """'Save a copy as': a consistent copy through the backup API, WAL included."""
        return backup.copy_database(self.path, Path(dest))

    def close(self) -> None:
        # Fold the WAL back so the file alone is complete when carried on a USB stick.
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()


def create_document(path: Path) -> Document:
    """A new, empty document at the newest schema. Refuses to overwrite a file."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document(path)
    migrate.upgrade(doc.engine)
    return doc


def open_document(path: Path, *, backup_before_migrate: bool = True) -> Document:
    """Open an existing document: check it, refuse a newer schema, back up, then migrate."""
    path = Path(path)
    if not path.exists():
        raise MissingDocument(path)
    if path.is_dir():
        raise NotADocument(path, "it is a folder")
    with open(path, "rb") as handle:
        magic = handle.read(16)
    if magic != SQLITE_MAGIC:
        if not magic and path.stat().st_size == 0:
            raise NotADocument(path, "the file is empty")
        raise NotADocument(path)
    check_integrity(path)
    doc = Document(path)
    with doc.engine.connect() as conn:
        revision = migrate.current_revision(conn)
        has_tables = bool(inspect(conn).get_table_names())
    if revision is None and has_tables:
        doc.engine.dispose()
        raise NotADocument(path, "it is a database of another program")
    if revision is not None and revision not in migrate.known_revisions():
        doc.engine.dispose()
        raise NewerDocument(path, revision)
    if revision != migrate.head_revision():
        if backup_before_migrate and revision is not None:
            doc.take_backup(reason=f"before-migrate-{revision}")
        migrate.upgrade(doc.engine)
    return doc


def check_integrity(path: Path) -> None:
    """SQLite's own check; a damaged file is reported with the newest backup, never a traceback."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
        ok = rows == [("ok",)]
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise DamagedDocument(path, backup.newest_backup(path))
