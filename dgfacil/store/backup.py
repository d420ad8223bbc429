"""Rotating backups through SQLite's backup API (the -wal file is part of the document, so a
plain file copy is never a safe copy).

Backups are kept per document *id* (a UUID stored in the file), so the same workshop carried to
another mount or drive letter finds its backups. Each backup folder lists the paths the document
was opened from, so a path whose file can no longer be read still finds its newest backup.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from datetime import UTC, datetime, timezone
from pathlib import Path

from dgfacil.paths import backups_dir

KEEP = 10  # backups kept per document
PATHS_FILE = "paths.txt"  # the absolute paths this document was opened from, one a line
STALE_PART_S = 600  # where a process cannot be asked if it lives (Windows), a .part this old is abandoned


def _part_name(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.{os.getpid()}.part")


def _abandoned(part: Path) -> bool:
    """A .part whose writer is gone (killed mid-copy)."""
    try:
        pid = int(part.name.rsplit(".", 2)[-2])
    except (ValueError, IndexError):
        pid = 0
    if os.name == "posix" and pid > 0:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
    try:
        return time.time() - part.stat().st_mtime > STALE_PART_S
    except OSError:
        return False


def clean_parts(folder: Path) -> list[Path]:
    """Remove the half-written copies a killed process left in `folder`."""
    removed = []
    if folder.is_dir():
        for part in folder.glob(".*.part"):
            if _abandoned(part):
                part.unlink(missing_ok=True)
                removed.append(part)
    return removed


def copy_database(source: Path, dest: Path, *, source_uri: str | None = None) -> Path:
    """Copy a live SQLite database to `dest` atomically (temp file, fsync, replace)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    clean_parts(dest.parent)
    tmp = _part_name(dest)
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(source_uri or f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            out.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return dest


def _legacy_folder(document: Path) -> Path:
    """Where backups went before documents had an id: keyed by the absolute path."""
    key = hashlib.sha1(str(document.resolve()).encode()).hexdigest()[:8]
    return backups_dir() / f"{document.stem}-{key}"


def backup_folder(document_id: str) -> Path:
    return backups_dir() / document_id


def _remember_path(folder: Path, document: Path) -> None:
    listed = folder / PATHS_FILE
    known = listed.read_text(encoding="utf-8").splitlines() if listed.exists() else []
    here = str(Path(document).absolute())
    if here not in known:
        listed.write_text("\n".join([*known, here]) + "\n", encoding="utf-8")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def take_backup(
    document: Path,
    document_id: str | None = None,
    *,
    reason: str = "auto",
    now: datetime | None = None,
    source_uri: str | None = None,
    skip_unchanged: bool = False,
) -> Path:
    """Back up `document` into its rotating folder and drop the oldest past KEEP.

    With `skip_unchanged`, a backup identical to the newest one is dropped again (opening a file
    ten times does not push its older, different backups out) and the newest is returned."""
    folder = backup_folder(document_id) if document_id else _legacy_folder(document)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{document.stem}-{stamp}-{reason}.dgfacil"
    previous = _list(folder)
    copy_database(document, dest, source_uri=source_uri)
    _remember_path(folder, document)
    if skip_unchanged and previous and _digest(previous[0]) == _digest(dest):
        dest.unlink()
        return previous[0]
    for old in _list(folder)[KEEP:]:
        old.unlink(missing_ok=True)
    return dest


_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})-")


def _stamp(backup: Path) -> str:
    found = _STAMP.search(backup.name)
    return found.group(1) if found else ""


def _list(folder: Path) -> list[Path]:
    if not folder.exists():
        return []
    return sorted(folder.glob("*.dgfacil"), key=_stamp, reverse=True)


def list_backups(document: Path, document_id: str | None = None) -> list[Path]:
    """Backups of a document, newest first: by its id, else every folder that knows its path."""
    if document_id:
        return _list(backup_folder(document_id))
    return backups_for_path(document)


def backups_for_path(document: Path) -> list[Path]:
    """Every backup of whatever document was last opened from `document`'s path, newest first."""
    here = str(Path(document).absolute())
    folders = {_legacy_folder(document)}
    root = backups_dir()
    if root.exists():
        for listed in root.glob(f"*/{PATHS_FILE}"):
            if here in listed.read_text(encoding="utf-8").splitlines():
                folders.add(listed.parent)
    return sorted((b for folder in folders for b in _list(folder)), key=_stamp, reverse=True)


def newest_backup(document: Path, document_id: str | None = None) -> Path | None:
    backups = list_backups(document, document_id)
    return backups[0] if backups else None
