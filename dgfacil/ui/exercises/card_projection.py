"""A card board as the projector shows it: readable from the back of the room.

The board is fitted to the screen; its card text is at least 1/40 of the screen's height (27 px
at 1080p), larger when every card still fits; each area's cards fill the area in a grid
(core.projection), and titles, labels, tags, dots and cluster headings grow with the text. The
cards' stored places are untouched: the room's board shows them where the group put them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from dgfacil.core import exercises as core
from dgfacil.core import projection
from dgfacil.ui.exercises.graphics import BOARD_H, BOARD_W, CARD_H, CARD_W, CardItem

READABLE = 1 / 40  # of the screen's height: the smallest card text on a projector
GROWTH = 1.6  # text may grow up to this much over the floor while every card still fits
LARGEST_CARD = 2.6  # a card alone in its area is at most this many times its room size


def floor_px(screen_height: float, fit_scale: float) -> float:
    """The smallest card text, in scene units, that shows at READABLE of the screen's height."""
    return screen_height * READABLE / max(fit_scale, 1e-6)


def fits(card: CardItem) -> bool:
    text = card.text_rect()
    needed = QFontMetricsF(card.text_font()).boundingRect(
        QRectF(0, 0, text.width(), 1e6), Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignTop, card.card.text
    )
    return needed.height() <= text.height() + 0.5


def arrange(board, screen_height: float, fit_scale: float) -> float:
    """Lay the board's cards out for the projector; returns the card text size (scene units)."""
    floor = floor_px(screen_height, fit_scale)
    frame = board.frame
    frame.text_px = floor
    kind, definition = board.exercise.kind, board.exercise.definition
    rects = core.area_rects(kind, definition)
    by_area: dict[str, list[CardItem]] = {key: [] for key in rects}
    for card in board.cards.values():
        area = card.card.area if card.card.area in rects else core.area_at(kind, definition, card.card.x, card.card.y)
        by_area.setdefault(area, []).append(card)
    places: list[tuple[CardItem, tuple[float, float, float, float]]] = []
    for key, cards in by_area.items():
        if not cards or key not in rects:
            continue
        r = rects[key]
        band = frame.title_band()
        clustered = any(n.card.cluster for n in cards)
        gap = floor * 1.6 if clustered else 14.0  # room for a cluster's heading above its cards
        area = (r.x * BOARD_W + 6, r.y * BOARD_H + band, r.w * BOARD_W - 12, r.h * BOARD_H - band - 4)
        order = projection.reading_order(n.card for n in cards)
        items = {id(n.card): n for n in cards}
        cells = projection.grid(
            area, len(order), gap=gap, aspect=CARD_W / CARD_H, largest=(CARD_W * LARGEST_CARD, CARD_H * LARGEST_CARD)
        )
        places += [(items[id(item)], cell) for item, cell in zip(order, cells, strict=True)]
    size = floor
    for candidate in (floor * GROWTH ** (step / 6) for step in range(6, -1, -1)):
        for card, (x, y, w, h) in places:
            card.project(QPointF(x + w / 2, y + h / 2), w, h, candidate)
        size = candidate
        if all(fits(card) for card, _ in places):
            break
    frame.update()  # titles and labels keep the floor's size: the band above the cards was made for it
    return size
