"""A healthy workshop on media it cannot write is read-only, not "damaged": every read works,
every edit is refused in one sentence, and not a byte of the file changes."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from dgfacil.core.model import AgendaItem
from dgfacil.operations.agenda import add_item
from dgfacil.store.document import open_document
from dgfacil.store.errors import ReadOnlyDocument
from dgfacil.store.file_document import check_integrity
from dgfacil.store.workshop import load_workshop
from tests.store.conftest import run_cli

pytestmark = pytest.mark.sqlite_only  # about files: WAL, backups, media, SQLite's own locks


def digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _place(demo_doc, folder):
    """The demo workshop, closed cleanly, as `folder`/workshop.dgfacil (WAL mode, no side files)."""
    demo_doc.close()
    target = folder / "workshop.dgfacil"
    shutil.copyfile(demo_doc.path, target)
    return target


def _refused_edit(doc):
    with doc.session() as s:
        day_id = load_workshop(session=s).days[0].id
    with pytest.raises(ReadOnlyDocument) as caught, doc.session() as s:
        add_item(s, day_id=day_id, item=AgendaItem(title="late edit", duration_min=5))
    return str(caught.value)


def test_write_protected_stick_opens_read_only_and_every_read_works(demo_doc, stick, tmp_path):
    path = _place(demo_doc, stick.path)
    stick.protect()
    before = digests(stick.path)
    check_integrity(path)  # healthy: it was called damaged because the -shm could not be made
    doc = open_document(path)
    assert doc.read_only and "write-protected" in doc.read_only_reason
    with doc.session() as s:
        workshop = load_workshop(session=s)
    assert workshop.days and workshop.days[0].items
    message = _refused_edit(doc)
    assert "read-only" in message and "copy" in message and "SQL" not in message
    copy = doc.save_copy(tmp_path / "to edit.dgfacil")  # Save a copy as…: the way to edit
    doc.close()
    edited = open_document(copy)
    assert not edited.read_only
    with edited.session() as s:
        add_item(s, day_id=workshop.days[0].id, item=AgendaItem(title="edited on the laptop", duration_min=5))
    edited.close()
    agenda = run_cli("agenda", path)
    assert agenda.returncode == 0 and workshop.title in agenda.stdout, agenda.stderr
    printed = run_cli("print", "agenda", path, "-o", tmp_path / "agenda.pdf")
    assert printed.returncode == 0 and (tmp_path / "agenda.pdf").stat().st_size > 0, printed.stderr
    exported = run_cli("export", path, "-o", tmp_path / "w.json")
    assert exported.returncode == 0, exported.stderr
    refused = run_cli("attendance", path, "--threshold", "0.5")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and "read-only" in refused.stderr
    assert digests(stick.path) == before


WRITER_KILLED = textwrap.dedent("""
    import os, signal, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE workshop SET title = 'Edited before the stick was pulled'")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_pending_wal_on_a_protected_stick_is_read_not_lost(demo_doc, stick):
    """A WAL holding the last edits, no -shm, and no way to make one: the edits are still shown."""
    path = _place(demo_doc, stick.path)
    subprocess.run([sys.executable, "-c", WRITER_KILLED, str(path)], check=False)
    os.unlink(f"{path}-shm")
    assert os.path.getsize(f"{path}-wal") > 0
    stick.protect()
    before = digests(stick.path)
    doc = open_document(path)
    with doc.session() as s:
        assert load_workshop(session=s).title == "Edited before the stick was pulled"
    assert doc.read_only
    doc.close()
    assert digests(stick.path) == before


def test_full_disk_opens_read_only_and_says_so(demo_doc, stick):
    path = _place(demo_doc, stick.path)
    stick.fill()
    doc = open_document(path)
    assert doc.read_only and "full" in doc.read_only_reason
    with doc.session() as s:
        assert load_workshop(session=s).days
    assert "full" in _refused_edit(doc)
    doc.close()


def test_read_only_folder_for_an_ordinary_user(demo_doc, as_nobody):
    """chmod 555 stops `nobody` (not root): agenda works, an edit and `new` are one line each."""
    base, env = as_nobody
    folder = base / "handout"
    folder.mkdir()
    path = _place(demo_doc, folder)
    os.chmod(path, 0o644)
    os.chmod(folder, 0o555)
    before = digests(folder)
    agenda = run_cli("agenda", path, user="nobody", env=env)
    assert agenda.returncode == 0, agenda.stderr
    edit = run_cli("attendance", path, "--threshold", "0.5", user="nobody", env=env)
    assert edit.returncode == 2 and "Traceback" not in edit.stderr, edit.stderr
    assert "read-only" in edit.stderr and len(edit.stderr.strip().splitlines()) == 1
    new = run_cli("new", folder / "another.dgfacil", "--template", "undesa-escap-webinar-2023", user="nobody", env=env)
    assert new.returncode == 2 and "Traceback" not in new.stderr, new.stderr
    assert len(new.stderr.strip().splitlines()) == 1 and "another.dgfacil" in new.stderr
    assert digests(folder) == before
    os.chmod(folder, 0o755)
