"""File > Workshop details…: title, code, organizers, modality, venue and the zones shown.

One OK is one undoable edit. Bad input (an empty title, an unknown zone) is said under the form
and the dialog stays open with everything typed still there.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.agenda import hhmm, zone_label
from dgfacil.core.details import WorkshopDetails, cleaned
from dgfacil.core.model import Modality
from dgfacil.core.zones import resolve_zone, typed_place
from dgfacil.operations.workshop import set_zone_labels, update_workshop, workshop_details, zone_labels
from dgfacil.ui.screen_fit import fit_to_screen
from dgfacil.ui.undo import OperationCommand
from dgfacil.ui.zone_field import ZoneField

MODALITIES = [(Modality.IN_PERSON, "In person"), (Modality.ONLINE, "Online"), (Modality.HYBRID, "Hybrid")]


def _zone(text: str) -> str:
    return resolve_zone(text) or text


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class WorkshopDetailsDialog(QDialog):
    def __init__(
        self,
        details: WorkshopDetails,
        parent: QWidget | None = None,
        on: date | None = None,
        labels: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        named = labels or {}  # a zone shows as the city typed for it: "Geneva", not Europe/Zurich
        self.setWindowTitle("Workshop details")
        fit_to_screen(self, 640, 560)
        self.title = QLineEdit(details.title)
        self.code = QLineEdit(details.project_code)
        self.organizers = QPlainTextEdit("\n".join(details.organizers))
        self.organizers.setPlaceholderText("One organizer a line, as printed on certificates and the report cover")
        self.organizers.setTabChangesFocus(True)
        self.modality = QComboBox()
        for value, text in MODALITIES:
            self.modality.addItem(text, value)
        self.modality.setCurrentIndex(self.modality.findData(Modality(details.modality)))
        self.venue = QLineEdit(details.venue)
        self.venue.setPlaceholderText("e.g. UN Conference Centre, Bangkok — or Via Zoom")
        self.zone = ZoneField(
            named.get(details.timezone, details.timezone), on
        )  # "Seoul" finds Asia/Seoul; the offset on the first day
        self.extras = QPlainTextEdit("\n".join(named.get(z, z) for z in details.display_zones))
        self.extras.setPlaceholderText("One zone a line: a city (Geneva) or an IANA name (Africa/Addis_Ababa)")
        self.extras.setTabChangesFocus(True)
        self.extras.setMaximumHeight(90)
        self.description = QPlainTextEdit(details.description)
        self.description.setTabChangesFocus(True)
        self.clock = QLabel()  # "now: 15:00 Seoul = 13:00 Bangkok" so a wrong zone shows at once
        self.clock.setTextFormat(Qt.PlainText)
        self.clock.setObjectName("muted")
        self.clock.setWordWrap(True)
        self.error = QLabel()
        self.error.setTextFormat(Qt.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        for line in (self.title, self.venue):
            line.setCursorPosition(0)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("Project &code", self.code)
        form.addRow("&Organizers", self.organizers)
        form.addRow("&Modality", self.modality)
        form.addRow("&Venue", self.venue)
        form.addRow("Venue time &zone", self.zone)
        form.addRow("&Extra zones shown", self.extras)
        form.addRow("&Description", self.description)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.clock)
        layout.addWidget(QLabel("Changing the venue zone keeps the planned clock times (09:00 stays 09:00)."))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for changed in (self.zone.edit.textChanged, self.extras.textChanged, self.title.textChanged):
            changed.connect(self._show_clock)
            changed.connect(self._recheck)
        self._show_clock()
        self.answer: WorkshopDetails | None = None

    def details(self) -> WorkshopDetails:
        """What is typed, with city names ("Geneva") read as the zone they name."""
        return WorkshopDetails(
            title=self.title.text(),
            timezone=_zone(self.zone.text()),
            project_code=self.code.text(),
            organizers=_lines(self.organizers),
            modality=self.modality.currentData(),
            venue=self.venue.text(),
            display_zones=tuple(_zone(z) for z in _lines(self.extras)),
            description=self.description.toPlainText(),
        )

    def labels(self) -> dict[str, str]:
        """IANA zone → the city typed for it, where it is not the zone's own city ("Geneva")."""
        typed = [self.zone.text(), *_lines(self.extras)]
        return {resolve_zone(t): place for t in typed if (place := typed_place(t))}

    def _recheck(self) -> None:
        """Once an error is shown, it follows the typing: it goes away as soon as the entry is valid."""
        if not self.error.text():
            return
        try:
            cleaned(self.details())
        except ValueError as err:
            self.error.setText(str(err))
        else:
            self.error.setText("")

    def _show_clock(self) -> None:
        now = datetime.now(UTC)
        shown = []
        labels = self.labels()
        for zone in (self.details().timezone.strip(), *self.details().display_zones):
            try:
                shown.append(f"{hhmm(now, zone)} {zone_label(zone, now.date(), labels.get(zone))}")
            except (ValueError, KeyError, OSError):
                shown.append(f"{zone or '(no zone)'}: unknown")
        self.clock.setText("Now: " + "  =  ".join(shown))

    def _accept(self) -> None:
        try:
            self.answer = (cleaned(self.details()), self.labels())
        except ValueError as err:
            self.error.setText(str(err))
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        details: WorkshopDetails,
        parent: QWidget | None = None,
        on: date | None = None,
        labels: dict[str, str] | None = None,
    ) -> tuple[WorkshopDetails, dict[str, str]] | None:
        dialog = cls(details, parent, on, labels)
        return dialog.answer if dialog.exec() == QDialog.Accepted else None


def _save(session, details: WorkshopDetails, labels: dict[str, str], seen: tuple[WorkshopDetails, dict[str, str]]):
    """Details and zone labels in one transaction, made on what the user `seen` (details, labels):
    only what the user changed is written, refused if another laptop changed it since."""
    changes = update_workshop(session, details=details, seen=seen[0])
    if labels != seen[1]:
        changes = changes | set_zone_labels(session, labels=labels)
    return changes


class EditWorkshopDetails(OperationCommand):
    def __init__(
        self,
        tasks,
        details: WorkshopDetails,
        labels: dict[str, str] | None = None,
        *,
        shown: tuple[WorkshopDetails, dict[str, str]] | None = None,
    ) -> None:
        super().__init__("Edit workshop details")
        self.tasks, self.details, self.labels = tasks, details, labels or {}
        self.shown = shown  # what the dialog showed: the edit is made on it, undo goes back to it

    def do_redo(self) -> None:
        if self.shown is None:  # no dialog: what is stored now is what the edit is made on
            self.shown = self.tasks.read(lambda s: (workshop_details(s), zone_labels(s)))
        self.tasks.run_sync(lambda s: _save(s, self.details, self.labels, self.shown))

    def do_undo(self) -> None:
        details, labels = self.shown
        self.tasks.run_sync(lambda s: _save(s, details, labels, (self.details, self.labels)))


def edit_workshop_details(ctx, parent: QWidget) -> bool:
    """Ask, then save as one undoable step on the room's undo stack that is active."""
    days = ctx.workshop().days
    details, labels = ctx.tasks.read(lambda s: (workshop_details(s), zone_labels(s)))
    answer = WorkshopDetailsDialog.ask(details, parent, days[0].date if days else None, labels)
    if answer is None:
        return False
    command = EditWorkshopDetails(ctx.tasks, *answer, shown=(details, labels))
    stack = ctx.undo_group.activeStack()
    if stack is not None:
        stack.push(command)
    else:
        command.redo()
    return True
