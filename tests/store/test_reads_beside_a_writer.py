"""Reading commands (agenda, export, print, verify --workshop) answer while another process holds
a write transaction open: in WAL mode a reader never waits for the writer, so nothing here may
take the write lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.store.conftest import run_cli

pytestmark = pytest.mark.sqlite_only  # about files: WAL, backups, media, SQLite's own locks

# The writer lets go on its own after HOLD_S (shorter than the 20 s busy timeout), so a read
# that waits for it would still succeed, only after the release: the test checks the order.
HOLD_S = 30
HOLD_WRITE = textwrap.dedent(f"""
    import select, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE workshop SET venue = 'being edited'")
    print("writing", flush=True)
    select.select([sys.stdin], [], [], {HOLD_S})  # hold the write transaction until told, or HOLD_S
    conn.execute("ROLLBACK")
""")

COMMANDS = {
    "agenda": lambda path, tmp: ["agenda", path],
    "export": lambda path, tmp: ["export", path, "-o", tmp / "w.json"],
    "print agenda": lambda path, tmp: ["print", "agenda", path, "-o", tmp / "agenda.pdf"],
    "print report": lambda path, tmp: ["print", "report", path, "-o", tmp / "report.pdf"],
    "verify --workshop": lambda path, tmp: ["verify", "--workshop", path, "not-a-code"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_answers_before_the_writer_lets_go(demo_doc, tmp_path, command):
    path = demo_doc.path
    demo_doc.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "writing"
        result = run_cli(*COMMANDS[command](path, tmp_path), env={"DGFACIL_BUSY_TIMEOUT_S": str(HOLD_S * 2)})
        still_writing = holder.poll() is None
    finally:
        holder.stdin.close()  # release
        holder.wait(timeout=30)
    assert still_writing, "the writer let go before the read finished: the test proves nothing"
    assert "Traceback" not in result.stderr and "busy" not in result.stderr, result.stderr
    assert result.returncode == (1 if command.startswith("verify") else 0), result.stderr
