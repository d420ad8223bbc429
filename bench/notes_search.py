"""Note-taking speed: committing one note, searching 2,000 notes, and redrawing a pane of 500 notes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/notes_search.py

Prints medians in milliseconds. A note-taker types one note every few seconds; the figures
show that Enter, search-as-you-type and switching items stay far below what a person notices.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    from dgfacil.core.model import NoteTag
    from dgfacil.operations import notes as ops
    from dgfacil.operations.document import new_from_template
    from dgfacil.store.workshop import load_workshop

    folder = Path(tempfile.mkdtemp())
    doc = new_from_template(folder / "bench.dgfacil", "undesa-escap-webinar-2023")
    with doc.session() as s:
        items = [it.id for day in load_workshop(session=s).days for it in day.items]
    t0 = datetime(2023, 5, 30, 6, 0, tzinfo=UTC)
    tags = list(NoteTag)
    counter = iter(range(10**6))

    def add_one() -> None:
        n = next(counter)
        item = items[1] if n < 500 else items[n % len(items)]  # 500 notes on one item for the pane
        with doc.session() as s:
            ops.add_note(
                s,
                item_id=item,
                text=f"Note {n}: the digital divide persists in LDCs and SIDS",
                tag=tags[n % len(tags)],
                speaker="Mr. Vincenzo Aquaro",
                at=t0 + timedelta(seconds=n),
                clear_draft=True,
            )

    print(f"add_note (one committed transaction, synchronous=FULL): {median_ms(add_one, 2000):.2f} ms")

    def search() -> None:
        with doc.session() as s:
            ops.search_notes(s, text="divide lDCs")

    print(f"search_notes over 2,000 notes: {median_ms(search, 30):.1f} ms")

    def by_item() -> None:
        with doc.session() as s:
            ops.notes_by_item(s)

    print(f"notes_by_item over 2,000 notes: {median_ms(by_item, 30):.1f} ms")

    from PySide6.QtGui import QUndoGroup
    from PySide6.QtWidgets import QApplication

    from dgfacil.ui.context import AppContext
    from dgfacil.ui.notes.pane import NotesPane
    from dgfacil.ui.tasks import Tasks

    app = QApplication.instance() or QApplication(sys.argv)
    tasks = Tasks(doc)
    pane = NotesPane(AppContext(doc=doc, tasks=tasks, undo_group=QUndoGroup()))
    pane.resize(700, 800)
    pane.show()

    def switch() -> None:
        pane.set_item(items[2])
        pane.set_item(items[1])  # the item with 500+ notes
        app.processEvents()

    ms = median_ms(switch, 20)
    with doc.session() as s:
        on_item = len(ops.search_notes(s, item_id=items[1]))
    print(f"switch to an item with {len(pane.model.notes)} notes ({on_item} in the document) and paint: {ms:.1f} ms")
    tasks.wait()
    tasks.shutdown()
    doc.engine.dispose()


if __name__ == "__main__":
    main()
