"""The start-up import budget: the window's first paint loads no store, no printing, no room link
server; opening a workshop already at the newest schema loads the store but not Alembic, the PDF
and spreadsheet libraries, nor the web server. What it costs in seconds is bench/cold_start.py's."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = {
    "sqlalchemy",
    "sqlmodel",
    "pydantic",
    "alembic",
    "reportlab",
    "aiohttp",
    "openpyxl",
    "cryptography",
    "PIL",
    "docx",
    "pypdf",
    "segno",
    "uharfbuzz",
    "icalendar",
}
STORE = {"dgfacil.store", "dgfacil.operations.document"}
NOT_ON_OPEN = HEAVY - {"sqlalchemy", "sqlmodel", "pydantic"}


def _start(path, private_user_folders) -> dict[str, set[str]]:
    """`python -m dgfacil FILE` in a fresh interpreter, as a user starts it: the packages loaded
    when the window is first painted ("shown") and when the workshop's first room is ("ready")."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DGFACIL_STARTUP_PROBE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "dgfacil", str(path)], capture_output=True, text=True, env=env, timeout=120
    )
    marks = {}
    for line in done.stdout.splitlines():
        name, _stamp, packages = (line.split(" ") + ["", ""])[:3]
        if name in ("shown", "ready"):
            marks[name] = set(packages.split(","))
    assert set(marks) == {"shown", "ready"}, done.stdout + done.stderr[-3000:]
    return marks


def test_the_first_paint_loads_no_store_and_opening_loads_only_the_store(demo_doc, private_user_folders):
    path = demo_doc.path
    demo_doc.close()
    marks = _start(path, private_user_folders)
    assert marks["shown"] & (HEAVY | STORE) == set()
    assert "dgfacil.store" in marks["ready"] and "dgfacil.ui.agenda.room" in marks["ready"]
    assert marks["ready"] & NOT_ON_OPEN == set()
    # the rooms not on show are built after the first paint, not before it
    assert "dgfacil.ui.evaluation.room" not in marks["ready"]
