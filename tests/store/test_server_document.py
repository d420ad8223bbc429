"""A team workshop on PostgreSQL: the migration ladder, refusals and failures, as a file has them."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from dgfacil.store import migrate
from dgfacil.store.document import create_document, open_document
from dgfacil.store.engine import make_engine
from dgfacil.store.errors import NewerDocument, NotADocument, ServerRefused, ServerUnreachable

OLD_WORKSHOP = (
    "INSERT INTO workshop (title, project_code, organizers, modality, venue, timezone, display_zones,"
    " description, evaluation_form, template_name, created_at)"
    " VALUES ('Old workshop', 'X-1', '[]', 'online', '', 'Asia/Seoul', '[]', '', '{}', '', '')"
)


def _old_database(url: str, revision: str) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine, revision)
    with engine.begin() as conn:
        conn.exec_driver_sql(OLD_WORKSHOP)
    engine.dispose()


def test_every_step_of_the_ladder_upgrades_on_the_server(empty_db):
    for revision in sorted(migrate.known_revisions()):
        url = empty_db()
        _old_database(url, revision)
        doc = open_document(url)
        with doc.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert conn.exec_driver_sql("SELECT title FROM workshop").scalar() == "Old workshop"
        assert doc.document_id is not None
        doc.close()


def test_a_failed_migration_rolls_back_whole_on_the_server(empty_db):
    url = empty_db()
    _old_database(url, "0001")
    engine = make_engine(url)
    with engine.begin() as conn:  # a table the 0002 step creates last already exists
        conn.exec_driver_sql("CREATE TABLE exercise_answer (id INTEGER)")
    with pytest.raises(ProgrammingError, match="exercise_answer"):  # the table already exists
        migrate.upgrade(engine)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == "0001"
        found = {r[0] for r in conn.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert "run_event" not in found and "board_item" not in found
    engine.dispose()


def test_empty_and_foreign_databases_are_refused(empty_db):
    url = empty_db()
    with pytest.raises(NotADocument, match="empty"):
        open_document(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE customers (id INTEGER)")
    engine.dispose()
    with pytest.raises(NotADocument, match="another program"):
        open_document(url)
    with pytest.raises(FileExistsError):
        create_document(url)


@pytest.mark.postgresql_only
def test_newer_schema_is_refused_and_left_untouched(demo_doc):
    with demo_doc.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        before = conn.exec_driver_sql("SELECT count(*), max(version) FROM agenda_item").one()
    demo_doc.close()
    with pytest.raises(NewerDocument, match="newer version of dgfacil"):
        open_document(demo_doc.address)
    engine = make_engine(demo_doc.address)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "9999"
        assert conn.exec_driver_sql("SELECT count(*), max(version) FROM agenda_item").one() == before
    engine.dispose()


def test_no_server_and_no_database_are_sentences(pg_server):
    with pytest.raises(ServerUnreachable, match="cannot be reached"):
        open_document("postgresql://nobody@127.0.0.1:1/workshop")
    with pytest.raises(ServerRefused, match="no such database"):
        open_document(pg_server.url("no_such_workshop"))


def test_a_path_that_swallowed_a_slash_is_still_the_url():
    """`dgfacil agenda postgresql://...` reaches open_document as Path('postgresql:/...')."""
    from pathlib import Path

    from dgfacil.store.document import document_address

    assert (
        document_address(Path("postgresql://me@db.example.org:5433/ws?sslmode=require"))
        == "postgresql://me@db.example.org:5433/ws?sslmode=require"
    )
    assert document_address(Path("ws.dgfacil")) == Path("ws.dgfacil")


def test_the_password_comes_from_libpq_never_from_the_app(pg_server, tmp_path, monkeypatch):
    """A role that must give a password: refused in a sentence without one; with PGPASSFILE
    naming a file that holds it, the workshop opens, and the password is shown nowhere."""
    role = "team_pw"
    pg_server.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') "
        f"THEN CREATE ROLE {role} LOGIN PASSWORD 's3cret-pw'; END IF; END $$"
    )
    hba = pg_server.data / "pg_hba.conf"
    rule = f"host all {role} 127.0.0.1/32 scram-sha-256\n"
    if rule not in hba.read_text():
        hba.write_text(rule + hba.read_text())  # first match wins: this role must give a password
        pg_server.execute("SELECT pg_reload_conf()")
    database = pg_server.create_database().rsplit("/", 1)[1]
    pg_server.execute(f'ALTER DATABASE "{database}" OWNER TO {role}')
    pg_server.execute(f"GRANT ALL ON SCHEMA public TO {role}", dbname=database)
    url = f"postgresql://{role}@127.0.0.1:{pg_server.port}/{database}"

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(ServerRefused, match="password") as caught:
        open_document(url)
    assert "s3cret" not in str(caught.value)

    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{pg_server.port}:{database}:{role}:s3cret-pw\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    doc = create_document(url)
    assert doc.address == url and "s3cret" not in doc.address
    doc.close()
    with pytest.raises(NotADocument, match="no workshop"):  # it opens: the schema is there, no workshop yet
        open_document(url)


def test_a_password_typed_in_the_url_is_never_shown():
    from dgfacil.store.engine import redacted
    from dgfacil.store.server_document import server_label

    assert (
        redacted("postgresql://me:pw@db.example.org:5433/ws?sslmode=require")
        == "postgresql://me@db.example.org:5433/ws?sslmode=require"
    )
    assert server_label("postgresql://me:pw@db.example.org/ws") == "ws on server db.example.org"
