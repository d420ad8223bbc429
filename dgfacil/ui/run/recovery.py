"""The recovery plan's preview (before → after per item, the new day end) and its undoable apply."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from dgfacil.core.agenda import hhmm
from dgfacil.core.run.plan import RunState
from dgfacil.core.run.recovery import RecoveryPlan, short_title
from dgfacil.core.run.words import day_end_text, span_words
from dgfacil.ui.widgets import plain_label

HOW = {
    "break": "shorter break",
    "discussion": "shorter Q&A / discussion",
    "trim": "trimmed",
    "skip": "left out",
    "end": "ends by the fixed start",
}
HEADERS = ("Item", "Before", "After", "")


def plan_rows(plan: RecoveryPlan, zone: str) -> list[tuple[str, str, str, str]]:
    """(title, before, after, how) for each item the plan changes: '16:09–16:24 · 15 min'."""
    before = {r.item.id: r for r in plan.before.rows}
    after = {r.item.id: r for r in plan.after.rows}
    out = []
    for change in plan.changes:
        was, now = before[change.item_id], after[change.item_id]
        then = f"{hhmm(was.start, zone)}–{hhmm(was.end, zone)} · {change.before_min} min" if was.start else "—"
        if change.skip:
            new = "skipped"
        elif now.unfit_whole:
            new = "does not fit"
        else:
            new = f"{hhmm(now.start, zone)}–{hhmm(now.end, zone)} · {change.after_min} min" if now.start else "—"
            new += f" · {span_words(now.unfit_min)} do not fit" if now.unfit_min else ""
        out.append((short_title(change.title, 48), then, new, HOW.get(change.how, change.how)))
    return out


def plan_heading(plan: RecoveryPlan | None, state: RunState, zone: str) -> str:
    """What the plan achieves, or why there is none, in one or two lines."""
    if plan is None:
        if state.behind_min <= 0:
            return "The day is on time: nothing to recover."
        if state.conflicts and all(r.unfit_whole for r in state.upcoming() if not r.item.fixed_start):
            conflict = state.conflicts[0]
            where = f"{short_title(conflict.item.title, 32)} (fixed at {hhmm(conflict.hold, zone)})"
            now = state.current
            how = (
                f"shorten {short_title(now.item.title, 32)} (− or Ctrl −) to make room, or skip what will not run"
                if now is not None
                else "skip what will not run"
            )
            return (
                f"No recovery plan: nothing left before {where} fits any more — "
                f"{span_words(state.behind_min)} of content do not fit. To win time back, {how}."
            )
        return (
            f"No recovery plan: every item left is at its shortest or marked “do not shorten”. "
            f"Still {span_words(state.behind_min)} behind — skip or shorten an item yourself."
        )
    end = f"Now: {day_end_text(plan.before, zone)}\nAfter: {day_end_text(plan.after, zone)}"
    ending = plan.ends_current
    if ending is not None:  # the running item itself runs past a fixed start: say it first
        conflict = plan.before.conflicts[0]
        title, hold = short_title(ending.title, 32), hhmm(conflict.hold, zone)
        head = (
            f"{title} runs past {short_title(conflict.item.title, 32)}, fixed at {hold}: nothing after it "
            f"fits. The best it can do: end {title} by {hold} ({ending.before_min - ending.after_min} min "
            f"sooner)"
        )
        if plan.recovers:
            return f"{head} — that recovers it all.\n{end}"
        return f"{head}; {span_words(plan.after.behind_min)} still do not fit — end it sooner to make room.\n{end}"
    if plan.recovers:
        return f"Recovery plan — wins back {span_words(plan.won_min)}.\n{end}"
    return (
        f"No plan recovers it all; the best it can do wins back {span_words(plan.won_min)} "
        f"and leaves {span_words(plan.after.behind_min)}.\n{end}"
    )


class RecoveryPreview(QFrame):
    """The plan before it is taken: Enter applies it (one undoable action), Esc closes it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryPreview")
        self.plan: RecoveryPlan | None = None
        self.heading = plain_label(name="planHeading", size=11, wrap=True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().hide()
        self.table.setFocusPolicy(Qt.NoFocus)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.NoSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        self.apply_button = QPushButton("Apply plan   Enter")
        self.apply_button.setFocusPolicy(Qt.NoFocus)
        self.cancel_button = QPushButton("Close   Esc")
        self.cancel_button.setFocusPolicy(Qt.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_plan(self, plan: RecoveryPlan | None, state: RunState, zone: str) -> None:
        self.plan = plan
        self.heading.setText(plan_heading(plan, state, zone))
        rows = plan_rows(plan, zone) if plan else []
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c == 0:
                    cell.setToolTip(plan.changes[r].title)
                if c == 2 and text == "skipped":
                    cell.setForeground(Qt.darkRed)
                self.table.setItem(r, c, cell)
        self.table.setVisible(bool(rows))
        self.apply_button.setEnabled(plan is not None)

    def texts(self) -> list[list[str]]:
        """What the preview table shows (tests and the report read it)."""
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]


def conflict_label() -> QLabel:
    label = plain_label(name="runConflict", size=12, bold=True, wrap=True)
    label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)  # two lines are never clipped
    label.hide()
    return label
