"""A path that once held a workshop but cannot be opened now is offered its newest backup: a
blank first page, a 0-byte or cut-short file, or one whose size is not a whole number of pages."""

from __future__ import annotations

import shutil

import pytest

from dgfacil.store import backup
from dgfacil.store.document import open_document
from dgfacil.store.errors import DamagedDocument, NotADocument
from tests.store.conftest import run_cli

pytestmark = pytest.mark.sqlite_only  # about files: WAL, backups, media, SQLite's own locks

PAGE = 4096


def _opened_once(demo_doc):
    """The demo workshop, opened once (so a backup of it exists), then closed."""
    path = demo_doc.path
    demo_doc.close()
    doc = open_document(path)
    newest = doc.take_backup("manual")
    doc.close()
    return path, newest


def zero_first_page(data: bytes) -> bytes:
    return b"\0" * PAGE + data[PAGE:]


@pytest.mark.parametrize(
    "damage, why",
    [
        (zero_first_page, "blank"),
        (lambda data: b"", "empty"),
        (lambda data: data[:60], "cut short"),
        (lambda data: data[: len(data) - PAGE - 1000], "whole number of pages"),
        (lambda data: data + b"appended by a sync tool", "whole number of pages"),
        (lambda data: data[: len(data) - 2 * PAGE], "cut short"),
    ],
)
def test_unopenable_file_offers_the_newest_backup(demo_doc, damage, why):
    path, newest = _opened_once(demo_doc)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(DamagedDocument, match=why) as caught:
        open_document(path)
    assert caught.value.newest_backup == newest
    cli = run_cli("agenda", path)
    assert cli.returncode == 2 and str(newest) in cli.stderr and "Traceback" not in cli.stderr


def test_a_file_never_opened_is_still_just_not_a_workshop(tmp_path):
    stranger = tmp_path / "stranger.dgfacil"
    stranger.write_bytes(b"\0" * PAGE)
    with pytest.raises(NotADocument, match="blank"):
        open_document(stranger)


def test_same_workshop_on_another_mount_finds_its_backups(demo_doc, tmp_path):
    """Backups follow the document's own id, not its absolute path."""
    path, newest = _opened_once(demo_doc)
    elsewhere = tmp_path / "E" / "carried.dgfacil"
    elsewhere.parent.mkdir()
    shutil.copyfile(path, elsewhere)
    doc = open_document(elsewhere)
    assert newest in backup.list_backups(elsewhere, doc.document_id)
    doc.close()
    elsewhere.write_bytes(b"")  # and once opened there, that path too leads back to them
    with pytest.raises(DamagedDocument) as caught:
        open_document(elsewhere)
    assert caught.value.newest_backup.parent == newest.parent
