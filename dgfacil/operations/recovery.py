"""Restore a damaged document from a backup, never overwriting the damaged file."""
from __future__ import annotations

from pathlib import Path

from dgfacil.store.backup import copy_database


def restore_backup(backup: Path, damaged: Path) -> Path:
    """Copy `backup` to a new file beside `damaged` ("name (restored).dgfacil") and return it."""
    target = damaged.with_name(f"{damaged.stem} (restored){damaged.suffix}")
    n = 2
    while target.exists():
        target = damaged.with_name(f"{damaged.stem} (restored {n}){damaged.suffix}")
        n += 1
    return copy_database(backup, target)
