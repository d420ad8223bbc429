"""The migration ladder: an old file is backed up and upgraded in one transaction; schema == tables."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from dgfacil.store import backup, migrate
from dgfacil.store.document import open_document
from dgfacil.store.engine import make_engine


def _make_old_file(path, revision: str) -> None:
    engine = make_engine(path)
    migrate.upgrade(engine, revision)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO workshop (title, project_code, organizers, modality, venue, timezone, display_zones,"
            " description, evaluation_form, template_name, created_at)"
            " VALUES ('Old workshop', 'X-1', '[]', 'online', '', 'Asia/Seoul', '[]', '', '{}', '', '')"
        )
    engine.dispose()


def test_first_schema_file_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "old.dgfacil"
    _make_old_file(path, "0001")
    doc = open_document(path)
    with doc.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        title = conn.exec_driver_sql("SELECT title FROM workshop").scalar()
    assert {"run_event", "board_item", "certificate", "setting"} <= tables
    assert not any(t.startswith("_alembic_tmp") for t in tables)
    assert title == "Old workshop"
    backups = [b for b in backup.list_backups(path) if "before-migrate-0001" in b.name]
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:  # the backup is the file as it was
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    doc.close()


def test_every_step_of_the_ladder_upgrades(tmp_path):
    revisions = sorted(migrate.known_revisions())
    for revision in revisions:
        path = tmp_path / f"at-{revision}.dgfacil"
        _make_old_file(path, revision)
        doc = open_document(path)
        with doc.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
        doc.close()


def test_migrated_schema_matches_the_tables(demo_doc):
    with demo_doc.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_a_failed_migration_rolls_back_whole(tmp_path):
    """DDL runs inside BEGIN: a failure half-way leaves the file exactly at its old revision."""
    path = tmp_path / "old.dgfacil"
    _make_old_file(path, "0001")
    engine = make_engine(path)
    with engine.begin() as conn:  # a table the 0002 step creates last already exists
        conn.exec_driver_sql("CREATE TABLE exercise_answer (id INTEGER)")
    try:
        migrate.upgrade(engine)
    except Exception:
        pass
    else:
        raise AssertionError("the upgrade should have failed")
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == "0001"
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "run_event" not in tables and "board_item" not in tables
    engine.dispose()
