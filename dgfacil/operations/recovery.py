"""Restore a damaged document from a backup, never overwriting the damaged file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dgfacil.paths import user_data_dir
from dgfacil.store.backup import copy_database


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    target = folder / f"{stem} (restored){suffix}"
    n = 2
    while target.exists():
        target = folder / f"{stem} (restored {n}){suffix}"
        n += 1
    return target


def restore_backup(backup: Path, damaged: Path) -> Path:
    """Copy `backup` to a new file beside `damaged` ("name (restored).dgfacil") and return it; where
    that folder cannot be written (a write-protected stick), into the user's data folder instead."""
    try:
        return copy_database(backup, _free_name(damaged.parent, damaged.stem, damaged.suffix))
    except (OSError, sqlite3.Error):
        folder = user_data_dir() / "restored"
        return copy_database(backup, _free_name(folder, damaged.stem, damaged.suffix))
