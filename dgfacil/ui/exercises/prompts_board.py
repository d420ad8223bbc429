"""Prompts exercises: questions with each group's written answer (or choice, for a quiz).

An answer is saved as it is typed (debounced 600 ms, under the 1 s a keystroke may wait); typing in
one box is one undo step. Questions are few, so a small card per question is fine here.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dgfacil.operations import boards as board_ops
from dgfacil.ui.exercises import commands as cmd
from dgfacil.ui.exercises.base import BoardBase
from dgfacil.ui.widgets import plain_label

DEBOUNCE_MS = 600


class QuestionCard(QFrame):
    def __init__(self, board: PromptsBoard, number: int, question: dict) -> None:
        super().__init__()
        self.board, self.question, self.key = board, question, question["key"]
        self.setStyleSheet("QuestionCard { background: white; border: 1px solid #d8dce3; border-radius: 6px; }")
        layout = QVBoxLayout(self)
        title = plain_label(f"{number}. {question['text']}", wrap=True)
        title.setObjectName("question")
        layout.addWidget(title)
        self.editor: QPlainTextEdit | None = None
        self.choices: QButtonGroup | None = None
        self.verdict = plain_label("", wrap=True)
        self.verdict.setStyleSheet("border: none;")
        if question.get("kind", "text") == "choice":
            self.choices = QButtonGroup(self)
            for i, option in enumerate(question.get("options", [])):
                button = QRadioButton(option)
                button.setStyleSheet("border: none;")
                self.choices.addButton(button, i)
                layout.addWidget(button)
            self.choices.idClicked.connect(self._chosen)
            layout.addWidget(self.verdict)
        else:
            self.editor = QPlainTextEdit()
            self.editor.setPlaceholderText(question.get("hint", "The group's answer…"))
            self.editor.setTabChangesFocus(True)
            self.editor.setMinimumHeight(80)
            self.editor.setMaximumHeight(160)
            self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
            self.timer.timeout.connect(self.save)
            self.editor.textChanged.connect(self.timer.start)
            layout.addWidget(self.editor)

    def show_value(self, value: dict) -> None:
        if self.editor is not None:
            text = value.get("text", "")
            if text != self.editor.toPlainText():
                self.editor.blockSignals(True)
                self.editor.setPlainText(text)
                self.editor.blockSignals(False)
        elif self.choices is not None:
            chosen = value.get("choice")
            self.choices.setExclusive(False)
            for button in self.choices.buttons():
                button.setChecked(self.choices.id(button) == chosen)
            self.choices.setExclusive(True)
            answer = self.question.get("answer")
            if chosen is None or answer is None:
                self.verdict.setText("")
            elif chosen == answer:
                self.verdict.setText("✓ Correct")
            else:
                self.verdict.setText(f"✗ The toolkit's answer: {self.question['options'][answer]}")

    def save(self) -> None:
        """Commit the typed text now (also called before the board is closed)."""
        if self.editor is None:
            return
        self.timer.stop()
        text = self.editor.toPlainText()
        old = self.board.values.get(self.key)
        if (old or {}).get("text", "") == text:
            return
        self.board.push(
            cmd.SetAnswer(
                self.board, self.key, old, {"text": text} if text else None, f"Answer question {self.key}", merge=True
            )
        )

    def _chosen(self, index: int) -> None:
        old = self.board.values.get(self.key)
        self.board.push(cmd.SetAnswer(self.board, self.key, old, {"choice": index}, f"Choose for {self.key}"))


QUESTION_STYLE = "QLabel#question { font-weight: 600; font-size: %s; color: #1b2a41; border: none; }"


class PromptsBoard(BoardBase):
    def __init__(
        self,
        ctx,
        host,
        exercise,
        group_id,
        group_name="",
        parent=None,
        *,
        toolbar: bool = True,
        projected: bool = False,
    ) -> None:
        super().__init__(ctx, host, exercise, group_id, group_name, parent)
        self.setStyleSheet(QUESTION_STYLE % "11pt")
        self.values: dict[str, dict] = {}
        self.inner = QWidget()
        self.inner.setObjectName("promptsInner")
        column = QVBoxLayout(self.inner)
        self.cards = [QuestionCard(self, i + 1, q) for i, q in enumerate(exercise.definition.get("questions", []))]
        for card in self.cards:
            column.addWidget(card)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.load()

    def load(self) -> None:
        ex_id, group = self.exercise.id, self.group_id
        self.values = self.read(lambda s: board_ops.board_answers(s, exercise_id=ex_id, group_id=group))
        for card in self.cards:
            card.show_value(self.values.get(card.key, {}))

    def apply(self, changes) -> None:
        if changes.boards or changes.groups:
            self.load()

    def show_readable(self, text_px: int) -> None:
        size = f"{text_px}px"
        self.setStyleSheet(
            QUESTION_STYLE % f"{round(text_px * 1.15)}px"
            + f" QPlainTextEdit, QRadioButton, QLabel {{ font-size: {size}; }}"
        )
        for card in self.cards:
            if card.editor is not None:
                card.editor.setMaximumHeight(max(160, text_px * 7))

    def flush(self) -> None:
        for card in self.cards:
            card.save()

    def export_size(self) -> QSize:
        return self.inner.size()

    def paint_export(self, painter, target) -> None:
        size = self.export_size()
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(target.width() / size.width(), target.height() / size.height())
        self.inner.render(painter, self.inner.rect().topLeft())
        painter.restore()
