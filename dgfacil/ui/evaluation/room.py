"""The Evaluation room: type paper forms, import an online export, see the figures, write and print
the outcome report. Keyboard: Alt+1..4 switch tabs, Ctrl+I choose a CSV, Ctrl+P print, Del delete
the selected forms (undoable with the Edit menu's Undo).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.evaluation import EvaluationForm, Response, summarize
from dgfacil.operations import evaluation as ops
from dgfacil.operations.changes import Changes
from dgfacil.ui.context import AppContext
from dgfacil.ui.evaluation.chart import StackedBars
from dgfacil.ui.evaluation.commands import AddResponses, DeleteResponses, SwapResponses
from dgfacil.ui.evaluation.entry import FormEntry
from dgfacil.ui.evaluation.import_page import ImportPage
from dgfacil.ui.evaluation.report_page import ReportPage


class ResponsesModel(QAbstractTableModel):
    """The forms entered so far, newest last: number, source, then one column per question,
    headed Q1, Q2… like the typing strip (the header's tooltip gives the question)."""

    HEADERS = ("#", "Source")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.form = EvaluationForm()
        self.rows: list[Response] = []

    def reset(self, form: EvaluationForm, rows: list[Response]) -> None:
        self.beginResetModel()
        self.form, self.rows = form, rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS) + len(self.form.questions)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal:
            return None
        q = section - len(self.HEADERS)
        if role == Qt.DisplayRole:
            return self.HEADERS[section] if q < 0 else f"Q{q + 1}"
        if role == Qt.ToolTipRole and q >= 0:
            question = self.form.questions[q]
            return f"Q{q + 1}: {question.text}"
        return None

    def data(self, index, role=Qt.DisplayRole):
        r = self.rows[index.row()]
        if index.column() == 0:
            return str(index.row() + 1) if role == Qt.DisplayRole else None
        if index.column() == 1:
            return r.source if role == Qt.DisplayRole else None
        q = self.form.questions[index.column() - len(self.HEADERS)]
        v = r.answers.get(q.key)
        if role == Qt.ToolTipRole and v is not None:
            return q.levels[v] if q.kind == "likert" and isinstance(v, int) and 0 <= v < len(q.levels) else str(v)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role != Qt.DisplayRole:
            return None
        if v is None:
            return "·"
        if q.kind == "likert" and isinstance(v, int):
            return str(v + 1)
        if q.kind == "choice" and v in q.options:
            return str(q.options.index(v) + 1)  # the number typed, as in the strip
        return "✎" if q.kind == "text" else str(v)[:14]


class EvaluationRoom(QWidget):
    title = "Evaluation"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(ctx.undo_group)
        self.form = EvaluationForm()
        self.tabs = QTabWidget()
        # typing
        self.entry = FormEntry()
        self.entry.form_done.connect(self.save_form)
        self.model = ResponsesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.verticalHeader().hide()
        typing = QSplitter(Qt.Vertical)
        typing.addWidget(self.entry)
        typing.addWidget(self.table)
        typing.setSizes([360, 200])
        # figures
        self.count = QLabel()
        self.count.setTextFormat(Qt.PlainText)
        self.chart = StackedBars()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        figures = QWidget()
        fl = QVBoxLayout(figures)
        fl.addWidget(self.count)
        fl.addWidget(scroll, 1)
        self.importer = ImportPage(ctx)
        self.importer.imported.connect(self._imported)
        self.importer.import_deleted.connect(self._import_deleted)
        self.report = ReportPage(ctx)
        for widget, name in (
            (typing, "Type forms"),
            (self.importer, "Import survey"),
            (figures, "Figures"),
            (self.report, "Outcome report"),
        ):
            self.tabs.addTab(widget, name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # Not Ctrl+digits or Ctrl+O: the window's View and File menus own those keys.
        for n in range(4):
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self, activated=lambda n=n: self.tabs.setCurrentIndex(n))
            self.tabs.setTabToolTip(n, f"Alt+{n + 1}")
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self._open_csv)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.report.ask_print)
        QShortcut(QKeySequence.Delete, self.table, activated=self.delete_selected)
        self.tabs.currentChanged.connect(lambda i: self.entry.setFocus() if i == 0 else None)
        self.reload()

    def shortcuts_help(self) -> list[tuple[str, str]]:
        """The room's keys for Help ▸ Keyboard shortcuts (F1)."""
        return [
            ("Alt+1..4", "Type forms / Import survey / Figures / Outcome report"),
            ("Ctrl+I", "Choose a survey export"),
            ("Ctrl+P", "Print the outcome report"),
            ("Del", "Delete the selected forms"),
            ("1–9", "Typing: choose a level"),
            ("Enter / Backspace / Esc", "Typing: next / back / start the form over"),
        ]

    def reload(self) -> None:
        form, responses = self.ctx.tasks.read(lambda s: (ops.evaluation_form(s), ops.all_responses(s)))
        if form != self.form:
            self.form = form
            self.entry.set_form(form)
        self.entry.set_count(len(responses))  # the next form is numbered after every stored one
        self.model.reset(form, responses)
        self.table.scrollToBottom()
        self.chart.set_stats(summarize(form, responses))
        self.count.setText(
            f"{len(responses)} responses. Satisfied = the top two levels, over those who answered; "
            "rounded half up to one decimal."
        )

    def save_form(self, answers: dict) -> None:
        """Store a typed form as one undoable step; the next blank form is already on screen."""
        changes = self.ctx.tasks.run_sync(lambda s: ops.add_response(s, answers=answers), initiator=self)
        self.undo_stack.push(AddResponses(self.ctx.tasks, changes.ids, "Type an evaluation form"))
        self.reload()

    def _imported(self, result) -> None:
        if result.after or result.before:
            self.undo_stack.push(
                SwapResponses(
                    self.ctx.tasks, f"Import {len(result.after)} evaluation responses", result.before, result.after
                )
            )
        self.reload()
        self.tabs.setCurrentIndex(2)

    def _import_deleted(self, import_id: str, deleted: list) -> None:
        if deleted:
            self.undo_stack.push(SwapResponses(self.ctx.tasks, f"Delete the import {import_id}", deleted, []))
        self.reload()

    def _open_csv(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.importer.ask_file()

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = tuple(self.model.rows[r].id for r in rows)
        if ids:
            self.undo_stack.push(DeleteResponses(self.ctx.tasks, ids))
            self.reload()

    def shutdown(self) -> None:
        """The document is closing: save report text still inside its typing debounce."""
        self.report.flush()

    def on_changes(self, changes: Changes, initiator: object) -> None:
        # undo/redo commands run with no initiator, so their changes redraw the room too
        if initiator is self:
            return
        if changes.evaluation or changes.workshop:
            self.reload()
            self.importer.reload_imports()
        if changes.report and initiator is not self.report:
            self.report.reload()
