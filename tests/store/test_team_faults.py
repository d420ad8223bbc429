"""Team mode as a new user met it: a connection dropped mid-write, an interrupted publish, readers
behind a writer, a stalled laptop holding the writers' lock, accounts with fewer rights. Each on the
real PostgreSQL server, each failure one sentence."""

from __future__ import annotations

import sqlite3
import time

import psycopg
import pytest
from sqlmodel import select

from dgfacil.store import engine as engine_module
from dgfacil.store import migrate
from dgfacil.store.document import open_document
from dgfacil.store.engine import WRITE_LOCK_KEY, make_engine
from dgfacil.store.errors import NotADocument, ServerBusy, ServerReadOnly, ServerRefused, ServerUnreachable
from dgfacil.store.tables import ParticipantRow
from tests.store.conftest import run_cli


def _kill_laptop(pg_server, name: str, database: str) -> None:
    pg_server.execute(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{name}'"
        f" AND datname = '{database}'"
    )


@pytest.mark.postgresql_only
def test_a_connection_lost_mid_write_says_the_server_cannot_be_reached(demo_doc, pg_server, monkeypatch):
    """A flush that finds its connection gone leaves the session needing a rollback
    (PendingRollbackError): still "cannot be reached", never a file's name or advice."""
    monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "roster laptop")
    doc = open_document(demo_doc.address)
    database = doc.url.rsplit("/", 1)[1]
    workshop = doc.workshop_id
    with pytest.raises(ServerUnreachable) as caught:
        with doc.session() as session:
            session.add_all(ParticipantRow(workshop_id=workshop, full_name=f"P {i}") for i in range(200))
            session.flush()
            _kill_laptop(pg_server, "roster laptop", database)
            session.add_all(ParticipantRow(workshop_id=workshop, full_name=f"Q {i}") for i in range(200))
            session.flush()
    text = str(caught.value)
    assert "cannot be reached" in text and "Nothing was saved" in text
    assert ".dgfacil" not in text and "folder" not in text and f"team workshop {database} on server" in text
    doc.server_state("connected", None)  # as the listener says once it is back
    with doc.session(write=False) as session:
        assert not session.exec(select(ParticipantRow).where(ParticipantRow.full_name == "P 1")).first()
    with pytest.raises(ServerUnreachable) as read:  # a read that loses its link saves nothing either way
        with doc.session(write=False) as session:
            session.exec(select(ParticipantRow.id)).first()
            _kill_laptop(pg_server, "roster laptop", database)
            session.exec(select(ParticipantRow.id)).all()
    assert "Nothing was saved" not in str(read.value)
    doc.close()


@pytest.mark.sqlite_only
def test_an_interrupted_publish_leaves_the_database_as_it_was(demo_doc, empty_db):
    """A row PostgreSQL refuses (a NUL in a name) fails the publish after the schema was made and
    the workshop and its days copied: one transaction, so not one table is left behind."""
    path = demo_doc.path
    demo_doc.close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE agenda_item SET title = title || char(0) WHERE id = (SELECT max(id) FROM agenda_item)")
    url = empty_db()
    failed = run_cli("publish", path, url)
    assert failed.returncode == 2 and "Traceback" not in failed.stderr and "Nothing was saved" in failed.stderr
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)


@pytest.mark.sqlite_only
def test_our_schema_without_a_workshop_counts_as_empty(demo_doc, empty_db):
    """What an older, interrupted publish left (dgfacil's tables, no workshop): open says so, and
    publishing goes ahead with a line saying what it found."""
    demo_doc.close()
    url = empty_db()
    left = make_engine(url)
    migrate.upgrade(left, "0003")
    left.dispose()
    with pytest.raises(NotADocument, match="no workshop.*dgfacil publish"):
        open_document(url)
    done = run_cli("publish", demo_doc.path, url)
    assert done.returncode == 0, done.stderr
    assert "interrupted publish" in done.stdout and "different workshop" not in done.stderr
    assert open_document(url).document_id == open_document(demo_doc.path).document_id


@pytest.mark.postgresql_only
def test_readers_never_wait_for_the_writers_lock(demo_doc, pg_server, monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 2)
    url = demo_doc.address
    holder = psycopg.connect(url, application_name="check-in laptop")
    holder.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")  # a writer mid-import
    try:
        started = time.monotonic()
        doc = open_document(url)  # opening only reads
        with doc.session(write=False) as session:
            assert session.exec(select(ParticipantRow.id)).all() is not None
        listed = run_cli("agenda", url, env={"DGFACIL_BUSY_TIMEOUT_S": "30"})
        assert listed.returncode == 0, listed.stderr
        assert time.monotonic() - started < 15  # never the 30 s a writer would wait
        with pytest.raises(ServerBusy, match="the check-in laptop is saving a long change"):
            with doc.session() as session:
                session.add(ParticipantRow(workshop_id=doc.workshop_id, full_name="Late"))
        doc.close()
    finally:
        holder.close()


@pytest.mark.postgresql_only
def test_a_stalled_writer_is_ended_and_the_next_edit_goes_through(demo_doc, monkeypatch):
    """A laptop stalled inside its write transaction (a closed lid) holds the writers' lock until
    the server ends its idle transaction; the edit queued behind it then commits."""
    monkeypatch.setattr(engine_module, "IDLE_WRITER_TIMEOUT_S", 1)
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 10)
    stalled = open_document(demo_doc.address)
    editor = open_document(demo_doc.address)
    stuck = stalled.engine.connect()
    stuck.begin()  # the writers' lock taken, then nothing: the laptop stopped
    try:
        started = time.monotonic()
        with editor.session() as session:
            session.add(ParticipantRow(workshop_id=editor.workshop_id, full_name="After the stall"))
        waited = time.monotonic() - started
        assert 0.5 < waited < 8
    finally:
        try:
            stuck.close()
        except Exception:  # its connection was ended by the server: nothing to give back
            pass
        stalled.close()
        editor.close()


def _role(pg_server, name: str) -> None:
    pg_server.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') "
        f"THEN CREATE ROLE {name} LOGIN; END IF; END $$"
    )


@pytest.mark.sqlite_only
def test_accounts_without_rights_and_read_only_accounts_say_so(demo_doc, empty_db, pg_server):
    for role in ("team_none", "team_reader", "team_editor"):
        _role(pg_server, role)
    demo_doc.close()
    url = empty_db()
    done = run_cli("publish", demo_doc.path, url, "--grant", "team_editor", "--grant-read", "team_reader")
    assert done.returncode == 0, done.stderr
    database = url.rsplit("/", 1)[1]

    def as_role(role: str) -> str:
        return f"postgresql://{role}@127.0.0.1:{pg_server.port}/{database}"

    with pytest.raises(ServerRefused, match="your account team_none has no rights on this workshop: ask its owner"):
        open_document(as_role("team_none"))
    listed = run_cli("agenda", as_role("team_none"))
    assert listed.returncode == 2 and "no rights" in listed.stderr and "Save a copy" not in listed.stderr

    reader = open_document(as_role("team_reader"))
    assert reader.read_only_reason == "your account team_reader may only read it"  # the app's banner at open
    with pytest.raises(ServerReadOnly) as refused:
        with reader.session() as session:
            session.add(ParticipantRow(workshop_id=reader.workshop_id, full_name="Not allowed"))
    assert "File > Save a copy as" in str(refused.value) and "dgfacil copy URL FILE" in refused.value.cli_text
    reader.close()
    assert run_cli("agenda", as_role("team_reader")).returncode == 0

    editor = open_document(as_role("team_editor"))
    assert editor.read_only_reason is None
    with editor.session() as session:
        session.add(ParticipantRow(workshop_id=editor.workshop_id, full_name="Allowed"))
    editor.close()


@pytest.mark.postgresql_only
def test_a_copy_carries_no_laptop_names(demo_doc, tmp_path, monkeypatch):
    monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "check-in laptop")
    with demo_doc.session() as session:
        session.add(ParticipantRow(workshop_id=demo_doc.workshop_id, full_name="Stamped"))
    with demo_doc.session(write=False) as session:
        assert session.exec(select(ParticipantRow.changed_by)).all() == ["check-in laptop"]
    copied = run_cli("copy", demo_doc.address, tmp_path / "archive.dgfacil")
    assert copied.returncode == 0, copied.stderr
    with sqlite3.connect(tmp_path / "archive.dgfacil") as raw:
        assert raw.execute("SELECT changed_by, changed_at FROM participant").fetchall() == [("", "")]
