"""No traceback reaches the command line: a locked document, an undecodable record, `new` on a
write-protected stick each say one line naming the file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from tests.store.conftest import run_cli

pytestmark = pytest.mark.sqlite_only  # about files: WAL, backups, media, SQLite's own locks

HOLD_LOCK = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(60)
""")


def _one_line(result):
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "SQL" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_locked_document(demo_doc):
    path = demo_doc.path
    demo_doc.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        said = _one_line(run_cli("attendance", path, "--threshold", "0.5", env={"DGFACIL_BUSY_TIMEOUT_S": "1"}))
    finally:
        holder.kill()
        holder.wait()
    assert path.name in said and "busy" in said


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE workshop SET organizers = '{not json'",
        "UPDATE day SET date = 'someday'",
        "UPDATE workshop SET modality = 'telepathy'",
    ],
)
def test_record_that_passes_quick_check_but_does_not_decode(demo_doc, damage):
    path = demo_doc.path
    demo_doc.close()
    with sqlite3.connect(path) as conn:
        conn.execute(damage)
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    said = _one_line(run_cli("agenda", path))
    assert path.name in said and "cannot read" in said


def test_new_on_a_write_protected_stick(stick):
    stick.protect()
    said = _one_line(run_cli("new", stick.path / "w.dgfacil", "--template", "undesa-escap-webinar-2023"))
    assert "w.dgfacil" in said
    assert not any(stick.path.iterdir())
