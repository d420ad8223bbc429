"""Team mode's round trip, as the commands a team types: a file is published to a PostgreSQL
server, read and edited there, and copied back to one file that holds everything."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from dgfacil.core.model import NoteTag
from dgfacil.operations import notes as note_ops
from dgfacil.store.document import open_document
from dgfacil.store.workshop import load_workshop
from tests.store.conftest import run_cli

pytestmark = pytest.mark.sqlite_only  # the source is a file; the server is the empty database


def _export(address, out) -> dict:
    done = run_cli("export", address, "-o", out)
    assert done.returncode == 0, done.stderr
    found = json.loads(out.read_text())
    found.pop("exported_at")  # the one field that differs between two exports of one workshop
    return found


def _unstamped(export: dict) -> dict:
    """The export without the server's "who wrote last" stamps, which a copy to a file leaves empty."""
    for rows in export["tables"].values():
        for row in rows:
            for stamp in ("changed_by", "changed_at"):
                if stamp in row:
                    row[stamp] = ""
    return export


def _add_note(address, text: str) -> None:
    doc = open_document(address)
    with doc.session() as s:
        item = load_workshop(session=s).days[0].items[1]
        note_ops.add_note(
            s, item_id=item.id, text=text, tag=NoteTag.KEY_MESSAGE, at=datetime(2023, 5, 30, 6, 10, tzinfo=UTC)
        )
    doc.close()


def test_publish_edit_and_copy_back_keeps_everything(demo_doc, empty_db, tmp_path):
    path = demo_doc.path
    demo_doc.close()
    _add_note(path, "Written on the laptop before the event.")
    url = empty_db()
    published = run_cli("publish", path, url)
    assert published.returncode == 0, published.stderr
    assert _export(url, tmp_path / "server.json") == _export(path, tmp_path / "file.json")

    _add_note(url, "Written on the server during the event.")
    listed = run_cli("agenda", url)
    assert listed.returncode == 0 and listed.stdout.strip(), listed.stderr

    back = tmp_path / "archive.dgfacil"
    copied = run_cli("copy", url, back)
    assert copied.returncode == 0, copied.stderr
    on_server, archived = _export(url, tmp_path / "server2.json"), _export(back, tmp_path / "archive.json")
    assert archived == _unstamped(on_server)  # everything, without the laptops' names
    assert not any(row.get("changed_by") for rows in archived["tables"].values() for row in rows)
    assert "Written on the server during the event." in json.dumps(archived)
    assert open_document(back).document_id == open_document(path).document_id  # the same workshop


def test_publish_refuses_another_workshop_and_replaces_only_when_asked(new_doc, empty_db):
    first, other = new_doc(name="first.dgfacil"), new_doc(name="other.dgfacil")
    first_path, other_path = first.path, other.path
    first.close()
    other.close()
    url = empty_db()
    assert run_cli("publish", first_path, url).returncode == 0
    _add_note(url, "an edit made on the server")

    again = run_cli("publish", first_path, url)
    assert again.returncode == 2 and "--replace" in again.stderr and "Traceback" not in again.stderr
    another = run_cli("publish", other_path, url)
    assert another.returncode == 2 and "different workshop" in another.stderr
    assert "an edit made on the server" in json.dumps(_export(url, first_path.with_suffix(".json")))

    replaced = run_cli("publish", first_path, url, "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert "an edit made on the server" not in json.dumps(_export(url, first_path.with_suffix(".json")))
    after = open_document(url)  # ids continue past the copied ones: a new row can be added
    _add_note(url, "a note after the replace")
    after.close()


def test_copy_never_overwrites_and_a_dead_server_is_one_line(tmp_path, demo_doc):
    demo_doc.close()
    taken = run_cli("copy", demo_doc.path, demo_doc.path)
    assert taken.returncode == 2 and "already exists" in taken.stderr
    dead = run_cli("agenda", "postgresql://nobody@127.0.0.1:1/ws")
    assert dead.returncode == 2 and "cannot be reached" in dead.stderr and "Traceback" not in dead.stderr


def test_the_event_commands_take_the_url(demo_doc, empty_db, tmp_path):
    """roster import, evaluation import, attendance, print: each on the team workshop's URL."""
    from tests.store.conftest import ROOT

    demo_doc.close()
    url = empty_db()
    assert run_cli("publish", demo_doc.path, url).returncode == 0
    data = ROOT / "tests" / "data"
    steps = [
        ("roster", "import", url, data / "rosters" / "utf8_comma.csv"),
        ("evaluation", "import", url, data / "evaluation" / "google_forms.csv"),
        ("attendance", url, "--export", tmp_path / "attendance.csv"),
        ("print", "badges", url, "-o", tmp_path / "badges.pdf"),
    ]
    for step in steps:
        done = run_cli(*step)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (step, done.stderr)
    assert (tmp_path / "badges.pdf").read_bytes().startswith(b"%PDF")
    exported = json.dumps(_export(url, tmp_path / "after.json"))
    assert exported.count('"full_name"') >= 2 and '"source": "csv"' in exported
