"""A note-taker's app killed mid-session loses nothing it reported as committed.

A child process adds notes (and keeps a draft of the line being typed) in a loop through the real
operations on a real file, printing each id once its transaction has committed. The test SIGKILLs
it mid-loop, reopens the document and finds every reported note and the last reported draft.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from dgfacil.operations import notes as ops
from dgfacil.store.document import open_document
from dgfacil.store.notes import load_notes

pytestmark = pytest.mark.sqlite_only  # its child writes the file through Document(path)

CHILD = r"""
import sys
from datetime import datetime, timedelta, timezone
from dgfacil.core.model import NoteTag
from dgfacil.operations import notes as ops
from dgfacil.store.document import Document
from dgfacil.store.workshop import load_workshop

doc = Document(sys.argv[1])
with doc.session() as s:
    items = [it.id for day in load_workshop(session=s).days for it in day.items]
start = datetime(2023, 5, 30, 6, 0, tzinfo=timezone.utc)
tags = list(NoteTag)
n = 0
while True:
    item = items[n % len(items)]
    at = start + timedelta(seconds=n)
    with doc.session() as s:
        changes = ops.add_note(s, item_id=item, text=f"note {n}", tag=tags[n % len(tags)],
                               speaker="Mr. Kyu Chang Ko", at=at, clear_draft=True)
    print("note", changes.ids[0], flush=True)
    with doc.session() as s:
        ops.save_draft(s, item_id=item, draft=ops.Draft(text=f"typing {n}"), at=at)
    print("draft", item, n, flush=True)
    n += 1
"""


def _run_child_and_kill(path, wanted: int) -> list[str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    lines: list[str] = []
    deadline = time.monotonic() + 60
    try:
        while sum(line.startswith("note") for line in lines) < wanted:
            line = child.stdout.readline()
            if not line:
                raise AssertionError(f"child stopped early: {child.stderr.read()}")
            lines.append(line.strip())
            assert time.monotonic() < deadline, "child too slow"
    finally:
        child.send_signal(signal.SIGKILL)  # no clean-up, no checkpoint: the WAL is left as it is
        child.wait()
    # Lines already in the pipe were committed too; read them so none is left unchecked.
    lines += [line.strip() for line in child.stdout.read().splitlines() if line.strip()]
    assert child.returncode == -signal.SIGKILL
    return lines


def test_every_reported_note_and_the_last_draft_survive_sigkill(demo_doc):
    path = demo_doc.path
    demo_doc.engine.dispose()
    lines = _run_child_and_kill(path, wanted=40)

    reported = [int(line.split()[1]) for line in lines if line.startswith("note ")]
    drafts = [line.split() for line in lines if line.startswith("draft ")]
    assert len(reported) >= 40

    doc = open_document(path)
    try:
        with doc.session() as s:
            kept = {n.id for n in load_notes(session=s)}
            assert set(reported) <= kept, f"lost notes: {sorted(set(reported) - kept)}"
            _, item, n = drafts[-1]
            draft = ops.load_draft(s, item_id=int(item))
            # Anything committed after the last report went to the next item (round robin over
            # six), so this item's draft is exactly the last one reported.
            assert draft.text == f"typing {n}"
    finally:
        doc.engine.dispose()
