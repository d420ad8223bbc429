"""Run by test_laptop_screens.py in a subprocess whose (offscreen) screen is a laptop's: opens the
main window at its default size, shows each room, opens every dialog of the app, and prints one
JSON object: what was seen, for the test to judge. Screenshots go to the folder given."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog

import dgfacil.ui
from dgfacil.operations.document import new_from_template
from dgfacil.operations.participants import read_roster_file
from dgfacil.operations.workshop import update_workshop, workshop_details
from dgfacil.paths import user_data_dir
from dgfacil.ui.app import make_app
from dgfacil.ui.rooms import ROOMS

HERE = Path(__file__).resolve().parent


def every_dialog_class() -> set[str]:
    for module in pkgutil.walk_packages(dgfacil.ui.__path__, "dgfacil.ui."):
        importlib.import_module(module.name)
    found, todo = set(), [QDialog]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("dgfacil."):
                found.add(sub.__name__)
    return found


def judge(widget, area) -> dict:
    """Does it fit the available area, and is each visible button inside it?"""
    QApplication.processEvents()
    frame = widget.frameGeometry()
    rect = widget.rect()
    cut = [
        b.text()
        for b in widget.findChildren(QAbstractButton)
        if b.isVisibleTo(widget) and b.text() and not rect.contains(_rect_in(b, widget))
    ]
    hint = widget.minimumSizeHint()
    return {
        "size": [frame.width(), frame.height()],
        "area": [area.width(), area.height()],
        "min": [hint.width(), hint.height()],
        "cut": cut,
    }


def _rect_in(child, top):
    origin = child.mapTo(top, child.rect().topLeft())
    return child.rect().translated(origin)


def agenda_title_view(agenda) -> dict:
    """How many characters of each title the agenda shows without scrolling, with every zone."""
    QApplication.processEvents()
    table, model = agenda.table, agenda.model
    title = model.columnCount() - 2
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(title)
    right = min(left + header.sectionSize(title), table.viewport().width())
    metrics = table.fontMetrics()
    shown = []
    for row in range(model.rowCount()):
        text = str(model.index(row, title).data())
        n = len(text)
        while n and metrics.horizontalAdvance(text[:n]) + 12 > right - left:  # 12: the cell's margins
            n -= 1
        shown.append(min(n, len(text)) if n < len(text) else len(text))
    lengths = [len(str(model.index(r, title).data())) for r in range(model.rowCount())]
    return {
        "zones": sum(1 for c in range(model.columnCount()) if "GMT" in str(model.headerData(c, Qt.Horizontal))),
        "shown": shown,
        "lengths": lengths,
        "longest": max(lengths, default=0),
    }


def main(out: Path) -> None:
    app = make_app()
    area = app.primaryScreen().availableGeometry()
    seen: dict = {"dialogs": {}, "rooms": {}, "classes": sorted(every_dialog_class())}
    from dgfacil.ui.main_window import MainWindow

    window = MainWindow()
    asked = window.size()
    window.show()
    path = user_data_dir() / "probe.dgfacil"
    # the bundled template with the longest day and item titles: a title must never widen a room
    doc = new_from_template(path, "capacities-dgt-online-training")
    with doc.session() as session:  # five zones: the venue's and four more, as a hybrid audience has
        details = workshop_details(session)
        extra = (*details.display_zones, "Europe/Zurich", "America/New_York")
        update_workshop(session, details=replace(details, display_zones=extra))
    doc.close()
    window.open_path(path)
    seen["window"] = {**judge(window, area), "asked": [asked.width(), asked.height()]}
    tag = f"{area.width()}x{area.height()}"
    for title, _ in ROOMS:
        room = window.show_room(title)
        QApplication.processEvents()
        seen["rooms"][title] = [room.minimumSizeHint().width(), room.minimumSizeHint().height()]
        window.grab().save(str(out / f"window_{tag}_{title}.png"))
    seen["agenda"] = agenda_title_view(window.show_room("Agenda"))
    window.grab().save(str(out / f"window_{tag}_Agenda.png"))

    from dgfacil.operations.templates import exercise_library
    from dgfacil.ui.dialogs import NewWorkshopDialog
    from dgfacil.ui.exercises.add_dialog import AddExerciseDialog
    from dgfacil.ui.link.dialog import LinkDialog
    from dgfacil.ui.people.editor import ParticipantDialog
    from dgfacil.ui.people.import_dialog import ImportDialog
    from dgfacil.ui.printing.preflight import PreflightDialog
    from dgfacil.ui.printing.signatories import SignatoriesDialog
    from dgfacil.ui.printing.verify import VerifyDialog
    from dgfacil.ui.shortcuts_help import ShortcutsDialog, help_rows
    from dgfacil.ui.team.open_dialog import OpenTeamDialog
    from dgfacil.ui.workshop_details import WorkshopDetailsDialog

    ctx = window.ctx
    roster = HERE.parent / "data" / "rosters" / "bad_rows.csv"
    items = [(it.id, it.title[:70]) for day in ctx.workshop().days for it in day.items]
    dialogs = {
        "NewWorkshopDialog": lambda: NewWorkshopDialog(window),
        "WorkshopDetailsDialog": lambda: WorkshopDetailsDialog(ctx.tasks.read(workshop_details), window),
        "ShortcutsDialog": lambda: ShortcutsDialog(help_rows(window), window),
        "ImportDialog": lambda: ImportDialog(ctx, roster, read_roster_file(roster), window.room("People")),
        "AddExerciseDialog": lambda: AddExerciseDialog(items, exercise_library(), None, window),
        "ParticipantDialog": lambda: ParticipantDialog(parent=window),
        "SignatoriesDialog": lambda: SignatoriesDialog(ctx, window.room("Print").undo_stack, window),
        "VerifyDialog": lambda: VerifyDialog(window),
        "LinkDialog": lambda: LinkDialog(window.room_link.link, lambda: None, window),
        "OpenTeamDialog": lambda: OpenTeamDialog(
            "postgresql://checkin@db.example.org/ws2026", "The server asked for a password.", window
        ),
        "PreflightDialog": lambda: PreflightDialog(
            ["Kim Min-jun: 𐀀 (LINEAR B SYLLABLE B008 A) cannot be drawn by any font here; it would print blank."] * 12,
            window,
        ),
    }
    for name, make in dialogs.items():
        dialog = make()
        asked = dialog.size()  # before show: a window system may clamp it, a window manager will not
        dialog.show()
        seen["dialogs"][name] = {**judge(dialog, area), "asked": [asked.width(), asked.height()]}
        dialog.grab().save(str(out / f"dialog_{tag}_{name}.png"))
        dialog.reject()
        dialog.deleteLater()
    window.close()
    print(json.dumps(seen))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
