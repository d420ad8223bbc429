"""Shared fixtures: a private user folder per test, a fresh document per test, a screenshots folder."""
from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "screenshots"
DEMO = "undesa-escap-webinar-2023"


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


@pytest.fixture
def new_doc(tmp_path):
    """Factory: a fresh document from a template in a temp folder; closed after the test."""
    from dgfacil.operations.document import new_from_template

    opened = []

    def make(template: str = DEMO, name: str = "workshop.dgfacil", **kwargs):
        doc = new_from_template(tmp_path / name, template, **kwargs)
        opened.append(doc)
        return doc

    yield make
    for doc in opened:
        doc.engine.dispose()


@pytest.fixture
def demo_doc(new_doc):
    return new_doc()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
