"""File ▸ Save a copy as… and File ▸ Export as JSON…: the open workshop written elsewhere, on the
database worker, the status bar saying where."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dgfacil.ui import dialogs
from dgfacil.ui.context import AppContext

if TYPE_CHECKING:
    from dgfacil.ui.main_window import MainWindow


def save_copy(window: MainWindow, ctx: AppContext) -> None:
    if ctx.doc.read_only:  # as the read-only bar's button: the copy is the one to edit
        from dgfacil.ui.document_banner import save_copy_and_edit

        save_copy_and_edit(window)
        return
    doc = ctx.doc
    path = dialogs.ask_save_path(
        window, "Save a copy as", doc.path.with_name(doc.path.stem + " copy.dgfacil"), "Workshop (*.dgfacil)"
    )
    if path:
        ctx.tasks.run(
            lambda _s: doc.save_copy(path), on_done=lambda p: window.statusBar().showMessage(f"Copy saved as {p}", 6000)
        )


def export_json(window: MainWindow, ctx: AppContext) -> None:
    path = dialogs.ask_save_path(window, "Export as JSON", ctx.doc.path.with_suffix(".json"), "JSON (*.json)")
    if path:
        from dgfacil.operations.export import export_document_json

        doc = ctx.doc
        ctx.tasks.run(
            lambda _s: export_document_json(doc, path),
            on_done=lambda p: window.statusBar().showMessage(f"Exported {p}", 6000),
        )
