"""Typing paper forms, keyboard only: a digit picks a level and moves on, Enter moves on.

One question at a time, big. Digits 1..n choose the n-th level as printed on the form (best
first); Enter without a choice leaves the question unanswered; Backspace goes back a question;
Enter on the last question saves the form and starts the next one; Esc starts this form over.
Text questions take a line of text; Enter moves on. A key that is not an answer (a letter, or a
digit past the last level) is refused in words under the choices, never silently dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QVBoxLayout, QWidget

from dgfacil.core.evaluation import EvaluationForm, Question
from dgfacil.ui.widgets import plain_label

HELP = "1–9 choose · Enter next (blank = no answer) · Backspace back · Enter on the last question saves · Esc clear"
NO_FORM = (
    "This workshop's template has no evaluation form, so there is nothing to type here. "
    "Workshops made from a template without one get the standard post-event form "
    "(sessions/evaluation/standard.toml); you can still import an online export on the Import CSV tab."
)
SHORT = 22  # characters of a question's text shown in the answer strip


def short_name(question: Question) -> str:
    """A question's text cut to a few words for the answer strip."""
    text = " ".join(question.text.split())
    return text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"


class FormEntry(QFrame):
    """The form being typed. Emits `form_done(answers)` when Enter passes the last question."""

    form_done = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setFrameShape(QFrame.StyledPanel)
        self.form = EvaluationForm()
        self.answers: dict = {}
        self.index = 0
        self.forms_typed = 0  # responses already stored: this form's number is one more
        self.counter = plain_label(name="evalCounter", wrap=True)
        self.group = plain_label(name="evalGroup", wrap=True)
        self.question = plain_label(name="evalQuestion", wrap=True)
        self.question.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self.choices = plain_label(name="evalChoices", wrap=True)
        self.choices.setStyleSheet("font-size: 13pt;")
        self.text = QLineEdit()
        self.text.setPlaceholderText("Type the answer as written on the form; Enter for the next question")
        self.text.installEventFilter(self)
        self.feedback = plain_label(name="evalFeedback", wrap=True)
        self.feedback.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.strip = plain_label(name="evalStrip", wrap=True)
        self.strip.setToolTip(
            "The form so far: question number, its first words, the answer (· = no answer, ✎ = text written)"
        )
        self.hint = plain_label(wrap=True)
        self.hint.setText(HELP)
        self.hint.setStyleSheet("color: #5b6472;")
        layout = QVBoxLayout(self)
        for w in (self.counter, self.group, self.question, self.choices, self.text, self.feedback, self.strip):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        self._show()  # an empty form says so at once, rather than a blank page with a live box

    # -- state --------------------------------------------------------------------------------
    def set_form(self, form: EvaluationForm) -> None:
        self.form = form
        self.start_new()

    def start_new(self) -> None:
        self.answers, self.index = {}, 0
        self._show()

    def set_count(self, stored: int) -> None:
        """How many responses exist already; the form on screen is numbered after them."""
        if stored != self.forms_typed:
            self.forms_typed = stored
            self._show(keep_feedback=True)

    def refuse(self, text: str) -> None:
        """Say why a key was not taken as an answer; the question stays where it is."""
        self.feedback.setText(text)
        self.feedback.show()

    @property
    def current(self) -> Question | None:
        qs = self.form.questions
        return qs[self.index] if 0 <= self.index < len(qs) else None

    def _show(self, keep_feedback: bool = False) -> None:
        q = self.current
        total = len(self.form.questions)
        self.counter.setText(
            f"Form {self.forms_typed + 1} — question {min(self.index + 1, total)} of {total}" if total else NO_FORM
        )
        self.hint.setVisible(bool(total))
        if not keep_feedback:
            self.feedback.setText("")
            self.feedback.hide()
        self.group.setText(q.group if q else "")
        self.question.setText(q.text if q else "")
        if q is not None and q.kind != "text":
            chosen = self.answers.get(q.key)
            lines = []
            for n, choice in enumerate(q.choices, 1):
                picked = chosen == (n - 1 if q.kind == "likert" else choice)
                lines.append(f"{'▶' if picked else ' '} {n}  {choice}")
            self.choices.setText("\n".join(lines))
            self.choices.show()
            self.text.hide()
            self.setFocus()
        else:
            self.choices.hide()
            self.text.setVisible(q is not None)
            if q is None:
                self.setFocus()  # never leave the focus in a hidden box
            self.text.setText(str(self.answers.get(q.key, "")) if q else "")
            if q is not None:
                self.text.setFocus()
        self.strip.setText(self.summary())

    def summary(self) -> str:
        """The form so far, one cell per question: 'Q3 Quality of presentations: 2'; '·' is no
        answer, '✎' text written; the current question is marked ▶."""
        cells = []
        for i, q in enumerate(self.form.questions):
            v = self.answers.get(q.key)
            mark = (
                "·"
                if v is None
                else "✎"
                if q.kind == "text"
                else str((v if q.kind == "likert" else q.options.index(v)) + 1)
            )
            cell = f"{'▶ ' if i == self.index else ''}Q{i + 1} {short_name(q)}: {mark}"
            cells.append(cell.replace(" ", "\u00a0"))  # wrap between cells, never inside one
        return "   ".join(cells)

    # -- moving -------------------------------------------------------------------------------
    def choose(self, number: int) -> None:
        """Pick the number-th choice (1-based) of the current question and go to the next."""
        q = self.current
        if q is None or q.kind == "text":
            return
        if not 1 <= number <= len(q.choices):
            self.refuse(
                f"{number} is not an answer to question {self.index + 1}: it has {len(q.choices)} choices, "
                f"type 1–{len(q.choices)} (Enter leaves it blank)."
            )
            return
        self.answers[q.key] = number - 1 if q.kind == "likert" else q.options[number - 1]
        self.advance()

    def advance(self) -> None:
        if self.index >= len(self.form.questions) - 1:
            self._finish()
            return
        self.index += 1
        self._show()

    def back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show()

    def _finish(self) -> None:
        if not self.form.questions:
            return
        answers = {k: v for k, v in self.answers.items() if v not in (None, "")}
        self.forms_typed += 1
        self.start_new()
        self.form_done.emit(answers)

    def _text_entered(self) -> None:
        q = self.current
        if q is not None and q.kind == "text":
            value = self.text.text().strip()
            if value:
                self.answers[q.key] = value
            else:
                self.answers.pop(q.key, None)
            self.advance()

    # -- keys ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if Qt.Key_1 <= key <= Qt.Key_9:
            self.choose(key - Qt.Key_0)
        elif key in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Down):
            self.advance()
        elif key in (Qt.Key_Backspace, Qt.Key_Up):
            self.back()
        elif key == Qt.Key_Escape:
            self.start_new()
        elif event.text().strip() and self.current is not None and self.current.kind != "text":
            n = len(self.current.choices)
            self.refuse(
                f"“{event.text()}” is not an answer: type the number of the choice ticked on the form, "
                f"1–{n} (Enter leaves question {self.index + 1} blank)."
            )
        else:
            super().keyPressEvent(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        # in the text box: Up goes back, and Backspace on an empty box goes back too
        if obj is self.text and event.type() == QEvent.KeyPress:
            if event.key() == Qt.Key_Up or (event.key() == Qt.Key_Backspace and not self.text.text()):
                self.back()
                return True
            if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Down):
                # handled here, not by returnPressed: QLineEdit lets Return travel on to this frame,
                # which would move on a second time
                self._text_entered()
                return True
            if event.key() == Qt.Key_Escape:
                self.start_new()
                return True
        return super().eventFilter(obj, event)
