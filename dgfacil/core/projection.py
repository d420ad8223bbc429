"""Where the cards of a board go on the projector: each area's cards in a grid that fills it.

On the room's screen a card keeps the place the group gave it; from the back of a room that
board is unreadable (card text about 7 px at 1366x768). The projector therefore lays each area's
cards out as large as the area allows, in reading order, so that the text can be large. Plain
Python: sizes are in whatever unit the caller uses (the UI passes scene units).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from dgfacil.core.exercises import BoardItem


def reading_order(cards: Iterable[BoardItem]) -> list[BoardItem]:
    """Top to bottom, left to right, as the group placed them; a cluster's cards together, where
    the first of them comes."""
    placed = sorted(cards, key=lambda n: (round(n.y, 2), n.x, n.id or 0))
    first: dict[str, int] = {}
    for i, n in enumerate(placed):
        first.setdefault(n.cluster, i)
    ranked = sorted(enumerate(placed), key=lambda p: (first[p[1].cluster] if p[1].cluster else p[0], p[0]))
    return [n for _, n in ranked]


def grid(
    area: tuple[float, float, float, float], count: int, *, gap: float, aspect: float, largest: tuple[float, float]
) -> list[tuple[float, float, float, float]]:
    """`count` cells (x, y, w, h) in `area`, row by row, as large as they can be.

    The column count is the one giving the largest card of the wanted `aspect` (width / height);
    a cell never exceeds `largest` (w, h), so one card alone is big, not a wall."""
    x0, y0, width, height = area
    if count <= 0:
        return []
    best = None
    for columns in range(1, count + 1):
        rows = math.ceil(count / columns)
        cell_w = (width - gap * (columns + 1)) / columns
        cell_h = (height - gap * (rows + 1)) / rows
        if cell_w <= 0 or cell_h <= 0:
            continue
        w, h = min(cell_w, largest[0]), min(cell_h, largest[1])
        score = min(w, h * aspect)
        if best is None or score > best[0] + 1e-9:
            best = (score, columns, w, h)
    if best is None:  # more cards than room: stack them at the area's corner, smallest size
        return [(x0, y0, max(width, 1.0), max(height, 1.0))] * count
    _, columns, w, h = best
    return [(x0 + gap + (i % columns) * (w + gap), y0 + gap + (i // columns) * (h + gap), w, h) for i in range(count)]
