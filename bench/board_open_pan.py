"""Opening and panning a card board of 500 cards, and the side-by-side view of 50 groups.

Prints milliseconds per operation (median of several runs). Offscreen Qt, a real document in a
temp folder. Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/board_open_pan.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QUndoGroup  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def ms(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def fill(doc, cards: int, groups: int) -> tuple[int, list[int]]:
    from sqlmodel import select

    from dgfacil.core import exercises as core
    from dgfacil.core.exercises import BoardItem
    from dgfacil.operations import boards as ops
    from dgfacil.operations import exercises as ex_ops
    from dgfacil.operations import groups as group_ops
    from dgfacil.store.tables import AgendaItemRow

    rng = random.Random(1)
    with doc.session() as s:
        item = s.exec(select(AgendaItemRow.id)).first()
        ex_id = ex_ops.add_exercise(s, agenda_item_id=item, use="swot").ids[0]
        group_ids = list(group_ops.create_groups(s, count=groups, exercise_id=ex_id).ids) if groups else []
        definition = s.get(__import__("dgfacil.store.tables", fromlist=["ExerciseRow"]).ExerciseRow, ex_id).definition
        for gid in group_ids or [None]:
            for i in range(cards):
                x, y = rng.uniform(0.06, 0.95), rng.uniform(0.1, 0.95)
                text = f"Card {i}: " + " ".join(
                    rng.choice(["digital", "ID", "data", "silos", "skills", "trust", "budget", "open", "services"])
                    for _ in range(rng.randint(2, 9))
                )
                ops.add_item(
                    s,
                    exercise_id=ex_id,
                    group_id=gid,
                    item=BoardItem(text, core.area_at("zones", definition, x, y), x, y),
                )
    return ex_id, group_ids


class Host:
    def __init__(self) -> None:
        from PySide6.QtGui import QUndoStack

        self.undo_stack = QUndoStack()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from dgfacil.operations.document import new_from_template
    from dgfacil.store import exercises as store
    from dgfacil.store.groups import groups_for_exercise
    from dgfacil.ui.context import AppContext
    from dgfacil.ui.exercises.card_board import CardBoard
    from dgfacil.ui.exercises.overview import AllGroupsView
    from dgfacil.ui.tasks import Tasks

    folder = Path(tempfile.mkdtemp())
    doc = new_from_template(folder / "bench.dgfacil", "undesa-escap-webinar-2023")
    ex_id, _ = fill(doc, 500, 0)
    tasks = Tasks(doc)
    ctx = AppContext(doc=doc, tasks=tasks, undo_group=QUndoGroup())
    exercise = tasks.read(lambda s: store.exercise(ex_id, session=s))
    host = Host()

    opens, pans = [], []
    for _ in range(7):
        board = None

        def open_board():
            nonlocal board
            board = CardBoard(ctx, host, exercise, None)
            board.resize(1400, 860)
            board.show()
            app.processEvents()
            board.view.viewport().repaint()

        opens.append(ms(open_board))
        assert len(board.cards) == 500
        view = board.view
        view.set_fit(False)
        view.resetTransform()
        view.scale(1.6, 1.6)  # zoomed in, as when reading cards
        bar = view.horizontalScrollBar()

        def pan(bar=bar, view=view):  # this board's, bound now
            bar.setValue((bar.value() + 37) % max(1, bar.maximum()))
            view.viewport().repaint()

        for _ in range(40):
            pans.append(ms(pan))
        board.close()
        board.deleteLater()
        app.processEvents()
    print(
        f"board of 500 cards: open {statistics.median(opens):.1f} ms (median of {len(opens)}), "
        f"pan {statistics.median(pans):.2f} ms per step (median of {len(pans)})"
    )

    doc2 = new_from_template(folder / "bench50.dgfacil", "undesa-escap-webinar-2023")
    ex2, _ = fill(doc2, 10, 50)
    tasks2 = Tasks(doc2)
    ctx2 = AppContext(doc=doc2, tasks=tasks2, undo_group=QUndoGroup())
    exercise2 = tasks2.read(lambda s: store.exercise(ex2, session=s))
    groups = tasks2.read(lambda s: groups_for_exercise(ex2, session=s))
    view = AllGroupsView(ctx2)
    view.resize(1400, 860)
    view.show()
    app.processEvents()
    overview_opens, overview_pans = [], []
    for _ in range(7):
        overview_opens.append(ms(lambda: (view.show_exercise(exercise2, groups), view.viewport().repaint())))
    view.resetTransform()
    view.zoom(0.5)  # about four boards across the window
    app.processEvents()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    for _ in range(40):
        overview_pans.append(
            ms(lambda: (bar.setValue((bar.value() + 53) % max(1, bar.maximum())), view.viewport().repaint()))
        )
    print(
        f"50 groups x 10 cards side by side: open {statistics.median(overview_opens):.1f} ms, "
        f"pan {statistics.median(overview_pans):.2f} ms per step"
    )
    # switching the open board between groups (the facilitator's group picker)
    switches = []
    for g in groups[:15]:

        def switch(g=g):
            b = CardBoard(ctx2, host, exercise2, g.id)
            b.resize(1400, 860)
            b.show()
            app.processEvents()
            b.view.viewport().repaint()
            b.close()
            b.deleteLater()

        switches.append(ms(switch))
    print(f"open one group's board (of 50): {statistics.median(switches):.1f} ms")
    for t in (tasks, tasks2):
        t.shutdown()


if __name__ == "__main__":
    main()
