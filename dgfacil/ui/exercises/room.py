"""The Exercises room: pick an exercise, pick a group, work on its board; see all groups side by
side; put one on the projector; export it; set up the groups and the dots.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core import exercises as core
from dgfacil.core.model import Exercise, Group
from dgfacil.operations import boards as board_ops
from dgfacil.operations.changes import Changes
from dgfacil.ui.exercises import commands as cmd
from dgfacil.ui.exercises.add_dialog import AddExerciseDialog
from dgfacil.ui.exercises.board_bar import BoardBar
from dgfacil.ui.exercises.exercise_list import ExerciseList
from dgfacil.ui.exercises.export import export_board
from dgfacil.ui.exercises.groups_panel import GroupsPanel
from dgfacil.ui.exercises.kinds import make_board
from dgfacil.ui.exercises.overview import AllGroupsView
from dgfacil.ui.exercises.projector import BoardProjector
from dgfacil.ui.exercises.timer import GroupTimer
from dgfacil.ui.widgets import plain_label


class ExercisesRoom(QWidget):
    title = "Exercises"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(ctx.undo_group)
        self.exercises: list[Exercise] = []
        self.exercise: Exercise | None = None
        self.groups: list[Group] = []
        self.board = None
        self.projector: BoardProjector | None = None
        self.exercise_list, centre = self._exercise_list(), self._centre()  # built in this order: the Tab order
        self.groups_panel = GroupsPanel(self)
        self.groups_panel.setVisible(False)
        split = QSplitter(Qt.Horizontal)
        for w, stretch in ((self.exercise_list, 0), (centre, 1), (self.groups_panel, 0)):
            split.addWidget(w)
            split.setStretchFactor(split.count() - 1, stretch)
        split.setSizes([230, 900, 300])
        self.groups_button.toggled.connect(self.groups_panel.setVisible)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        for key, slot in (
            ("F5", self.project),
            ("Ctrl+E", self.export),
            ("F6", self.all_button.toggle),
            ("F7", self.groups_button.toggle),
            ("Ctrl+Shift+E", self.add_exercise),
        ):
            QShortcut(QKeySequence(key), self, activated=slot, context=Qt.WidgetWithChildrenShortcut)
        self.reload_exercises()

    # -- building -------------------------------------------------------------------------------
    def _exercise_list(self) -> QWidget:
        """Left: the exercises of the workshop, Add exercise… and Delete."""
        left = ExerciseList()
        self.list, self.list_model, self.delete_button = left.list, left.list_model, left.delete_button
        self.list.selectionModel().currentChanged.connect(lambda cur, _: self.select_exercise(cur.data(Qt.UserRole)))
        left.add_button.clicked.connect(self.add_exercise)
        self.delete_button.clicked.connect(self.delete_exercise)
        return left

    def _board_bar(self) -> BoardBar:
        """The group, All groups, Projector, Export…, Groups, and the vote rule."""
        bar = BoardBar()
        self.group_box, self.all_button, self.groups_button = bar.group_box, bar.all_button, bar.groups_button
        self.dots, self.dots_per = bar.dots, bar.dots_per
        self.group_box.currentIndexChanged.connect(
            lambda _: self.open_group(self.group_box.currentData(), from_box=True)
        )
        self.all_button.toggled.connect(self.show_all_groups)
        bar.projector_button.clicked.connect(lambda: self.project())
        bar.export_button.clicked.connect(lambda: self.export())
        self.dots.editingFinished.connect(self._vote_rule_edited)
        self.dots_per.activated.connect(lambda _: self._vote_rule_edited())
        return bar

    def _pages(self) -> QStackedWidget:
        """One group's board, all groups side by side, or the empty workshop's invitation."""
        self.board_holder = QStackedWidget()
        self.overview = AllGroupsView(self.ctx)
        self.overview.group_activated.connect(lambda gid: (self.all_button.setChecked(False), self.open_group(gid)))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.board_holder)
        self.pages.addWidget(self.overview)
        self.empty_page = self._empty_page()
        self.pages.addWidget(self.empty_page)
        return self.pages

    def _centre(self) -> QWidget:
        """Centre: heading and timer, instructions, the bar, the pages, a status line."""
        self.heading = plain_label("", name="roomHeading", wrap=True)
        self.instructions = plain_label("", name="muted", wrap=True)
        self.bar = self._board_bar()
        self.timer = GroupTimer(self.ctx)
        pages = self._pages()
        self.status_line = plain_label("", name="muted")
        centre = QWidget()
        cv = QVBoxLayout(centre)
        cv.setContentsMargins(0, 0, 0, 0)
        # The timer sits beside the heading, not in the button bar, so that the bar, the board and the
        # Groups panel fit side by side in a 1280-pixel window without widening it.
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.timer, 0, Qt.AlignRight | Qt.AlignTop)
        cv.addLayout(top)
        cv.addWidget(self.instructions)
        cv.addWidget(self.bar)
        cv.addWidget(pages, 1)
        cv.addWidget(self.status_line)
        return centre

    def _empty_page(self) -> QWidget:
        """What a workshop without exercises shows: one sentence and the way to add one."""
        page = QWidget()
        v = QVBoxLayout(page)
        v.addStretch(1)
        words = plain_label(
            "No exercise yet. Add one from the library: SWOT, stakeholder map, action plan…", name="muted", wrap=True
        )
        words.setAlignment(Qt.AlignCenter)
        v.addWidget(words)
        button = QPushButton("Add exercise… (Ctrl+Shift+E)")
        button.clicked.connect(self.add_exercise)
        v.addWidget(button, 0, Qt.AlignHCenter)
        v.addStretch(2)
        return page

    def _show_controls(self, shown: bool) -> None:
        """The board's controls and the timer mean nothing without an exercise: hidden, not blank."""
        for w in (*self.bar.controls(), self.timer, self.instructions):
            w.setVisible(shown)
        self.delete_button.setEnabled(shown)
        if not shown:
            self.groups_button.setChecked(False)
            self.pages.setCurrentWidget(self.empty_page)
        elif self.pages.currentWidget() is self.empty_page:
            self.pages.setCurrentWidget(self.overview if self.all_button.isChecked() else self.board_holder)

    def shortcuts_help(self) -> list[tuple[str, str]]:
        """The room's keys for Help ▸ Keyboard shortcuts (F1)."""
        return [
            ("F5", "Show the board on the projector"),
            ("Ctrl+E", "Export the board"),
            ("F6", "All groups / one group"),
            ("F7", "Show or hide the Groups panel"),
            ("Ctrl+Shift+E", "Add an exercise from the library"),
            ("Ins or N", "Add a card in the area last clicked (on a card board)"),
            ("Ins / Ctrl+Shift+N", "Add a step / a goal (on a table)"),
            ("Tab / Shift+Tab", "Next / previous cell of a table; Tab in the last cell adds a step"),
            ("F2", "Edit the selected card or cell"),
            ("Del", "Delete the selected cards"),
            ("Ctrl+A", "Select every card"),
            ("Ctrl+D / Ctrl+Shift+D", "Put a dot on / take a dot from the selected cards"),
            ("Ctrl+G / Ctrl+Shift+G", "Cluster / uncluster the selected cards"),
            ("Ctrl+Shift+V", "Sort by votes"),
            ("Alt+1..6", "Colour the selected cards"),
            ("Ctrl+0", "Fit the board to the window"),
        ]

    @property
    def initiator(self) -> object:
        return self

    @property
    def tasks(self):
        return self.ctx.tasks

    def show_status(self, text: str) -> None:
        self.status_line.setText(text)

    # -- exercises ------------------------------------------------------------------------------
    def reload_exercises(self, select: int | None = None) -> None:
        workshop = self.ctx.workshop()
        self.exercises = workshop.exercises  # before the list selects one: selecting reads them
        keep = select if select is not None else (self.exercise.id if self.exercise else None)
        self.select_exercise(self.exercise_list.show_exercises(workshop, keep), force=True)

    def select_exercise(self, exercise_id: int | None, force: bool = False) -> None:
        found = next((e for e in self.exercises if e.id == exercise_id), None)
        self.show_status("")  # a message about the previous exercise ("No dots left") is not about this one
        if found is None:
            self.exercise = None
            self.heading.setText("No exercise yet")
            self.instructions.setText("")
            self._set_board(None)
            self.timer.follow(None)
            self._show_controls(False)
            return
        if not force and self.exercise is not None and found.id == self.exercise.id:
            return
        self.exercise = found
        self._show_controls(True)
        self.heading.setText(found.title)
        self.instructions.setText(found.definition.get("instructions", ""))
        dots, per = core.vote_rule(found.definition)
        self.dots.setValue(dots)
        self.dots_per.setCurrentIndex(self.dots_per.findData(per))
        for w in (self.dots, self.dots_per):
            w.setVisible(found.kind in core.CARD_KINDS)
        self.timer.follow(found.agenda_item_id)
        self.reload_groups()

    def exercise_day_id(self) -> int | None:
        ex_id = self.exercise.id
        return self.ctx.tasks.read(lambda s: board_ops.exercise_day_id(s, exercise_id=ex_id))

    def add_exercise(self) -> None:
        from dgfacil.operations.templates import exercise_library

        workshop = self.ctx.workshop()
        items = [(it.id, f"{day.date:%d %b} · {it.title[:70]}") for day in workshop.days for it in day.items]
        answer = AddExerciseDialog.ask(
            items, exercise_library(), self.exercise.agenda_item_id if self.exercise else None, self
        )
        if answer:
            self.add_from_library(*answer)

    def add_from_library(self, agenda_item_id: int, use: str) -> None:
        command = cmd.AddExercise(self, agenda_item_id, use)
        self.undo_stack.push(command)
        self.reload_exercises(select=command.exercise_id)

    def delete_exercise(self) -> None:
        if self.exercise is not None:
            self.undo_stack.push(cmd.DeleteExercise(self, self.exercise.id, self.exercise.title))

    def _vote_rule_edited(self) -> None:
        if self.exercise is not None and (self.dots.value(), self.dots_per.currentData()) != core.vote_rule(
            self.exercise.definition
        ):
            self.undo_stack.push(
                cmd.SetVoteRule(self, self.exercise.id, self.dots.value(), self.dots_per.currentData())
            )

    # -- groups and boards ----------------------------------------------------------------------
    def reload_groups(self) -> None:
        ex_id = self.exercise.id
        self.groups, people = self.ctx.tasks.read(
            lambda s: (board_ops.exercise_groups(s, exercise_id=ex_id), board_ops.participants_by_id(s))
        )
        current = self.group_box.currentData() if self.group_box.count() else None
        had_groups = self.group_box.count() > 1
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem("Whole room", None)
        for g in self.groups:
            self.group_box.addItem(f"{g.name} ({len(g.member_ids)})", g.id)
        index = self.group_box.findData(current) if current is not None or had_groups else -1
        self.group_box.setCurrentIndex(index if index >= 0 else (1 if self.groups else 0))
        self.group_box.blockSignals(False)
        self.groups_panel.show_groups(self.exercise, self.groups, people)
        self.open_group(self.group_box.currentData(), rebuild=True)

    def group_name(self, group_id: int | None) -> str:
        return next((g.name for g in self.groups if g.id == group_id), "Whole room")

    def open_group(self, group_id: int | None, *, rebuild: bool = False, from_box: bool = False) -> None:
        self.show_status("")  # "No dots left" was about the board that was on show
        if not from_box:
            index = self.group_box.findData(group_id)
            if index >= 0 and index != self.group_box.currentIndex():
                self.group_box.blockSignals(True)
                self.group_box.setCurrentIndex(index)
                self.group_box.blockSignals(False)
        if self.exercise is None:
            return
        if (
            rebuild
            or self.board is None
            or self.board.group_id != group_id
            or self.board.exercise.id != self.exercise.id
        ):
            self._set_board(make_board(self.ctx, self, self.exercise, group_id, self.group_name(group_id)))
        else:
            self.board.set_exercise(self.exercise)
        self.overview.selected_group = group_id
        if self.all_button.isChecked():
            self.overview.show_exercise(self.exercise, self.groups)

    def _set_board(self, board) -> None:
        if self.board is not None:
            self.board.flush()
            self.board_holder.removeWidget(self.board)
            self.board.deleteLater()
        self.board = board
        if board is not None:
            self.board_holder.addWidget(board)
            self.board_holder.setCurrentWidget(board)

    def show_all_groups(self, on: bool) -> None:
        if on and self.exercise is not None:
            self.overview.selected_group = self.board.group_id if self.board else None
            self.pages.setCurrentWidget(self.overview)
            self.overview.show_exercise(self.exercise, self.groups)
        else:
            self.pages.setCurrentWidget(self.board_holder)

    def project(self, group_id: int | None | bool = False) -> BoardProjector | None:
        """Show a group's board full screen (the overview's selection, else the open board's)."""
        if self.exercise is None:
            return None
        if group_id is False:
            group_id = (
                self.overview.selected_group
                if self.all_button.isChecked()
                else (self.board.group_id if self.board else None)
            )
        if self.projector is not None:
            self.projector.close()
        self.projector = BoardProjector(self.ctx, self, self.exercise, group_id, self.group_name(group_id))
        mine = self.screen()
        other = next((s for s in QGuiApplication.screens() if s is not mine), None)
        # the projector is the other screen, when there is one
        self.projector.show_on(other or mine or QGuiApplication.primaryScreen())
        self.projector.activateWindow()
        return self.projector

    def export(self, path: Path | None = None) -> Path | None:
        if self.board is None:
            return None
        if path is None:
            name = f"{self.exercise.definition.get('key', 'board')}-{self.board.group_name}".replace(" ", "-").lower()
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export board", name + ".png", "PNG image (*.png);;SVG drawing (*.svg)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        out = export_board(self.board, path)
        self.show_status(f"Exported {out.name}")
        return out

    # -- changes --------------------------------------------------------------------------------
    def apply(self, changes: Changes) -> None:
        """After the room's own commands (groups, exercises, vote rule)."""
        if changes.exercises:
            self.reload_exercises()
        elif changes.groups:
            self.reload_groups()
        if changes.boards and self.projector is not None:
            self.projector.apply(changes)

    def board_changed(self, board, changes: Changes) -> None:
        """A board's own command committed: the other views of the same exercise follow."""
        for other in (self.board, self.projector.board if self.projector else None):
            if other is not None and other is not board and other.group_id == board.group_id:
                other.apply(changes)
        if self.all_button.isChecked() and self.exercise is not None:
            self.overview.show_exercise(self.exercise, self.groups)

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return
        if changes.exercises or changes.agenda:
            self.reload_exercises()
        elif changes.groups or changes.participants:
            if self.exercise is not None:
                self.reload_groups()
        elif changes.boards and self.board is not None:
            self.board.apply(changes)
            if self.projector is not None:
                self.projector.apply(changes)

    def shutdown(self) -> None:
        if self.board is not None:
            self.board.flush()
        if self.projector is not None:
            self.projector.close()
