"""Opening a workshop FILE: check its bytes, refuse a newer schema, read-only where it cannot be
written, back up, then migrate. (A server workshop opens in store/server_document.py.)

Opening never writes before it knows it may: the file is first inspected through a frozen view
(SQLite `immutable=1`, or a private copy of the file and its pending WAL), so a file from a newer
dgfacil, or one on a write-protected stick, is left byte for byte as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import exc as sa_exc

from dgfacil.store import backup, migrate
from dgfacil.store.document import Document, View, ensure_document_id
from dgfacil.store.engine import make_engine, sqlite_uri
from dgfacil.store.errors import (
    CannotWrite,
    DamagedDocument,
    DiskFull,
    DocumentError,
    MissingDocument,
    NewerDocument,
    NotADocument,
    ReadOnlyDocument,
    explain,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_FREE_BYTES = 1 << 20  # below this a disk is full: the WAL could not grow


def file_problem(path: Path) -> str | None:
    """What is visibly wrong with the file's bytes before SQLite reads it, or None."""
    size = path.stat().st_size
    if size == 0:
        return "the file is empty"
    with open(path, "rb") as handle:
        header = handle.read(100)
    if header[:16] != SQLITE_MAGIC:
        if not header.strip(b"\x00"):
            return "its first page is blank"
        return ""
    if len(header) < 100:
        return "the file is cut short"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "its header is damaged"
    if size % page_size:
        return "its size is not a whole number of pages: it was cut short or added to"
    pages = int.from_bytes(header[28:32], "big")
    header_current = header[24:28] == header[92:96]
    wal = Path(f"{path}-wal")
    if header_current and not (wal.exists() and wal.stat().st_size) and size < pages * page_size:
        return "the file is cut short"
    return None


def _refuse(path: Path, why: str) -> DocumentError:
    """A file that is not (or no longer) a workshop: offer the newest backup if it once was one."""
    try:
        found = backup.backups_for_path(path)
    except OSError:
        found = []
    if found:
        return DamagedDocument(path, found[0], why or "it is no longer a SQLite database")
    return NotADocument(path, why)


def frozen_view(path: Path) -> View:
    """Read the file without writing a byte: immutable when there is no pending WAL, else a copy of
    the file and its WAL in a private folder (SQLite replays the WAL there, not here)."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        scratch = Path(tempfile.mkdtemp(prefix="dgfacil-view-"))
        copy = scratch / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, Path(f"{copy}-wal"))
        return View(copy, immutable=False, scratch=scratch)
    return View(path, immutable=True)


def inspect_file(uri: str) -> tuple[bool, str | None, bool]:
    """(passes quick_check, alembic revision, has tables) through a read-only connection."""
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False, None, False
    return ok, revision, bool(tables)


def check_integrity(path: Path) -> None:
    """SQLite's own check; a damaged file is reported with the newest backup, never a traceback."""
    view = frozen_view(path)
    try:
        ok = inspect_file(view.uri)[0]
    finally:
        view.discard()
    if not ok:
        raise DamagedDocument(path, backup.newest_backup(path))


def why_read_only(path: Path) -> str | None:
    """Why this file cannot be written here (None if it can): the disk, the folder, the file, space."""
    folder = path.parent
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None and statvfs(folder).f_flag & os.ST_RDONLY:
        return "the disk or USB stick is write-protected"
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(folder, os.W_OK):
        return "its folder is read-only"
    if shutil.disk_usage(folder).free < MIN_FREE_BYTES:
        return "the disk is full"
    try:  # the last word is SQLite's: take the write lock and let it go
        conn = sqlite3.connect(sqlite_uri(path), uri=True, timeout=1, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.OperationalError as err:
        found = explain(err, path)
        if isinstance(found, DiskFull):
            return "the disk is full"
        if isinstance(found, (ReadOnlyDocument, CannotWrite)):
            return "the file cannot be written here"
    return None


def _read_only_view(path: Path, revision: str | None) -> View | None:
    """None when the file can be read in place (mode=ro); else a frozen view, migrated if old."""
    if revision == migrate.head_revision():
        try:
            conn = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True, timeout=5)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return None
            finally:
                conn.close()
        except sqlite3.OperationalError:
            return frozen_view(path)
    # An older schema cannot be migrated here: migrate a private copy and read that.
    source = frozen_view(path)
    scratch = Path(tempfile.mkdtemp(prefix="dgfacil-view-"))
    try:
        copy = backup.copy_database(path, scratch / path.name, source_uri=source.uri)
    finally:
        source.discard()
    engine = make_engine(copy)
    migrate.upgrade(engine)
    engine.dispose()
    return View(copy, immutable=False, scratch=scratch)


def open_file(path: Path, *, backup_before_migrate: bool = True, backup_on_open: bool = True) -> Document:
    """Open an existing document: check it, refuse a newer schema, open read-only where it cannot
    be written, back up, then migrate."""
    path = Path(path)
    if not path.exists():
        raise MissingDocument(path)
    if path.is_dir():
        raise NotADocument(path, "it is a folder")
    problem = file_problem(path)
    if problem is not None:
        raise _refuse(path, problem)
    view = frozen_view(path)
    try:
        ok, revision, has_tables = inspect_file(view.uri)
    finally:
        view.discard()
    if not ok and view.scratch is not None:  # the copy may have caught a writer mid-checkpoint
        ok, revision, has_tables = inspect_file(sqlite_uri(path, read_only=True))
    if not ok:
        raise DamagedDocument(path, backup.newest_backup(path), "SQLite's check of the file failed")
    if revision is None and has_tables:
        raise NotADocument(path, "it is a database of another program")
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerDocument(path, revision)
    try:
        return _open_checked(path, revision, backup_before_migrate=backup_before_migrate, backup_on_open=backup_on_open)
    except (sqlite3.Error, sa_exc.SQLAlchemyError) as err:
        raise (explain(err, path) or CannotWrite(path, "it could not be opened")) from err


def _open_checked(path: Path, revision: str | None, *, backup_before_migrate: bool, backup_on_open: bool) -> Document:
    reason = why_read_only(path)
    if reason is not None:
        doc = Document(path, read_only_reason=reason, view=_read_only_view(path, revision))
        ensure_document_id(doc)
    else:
        doc = Document(path)
        if revision != migrate.head_revision():
            if backup_before_migrate and revision is not None:
                doc.take_backup(reason=f"before-migrate-{revision}")
            migrate.upgrade(doc.engine)
        ensure_document_id(doc)
    if backup_on_open:
        back_up_as_opened(doc)
    return doc


def back_up_as_opened(doc: Document) -> None:
    """The backup of the file as it was opened (`doc.opened_as`); one the same as the newest is not
    kept twice. Opening takes it, unless told not to: the window takes it on its database worker as
    the first job, every edit queued behind it, while the room on show is being built."""
    try:
        doc.opened_as = doc.take_backup(reason="open", skip_unchanged=True)
    except (OSError, DocumentError):
        pass  # a backup folder that cannot be written must not keep the workshop closed
