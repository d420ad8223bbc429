"""A real `dgfacil serve` on 127.0.0.1 (a free port) over a workshop with a SWOT board."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # link_phone: the tests' phone and server
from link_phone import start_serve, stop_serve


@pytest.fixture
def board_doc(new_doc):
    """The demo workshop with a SWOT board on its first agenda item; the document is closed."""
    from dgfacil.operations import exercises

    doc = new_doc()
    with doc.session() as s:
        first = doc_first_item(s)
        exercises.add_exercise(s, agenda_item_id=first, use="swot")
    path = doc.path
    doc.close()
    return path


def doc_first_item(session) -> int:
    from dgfacil.operations.document import load_workshop

    return load_workshop(session).days[0].items[0].id


@pytest.fixture
def served(board_doc):
    running = start_serve(board_doc)
    yield running
    stop_serve(running)


@pytest.fixture
def browser():
    """Headless Chromium as a 360×740 phone (skipped where Debian's chromium is not installed)."""
    pytest.importorskip("selenium.webdriver")
    from browser import INSTALLED, chromium

    if not INSTALLED:
        pytest.skip("Debian chromium and chromium-driver are not installed")
    with chromium() as driver:
        yield driver
