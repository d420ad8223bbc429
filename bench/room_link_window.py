"""The app's window while 200 phones write: its longest stall, and phone cards reaching the board.

Opens the real main window (offscreen) on a workshop with a SWOT board shown in the Exercises
room, turns the room link on (the app's own database worker) and runs the simulated phones of
bench/room_link.py in another process. A 10 ms Qt timer measures how late the GUI thread gets
to it (the window's stalls); the board must hold every card at the end. Also prints the phones'
write-to-event latency with the app serving (its worker and GUI thread share the process).
Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/room_link_window.py [--phones 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer  # Qt reads QT_QPA_PLATFORM when the app starts, not on import
from PySide6.QtWidgets import QApplication

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TICK_MS = 10


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--cards", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    from bench.room_link import make_document
    from dgfacil.ui.app import make_app
    from dgfacil.ui.main_window import MainWindow

    app = QApplication.instance() or make_app()  # as the app starts: its collector on the GUI thread
    path = make_document(Path(tempfile.mkdtemp(prefix="dgfacil-bench-")))
    window = MainWindow()
    window.document_opened.connect(app.gc_guard.settle_soon)  # as ui/app.py does
    window.resize(1366, 768)
    window.show()
    window.open_path(path)
    room = window.show_room("Exercises")
    # as in a room: the facilitator turns the link on once the workshop is open and its rooms built
    # (the other rooms are built one per turn after the first paint; the collector settles at 2 s)
    settled = time.perf_counter() + 3
    while time.perf_counter() < settled:
        app.processEvents()
        time.sleep(0.001)
    assert window.room_link.turn_on(bind="127.0.0.1", port=0)
    link = window.room_link.link
    join, facilitator = link.join_url("127.0.0.1"), link.facilitator_url("127.0.0.1")
    code = (
        f"import asyncio, sys; sys.path.insert(0, {str(ROOT)!r}); import bench.room_link as b; "
        f"r = asyncio.run(b.run({join!r}, {facilitator!r}, {args.phones}, {args.cards}, {args.seconds})); "
        f"print(b.latency_lines(r[1], r[2], {args.phones})); print(sum(p.cards for p in r[0]))"
    )
    phones = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    lates: list[float] = []
    began = time.perf_counter()
    last = [began]
    worst = [0.0, 0.0]  # the longest stall and when it ended, in seconds from the phones' start

    def tick() -> None:
        now = time.perf_counter()
        lates.append((now - last[0]) * 1000 - TICK_MS)
        if lates[-1] > worst[0]:
            worst[:] = [lates[-1], now - began]
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    while phones.poll() is None:
        app.processEvents()
        time.sleep(0.001)
    deadline = time.perf_counter() + 3
    while time.perf_counter() < deadline:  # the last coalesced redraw
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    *latency, sent = phones.stdout.read().strip().splitlines()
    sent = int(sent)
    on_board = len(room.board.cards) if room.board is not None else 0
    window.close_document()
    print(f"phones {args.phones}: cards sent {sent}, on the desktop board {on_board} (missing {sent - on_board})")
    print(
        f"GUI thread lateness over {len(lates)} ticks of {TICK_MS} ms: median {statistics.median(lates):.1f} ms, "
        f"p99 {sorted(lates)[int(len(lates) * 0.99)]:.1f} ms, longest stall {max(lates):.1f} ms "
        f"(at {worst[1]:.1f} s); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print("\n".join(latency))


if __name__ == "__main__":
    main()
