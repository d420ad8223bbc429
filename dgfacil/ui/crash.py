"""An error nobody caught in a slot: logged to a file, told to the user in one plain sentence.

Every edit is already committed when it is made, so the message can say the work is safe.
"""

from __future__ import annotations

import sys
import traceback
from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication, QMessageBox

from dgfacil.paths import user_data_dir


def log_path():
    return user_data_dir() / "errors.log"


def report_unexpected(kind, error, tb) -> None:
    details = "".join(traceback.format_exception(kind, error, tb))
    sys.__stderr__.write(details)
    try:
        with open(log_path(), "a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')}\n{details}\n")
    except OSError:
        pass
    if QApplication.instance() is not None:
        from dgfacil.ui.widgets import show_message  # installed before the first paint, needed only now

        show_message(
            QApplication.activeWindow(),
            "Something went wrong",
            f"dgfacil could not finish that action: {error}\n\nEverything saved before it is safe. "
            f"The details are in {log_path()}.",
            QMessageBox.Critical,
        )


def install() -> None:
    sys.excepthook = report_unexpected
