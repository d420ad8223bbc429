"""The Run room: the facilitator's screen while the workshop runs.

Everything shown is derived from the run log and `ctx.clock()` (dgfacil.core.run.plan); the
QTimer only asks for a repaint. Each button is an action with a keyboard shortcut, shown on
the button, and the same actions work from the projector window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from dgfacil.core.agenda import day_label, in_zone, workshop_zones
from dgfacil.core.run.log import EventKind, Phase
from dgfacil.core.run.plan import RunState, derive_state
from dgfacil.core.run.recovery import recovery_plan
from dgfacil.core.run.words import (
    Level,
    back_at,
    countdown_status,
    span_words,
)
from dgfacil.operations import run as run_ops
from dgfacil.operations.changes import Changes
from dgfacil.operations.workshop import zone_labels
from dgfacil.ui.context import AppContext
from dgfacil.ui.run.chime import Chime
from dgfacil.ui.run.commands import ApplyPlan, RecordAdjust
from dgfacil.ui.run.controls import PLAN_ONLY
from dgfacil.ui.run.layout import build_room, show_state
from dgfacil.ui.run.look import ROOM_STYLE

if TYPE_CHECKING:
    from dgfacil.ui.run.projector import RunProjector

REFRESH_MS = 200  # a repaint request; the numbers come from the clock, never from counting these


class RunRoom(QWidget):
    """Run the day: countdown, re-planned agenda, one key per action, projector view."""

    title = "Run"
    sig_state_did_change = Signal(object)
    """Fires after each refresh with the derived RunState (the projector and tests listen)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Space/Next/Skip are taken back with Previous; length changes and recovery plans are undone
        # here, on one stack, so a new change always clears a stale redo (see ui.run.commands)
        self.undo_stack = QUndoStack(ctx.undo_group)
        self.workshop = ctx.workshop()
        self.labels = ctx.tasks.read(zone_labels)  # "Geneva" as typed, not "Zurich"
        self.day_id: int | None = None
        self.events = []
        self.state: RunState | None = None
        self.projector: RunProjector | None = None
        self._last_alert: tuple | None = None
        self.chime = Chime(self)
        settings = ctx.tasks.read(
            lambda s: (
                run_ops.warning_lead(s),
                run_ops.chime_on(s),
                run_ops.projector_theme(s),
                run_ops.projector_strip(s),
            )
        )
        self.warning_lead_min, chime_on, self.projector_theme, strip_on = settings
        self.chime.enabled = bool(chime_on)
        self.setStyleSheet(ROOM_STYLE)
        build_room(self, chime_on)
        self.strip_action = self._strip_action(bool(strip_on))
        self._load_days()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    # -- layout -----------------------------------------------------------------------------
    def _strip_action(self, on: bool) -> QAction:
        """The View menu shows this same action; the projector gets it with the other run keys."""
        action = self.add_action("Facilitator strip on the projector", ["Shift+F5"], self.set_projector_strip)
        action.setCheckable(True)
        action.setChecked(on)
        return action

    def add_action(self, text: str, keys: list[str], slot) -> QAction:
        """An action with shortcuts that work in this window and in the projector window."""
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- data -------------------------------------------------------------------------------
    def _load_days(self) -> None:
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for n, day in enumerate(self.workshop.days, 1):
            label = f"{day_label(n, day.title, ' — ')} · {day.date:%a %d %b %Y}"
            self.day_box.addItem(label, day.id)
        self.day_box.blockSignals(False)
        ids = [d.id for d in self.workshop.days]
        if self.day_id not in ids:
            self.day_id = self._default_day()
        if self.day_id is not None:
            self.day_box.setCurrentIndex(ids.index(self.day_id))
        self.reload_events()

    def _default_day(self) -> int | None:
        """Today's day in the venue zone, else the first day."""
        if not self.workshop.days:
            return None
        today = in_zone(self.ctx.clock(), self.workshop.timezone).date()
        for day in self.workshop.days:
            if day.date == today:
                return day.id
        return self.workshop.days[0].id

    def zones(self) -> list[str]:
        """The venue zone first, then the workshop's extra zones."""
        return workshop_zones(self.workshop)

    def day(self):
        return next((d for d in self.workshop.days if d.id == self.day_id), None)

    def reload_events(self) -> None:
        day_id = self.day_id
        self.events = [] if day_id is None else self.ctx.tasks.read(lambda s: run_ops.day_events(s, day_id=day_id))
        self._last_alert = None

    def show_day(self, day_id: int) -> None:
        """Show this day's run (the app reopening on a run in progress)."""
        ids = [d.id for d in self.workshop.days]
        if day_id in ids and day_id != self.day_id:
            self.day_box.setCurrentIndex(ids.index(day_id))

    def _on_day_chosen(self, index: int) -> None:
        self.day_id = self.day_box.itemData(index)
        self.reload_events()
        self.refresh()

    def _on_lead_changed(self, minutes: int) -> None:
        self.warning_lead_min = minutes
        self.ctx.tasks.run_sync(lambda s: run_ops.set_warning_lead(s, minutes=minutes), initiator=self)
        self.refresh()

    def _on_chime_toggled(self, on: bool) -> None:
        self.chime.enabled = on
        self.ctx.tasks.run_sync(lambda s: run_ops.set_chime(s, on=on), initiator=self)

    def set_projector_theme(self, theme: str) -> None:
        self.projector_theme = theme
        self.ctx.tasks.run_sync(lambda s: run_ops.set_projector_theme(s, theme=theme), initiator=self)
        if self.projector is not None:
            self.projector.set_theme(theme)

    def set_projector_strip(self, on: bool) -> None:
        """Show or hide the facilitator's strip on the projector (remembered in the workshop)."""
        on = bool(on)
        self.ctx.tasks.run_sync(lambda s: run_ops.set_projector_strip(s, on=on), initiator=self)
        if self.strip_action.isChecked() != on:
            self.strip_action.setChecked(on)
        self.message.setText(
            "The projector shows the facilitator strip — Shift+F5 hides it."
            if on
            else "The facilitator strip is hidden on the projector — Shift+F5 shows it."
        )
        self.refresh()

    def on_changes(self, changes: Changes, initiator: object) -> None:
        """Another room or the CLI changed the document: redraw what depends on it."""
        if initiator is self:
            return
        if changes.agenda or changes.workshop:
            self.workshop = self.ctx.workshop()
            self.labels = self.ctx.tasks.read(zone_labels)
            if self.projector is not None:
                self.projector.labels = self.labels
            self._load_days()
        elif changes.run:
            self.reload_events()
        self.refresh()

    # -- presses ----------------------------------------------------------------------------
    def record(self, kind: EventKind, *, item_id: int | None = None, minutes: int | None = None) -> None:
        """Store one press with the clock's instant, then redraw from the log."""
        if self.day_id is None:
            return
        day_id, at = self.day_id, self.ctx.clock()
        self.ctx.tasks.run_sync(
            lambda s: run_ops.record_event(s, day_id=day_id, kind=kind, at=at, item_id=item_id, minutes=minutes),
            initiator=self,
        )
        self.reload_events()
        self.refresh()

    def toggle_run(self) -> None:
        """Space: start, pause or resume."""
        phase = self.state.phase if self.state else Phase.NOT_STARTED
        if phase is Phase.NOT_STARTED:
            self.record(EventKind.START)
        elif phase is Phase.RUNNING:
            self.record(EventKind.PAUSE)
        elif phase is Phase.PAUSED:
            self.record(EventKind.RESUME)

    def next_item(self) -> None:
        phase = self.state.phase if self.state else Phase.NOT_STARTED
        self.record(EventKind.START if phase is Phase.NOT_STARTED else EventKind.NEXT)

    def previous_item(self) -> None:
        self.record(EventKind.PREVIOUS)

    def extend(self, minutes: int) -> None:
        if self.state and self.state.current:
            self.adjust(EventKind.EXTEND, self.state.current.item, minutes)

    def shorten(self, minutes: int = 1) -> None:
        if self.state and self.state.current:
            self.adjust(EventKind.SHORTEN, self.state.current.item, minutes)

    def adjust(self, kind: EventKind, item, minutes: int) -> None:
        """A length change, as an undoable command (Ctrl+Z takes it back)."""
        if self.day_id is None:
            return
        self.undo_stack.push(RecordAdjust(self, kind, item.id, item.title, minutes, self.ctx.clock()))
        self.message.setText(f"{self.undo_stack.undoText()} — Ctrl+Z undoes it.")

    def skip(self) -> None:
        if self.state and self.state.current:
            self.record(EventKind.SKIP)

    def show_plan(self) -> None:
        """R: preview the recovery plan (or say why there is none); Enter applies it, Esc closes it."""
        day = self.day()
        if day is None or self.state is None:
            return
        zone = self.workshop.timezone
        plan = recovery_plan(day, zone, self.events, self.state.now, self.state)
        self.preview.show_plan(plan, self.state, zone)
        self.side_stack.setCurrentWidget(self.preview)
        self.controls.plan_shown(True, plan is not None)

    def close_plan(self) -> None:
        self.side_stack.setCurrentWidget(self.table)
        self.controls.plan_shown(False, False)

    def apply_plan(self) -> None:
        """Enter: take the plan on show, as one undoable action."""
        plan = self.preview.plan if self.side_stack.currentWidget() is self.preview else None
        if plan is None or self.day_id is None:
            return
        self.close_plan()
        self.undo_stack.push(ApplyPlan(self, plan, self.day_id, self.ctx.clock()))
        self.message.setText(f"Recovery plan applied: {span_words(plan.won_min)} won back — Ctrl+Z undoes it.")

    def after_plan_change(self) -> None:
        self.reload_events()
        self.refresh()

    def jump_to(self, item_id: int) -> None:
        """Run this item now (from the day's list)."""
        if self.state and self.state.phase is Phase.NOT_STARTED:
            self.record(EventKind.START, item_id=item_id)
        else:
            self.record(EventKind.JUMP, item_id=item_id)

    def _row_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        item_id = row.item.id
        menu = QMenu(self)
        menu.addAction("Run this now", lambda: self.jump_to(item_id))
        if row.status.value == "pending":
            menu.addAction("Skip it", lambda: self.record(EventKind.SKIP, item_id=item_id))
        menu.addAction("Shorten by 5 min", lambda: self.adjust(EventKind.SHORTEN, row.item, 5))
        menu.addAction("Extend by 5 min", lambda: self.adjust(EventKind.EXTEND, row.item, 5))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def ask_reset(self) -> None:
        answer = QMessageBox.question(self, "Reset run", "Forget everything pressed on this day's run?")
        if answer == QMessageBox.Yes:
            self.reset_run()

    def reset_run(self) -> None:
        if self.day_id is None:
            return
        day_id = self.day_id
        self.ctx.tasks.run_sync(lambda s: run_ops.reset_run(s, day_id=day_id), initiator=self)
        self.reload_events()
        self.refresh()

    def open_notes(self) -> None:
        current = self.state.current.item.id if self.state and self.state.current else None
        if self.ctx.open_notes is None:
            self.message.setText("Notes are not available in this build.")
            return
        self.ctx.open_notes(current)

    def toggle_projector(self) -> None:
        """F5: show the projector view; bring it back to its screen; or close it if it is there."""
        from dgfacil.ui.run.projector import RunProjector, projector_screen

        if self.projector is None:
            self.projector = RunProjector(self.workshop, theme=self.projector_theme)
            self.projector.labels = self.labels
            self.projector.show_strip = self.strip_action.isChecked()
            plan_keys = {self.controls.actions_by_name[n] for n in PLAN_ONLY}
            for action in self.actions():
                if action not in plan_keys:  # Enter and Esc: the projector's own Esc closes it
                    self.projector.addAction(action)
            self.projector.sig_theme_did_change.connect(self.set_projector_theme)
        if not self.projector.isVisible():
            self.projector.show_on(projector_screen(self.window().screen()))
        elif not self.projector.return_to_projector():
            self.projector.close()
        self.refresh()

    # -- the clock --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Derive the state for `ctx.clock()` and show it. Called by the timer and after presses."""
        day = self.day()
        if day is None:
            return
        zone = self.workshop.timezone
        self.state = state = derive_state(day, zone, self.events, self.ctx.clock())
        words = countdown_status(state, self.warning_lead_min)
        self.panel.show_state(state, words, zone, back_at(state, self.zones()))
        self.model.set_state(state, zone)
        show_state(self, state, day.date, zone)
        self.controls.show_state(state)
        self._maybe_chime(state, words.level)
        if self.projector is not None and self.projector.isVisible():
            self.projector.show_strip = self.strip_action.isChecked()
            self.projector.show_state(state, words)
        self.sig_state_did_change.emit(state)

    def _maybe_chime(self, state: RunState, level: Level) -> None:
        """Chime once when the current item reaches the warning, and once at time up."""
        item = state.current.item.id if state.current else None
        alert = (item, level) if level in (Level.WARNING, Level.OVER) else None
        if alert and self._last_alert is not None and alert != self._last_alert and self._last_alert[0] == item:
            self.chime.play()
        self._last_alert = alert or (item, level)

    def shortcuts_help(self) -> list[tuple[str, str]]:
        """Read from the room's actions, so Help ▸ Keyboard shortcuts cannot drift from the keys."""
        from dgfacil.ui.shortcuts_help import widget_keys

        return widget_keys(self)

    def shutdown(self) -> None:
        """The document is closing: stop the clock and take the projector down with it."""
        self.timer.stop()
        if self.projector is not None:
            self.projector.close()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)
