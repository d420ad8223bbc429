"""A workshop document: one SQLite file, opened, checked, migrated and backed up.

Every user edit is its own transaction, committed at once: `with doc.session() as s: ...`
commits on leaving the block (or rolls back on an error). Any database failure inside leaves as
a one-line DocumentError (errors.explain), never SQL text.

Opening never writes before it knows it may: the file is first inspected through a frozen view
(SQLite `immutable=1`, or a private copy of the file and its pending WAL), so a file from a newer
dgfacil, or one on a write-protected stick, is left byte for byte as it was.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlmodel import Session, select

from dgfacil.paths import backups_dir
from dgfacil.store import backup, migrate
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
from dgfacil.store.tables import SettingRow, WorkshopRow

SUFFIX = ".dgfacil"
SQLITE_MAGIC = b"SQLite format 3\x00"
DOCUMENT_ID_KEY = "document_id"  # a UUID in the `setting` table: which workshop this is, wherever it lives
MIN_FREE_BYTES = 1 << 20  # below this a disk is full: the WAL could not grow


@dataclass
class View:
    """What SQLite reads for a document it must not write: the file itself (immutable) or a copy."""

    path: Path
    immutable: bool
    scratch: Path | None = None  # a private folder holding the copy, removed on close

    @property
    def uri(self) -> str:
        return sqlite_uri(self.path, read_only=True, immutable=self.immutable)

    def discard(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


class Document:
    """An open workshop file. Use `session()` for each user action."""

    def __init__(self, path: Path, *, read_only_reason: str | None = None, view: View | None = None) -> None:
        self.path = Path(path)
        self.read_only_reason = read_only_reason
        self.view = view
        if view is not None:
            self.engine = make_engine(view.path, read_only=True, immutable=view.immutable)
        else:
            self.engine = make_engine(self.path, read_only=read_only_reason is not None)
        self.read_engine = self.engine if self.read_only else make_engine(self.path, immediate=False)
        self.document_id: str | None = None
        self.last_backup: datetime | None = None
        self.opened_as: Path | None = None  # the backup of the file as it was opened (not a way back)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def explain(self, err: BaseException) -> DocumentError | None:
        found = explain(err, self.path, newest_backup=self.newest_backup())
        if self.read_only and isinstance(found, (ReadOnlyDocument, CannotWrite, DiskFull)):
            return ReadOnlyDocument(self.path, self.read_only_reason or "")
        return found

    def newest_backup(self) -> Path | None:
        """The newest backup from before this opening: the one taken as it opened holds the same
        records, so it is no way back from a record that cannot be read."""
        try:
            found = backup.list_backups(self.path, self.document_id)
        except OSError:
            return None
        return next((b for b in found if b != self.opened_as), None)

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction. A write session takes the write lock at BEGIN; `write=False` is for
        pure reads, which in WAL mode never wait for a writer."""
        engine = self.engine if write else self.read_engine
        try:
            with Session(engine, expire_on_commit=False) as session:
                with session.begin():
                    yield session
        except Exception as err:
            found = self.explain(err)
            if found is None or found is err:
                raise
            raise found from err

    @property
    def workshop_id(self) -> int:
        with self.session() as session:
            row = session.exec(select(WorkshopRow.id)).first()
        if row is None:
            raise NotADocument(self.path, "it holds no workshop")
        return row

    def _source_uri(self) -> str:
        return self.view.uri if self.view is not None else sqlite_uri(self.path, read_only=True)

    def take_backup(self, reason: str = "auto", *, skip_unchanged: bool = False) -> Path:
        try:
            dest = backup.take_backup(self.path, self.document_id, reason=reason, source_uri=self._source_uri(),
                                      skip_unchanged=skip_unchanged)
        except sqlite3.Error as err:
            raise CannotWrite(backups_dir(), "the backup could not be written") from err
        self.last_backup = datetime.now(timezone.utc)
        return dest

    def save_copy(self, dest: Path) -> Path:
        """'Save a copy as': a consistent copy through the backup API, WAL included. The copy is a
        workshop of its own from now on: it gets a new document id (and so its own backups)."""
        dest = Path(dest)
        try:
            backup.copy_database(self.path, dest, source_uri=self._source_uri())
            engine = make_engine(dest)
            try:
                with Session(engine) as session, session.begin():
                    _set_document_id(session, uuid.uuid4().hex)
            finally:
                engine.dispose()
        except (sqlite3.Error, sa_exc.SQLAlchemyError) as err:
            raise (explain(err, dest) or CannotWrite(dest, "the copy failed")) from err
        return dest

    def close(self) -> None:
        # Fold the WAL back so the file alone is complete when carried on a USB stick. A checkpoint
        # that cannot run (full disk, another writer) leaves the WAL, which is part of the file.
        if not self.read_only:
            try:
                conn = self.engine.raw_connection()  # outside any BEGIN: no write lock to wait for
                try:
                    conn.driver_connection.execute("PRAGMA busy_timeout=0")  # a writer elsewhere: leave the WAL
                    conn.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                finally:
                    conn.close()
            except (sqlite3.Error, sa_exc.SQLAlchemyError):
                pass
        self.engine.dispose()
        self.read_engine.dispose()  # the same engine when read-only: disposing twice is harmless
        if self.view is not None:
            self.view.discard()


def _get_document_id(session: Session) -> str | None:
    row = session.exec(select(SettingRow).where(SettingRow.key == DOCUMENT_ID_KEY)).first()
    return str(row.value) if row is not None and row.value else None


def _set_document_id(session: Session, value: str) -> None:
    workshop = session.exec(select(WorkshopRow.id)).first()
    if workshop is None:
        return
    row = session.exec(select(SettingRow).where(SettingRow.key == DOCUMENT_ID_KEY)).first()
    if row is None:
        row = SettingRow(workshop_id=workshop, key=DOCUMENT_ID_KEY)
        session.add(row)
    row.value = value


def ensure_document_id(doc: Document) -> str | None:
    """The document's own id, made once (on creation, or the first open of an older file)."""
    with doc.session(write=False) as session:  # a read: opening never waits behind a writer
        found = _get_document_id(session)
    if found is not None:
        doc.document_id = found
        return found
    with doc.session() as session:
        found = _get_document_id(session)
        if found is None and not doc.read_only:
            found = uuid.uuid4().hex
            _set_document_id(session, found)
            if _get_document_id(session) is None:  # no workshop row yet: nothing to key it to
                found = None
    doc.document_id = found
    return found


def create_document(path: Path) -> Document:
    """A new, empty document at the newest schema. Refuses to overwrite a file."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document(path)
    try:
        migrate.upgrade(doc.engine)
    except (sqlite3.Error, sa_exc.SQLAlchemyError) as err:
        doc.engine.dispose()
        found = explain(err, path)
        if not isinstance(found, (DiskFull, CannotWrite)):
            found = CannotWrite(path, "the folder is read-only or the disk is write-protected")
        raise found from err
    return doc


# -- opening -------------------------------------------------------------------------------------
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


def open_document(path: Path, *, backup_before_migrate: bool = True, backup_on_open: bool = True) -> Document:
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
        try:
            doc.opened_as = doc.take_backup(reason="open", skip_unchanged=True)
        except (OSError, DocumentError):
            pass  # a backup folder that cannot be written must not keep the workshop closed
    return doc
