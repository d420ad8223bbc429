"""Wires the app: QApplication, style, the main window shown first, the document opened behind it."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dgfacil import APP_NAME, __version__, settings
from dgfacil.paths import resources_dir


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    if not hasattr(app, "gc_guard"):
        from dgfacil.ui.gc_guard import GarbageCollector

        app.gc_guard = GarbageCollector(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def open_initial_document(window, path: str | None) -> None:
    """The file asked for; else the workshop open when the app last closed; else the start page
    (recent workshops, the templates, the demo), saying so when the last workshop is gone."""
    if path:
        if not window.open_path(Path(path)):
            window.show_start(f"Could not open {path}.")
        return
    last = settings.last_open()
    if last is None:
        window.show_start()
    elif not last.exists():
        settings.forget_recent(last)
        window.show_start(f"The workshop open last time, {last}, was not found (moved, renamed or deleted).")
    elif not window.open_path(last):
        window.show_start(f"The workshop open last time, {last}, could not be opened.")


def run_app(path: str | None = None) -> int:
    app = make_app()
    from dgfacil.ui import crash

    crash.install()
    from dgfacil.ui.main_window import MainWindow

    window = MainWindow()
    # what a loaded workshop keeps is frozen, so later collections never walk it (ui/gc_guard.py)
    window.document_opened.connect(app.gc_guard.settle_soon)
    window.show()
    # Show the window first; open the document behind it: importing sqlmodel alone takes ~0.6-0.8 s
    # (bench/cold_start.py measures both moments).
    probe = os.environ.get("DGFACIL_STARTUP_PROBE")  # bench/cold_start.py: report and quit

    def open_document() -> None:
        if probe:
            print(f"shown {time.time():.6f}", flush=True)
        open_initial_document(window, path)
        if probe:
            print(f"ready {time.time():.6f}", flush=True)
            QTimer.singleShot(0, window.close)

    QTimer.singleShot(0, open_document)
    return app.exec()
