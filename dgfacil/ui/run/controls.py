"""The run buttons, each with its keyboard shortcut written on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from dgfacil.core.run.log import Phase
from dgfacil.core.run.plan import RunState

# name, label, shortcuts, key shown on the button, room method (and argument)
SPECS = [
    ("toggle", "Start", ["Space"], "Space", "toggle_run", None),
    ("previous", "Previous", ["Left"], "←", "previous_item", None),
    ("next", "Next", ["Right"], "→", "next_item", None),
    ("plus1", "+1 min", ["+", "="], "+", "extend", 1),
    ("plus5", "+5 min", ["Ctrl++", "Ctrl+="], "Ctrl +", "extend", 5),
    ("minus1", "−1 min", ["-"], "−", "shorten", 1),
    ("minus5", "−5 min", ["Ctrl+-", "_"], "Ctrl −", "shorten", 5),
    ("skip", "Skip", ["S"], "S", "skip", None),
    ("notes", "Notes", ["N"], "N", "open_notes", None),
    ("projector", "Projector", ["F5"], "F5", "toggle_projector", None),
    ("recover", "Recovery plan", ["R"], "R", "show_plan", None),
    ("apply", "Apply plan", ["Return", "Enter"], "Enter", "apply_plan", None),
    ("close_plan", "Close plan", ["Escape"], "Esc", "close_plan", None),
]
NO_BUTTON = {"recover", "apply", "close_plan"}  # on the "behind" bar and in the plan's preview
PLAN_ONLY = {"apply": ["Return", "Enter"], "close_plan": ["Escape"]}  # keys only while a plan is on show


class RunControls(QWidget):
    """A row of large buttons; `actions[name]` are the room's QActions behind them."""

    def __init__(self, room) -> None:
        super().__init__(room)
        self.actions_by_name = {}
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        for name, label, keys, shown, method, arg in SPECS:
            slot = getattr(room, method)  # SPECS names the RunRoom method in its row, beside its keys
            action = room.add_action(label, keys, (lambda *_, s=slot, a=arg: s(a)) if arg is not None else slot)
            action.setObjectName(f"run_{name}")
            action.setToolTip(f"{label} ({shown})")
            self.actions_by_name[name] = action
            if name in NO_BUTTON:
                continue
            button = QToolButton()
            button.setObjectName(f"button_{name}")
            button.setProperty("role", "run")
            button.setProperty("primary", "true" if name == "toggle" else "false")
            button.setFocusPolicy(Qt.NoFocus)  # Space and arrows belong to the run, not to a focused button
            button.setToolButtonStyle(Qt.ToolButtonTextOnly)
            button.setText(f"{label}\n{shown}")
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            self.buttons[name] = button
            layout.addWidget(button)
            if name in ("next", "minus5", "skip"):
                layout.addSpacing(14)
        layout.addStretch(1)
        self.plan_shown(False, False)

    def plan_shown(self, shown: bool, applicable: bool) -> None:
        """Enter and Esc are the window's keys only while the plan is on show (elsewhere they
        belong to other rooms and dialogs)."""
        for name, keys in PLAN_ONLY.items():
            action = self.actions_by_name[name]
            action.setShortcuts([QKeySequence(k) for k in keys] if shown else [])
            action.setEnabled(shown and (applicable or name == "close_plan"))

    def show_state(self, state: RunState) -> None:
        label = {Phase.NOT_STARTED: "Start", Phase.RUNNING: "Pause", Phase.PAUSED: "Resume", Phase.FINISHED: "Start"}[
            state.phase
        ]
        text = f"{label}\nSpace"
        toggle = self.buttons["toggle"]
        if toggle.text() != text:
            toggle.setText(text)
        running = state.current is not None
        enabled = {
            "toggle": state.phase is not Phase.FINISHED,
            "previous": running or state.phase is Phase.FINISHED,
            "next": state.phase is not Phase.FINISHED,
            "plus1": running,
            "plus5": running,
            "minus1": running,
            "minus5": running,
            "skip": running,
        }
        for name, on in enabled.items():
            if self.buttons[name].isEnabled() != on:
                self.buttons[name].setEnabled(on)
