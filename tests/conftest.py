"""Shared fixtures: a private user folder per test, a fresh document per test, a screenshots folder,
and a throw-away PostgreSQL server (team mode) that the run starts itself on 127.0.0.1.

`new_doc` makes a SQLite file. In tests/store and tests/operations (BOTH_ENGINES), every test that
uses it runs twice: on a file and on the PostgreSQL server; `@pytest.mark.sqlite_only` keeps a
test about files (backups, read-only media, WAL) on SQLite."""

from __future__ import annotations

import gc
import os
import sys
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "screenshots"
DEMO = "undesa-escap-webinar-2023"
BOTH_ENGINES = ("store", "operations")  # test folders whose documents run on SQLite and PostgreSQL


@pytest.fixture(scope="session", autouse=True)
def collect_on_main_thread_only():
    """As in the app (dgfacil/ui/gc_guard.py): no automatic cycle collection, which could free a
    Qt object on the database worker thread; the test runner collects between tests instead."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def collect_between_tests():
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path_factory, monkeypatch):
    """Each test gets its own data and config folders: no test touches the real profile."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("DGFACIL_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("DGFACIL_CONFIG_DIR", str(base / "config"))
    return base


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: a test about files (backups, WAL, media): not run on PostgreSQL")
    config.addinivalue_line("markers", "postgresql_only: a test about team workshops: its document is on the server")


def pytest_generate_tests(metafunc):
    """`doc_engine`: both engines in BOTH_ENGINES unless the test is sqlite_only; SQLite elsewhere."""
    if "doc_engine" not in metafunc.fixturenames:
        return
    both = any(ROOT / "tests" / folder in Path(metafunc.definition.path).parents for folder in BOTH_ENGINES)
    if metafunc.definition.get_closest_marker("postgresql_only"):
        metafunc.parametrize("doc_engine", ["postgresql"])
    elif both and not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize("doc_engine", ["sqlite", "postgresql"])
    else:
        metafunc.parametrize("doc_engine", ["sqlite"])


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the whole run (started on first use, stopped at the end)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from pg_server import PgServer, why_not_available

    why = why_not_available()
    if why:
        pytest.skip(why)
    server = PgServer(fsync=False).start()  # the tests kill clients, never the server
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_templates(pg_server):
    """Factory: the name of a database holding `template`'s workshop, built once per run and
    copied per test (CREATE DATABASE ... TEMPLATE: ~50 ms against ~300 ms to migrate and fill)."""
    from dgfacil.operations.document import new_from_template

    built: dict[tuple, str] = {}

    def get(template: str, **kwargs) -> str:
        key = (template, tuple(sorted((k, str(v)) for k, v in kwargs.items())))
        if key not in built:
            name = f"tpl_{len(built)}"
            doc = new_from_template(pg_server.create_database(name), template, **kwargs)
            doc.close()
            built[key] = name
        return built[key]

    return get


@pytest.fixture
def doc_engine():
    """Overridden by pytest_generate_tests: "sqlite" or "postgresql"."""
    return "sqlite"


@pytest.fixture
def new_doc(tmp_path, doc_engine, request):
    """Factory: a fresh document from a template, a file in a temp folder or (doc_engine
    "postgresql") a database of its own on the test server; closed after the test."""
    from dgfacil.operations.document import new_from_template
    from dgfacil.store.document import ensure_document_id

    opened = []
    databases = []

    def make(template: str = DEMO, name: str = "workshop.dgfacil", **kwargs):
        if doc_engine == "postgresql":
            server = request.getfixturevalue("pg_server")
            source = request.getfixturevalue("pg_templates")(template, **kwargs)
            database = f"t_{uuid.uuid4().hex[:16]}"
            from dgfacil.store.document import open_document

            doc = open_document(server.create_database(database, template=source))
            with doc.session() as session:  # a workshop of its own, as new_from_template makes
                from dgfacil.store.document import _set_document_id

                _set_document_id(session, uuid.uuid4().hex)
            ensure_document_id(doc)
            databases.append(database)
        else:
            doc = new_from_template(tmp_path / name, template, **kwargs)
        opened.append(doc)
        return doc

    yield make
    for doc in opened:
        doc.engine.dispose()
        doc.read_engine.dispose()
    for database in databases:
        request.getfixturevalue("pg_server").drop_database(database)


@pytest.fixture
def demo_doc(new_doc):
    return new_doc()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
