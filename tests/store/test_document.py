"""Opening, refusing and checking documents: every failure is a sentence, never a traceback."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from dgfacil.store import backup, migrate
from dgfacil.store.document import create_document, open_document
from dgfacil.store.errors import DamagedDocument, MissingDocument, NewerDocument, NotADocument


@pytest.mark.sqlite_only
def test_pragmas_are_wal_full_and_foreign_keys(demo_doc):
    with demo_doc.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_new_document_is_at_head_and_reopens(demo_doc):
    path = demo_doc.address
    demo_doc.close()
    doc = open_document(path)
    with doc.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    assert doc.workshop_id == 1
    doc.close()


def test_missing_file_and_folder_and_empty_and_text(tmp_path):
    with pytest.raises(MissingDocument, match="There is no workshop file"):
        open_document(tmp_path / "nope.dgfacil")
    with pytest.raises(NotADocument, match="folder"):
        open_document(tmp_path)
    (tmp_path / "empty.dgfacil").write_bytes(b"")
    with pytest.raises(NotADocument, match="empty"):
        open_document(tmp_path / "empty.dgfacil")
    (tmp_path / "notes.dgfacil").write_text("minutes of the meeting")
    with pytest.raises(NotADocument, match="is not a dgfacil workshop file"):
        open_document(tmp_path / "notes.dgfacil")


def test_other_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.dgfacil"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(NotADocument, match="another program"):
        open_document(path)


@pytest.mark.sqlite_only
def test_newer_schema_is_refused_and_left_untouched(demo_doc):
    path = demo_doc.path
    with demo_doc.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    demo_doc.close()
    before = path.read_bytes()
    with pytest.raises(NewerDocument, match="newer version of dgfacil"):
        open_document(path)
    assert path.read_bytes() == before


@pytest.mark.sqlite_only
def test_damaged_file_names_the_newest_backup(demo_doc):
    path = demo_doc.path
    saved = demo_doc.take_backup("manual")
    demo_doc.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDocument) as caught:
        open_document(path)
    assert caught.value.newest_backup == saved
    assert "damaged" in str(caught.value) and saved.name in str(caught.value)
    restored = open_document(saved)  # the backup itself opens
    restored.close()


@pytest.mark.sqlite_only
def test_backups_rotate_and_are_complete_copies(demo_doc):
    for _ in range(backup.KEEP + 3):
        demo_doc.take_backup()
    kept = backup.list_backups(demo_doc.path)
    assert len(kept) == backup.KEEP
    doc = open_document(kept[0])
    assert doc.workshop_id == 1
    doc.close()


def test_create_refuses_to_overwrite(demo_doc):
    with pytest.raises(FileExistsError):
        create_document(demo_doc.address)
