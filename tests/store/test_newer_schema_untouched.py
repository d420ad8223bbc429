"""A file from a newer dgfacil is refused without a byte changed: not the file, not its -wal or
-shm, not its journal mode; whether it was closed cleanly, is in DELETE mode, or has a pending WAL."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from dgfacil.store.document import open_document
from dgfacil.store.errors import NewerDocument
from tests.store.conftest import run_cli

pytestmark = pytest.mark.sqlite_only  # about files: WAL, backups, media, SQLite's own locks

KILLED_MID_SESSION = textwrap.dedent("""
    import os, signal, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.execute("UPDATE workshop SET title = 'pending in the WAL'")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def side_files(path):
    found = {}
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        p = path.with_name(name)
        if p.exists():
            found[name] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


def _newer(path, state: str) -> None:
    if state == "pending-wal":
        subprocess.run([sys.executable, "-c", KILLED_MID_SESSION, str(path)], check=False)
        return
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    if state == "delete":
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


@pytest.mark.parametrize("state", ["wal", "delete", "pending-wal"])
def test_refused_newer_file_is_byte_for_byte_unchanged(demo_doc, state):
    path = demo_doc.path
    demo_doc.close()
    _newer(path, state)
    before = side_files(path)
    if state == "pending-wal":
        assert f"{path.name}-wal" in before
    with pytest.raises(NewerDocument, match="newer version"):
        open_document(path)
    assert side_files(path) == before
    cli = run_cli("agenda", path)
    assert cli.returncode == 2 and "newer version" in cli.stderr and "Traceback" not in cli.stderr
    assert side_files(path) == before
