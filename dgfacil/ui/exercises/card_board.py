"""Card boards (zones and plane): add, edit in place, move, colour, tag, cluster, dot-vote.

Every action is an undo command that commits at once; the board then redraws only the cards the
change names (Changes.ids), so a board of 500 cards stays quick. Phone input (PhoneChanges) is
read off the GUI thread and redrawn at most every 100 ms (ui/link/refresh.py), so a room of phones
never stalls the window. Cards hidden by moderation are faded here and left off the projector.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QHBoxLayout,
    QInputDialog,
    QVBoxLayout,
)

from dgfacil.core import exercises as core
from dgfacil.core.exercises import BoardItem
from dgfacil.operations.changes import Changes
from dgfacil.ui.exercises import commands as cmd
from dgfacil.ui.exercises.base import BoardBase
from dgfacil.ui.exercises.card_actions import CardActions
from dgfacil.ui.exercises.card_reads import BoardRead, PhoneRedraw, board_read, fade
from dgfacil.ui.exercises.card_view import BoardView, CardEditor
from dgfacil.ui.exercises.card_votes import VoteTally
from dgfacil.ui.exercises.graphics import (
    BOARD_H,
    BOARD_W,
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
        self.phone_input = PhoneRedraw(self.tasks, (exercise.id, group_id), self._show, self)
        self.view = BoardView(self, self.scene, margin=0 if projected else 10)
        self.tally = VoteTally(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.card_actions = CardActions(self)
        if toolbar:
            bar = QHBoxLayout()
            bar.addWidget(self.card_actions.toolbar, 1)
            bar.addWidget(self.tally.voter_box)
            bar.addWidget(self.tally.counts)
            layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.load()

    # -- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        self.phone_input.edits += 1
        self.frame.kind, self.frame.definition = self.exercise.kind, self.exercise.definition
        self.frame.update()
        self._show(self.read(board_read(self.exercise.id, self.group_id, None)))
        self.tally.refresh_voters()

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
        self.tally.refresh_counts(found.votes, found.people)

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
        for action in self.card_actions.typing_keys():  # Delete, N, Ctrl+A… belong to the text while typing
            action.setEnabled(False)
        self.view.setFocus()
        self.editor.setFocus()

    def _editor_done(self, card: CardItem | None, centre: QPointF, editor: CardEditor, keep: bool, text: str) -> None:
        self.editor = None
        for action in self.card_actions.typing_keys():
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
        if add and self.tally.dots_left() < len(cards):
            self.status(f"No dots left: {self.tally.allowance_text()}.")
            return
        with macro(self.host.undo_stack, "Vote"):
            for card in cards:
                if add or card.card.votes:
                    self.push(cmd.Vote(self, card.card.id, self.tally.voter(), add))

    def sort_by_votes(self) -> None:
        self.push(cmd.SortByVotes(self))

    def context_menu(self, global_pos, scene_pos: QPointF) -> None:
        self.card_actions.show_menu(global_pos, scene_pos)

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
