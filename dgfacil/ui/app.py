"""Wires the app: QApplication, style, the main window shown first, the document opened behind it."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dgfacil import APP_NAME, __version__
from dgfacil.paths import resources_dir, user_data_dir


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def open_initial_document(window, path: str | None) -> None:
    """The file asked for, or the bundled demo workshop (a copy in the user data folder)."""
    if path:
        window.open_path(Path(path))
        return
    from dgfacil.operations.document import open_or_create_demo
    from dgfacil.store.errors import DocumentError

    try:
        window.set_document(open_or_create_demo(user_data_dir()))
    except DocumentError as err:
        window.statusBar().showMessage(str(err))


def run_app(path: str | None = None) -> int:
    started = time.perf_counter()
    app = make_app()
    from dgfacil.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    # Show the window first; open the document behind it (DESIGN §10: sqlmodel costs ~0.7 s).
    QTimer.singleShot(0, lambda: open_initial_document(window, path))
    if "--startup-time" in sys.argv:
        QTimer.singleShot(0, lambda: print(f"shown after {time.perf_counter() - started:.3f} s", flush=True))
    return app.exec()
