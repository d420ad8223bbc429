"""Card boards (zones and plane): add, edit in place, move, colour, tag, cluster, dot-vote.

Every action is an undo command that commits at once; the board then redraws only the cards the
change names (Changes.ids), so a board of 500 cards stays quick. Phone input (PhoneChanges) is
read off the GUI thread and redrawn at most every 100 ms (ui/link/refresh.py), so a room of phones
never stalls the window. Cards hidden by moderation are faded here and left off the projector.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsScene,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QToolBar,
    QVBoxLayout,
)

from dgfacil.core import exercises as core
from dgfacil.core.exercises import BoardItem
from dgfacil.operations import boards as board_ops
from dgfacil.operations.changes import Changes
from dgfacil.ui.exercises import commands as cmd
from dgfacil.ui.exercises.base import BoardBase
from dgfacil.ui.exercises.card_reads import BoardRead, PhoneRedraw, board_read, fade
from dgfacil.ui.exercises.card_view import BoardView, CardEditor
from dgfacil.ui.exercises.graphics import (
    BOARD_H,
    BOARD_W,
    CARD_COLOURS,
    DEFAULT_CARD,
    BoardFrame,
    CardItem,
    cluster_items,
    enough_pixmap_cache,
    to_board,
    to_scene,
)
from dgfacil.ui.link.refresh import PhoneChanges
from dgfacil.ui.undo import macro


class CardBoard(BoardBase):
    """One group's card board for a zones or plane exercise."""

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
        self.projected = projected  # on the projector: cards laid out large, not dragged
        self.text_px: float | None = None
        enough_pixmap_cache()
        self.scene = QGraphicsScene(self)
        self.scene.setSceneRect(QRectF(-10, -10, BOARD_W + 20, BOARD_H + 20))
        self.scene.setItemIndexMethod(QGraphicsScene.BspTreeIndex)
        self.frame = BoardFrame(exercise.kind, exercise.definition)
        self.scene.addItem(self.frame)
        self.cards: dict[int, CardItem] = {}
        self.cluster_frames: list = []
        self.editor: CardEditor | None = None
        self.here = ""  # the area the facilitator last clicked or added to: N adds there
        self.hidden: set[int] = set()  # cards hidden from phones and the projector (room link moderation)
        self._votes, self._people = [], 1  # the board's votes and the people a voter stands for, last read
        self.phone_input = PhoneRedraw(self.tasks, (exercise.id, group_id), self._show, self)
        self.view = BoardView(self, self.scene, margin=0 if projected else 10)
        self.voter_box = QComboBox()
        self.voter_box.setToolTip("Whose dots are placed")
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.PlainText)
        self.counts.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar()
        self._build_actions()
        if toolbar:
            bar = QHBoxLayout()
            bar.addWidget(self.toolbar, 1)
            bar.addWidget(self.voter_box)
            bar.addWidget(self.counts)
            layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.load()

    # -- actions -----------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        keys = [QKeySequence(k) for k in (shortcut if isinstance(shortcut, (list, tuple)) else [shortcut]) if k]
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        shown = " or ".join(k.toString(QKeySequence.NativeText) for k in keys)
        action.setToolTip(f"{tip or text} ({shown})" if keys else tip or text)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        # Keys never clash with the main window's (File Ctrl+N/O/W/Q/Shift+S, Edit Ctrl+Z/Y/Shift+Z,
        # View Ctrl+1..7, Help F1): a key bound twice in one window is "ambiguous" and does nothing.
        self.add_action = self._action("Add card", lambda: self.begin_new(None), ("Ins", "N"), "Add a card")
        self.edit_action = self._action("Edit", self.edit_selected, "F2", "Edit the selected card")
        self.delete_action = self._action(
            "Delete", self.delete_selected, QKeySequence.Delete, "Delete the selected cards"
        )
        self.vote_action = self._action("+ Dot", self.vote_selected, "Ctrl+D", "Put a dot on the selected cards")
        self.unvote_action = self._action(
            "− Dot", lambda: self.vote_selected(add=False), "Ctrl+Shift+D", "Take a dot back"
        )
        self.cluster_action = self._action(
            "Cluster…", lambda: self.cluster_selected(None), "Ctrl+G", "Put the selected cards under a heading"
        )
        self.uncluster_action = self._action("Uncluster", lambda: self.cluster_selected(""), "Ctrl+Shift+G")
        self.sort_action = self._action(
            "Sort by votes", self.sort_by_votes, "Ctrl+Shift+V", "Most voted cards first in each area"
        )
        self.fit_action = self._action("Fit", lambda: self.view.fit_board(), "Ctrl+0", "Fit the board to the window")
        self.select_all_action = self._action(
            "Select all", self.select_all, QKeySequence.SelectAll, "Select every card"
        )
        self.colour_menu = QMenu("Colour", self)
        for i, (name, value) in enumerate(CARD_COLOURS.items()):
            self.colour_menu.addAction(self._action(name, lambda v=value: self.colour_selected(v), f"Alt+{i + 1}"))
        self.tag_menu = QMenu(self.exercise.definition.get("tags", {}).get("title", "Tag"), self)
        for value in self.exercise.definition.get("tags", {}).get("values", []):
            self.tag_menu.addAction(self._action(value, lambda v=value: self.tag_selected(v)))
        self.tag_menu.addAction(self._action("No tag", lambda: self.tag_selected("")))
        for a in (self.add_action, self.vote_action, self.unvote_action, self.cluster_action, self.sort_action):
            self.toolbar.addAction(a)
        self.toolbar.addAction(self.colour_menu.menuAction())
        if self.exercise.kind == "plane" and self.exercise.definition.get("tags"):
            self.toolbar.addAction(self.tag_menu.menuAction())
        self.toolbar.addAction(self.fit_action)

    # -- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        self.phone_input.edits += 1
        self.frame.kind, self.frame.definition = self.exercise.kind, self.exercise.definition
        self.frame.update()
        self._show(self.read(board_read(self.exercise.id, self.group_id, None)))
        self._refresh_voters()

    def _show(self, found: BoardRead) -> None:
        """Redraw from a read: every card (ids None) or those named, then the counts."""
        was_hidden, self.hidden = self.hidden, found.hidden
        if found.ids is None:
            for card in self.cards.values():
                self.scene.removeItem(card)
            self.cards = {}
        mine = {it.id: it for it in found.items if it.exercise_id == self.exercise.id and it.group_id == self.group_id}
        for item_id in found.ids or ():
            if item_id not in mine and item_id in self.cards:
                self.scene.removeItem(self.cards.pop(item_id))
        for item in mine.values():
            self._place(item)
        for item_id in (was_hidden ^ self.hidden) - set(mine):  # hidden or restored, not named in the change
            if item_id in self.cards:
                self._style_hidden(self.cards[item_id])
        self._arranged()
        self._refresh_counts(found.votes, found.people)

    def _place(self, item: BoardItem) -> None:
        card = self.cards.get(item.id)
        if card is None:
            card = CardItem(item, movable=not self.projected)
            card.setParentItem(self.frame)
            self.cards[item.id] = card
        else:
            card.update_from(item)
        card.setZValue(item.position)
        self._style_hidden(card)

    def _style_hidden(self, card: CardItem) -> None:
        """A card hidden from phones and the projector: faded on the desktop, left off the projector."""
        hidden = card.card.id in self.hidden
        if self.projected and hidden:
            self.scene.removeItem(self.cards.pop(card.card.id))
            return
        fade(card, hidden)

    def apply(self, changes: Changes) -> None:
        if not (changes.boards or changes.groups or changes.exercises):
            return
        if isinstance(changes, PhoneChanges) and not (changes.groups or changes.exercises):
            self.phone_input.add(changes)  # read off the GUI thread, redrawn once for a burst
            return
        if not changes.boards or not changes.ids:
            self.load()
            return
        self.phone_input.edits += 1
        self._show(self.read(board_read(self.exercise.id, self.group_id, tuple(changes.ids))))

    def view_fitted(self, fit_scale: float) -> None:
        """The view was fitted to a new size: the projector sizes its text against the screen."""
        if self.projected:
            self._arranged(fit_scale)

    def _arranged(self, fit_scale: float | None = None) -> None:
        if self.projected:
            from dgfacil.ui.exercises.card_projection import arrange

            self.text_px = arrange(self, self.window().height(), fit_scale or self.view.fit_scale())
        self._refresh_clusters()

    def _refresh_clusters(self) -> None:
        for frame in self.cluster_frames:
            self.scene.removeItem(frame)
        self.cluster_frames = cluster_items(self.cards, self.frame.text_px if self.projected else None)
        for frame in self.cluster_frames:
            frame.setParentItem(self.frame)

    def _refresh_voters(self) -> None:
        dots, per = core.vote_rule(self.exercise.definition)
        current = self.voter_box.currentData()
        self.voter_box.clear()
        if per == "participant":
            people = self.read(
                lambda s: board_ops.board_voters(s, exercise_id=self.exercise.id, group_id=self.group_id)
            )
            for pid, name in people:
                self.voter_box.addItem(name, f"participant:{pid}")
            index = self.voter_box.findData(current)
            self.voter_box.setCurrentIndex(max(index, 0))
        self.voter_box.setVisible(per == "participant" and self.voter_box.count() > 0)
        self._refresh_counts()

    def voter(self) -> str:
        _, per = core.vote_rule(self.exercise.definition)
        if per == "participant" and self.voter_box.currentData():
            return self.voter_box.currentData()
        return f"group:{self.group_id if self.group_id is not None else 'room'}"

    def room_people(self) -> int:
        """People the whole-room board's dots stand for (1 on a group's board or per participant):
        the facilitator tallies the room's dots, so the room has the dots of everyone in it."""
        ex, group = self.exercise.id, self.group_id
        return self.read(lambda s: board_ops.vote_people(s, exercise_id=ex, group_id=group))

    def dots_left(self, votes: list[tuple[int, str, int]] | None = None, people: int | None = None) -> int:
        if votes is None:
            votes = self.read(lambda s: board_ops.board_votes(s, exercise_id=self.exercise.id, group_id=self.group_id))
        return core.dots_left(
            self.exercise.definition,
            self.voter(),
            [(v, d) for _, v, d in votes],
            self.room_people() if people is None else people,
        )

    def allowance_text(self) -> str:
        dots, per = core.vote_rule(self.exercise.definition)
        people = self.room_people()
        if people > 1:
            return f"{dots} × {people} people = {dots * people} for the room"
        return f"each {per} has {dots} on this board"

    def _refresh_counts(self, votes: list[tuple[int, str, int]] | None = None, people: int | None = None) -> None:
        """The counts line, from the votes just read (None: those of the last read; the voter changed)."""
        votes, people = self._votes, self._people = (
            (votes, people) if votes is not None else (self._votes, self._people)
        )
        total = sum(n.card.votes for n in self.cards.values())
        cards = f"{len(self.cards)} card{'s' if len(self.cards) != 1 else ''}"
        of = f" of {core.vote_rule(self.exercise.definition)[0] * people} ({people} people)" if people > 1 else ""
        left = self.dots_left(votes, people)
        self.counts.setText(f"{cards} · {total} dot{'s' if total != 1 else ''} · {left}{of} left  ")

    # -- actions on cards ----------------------------------------------------------------------
    def selected(self) -> list[CardItem]:
        return [i for i in self.scene.selectedItems() if isinstance(i, CardItem)]

    def _area_at(self, x: float, y: float) -> str:
        return core.area_at(self.exercise.kind, self.exercise.definition, x, y)

    def clicked_at(self, scene_pos: QPointF) -> None:
        """A click on the board: the area under it is where the next N puts a card."""
        x, y = to_board(scene_pos)
        if 0 <= x <= 1 and 0 <= y <= 1:
            self.here = self._area_at(x, y)

    def begin_new(self, scene_pos: QPointF | None) -> None:
        """Open an editor where the card will be; the card exists once its text is kept.

        Without a position (N, Ins, Add card) the card goes to the selected card's area, else to
        the area last clicked or added to, else to the first area."""
        if self.editor is not None:
            self.editor.finish(True)
        if scene_pos is None:
            rects = core.area_rects(self.exercise.kind, self.exercise.definition)
            if self.selected():
                area = self.selected()[0].card.area
            else:
                area = self.here if self.here in rects else next(iter(rects), "")
            x, y = core.free_spot(
                rects[area], [(n.card.x, n.card.y) for n in self.cards.values() if n.card.area == area]
            )
        else:
            x, y = core.clamp_card(*to_board(scene_pos))
        self._open_editor(None, "", to_scene(x, y), QColor(DEFAULT_CARD))

    def edit_card(self, card: CardItem) -> None:
        self._open_editor(card, card.card.text, card.scenePos(), QColor(card.card.colour or DEFAULT_CARD))

    def _typing_keys(self) -> tuple[QAction, ...]:
        return (self.delete_action, self.add_action, self.select_all_action)

    def select_all(self) -> None:
        """Select every card on this board (Ctrl+A)."""
        for card in self.cards.values():
            card.setSelected(True)

    def edit_selected(self) -> None:
        if self.selected():
            self.edit_card(self.selected()[0])

    def _open_editor(self, card: CardItem | None, text: str, centre: QPointF, colour: QColor) -> None:
        self.editor = CardEditor(
            lambda ed, keep, new: self._editor_done(card, centre, ed, keep, new),
            text,
            centre,
            colour,
            self.text_px if self.projected else None,
        )
        self.scene.addItem(self.editor)
        for action in self._typing_keys():  # Delete, N, Ctrl+A… belong to the text while typing
            action.setEnabled(False)
        self.view.setFocus()
        self.editor.setFocus()

    def _editor_done(self, card: CardItem | None, centre: QPointF, editor: CardEditor, keep: bool, text: str) -> None:
        self.editor = None
        for action in self._typing_keys():
            action.setEnabled(True)
        editor.setVisible(False)
        self.scene.removeItem(editor)
        editor.deleteLater()
        if not keep or not text:
            return
        if card is None:
            x, y = to_board(centre)
            self.here = self._area_at(x, y)
            self.push(cmd.AddItem(self, BoardItem(text, self.here, x, y)))
        elif text != card.card.text:
            self.push(
                cmd.EditItems(
                    self, "Edit card", {card.card.id: {"text": card.card.text}}, {card.card.id: {"text": text}}
                )
            )

    def type_card(self, text: str, x: float, y: float) -> None:
        """Add a card with its text at once (keyboard-free callers: tests, the bench)."""
        self.push(cmd.AddItem(self, BoardItem(text, self._area_at(x, y), x, y)))

    def cards_dragged(self, moved: dict[int, CardItem]) -> None:
        old, new = {}, {}
        for item_id, card in moved.items():
            x, y = core.clamp_card(*to_board(card.pos()))
            old[item_id] = (card.card.x, card.card.y, card.card.area)
            new[item_id] = (x, y, self._area_at(x, y))
        self.push(cmd.MoveCards(self, old, new))

    def move_card(self, item_id: int, x: float, y: float) -> None:
        card = self.cards[item_id]
        card.setPos(to_scene(x, y))
        self.cards_dragged({item_id: card})

    def delete_selected(self) -> None:
        ids = [n.card.id for n in self.selected()]
        if ids:
            self.push(cmd.DeleteItems(self, ids))

    def _edit_selected(self, text: str, field: str, value) -> None:
        cards = self.selected()
        if cards:
            self.push(
                cmd.EditItems(
                    self,
                    text,
                    {n.card.id: {field: getattr(n.card, field) if field != "data" else n.card.data} for n in cards},
                    {n.card.id: {field: value(n)} for n in cards},
                )
            )

    def colour_selected(self, colour: str) -> None:
        self._edit_selected("Colour cards", "colour", lambda n: colour)

    def tag_selected(self, tag: str) -> None:
        self._edit_selected(
            f"Tag {tag or 'none'}",
            "data",
            lambda n: {**n.card.data, "tag": tag} if tag else {k: v for k, v in n.card.data.items() if k != "tag"},
        )

    def cluster_selected(self, heading: str | None) -> None:
        cards = self.selected()
        if not cards:
            return
        if heading is None:
            heading, ok = QInputDialog.getText(
                self, "Cluster", "Heading for the selected cards:", text=cards[0].card.cluster
            )
            if not ok:
                return
        self._edit_selected(
            f"Cluster under “{heading}”" if heading else "Uncluster", "cluster", lambda n: heading.strip()
        )

    def vote_selected(self, add: bool = True) -> None:
        cards = self.selected()
        if not cards:
            self.status("Select the cards to vote for first.")
            return
        if add and self.dots_left() < len(cards):
            self.status(f"No dots left: {self.allowance_text()}.")
            return
        with macro(self.host.undo_stack, "Vote"):
            for card in cards:
                if add or card.card.votes:
                    self.push(cmd.Vote(self, card.card.id, self.voter(), add))

    def sort_by_votes(self) -> None:
        self.push(cmd.SortByVotes(self))

    def context_menu(self, global_pos, scene_pos: QPointF) -> None:
        menu = QMenu(self)
        if self.selected():
            for a in (
                self.edit_action,
                self.vote_action,
                self.unvote_action,
                self.cluster_action,
                self.uncluster_action,
            ):
                menu.addAction(a)
            menu.addMenu(self.colour_menu)
            if self.exercise.kind == "plane" and self.exercise.definition.get("tags"):
                menu.addMenu(self.tag_menu)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        else:
            menu.addAction("Add a card here", lambda: self.begin_new(scene_pos))
            menu.addAction(self.sort_action)
        menu.exec(global_pos)

    # -- export --------------------------------------------------------------------------------
    def export_size(self) -> QSize:
        return QSize(int(BOARD_W), int(BOARD_H))

    def paint_export(self, painter: QPainter, target: QRectF) -> None:
        selected = self.selected()
        self.scene.clearSelection()
        # cached items would paint their screen pixmaps: an SVG must get real text and shapes
        items = [self.frame, *self.cards.values()]
        for item in items:
            item.setCacheMode(QGraphicsItem.NoCache)
        self.scene.render(painter, target, QRectF(0, 0, BOARD_W, BOARD_H))
        for item in items:
            item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        for card in selected:
            card.setSelected(True)
