"""The bar above the rooms that says a workshop is open read-only, and how to edit it anyway.

A workshop on a write-protected stick, in a read-only folder or on a full disk opens read-only
(the store decides, `doc.read_only_reason` says why): every room reads it, every edit is refused.
The bar says so at once, and "Save a copy as…" makes an editable copy on the laptop and opens it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QToolBar

if TYPE_CHECKING:
    from dgfacil.ui.main_window import MainWindow

_SQL_TAIL = re.compile(r"\s*(\[SQL:|\[parameters:|\(Background on this error).*", re.DOTALL)
_DRIVER_PREFIX = re.compile(r"^\((sqlite3|sqlalchemy)[\w.]*\)\s*")


def status_text(text: str) -> str:
    """One line for the status bar: never SQL text, parameters or a driver's class name."""
    text = _SQL_TAIL.sub("", text or "")
    text = _DRIVER_PREFIX.sub("", text.strip())
    return text.splitlines()[0] if text else "the change could not be saved"


def show_banner(window: MainWindow, doc) -> QToolBar | None:
    """Put the read-only bar on `window` for `doc`; None when the document can be written."""
    reason = doc.read_only_reason
    if reason is None:
        return None
    bar = QToolBar("Read-only", window)
    bar.setObjectName("readOnlyBanner")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setStyleSheet(
        "QToolBar#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #d8b54a; padding: 4px; }"
    )
    label = QLabel(
        f"<b>Read-only:</b> {_escape(reason[0].upper() + reason[1:])}. "
        "Copy it to the laptop to edit — nothing you change here can be saved."
    )
    label.setTextFormat(Qt.RichText)
    label.setObjectName("readOnlyText")
    bar.addWidget(label)
    button = QPushButton("Save a copy as…")
    button.setObjectName("readOnlySaveCopy")
    button.clicked.connect(lambda: save_copy_and_edit(window))
    bar.addWidget(button)
    window.addToolBar(Qt.TopToolBarArea, bar)
    bar.setVisible(window.isVisible())
    return bar


def hide_banner(window: MainWindow, bar: QToolBar | None) -> None:
    if bar is not None:
        window.removeToolBar(bar)
        bar.deleteLater()


def save_copy_and_edit(window: MainWindow, path: Path | None = None) -> None:
    """Save an editable copy of the read-only workshop and open it in its place."""
    if window.ctx is None:
        return
    doc = window.ctx.doc
    if path is None:
        from dgfacil.ui import dialogs

        start = Path.home() / "Documents" / doc.path.name
        path = dialogs.ask_save_path(
            window,
            "Save a copy to edit",
            start if start.parent.is_dir() else Path.home() / doc.path.name,
            "Workshop (*.dgfacil)",
        )
        if not path:
            return
    window.ctx.tasks.run(
        lambda _s: doc.save_copy(Path(path)), on_done=lambda copy: QTimer.singleShot(0, lambda: window.open_path(copy))
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
