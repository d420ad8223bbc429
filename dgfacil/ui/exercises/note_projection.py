"""A sticky-note board as the projector shows it: readable from the back of the room.

The board is fitted to the screen; its note text is at least 1/40 of the screen's height (27 px
at 1080p), larger when every note still fits; each area's notes fill the area in a grid
(core.projection), and titles, labels, tags, dots and cluster headings grow with the text. The
notes' stored places are untouched: the room's board shows them where the group put them.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from dgfacil.core import exercises as core
from dgfacil.core import projection
from dgfacil.ui.exercises.graphics import BOARD_H, BOARD_W, NOTE_H, NOTE_W, NoteItem

READABLE = 1 / 40  # of the screen's height: the smallest note text on a projector
GROWTH = 1.6  # text may grow up to this much over the floor while every note still fits
LARGEST_NOTE = 2.6  # a note alone in its area is at most this many times its room size


def floor_px(screen_height: float, fit_scale: float) -> float:
    """The smallest note text, in scene units, that shows at READABLE of the screen's height."""
    return screen_height * READABLE / max(fit_scale, 1e-6)


def fits(note: NoteItem) -> bool:
    text = note.text_rect()
    needed = QFontMetricsF(note.text_font()).boundingRect(
        QRectF(0, 0, text.width(), 1e6), Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignTop, note.note.text)
    return needed.height() <= text.height() + 0.5


def arrange(board, screen_height: float, fit_scale: float) -> float:
    """Lay the board's notes out for the projector; returns the note text size (scene units)."""
    floor = floor_px(screen_height, fit_scale)
    frame = board.frame
    frame.text_px = floor
    kind, definition = board.exercise.kind, board.exercise.definition
    rects = core.area_rects(kind, definition)
    by_area: dict[str, list[NoteItem]] = {key: [] for key in rects}
    for note in board.notes.values():
        area = note.note.area if note.note.area in rects else core.area_at(kind, definition, note.note.x, note.note.y)
        by_area.setdefault(area, []).append(note)
    places: list[tuple[NoteItem, tuple[float, float, float, float]]] = []
    for key, notes in by_area.items():
        if not notes or key not in rects:
            continue
        r = rects[key]
        band = frame.title_band()
        clustered = any(n.note.cluster for n in notes)
        gap = floor * 1.6 if clustered else 14.0  # room for a cluster's heading above its notes
        area = (r.x * BOARD_W + 6, r.y * BOARD_H + band, r.w * BOARD_W - 12, r.h * BOARD_H - band - 4)
        order = projection.reading_order(n.note for n in notes)
        items = {id(n.note): n for n in notes}
        cells = projection.grid(area, len(order), gap=gap, aspect=NOTE_W / NOTE_H,
                                largest=(NOTE_W * LARGEST_NOTE, NOTE_H * LARGEST_NOTE))
        places += [(items[id(item)], cell) for item, cell in zip(order, cells)]
    size = floor
    for candidate in (floor * GROWTH ** (step / 6) for step in range(6, -1, -1)):
        for note, (x, y, w, h) in places:
            note.project(QPointF(x + w / 2, y + h / 2), w, h, candidate)
        size = candidate
        if all(fits(note) for note, _ in places):
            break
    frame.update()  # titles and labels keep the floor's size: the band above the notes was made for it
    return size
