"""The Agenda room's ICS export and import (one event per item, in the workshop's zone)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from dgfacil.core.agenda import in_zone
from dgfacil.ui.agenda import commands
from dgfacil.ui.widgets import show_message


class AgendaTransfer:
    def __init__(self, room: QWidget) -> None:
        self.room = room

    def export_ics(self) -> None:
        room = self.room
        suggested = room.ctx.doc.path.with_suffix(".ics")
        path, _ = QFileDialog.getSaveFileName(
            room, "Export the agenda as iCalendar", str(suggested), "iCalendar (*.ics)"
        )
        if not path:
            return
        from dgfacil.operations.ics import export_ics

        try:
            room.ctx.tasks.read(lambda s: export_ics(s, path=Path(path)))
        except OSError as err:
            show_message(room, "Cannot export the agenda", f"{path} could not be written: {err.strerror or err}")
            return
        room.window().statusBar().showMessage(f"Agenda exported to {path}", 6000)

    def import_ics(self) -> None:
        room = self.room
        path, _ = QFileDialog.getOpenFileName(room, "Import an iCalendar file as a new day", "", "iCalendar (*.ics)")
        if not path:
            return
        from dgfacil.operations.ics import calendar_events, import_ics_as_day

        try:
            data = Path(path).read_bytes()
            found = calendar_events(data, zone=room.workshop.timezone)
        except (OSError, ValueError) as err:
            show_message(room, "Cannot import the calendar", str(err))
            return
        dates = sorted({in_zone(item.start, room.workshop.timezone).date() for item in found})
        when = ", ".join(f"{d:%a %d %b %Y}" for d in dates)
        if not room.confirm(
            f"Add {len(found)} events from {Path(path).name} as {len(dates)} new "
            f"day{'s' if len(dates) != 1 else ''} ({when})? Undo takes them out again."
        ):
            return
        room.undo_stack.push(commands.ImportDays(room.ctx.tasks, lambda s: import_ics_as_day(s, data=data)))
        room.day_index = len(room.workshop.days)
        room.reload()
