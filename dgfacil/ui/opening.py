"""Opening a workshop file from the window: what is wrong, in words, and a damaged file's backup
offered. Loaded after the window's first paint (it loads the store)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from dgfacil.operations.document import DamagedDocument, Document, DocumentError, open_document
from dgfacil.operations.workshop import check_records
from dgfacil.ui.widgets import show_message

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def open_checked(parent: QWidget, path: Path) -> Document | None:
    """The document at `path`, or None once the user was told why not (or declined a backup).
    Not yet backed up: the window does that on the document's worker (`back_up_as_opened`)."""
    try:
        doc = open_document(Path(path), backup_on_open=False)
    except DamagedDocument as err:
        restored = _restored_backup(parent, err)
        return open_checked(parent, restored) if restored is not None else None
    except DocumentError as err:
        show_message(parent, "Cannot open the workshop", str(err))
        return None
    try:  # a record SQLite's check passes but this version cannot read: say so now, in words
        with doc.session(write=False) as session:
            check_records(session)
    except DocumentError as err:
        doc.close()
        show_message(parent, "Cannot open the workshop", str(err))
        return None
    return doc


def _restored_backup(parent: QWidget, err: DamagedDocument) -> Path | None:
    if err.newest_backup is None:
        show_message(parent, "The workshop file is damaged", str(err), QMessageBox.Critical)
        return None
    answer = show_message(
        parent,
        "The workshop file is damaged",
        f"{err}\n\nOpen a restored copy made from that backup? The damaged file is left as it is.",
        QMessageBox.Question,
        QMessageBox.Yes | QMessageBox.No,
    )
    if answer != QMessageBox.Yes:
        return None
    from dgfacil.operations.recovery import restore_backup

    return restore_backup(err.newest_backup, err.path)
