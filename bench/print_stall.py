"""The window while 1,214 certificates print from the real Print room (offscreen): the longest
event-loop stall, measured by a 10 ms QTimer that records the gaps between its ticks.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/print_stall.py [--count 1214] [--repeat 3] [--no-settle]

A stall is a gap between ticks minus the 10 ms interval: the time the window could not answer a
key or repaint. The goal is under 100 ms for the whole run: gathering (numbers and signatures
recorded on the database worker), drawing (worker processes) and joining. Both modes are
measured: one PDF, and one PDF per person in a folder. As in the app, automatic cycle collection
is off and the GUI thread collects (ui/gc_guard.py), so its pauses are counted too. As in the
app, the collector settles once the document has loaded (gc_guard.settle: the ~127,000 objects of
the loaded app are frozen, so full collections skip them); --no-settle measures without that.
"""

from __future__ import annotations

import gc
import itertools
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NAMES = [
    "Kim Min-jun",
    "김민준",
    "Nguyễn Thị Minh Khai",
    "王小明",
    "Ольга Петрова",
    "Ahmed Al-Farsi",
    "สมชาย ใจดี",
    "राजेश कुमार",
    "Maria Fernanda Rodríguez-Villanueva",
    "محمد بن سلمان",
    "Tanaka Hiroshi",
    "Bongani Dlamini",
    "Siosaia Tupou",
]


def make_document(folder: Path, count: int):
    """The webinar template with `count` participants, all present (so all eligible)."""
    from dgfacil.core.roster_columns import guess_mapping
    from dgfacil.io.roster import read_roster_bytes
    from dgfacil.operations.attendance import mark_all
    from dgfacil.operations.document import new_from_template
    from dgfacil.operations.participants import import_roster

    doc = new_from_template(folder / "webinar.dgfacil", "undesa-escap-webinar-2023")
    lines = ["Name,Email,Country"] + [f"{NAMES[i % len(NAMES)]} {i},p{i}@example.org,Korea" for i in range(count)]
    table = read_roster_bytes("\n".join(lines).encode(), name="roster.csv")
    with doc.session() as s:
        import_roster(s, table=table, mapping=guess_mapping(table.headers, [r for _n, r in table.rows]))
    with doc.session() as s:
        mark_all(s)
    return doc


def measure(room, app, out: Path, per_person: bool) -> dict:
    from PySide6.QtCore import QTimer

    room.options_form.per_person.setChecked(per_person)
    room.options_form.out.setText(str(out))
    pauses: list[float] = []  # the GUI thread's cycle collections during this run, in ms
    began: list[float] = []

    def timed(phase: str, info: dict) -> None:
        if phase == "start":
            began[:] = [time.perf_counter()]
        elif began:
            pauses.append((1000 * (time.perf_counter() - began[0]), info["generation"]))

    gc.callbacks.append(timed)
    reads: list[float] = []  # the GUI thread waiting on the database worker (Tasks.read)
    plain_read = room.ctx.tasks.read

    def read(fn):
        if threading.current_thread() is not threading.main_thread():
            return plain_read(fn)  # the database worker asking itself: no one waits
        start = time.perf_counter()
        try:
            return plain_read(fn)
        finally:
            reads.append(1000 * (time.perf_counter() - start))

    room.ctx.tasks.read = read
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    ticks.append(start)  # a wait inside the click itself (before the first tick) counts too
    room.print_button.click()
    while room.busy():
        app.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - start
    timer.stop()
    gc.callbacks.remove(timed)
    del room.ctx.tasks.read
    gaps = [1000 * (b - a) - 10 for a, b in itertools.pairwise(ticks)]
    return {
        "seconds": seconds,
        "stall_ms": max(gaps, default=0.0),
        "ticks": len(ticks),
        "gc_ms": max(pauses, default=(0.0, 0)),
        "read_ms": max(reads, default=0.0),
        "status": room.status.text(),
    }


def main() -> None:
    count = int(sys.argv[sys.argv.index("--count") + 1]) if "--count" in sys.argv else 1214
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
    folder = Path(tempfile.mkdtemp())
    os.environ.setdefault("DGFACIL_DATA_DIR", str(folder / "data"))
    os.environ.setdefault("DGFACIL_CONFIG_DIR", str(folder / "config"))
    from PySide6.QtGui import QUndoGroup
    from PySide6.QtWidgets import QApplication

    from dgfacil.ui.context import AppContext
    from dgfacil.ui.gc_guard import GarbageCollector
    from dgfacil.ui.printing.room import PrintRoom
    from dgfacil.ui.tasks import Tasks

    app = QApplication.instance() or QApplication([])
    app.gc_guard = GarbageCollector(app)  # as the app runs: cycles collected on the GUI thread
    doc = make_document(folder, count)
    tasks = Tasks(doc)
    room = PrintRoom(AppContext(doc=doc, tasks=tasks, undo_group=QUndoGroup()))
    room.resize(1000, 600)
    room.show()
    room.list.setCurrentRow(room.kinds.index("certificates"))

    def full_ms() -> float:
        start = time.perf_counter()
        gc.collect()
        return 1000 * (time.perf_counter() - start)

    before = full_ms()
    if "--no-settle" not in sys.argv:  # as the app does once a document has loaded (ui/app.py)
        for _ in range(50):  # the rooms' loads on the database worker land first
            app.processEvents()
            time.sleep(0.02)
        app.gc_guard.settle()  # what is loaded now is never walked again by the GUI thread's collections
    print(
        f"a full collection: {before:.0f} ms with the document loaded, {full_ms():.0f} ms after "
        f"settling ({gc.get_freeze_count():,} objects frozen)"
    )
    results: dict[str, list[dict]] = {"one PDF": [], "per person": []}
    for i in range(repeat):
        results["one PDF"].append(measure(room, app, folder / f"certs-{i}.pdf", False))
        results["per person"].append(measure(room, app, folder / f"each-{i}", True))
    tasks.shutdown()
    doc.close()
    print(
        f"Print room, {count:,} certificates, stall = longest gap between 10 ms ticks - 10 ms (median of {repeat} runs)"
    )
    for mode, runs in results.items():
        stall = statistics.median(r["stall_ms"] for r in runs)
        worst = max(r["stall_ms"] for r in runs)
        secs = statistics.median(r["seconds"] for r in runs)
        gc_worst = max(r["gc_ms"] for r in runs)
        read_worst = max(r["read_ms"] for r in runs)
        print(
            f"{mode:<11} longest stall {stall:6.1f} ms (worst run {worst:.1f} ms; goal < 100 ms)"
            f"   {secs:5.1f} s   longest collection {gc_worst[0]:.1f} ms (generation {gc_worst[1]})"
        )
        print(
            f"{'':<11} stalls of each run (ms): "
            + ", ".join(f"{r['stall_ms']:.0f}" for r in runs)
            + f"; longest wait for a database read on the GUI thread {read_worst:.0f} ms"
        )


if __name__ == "__main__":
    main()
