"""Cold start: seconds from launching `python -m dgfacil` to a shown main window, and to the demo
workshop (the workshop open last) open in it, against a bare PySide6 window on the same machine. Medians of N runs.

Usage: python bench/cold_start.py [runs]     (uses QT_QPA_PLATFORM=offscreen unless a display is set)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


SETUP = """
from dgfacil import settings
from dgfacil.operations.document import open_or_create_demo
from dgfacil.paths import user_data_dir
doc = open_or_create_demo(user_data_dir())
settings.set_last_open(doc.path)
doc.close()
"""


def _measure(args: list[str], env: dict) -> dict[str, float]:
    started = time.time()
    out = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120).stdout
    marks = {}
    for line in out.splitlines():
        name, _, stamp = line.partition(" ")
        if name in ("shown", "ready"):
            marks[name] = float(stamp) - started
    return marks


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        env.update(DGFACIL_DATA_DIR=f"{home}/data", DGFACIL_CONFIG_DIR=f"{home}/config", DGFACIL_STARTUP_PROBE="1")
        # The demo copy, made once and left as the workshop open last: each run then reopens it.
        subprocess.run([sys.executable, "-c", SETUP], env=env, check=True, timeout=120)
        app = [_measure([sys.executable, "-m", "dgfacil"], env) for _ in range(runs)]
        bare = [_measure([sys.executable, "-c", BARE], env) for _ in range(runs)]
    shown = statistics.median(m["shown"] for m in app)
    ready = statistics.median(m["ready"] for m in app)
    bare_shown = statistics.median(m["shown"] for m in bare)
    print(f"runs: {runs}")
    print(f"dgfacil main window shown: median {shown:.3f} s")
    print(f"dgfacil demo workshop open: median {ready:.3f} s")
    print(f"bare PySide6 window shown: median {bare_shown:.3f} s")
    print(f"ratio shown/bare: {shown / bare_shown:.2f}x; ready/bare: {ready / bare_shown:.2f}x")


if __name__ == "__main__":
    main()
