"""The import's mapping step: which column is which question, which answer is which level.

Two tables, each row with a combo box the user can change; the import page reads the choices
back as `columns` (header -> question key) and `answers` (question key -> answer -> level).
Rows that stop the import (an answer read as nothing) are red and listed first."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from dgfacil.core.evaluation import EvaluationForm

UNUSED = "(not used)"
DETAIL = "(respondent detail: left out)"
UNMAPPED = "— choose a level —"
NO_ANSWER = "(no answer)"
RED = QColor("#b3261e")


def _item(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    return item


def _grid_row_first(header: str) -> str:
    """ "Stem [Row]" shown as "[Row] Stem": in a narrow cell the row, which tells columns apart, stays seen."""
    m = re.search(r"\[([^\]]*)\]\s*$", header)
    return f"[{m.group(1)}] {header[: m.start()].strip()}" if m else header


class ColumnsTable(QTableWidget):
    """Column in the file | first values | question. Emits `changed` when the user picks."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("surveyColumns")
        self.setHorizontalHeaderLabels(["Column in the file", "First answers", "Question"])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.Interactive)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.NoEditTriggers)
        self.chosen: dict[str, str] = {}  # the user's choices: header -> key ("" = not used)

    def fill(self, read, form: EvaluationForm) -> None:
        """Show a read; the same file read again updates the combos in place, so focus stays put."""
        by_column = {m.column: m for m in read.columns}
        meta = set(read.metadata_columns)
        headers = read.table.headers
        if self.rowCount() == len(headers) and all(
            self.item(c, 0) is not None and self.item(c, 0).toolTip() == h for c, h in enumerate(headers)
        ):
            for c in range(len(headers)):
                combo = self.cellWidget(c, 2)
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(by_column[c].question)) if c in by_column else 0)
                combo.blockSignals(False)
            return
        self.setRowCount(len(headers))
        for c, header in enumerate(headers):
            firsts = ", ".join(r[c] for _, r in read.table.rows[:4] if c < len(r) and r[c])
            self.setItem(c, 0, _item(_grid_row_first(header), header))
            self.setItem(c, 1, _item(firsts[:100], firsts[:400]))
            combo = QComboBox()
            combo.addItem(DETAIL if header in meta else UNUSED, "")
            for q in form.questions:
                combo.addItem(f"{q.key}: {q.text[:60]}", q.key)
            match = by_column.get(c)
            combo.setCurrentIndex(max(0, combo.findData(match.question)) if match else 0)
            if match and not match.by_hand and match.score < 0.999:
                combo.setToolTip(f"matched by similarity {match.score:.2f}: check it")
            combo.activated.connect(lambda _=0, h=header, box=combo: self._pick(h, box.currentData()))
            self.setCellWidget(c, 2, combo)
        self.setColumnWidth(1, 220)
        self.setColumnWidth(2, 300)

    def _pick(self, header: str, key: str) -> None:
        self.chosen[header] = key
        self.changed.emit()


class AnswersTable(QTableWidget):
    """Answer | times | questions | read as | why — one row per answer and set of levels."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("surveyAnswers")
        self.setHorizontalHeaderLabels(["Answer in the file", "Times", "Questions", "Read as", "Why"])
        self.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.NoEditTriggers)
        self.chosen: dict[str, dict[str, str]] = {}  # question key -> answer -> level text ("" = no answer)
        self.rows: list[tuple[str, list[str]]] = []  # (answer, question keys) per row
        self.shapes: list[tuple] = []  # (answer, levels) per row: the rows' identity across re-reads

    def clear_rows(self) -> None:
        """No answers to show: the columns fit their headers (bold, padded by the style), never clipped."""
        self.setRowCount(0)
        self.shapes = []
        self._fit_headers()

    def _fit_headers(self) -> None:
        for column in range(self.columnCount() - 1):  # the last column stretches
            self.resizeColumnToContents(column)

    def showEvent(self, event) -> None:  # noqa: N802 — the style's header font is known once shown
        super().showEvent(event)
        if not self.rowCount():
            self._fit_headers()

    def fill(self, read, form: EvaluationForm) -> None:
        """Unmapped answers first, then the ones read by scale, number or near spelling, then exact
        texts; the same file read again keeps its rows in place, so a keyboard user stays put."""
        grouped: dict[tuple, dict] = {}
        for key, readings in read.readings.items():
            q = form.question(key)
            for value, r in readings.items():
                row = grouped.setdefault((value, q.choices), {"keys": [], "n": 0, "reading": r, "q": q})
                row["keys"].append(key)
                row["n"] += read.counts[key][value]
        rank = {shape: i for i, shape in enumerate(self.shapes)}
        ordered = sorted(
            grouped.items(),
            key=lambda kv: (
                rank.get(kv[0], len(rank)),
                kv[1]["reading"].how != "unmapped",
                kv[1]["reading"].how == "exact",
                -kv[1]["n"],
                kv[0][0],
            ),
        )
        shapes = [shape for shape, _ in ordered]
        rebuild = shapes != self.shapes
        self.shapes = shapes
        self.rows = [(g["reading"].value, g["keys"]) for _, g in ordered]
        if rebuild:
            self.setRowCount(0)
            self.setRowCount(len(ordered))
        for i, (_, g) in enumerate(ordered):
            r, q = g["reading"], g["q"]
            if rebuild:
                self.setItem(i, 0, _item(r.value))
                self.setItem(i, 1, _item(str(g["n"])))
                self.setItem(i, 2, _item(", ".join(g["keys"])))
                self.setItem(i, 4, _item(""))
                combo = QComboBox()
                combo.addItem(UNMAPPED, None)
                combo.addItem(NO_ANSWER, "")
                for choice in q.choices:
                    combo.addItem(choice, choice)
                combo.activated.connect(lambda _=0, row=i, box=combo: self._pick(row, box.currentData()))
                self.setCellWidget(i, 3, combo)
            combo = self.cellWidget(i, 3)
            combo.blockSignals(True)
            combo.setCurrentIndex(1 if r.how == "blank" else 0 if r.level is None else 2 + r.level)
            combo.blockSignals(False)
            why = {
                "exact": "same text",
                "user": "as you chose",
                "blank": "as you chose",
                "unmapped": "matches no level: choose one, or (no answer)",
            }.get(r.how) or r.said(q).split(" (", 1)[-1][:-1]
            self.item(i, 4).setText(why)
            colour = QBrush(RED if r.how == "unmapped" else self.palette().text().color())
            for c in (0, 1, 2, 4):
                self.item(i, c).setForeground(colour)
        if rebuild:
            self.resizeColumnToContents(0)
            self.setColumnWidth(0, min(self.columnWidth(0), 260))
            self.setColumnWidth(2, 200)
            self.setColumnWidth(3, 240)

    def _pick(self, row: int, level: str | None) -> None:
        value, keys = self.rows[row]
        for key in keys:
            if level is None:
                self.chosen.get(key, {}).pop(value, None)
            else:
                self.chosen.setdefault(key, {})[value] = level
        self.changed.emit()
