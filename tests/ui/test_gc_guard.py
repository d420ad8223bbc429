"""The GUI thread's collector: what a loaded document keeps is frozen once it has loaded, so full
collections (which stalled a long print by ~140 ms each) no longer walk it, and the next
document's settle frees the earlier one's cycles: nothing accumulates."""

from __future__ import annotations

import gc
import weakref

import pytest


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


@pytest.fixture
def guard(qtbot):
    from PySide6.QtCore import QObject

    from dgfacil.ui.gc_guard import GarbageCollector

    parent = QObject()
    collector = GarbageCollector(parent)
    yield collector
    collector.timer.stop()
    gc.unfreeze()  # leave the other tests a collector that walks everything
    gc.disable()  # as tests/conftest.py keeps it


def test_settled_objects_are_not_walked_by_later_full_collections(guard):
    kept = [Node() for _ in range(2000)]
    guard.settle()
    walked = {id(o) for o in gc.get_objects()}
    assert not any(id(node) in walked for node in kept)
    assert gc.get_freeze_count() >= len(kept)


def test_the_next_settle_frees_cycles_of_the_earlier_document(guard):
    earlier = Node()
    alive = weakref.ref(earlier)
    guard.settle()
    del earlier  # the document closes: its cycle is garbage, but frozen
    gc.collect()
    assert alive() is not None  # a plain collection does not see frozen objects
    guard.settle()
    assert alive() is None


def test_settle_soon_runs_once_the_document_has_loaded(guard, qtbot):
    guard.SETTLE_DELAY_MS = 50
    node = Node()
    guard.settle_soon(object())  # as document_opened calls it, with the document
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=2000)
    assert id(node) not in {id(o) for o in gc.get_objects()}
