"""The notes pane's widgets and their places: the item, the notes, the tag bar, the entry, the speaker."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QListView, QVBoxLayout

from dgfacil.ui.notes.action_fields import ActionFields
from dgfacil.ui.notes.entry import NoteEntry
from dgfacil.ui.notes.model import NOTE_ROLE, NoteDelegate, NotesModel
from dgfacil.ui.notes.tagbar import TagBar
from dgfacil.ui.widgets import plain_label

if TYPE_CHECKING:
    from dgfacil.ui.notes.pane import NotesPane


def build_pane(pane: NotesPane, show_item_chooser: bool) -> None:
    """Create the pane's widgets as attributes of `pane` and lay them out."""
    pane.chooser = QComboBox()
    pane.chooser.setVisible(show_item_chooser)
    # Session titles are long; the combo must not widen a narrow pane to fit them.
    pane.chooser.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    pane.chooser.setMinimumContentsLength(24)
    pane.chooser.setToolTip("The agenda item these notes belong to")
    pane.chooser.activated.connect(lambda i: pane.set_item(pane.chooser.itemData(i)))
    pane.title = plain_label(name="notesItemTitle", wrap=True)
    pane.title.setWordWrap(False)  # one line, elided to the width; the whole title is its tooltip
    pane.title.setMinimumWidth(100)
    pane.title.setStyleSheet("font-size: 12.5pt; font-weight: 600; color: #1b2a41;")
    pane.title.setVisible(not show_item_chooser)  # the chooser already shows the item's title
    pane.people_label = plain_label(name="muted", wrap=True)
    pane.model = NotesModel(parent=pane)
    pane.view = QListView()
    pane.view.setModel(pane.model)
    pane.view.setItemDelegate(NoteDelegate(pane.view))
    pane.view.setResizeMode(QListView.Adjust)  # re-wrap the notes when the pane is resized
    pane.view.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
    pane.view.setSelectionMode(QAbstractItemView.SingleSelection)
    pane.view.setUniformItemSizes(False)
    pane.view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # notes wrap; never scroll sideways
    pane.view.doubleClicked.connect(lambda index: pane.edit_note(index.data(NOTE_ROLE)))
    pane.empty_label = plain_label(name="muted", wrap=True)
    pane.empty_label.setAlignment(Qt.AlignCenter)
    pane.status = plain_label(name="muted", wrap=True)
    pane.status.hide()
    pane.tagbar = TagBar()
    pane.tagbar.sig_tag_clicked.connect(pane.tag_key)
    pane.entry = NoteEntry()
    pane.speaker = QComboBox()
    pane.speaker.setEditable(True)
    pane.speaker.setInsertPolicy(QComboBox.NoInsert)
    pane.speaker.setMinimumWidth(200)
    pane.speaker.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    pane.speaker.lineEdit().setPlaceholderText("no speaker")
    pane.speaker.currentTextChanged.connect(pane._typed)
    pane.action = ActionFields()  # owner and due date, while the note is tagged Action
    pane.action.sig_edited.connect(pane._typed)
    pane.hints = plain_label(name="muted", wrap=True)

    layout = QVBoxLayout(pane)
    layout.setContentsMargins(8, 6, 8, 8)
    layout.addWidget(pane.chooser)
    layout.addWidget(pane.title)
    layout.addWidget(pane.people_label)
    layout.addWidget(pane.view, 1)
    layout.addWidget(pane.empty_label)
    layout.addWidget(pane.status)
    layout.addWidget(pane.tagbar)
    layout.addWidget(pane.entry)
    who = QHBoxLayout()
    who_label = QLabel("Speaker:")
    who_label.setBuddy(pane.speaker)
    who.addWidget(who_label)
    who.addWidget(pane.speaker, 1)
    layout.addLayout(who)
    layout.addWidget(pane.action)
    layout.addWidget(pane.hints)
