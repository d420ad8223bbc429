"""Backups: one as a document opens, one before a command writes, none lost to a killed copy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from dgfacil.store import backup
from dgfacil.store.document import open_document
from tests.store.conftest import run_cli

pytestmark = pytest.mark.sqlite_only  # about files: WAL, backups, media, SQLite's own locks


def test_opening_takes_a_backup_and_reopening_unchanged_adds_none(demo_doc):
    path = demo_doc.path
    demo_doc.close()
    doc = open_document(path)
    taken = backup.list_backups(path, doc.document_id)
    assert len(taken) == 1 and taken[0].name.endswith("-open.dgfacil")
    doc.close()
    open_document(path).close()
    assert backup.list_backups(path, doc.document_id) == taken  # same content: no push-out of older ones


def test_a_writing_command_is_preceded_by_a_backup_of_the_file_as_it_was(demo_doc):
    path = demo_doc.path
    demo_doc.close()
    done = run_cli("attendance", path, "--threshold", "0.5")
    assert done.returncode == 0, done.stderr
    found = backup.backups_for_path(path)
    assert found
    with sqlite3.connect(found[0]) as before, sqlite3.connect(path) as after:
        query = "SELECT count(*) FROM setting WHERE key != 'document_id'"
        assert before.execute(query).fetchone()[0] < after.execute(query).fetchone()[0]


KILLED_COPY = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from dgfacil.store import backup
    part = backup._part_name(Path(sys.argv[1]))
    part.write_bytes(b"half a copy")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_part_files_left_by_a_killed_copy_are_cleaned_up(demo_doc):
    doc = demo_doc
    first = doc.take_backup("manual")
    folder = first.parent
    subprocess.run([sys.executable, "-c", KILLED_COPY, str(folder / "x.dgfacil")], check=False)
    left = list(folder.glob(".*.part"))
    assert len(left) == 1
    doc.take_backup("manual")
    assert not list(folder.glob(".*.part"))
