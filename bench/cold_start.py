"""Cold start: seconds from launching `python -m dgfacil` to its main window painted ("shown"), and to
the demo workshop (the workshop open last) open with its first room painted ("ready"), against a
bare PySide6 window painted on the same machine. Every run is a new process; bare and dgfacil runs
alternate, so a busy machine slows both alike. Medians of N runs of each, after one warm-up each.

"Painted" is just after the first paint event of the window (or the room), not `show()` returning:
Qt paints on a later turn of the event loop (dgfacil/ui/first_paint.py, DGFACIL_STARTUP_PROBE).

The CPU seconds each process had used by then are printed too: on a shared machine they move
less than the clock does.

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
from PySide6.QtWidgets import QApplication, QMainWindow
from dgfacil.ui.first_paint import after_first_paint, print_mark
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
after_first_paint(w, lambda: (print_mark("shown"), app.quit()), None)
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
    """Seconds from launch to each mark, and the CPU seconds the process had used by then ("shown cpu")."""
    started = time.time()
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    marks = {}
    for line in done.stdout.splitlines():
        name, stamp, _packages, cpu = (line.split(" ") + ["", "", ""])[:4]  # ui/first_paint.py print_mark
        if name in ("shown", "ready"):
            marks[name], marks[f"{name} cpu"] = float(stamp) - started, float(cpu)
    if "shown" not in marks:
        raise SystemExit(f"no 'shown' mark from {args[1:]}:\n{done.stdout}{done.stderr[-3000:]}")
    return marks


def _spread(values) -> str:
    return " ".join(f"{v:.2f}" for v in sorted(values))


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    load = os.getloadavg()[0]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        env.update(DGFACIL_DATA_DIR=f"{home}/data", DGFACIL_CONFIG_DIR=f"{home}/config", DGFACIL_STARTUP_PROBE="1")
        # An installed app runs from .pyc files: the warm-up writes them (here, not into the tree) even
        # where PYTHONDONTWRITEBYTECODE is set, so no run pays for compiling our modules from source.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = f"{home}/pycache"
        # The demo copy, made once and left as the workshop open last: each run then reopens it.
        subprocess.run([sys.executable, "-c", SETUP], env=env, check=True, timeout=120)
        ours_args, bare_args = [sys.executable, "-m", "dgfacil"], [sys.executable, "-c", BARE]
        _measure(ours_args, env), _measure(bare_args, env)  # warm-up: the disk cache, the .pyc files
        app, bare = [], []
        for run in range(runs):  # alternate which goes first, so neither always follows the other
            for args, into in ((ours_args, app), (bare_args, bare))[:: 1 if run % 2 else -1]:
                into.append(_measure(args, env))
    shown = statistics.median(m["shown"] for m in app)
    ready = statistics.median(m["ready"] for m in app)
    bare_shown = statistics.median(m["shown"] for m in bare)
    print(f"runs: {runs} of each, interleaved; load average before: {load:.2f}, after: {os.getloadavg()[0]:.2f}")
    print(f"dgfacil main window shown: median {shown:.3f} s  (runs: {_spread(m['shown'] for m in app)})")
    print(f"dgfacil demo workshop ready: median {ready:.3f} s  (runs: {_spread(m['ready'] for m in app)})")
    print(f"bare PySide6 window shown: median {bare_shown:.3f} s  (runs: {_spread(m['shown'] for m in bare)})")
    print(f"ratio shown/bare: {shown / bare_shown:.2f}x; ready/bare: {ready / bare_shown:.2f}x")
    # CPU seconds used by each moment: less swayed by other work on the machine than the clock
    shown_cpu, ready_cpu = (statistics.median(m[f"{name} cpu"] for m in app) for name in ("shown", "ready"))
    bare_cpu = statistics.median(m["shown cpu"] for m in bare)
    print(
        f"CPU seconds used: shown {shown_cpu:.3f}, ready {ready_cpu:.3f}, bare shown {bare_cpu:.3f}"
        f" (ratio shown/bare {shown_cpu / bare_cpu:.2f}x)"
    )


if __name__ == "__main__":
    main()
