"""Rotating backups through SQLite's backup API (the -wal file is part of the document, so a
plain file copy is never a safe copy)."""
from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from dgfacil.paths import backups_dir

KEEP = 10  # backups kept per document


def copy_database(source: Path, dest: Path) -> Path:
    """Copy a live SQLite database to `dest` atomically (temp file, fsync, replace)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            out.close()
    finally:
        src.close()
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, dest)
    return dest


def backup_folder(document: Path) -> Path:
    """Backups of one document, keyed by its absolute path so two 'workshop.dgfacil' never mix."""
    key = hashlib.sha1(str(document.resolve()).encode()).hexdigest()[:8]
    return backups_dir() / f"{document.stem}-{key}"


def take_backup(document: Path, *, reason: str = "auto", now: datetime | None = None) -> Path:
    """Back up `document` into its rotating folder and drop the oldest past KEEP."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%d-%H%M%S-%f")
    dest = backup_folder(document) / f"{document.stem}-{stamp}-{reason}.dgfacil"
    copy_database(document, dest)
    for old in list_backups(document)[KEEP:]:
        old.unlink(missing_ok=True)
    return dest


def list_backups(document: Path) -> list[Path]:
    """Backups of `document`, newest first."""
    folder = backup_folder(document)
    if not folder.exists():
        return []
    return sorted(folder.glob("*.dgfacil"), key=lambda p: p.name, reverse=True)


def newest_backup(document: Path) -> Path | None:
    backups = list_backups(document)
    return backups[0] if backups else None
