"""Wires the app: QApplication, style, the main window shown first, the document opened behind it."""

from __future__ import annotations

import gc
import os
import sys

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
        if not window.open_path(path):  # a file, or a team workshop's postgresql:// URL (kept a string)
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

    # the first paint shows the window, its menus' titles and what it is opening; the rest just after
    window = MainWindow(opening=path or settings.last_open(), menus_after_paint=True)
    # what a loaded workshop keeps is frozen, so later collections never walk it (ui/gc_guard.py)
    window.document_opened.connect(app.gc_guard.settle_soon)
    window.show()
    # Open the document only once the window is painted: a zero-delay timer would fire before Qt
    # paints and leave an empty frame on screen while the store loads (~0.3 s of imports).
    probe = os.environ.get("DGFACIL_STARTUP_PROBE")  # bench/cold_start.py: report and quit
    from dgfacil.ui.first_paint import after_first_paint, print_mark

    def open_document() -> None:
        if probe:
            print_mark("shown")
        window.fill_menus()  # and their shortcuts: one turn of the event loop after the window is on screen
        open_initial_document(window, path)
        # What start-up loaded (modules, the store's classes, the room) lives as long as the app: set
        # it aside so the GUI collector's next pass, due by now, need not walk it (~0.1 s) before
        # the room is painted. The settle after the document opens collects it once (ui/gc_guard.py).
        gc.freeze()
        if probe:
            shown_room = window.tabs.currentWidget() if window.ctx is not None else window.centralWidget()
            after_first_paint(shown_room, lambda: (print_mark("ready"), QTimer.singleShot(0, window.close)), None)

    after_first_paint(window, open_document)
    return app.exec()
