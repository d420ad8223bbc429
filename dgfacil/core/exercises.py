"""Exercise definitions and what is derived from a board: no Qt, no SQL.

An exercise is a kind plus a definition (a dict, see sessions/README.md). Everything a board
shows is computed from that data: the zone rectangles, the quadrant a card sits in, the vote
order, the clusters, the rubric gap per dimension. A new exercise is new data, never new code.
Board coordinates are 0..1 on both axes, origin top-left (so "high" on a plane's y axis is up).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

KINDS = ("zones", "plane", "table", "rubric", "prompts")
CARD_KINDS = ("zones", "plane")  # kinds whose board holds cards
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
CARD_W, CARD_H = 0.095, 0.092  # a card's size in board units (16:10 board)
DEFAULT_DOTS = 3


class DefinitionError(ValueError):
    """A definition that cannot be used; `problems` is [(field path, reason)]."""

    def __init__(self, title: str, problems: list[tuple[str, str]]) -> None:
        self.title = title
        self.problems = problems
        super().__init__("\n".join(f"{title}: {where}: {why}" for where, why in problems))


@dataclass
class BoardItem:
    """A card (zones, plane) or a table row: one board_item row as a plain value."""

    text: str
    area: str = ""
    x: float = 0.5
    y: float = 0.5
    colour: str = ""
    cluster: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    group_id: int | None = None
    exercise_id: int | None = None
    position: int = 0
    id: int | None = None
    votes: int = 0  # total dots, filled in by the store


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h


# --- validation ---------------------------------------------------------------------------------


def _keyed(
    problems: list[tuple[str, str]],
    definition: dict[str, Any],
    name: str,
    *,
    required: tuple[str, ...] = ("key", "title"),
) -> list[dict[str, Any]]:
    entries = definition.get(name)
    if not isinstance(entries, list) or not entries:
        problems.append((name, "needs at least one entry"))
        return []
    seen = set()
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append((f"{name}.{i}", "must be a table"))
            continue
        for req in required:
            if not str(entry.get(req, "")).strip():
                problems.append((f"{name}.{i}.{req}", "is missing"))
        key = entry.get("key")
        if key is not None and not isinstance(key, str):  # a template typed `key = []` or `key = 3`
            problems.append((f"{name}.{i}.key", "must be text"))
            continue
        if key in seen:
            problems.append((f"{name}.{i}.key", f"{key!r} is used twice"))
        seen.add(key)
    return [e for e in entries if isinstance(e, dict)]


def _axis(problems: list[tuple[str, str]], definition: dict[str, Any], name: str) -> None:
    axis = definition.get(name)
    if not isinstance(axis, dict) or not str(axis.get("title", "")).strip():
        problems.append((f"{name}.title", "is missing"))


def problems_in(kind: str, definition: dict[str, Any]) -> list[tuple[str, str]]:
    """Every problem of a definition for `kind`, as (field path, reason); empty when usable."""
    problems: list[tuple[str, str]] = []
    if kind not in KINDS:
        return [("kind", f"{kind!r} is not one of {', '.join(KINDS)}")]
    if not isinstance(definition, dict):
        return [("definition", "must be a table")]
    if kind == "zones":
        zones = _keyed(problems, definition, "zones")
        columns = definition.get("columns", 2)
        if not isinstance(columns, int) or columns < 1:
            problems.append(("columns", "must be a whole number of at least 1"))
        elif zones:
            rows = math.ceil(len(zones) / columns)
            for name, want in (("row_labels", rows), ("column_labels", columns)):
                labels = definition.get(name)
                if labels is not None and len(labels) != want:
                    problems.append((name, f"needs {want} labels, has {len(labels)}"))
    elif kind == "plane":
        _axis(problems, definition, "x_axis")
        _axis(problems, definition, "y_axis")
        quadrants = _keyed(problems, definition, "quadrants")
        corners = [q.get("corner") for q in quadrants]
        for i, corner in enumerate(corners):
            if corner not in CORNERS:
                problems.append((f"quadrants.{i}.corner", f"must be one of {', '.join(CORNERS)}"))
        if len(set(corners)) != len(corners):
            problems.append(("quadrants", "two quadrants share a corner"))
        tags = definition.get("tags")
        if tags is not None:
            values = tags.get("values") if isinstance(tags, dict) else None
            if not values:
                problems.append(("tags.values", "needs at least one value"))
            descriptions = tags.get("descriptions") if isinstance(tags, dict) else None
            if descriptions is not None and values and len(descriptions) != len(values):
                problems.append(("tags.descriptions", "must have one description per value"))
    elif kind == "table":
        _keyed(problems, definition, "columns")
        group_by = definition.get("group_by")
        if group_by is not None and (not isinstance(group_by, dict) or not group_by.get("key")):
            problems.append(("group_by.key", "is missing"))
    elif kind == "rubric":
        levels = _keyed(problems, definition, "levels")
        for i, dim in enumerate(_keyed(problems, definition, "dimensions")):
            descriptors = dim.get("descriptors", [])
            if levels and len(descriptors) != len(levels):
                problems.append(
                    (f"dimensions.{i}.descriptors", f"needs {len(levels)} descriptors, has {len(descriptors)}")
                )
    elif kind == "prompts":
        for i, q in enumerate(_keyed(problems, definition, "questions", required=("key", "text"))):
            qkind = q.get("kind", "text")
            if qkind not in ("text", "choice"):
                problems.append((f"questions.{i}.kind", "must be 'text' or 'choice'"))
            elif qkind == "choice":
                options = q.get("options") or []
                if len(options) < 2:
                    problems.append((f"questions.{i}.options", "a choice needs at least two options"))
                answer = q.get("answer")
                if answer is not None and not (isinstance(answer, int) and 0 <= answer < len(options)):
                    problems.append((f"questions.{i}.answer", "must be the index of one of the options"))
    votes = definition.get("votes")
    if votes is not None:
        if (
            not isinstance(votes, dict)
            or not isinstance(votes.get("dots", DEFAULT_DOTS), int)
            or votes.get("dots", 1) < 1
        ):
            problems.append(("votes.dots", "must be a whole number of at least 1"))
        elif votes.get("per", "group") not in ("group", "participant"):
            problems.append(("votes.per", "must be 'group' or 'participant'"))
    return problems


def check_definition(kind: str, definition: dict[str, Any], title: str = "exercise") -> None:
    """Raise DefinitionError listing every problem, or return when the definition is usable."""
    problems = problems_in(kind, definition)
    if problems:
        raise DefinitionError(title, problems)


# --- layout of card boards --------------------------------------------------------------------

LABEL_BAND = 0.045  # room kept for SWOT's row/column labels


def zone_rects(definition: dict[str, Any]) -> dict[str, Rect]:
    """Where each zone sits on the board, in order, laid out on the definition's grid."""
    zones = definition.get("zones", [])
    columns = max(1, int(definition.get("columns", 2)))
    rows = max(1, math.ceil(len(zones) / columns))
    left = LABEL_BAND if definition.get("row_labels") else 0.0
    top = LABEL_BAND if definition.get("column_labels") else 0.0
    w, h = (1 - left) / columns, (1 - top) / rows
    rects = {}
    for i, zone in enumerate(zones):
        row, col = divmod(i, columns)
        # a short last row is stretched so the board has no hole
        in_row = min(columns, len(zones) - row * columns)
        width = (1 - left) / in_row if row == rows - 1 else w
        rects[zone["key"]] = Rect(left + col * width, top + row * h, width, h)
    return rects


AXIS_BAND = 0.035  # a plane keeps its left and bottom edges for the axes and their labels
_HALF_W, _HALF_H = (1 - AXIS_BAND) / 2, (1 - AXIS_BAND * 1.6) / 2
_CORNER_RECTS = {
    "top-left": Rect(AXIS_BAND, 0, _HALF_W, _HALF_H),
    "top-right": Rect(AXIS_BAND + _HALF_W, 0, _HALF_W, _HALF_H),
    "bottom-left": Rect(AXIS_BAND, _HALF_H, _HALF_W, _HALF_H),
    "bottom-right": Rect(AXIS_BAND + _HALF_W, _HALF_H, _HALF_W, _HALF_H),
}


def area_rects(kind: str, definition: dict[str, Any]) -> dict[str, Rect]:
    """The named areas of a card board: zones, or the quadrants of a plane."""
    if kind == "plane":
        return {q["key"]: _CORNER_RECTS[q["corner"]] for q in definition.get("quadrants", [])}
    return zone_rects(definition)


def area_at(kind: str, definition: dict[str, Any], x: float, y: float) -> str:
    """The area holding the point (x, y), or the nearest one; "" when the board has none."""
    rects = area_rects(kind, definition)
    for key, rect in rects.items():
        if rect.contains(x, y):
            return key
    best = min(
        rects.items(),
        key=lambda kv: (kv[1].x + kv[1].w / 2 - x) ** 2 + (kv[1].y + kv[1].h / 2 - y) ** 2,
        default=("", None),
    )
    return best[0]


def clamp_card(x: float, y: float) -> tuple[float, float]:
    """Keep a card's centre on the board."""
    return (min(max(x, CARD_W / 2), 1 - CARD_W / 2), min(max(y, CARD_H / 2), 1 - CARD_H / 2))


def free_spot(rect: Rect, taken: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """The first grid cell in `rect` with no card centre near it (for a new card)."""
    taken = list(taken)
    cells = list(grid_cells(rect, 200))
    for cx, cy in cells:
        if all(abs(cx - x) > CARD_W * 0.6 or abs(cy - y) > CARD_H * 0.6 for x, y in taken):
            return cx, cy
    return cells[len(taken) % len(cells)]


def grid_cells(rect: Rect, count: int) -> Iterable[tuple[float, float]]:
    """Card centres filling `rect` row by row, below its title band; overflow wraps onto itself."""
    gap = 0.008
    top = rect.y + 0.075  # the area's title, hint and room for a cluster heading
    cols = max(1, int((rect.w - gap) // (CARD_W + gap)))
    rows = max(1, int((rect.h - (top - rect.y) - gap) // (CARD_H + gap)))
    for i in range(count):
        layer, rest = divmod(i, cols * rows)
        row, col = divmod(rest, cols)
        shift = layer * 0.012  # later layers are offset so stacked cards stay visible
        yield (
            rect.x + gap + CARD_W / 2 + col * (CARD_W + gap) + shift,
            top + gap + CARD_H / 2 + row * (CARD_H + gap) + shift,
        )


# --- votes, sorting, clusters -----------------------------------------------------------------


def vote_rule(definition: dict[str, Any]) -> tuple[int, str]:
    """(dots each voter has, "group" or "participant") for this exercise."""
    votes = definition.get("votes") or {}
    return int(votes.get("dots", DEFAULT_DOTS)), str(votes.get("per", "group"))


def dots_left(definition: dict[str, Any], voter: str, votes: Iterable[tuple[str, int]], people: int = 1) -> int:
    """Dots `voter` may still place, given (voter, dots) of every vote on the board. A voter that
    stands for `people` (the whole room, tallied by the facilitator) has the dots of each of them."""
    dots, _ = vote_rule(definition)
    return dots * max(people, 1) - sum(n for who, n in votes if who == voter)


def by_votes(items: Iterable[BoardItem]) -> list[BoardItem]:
    """Most dots first; ties keep their board order."""
    return sorted(items, key=lambda it: (-it.votes, it.position, it.id or 0))


def sorted_layout(kind: str, definition: dict[str, Any], items: list[BoardItem]) -> dict[int, tuple[float, float]]:
    """New card centres: in each area, cards laid out row by row, most voted first."""
    rects = area_rects(kind, definition)
    placed: dict[int, tuple[float, float]] = {}
    for key, rect in rects.items():
        mine = by_votes(it for it in items if it.area == key)
        for item, spot in zip(mine, grid_cells(rect, len(mine)), strict=True):
            if item.id is not None:  # only saved cards are placed
                placed[item.id] = spot
    return placed


@dataclass(frozen=True)
class Cluster:
    heading: str
    area: str
    item_ids: tuple[int, ...]
    votes: int


def clusters(items: Iterable[BoardItem]) -> list[Cluster]:
    """Cards grouped under a heading, per area, most voted cluster first."""
    found: dict[tuple[str, str], list[BoardItem]] = {}
    for it in items:
        if it.cluster:
            found.setdefault((it.area, it.cluster), []).append(it)
    out = [
        Cluster(h, a, tuple(i.id for i in its if i.id is not None), sum(i.votes for i in its))
        for (a, h), its in found.items()
    ]
    return sorted(out, key=lambda c: (-c.votes, c.area, c.heading))


# --- table rows grouped by goal ------------------------------------------------------------


def table_groups(items: Iterable[BoardItem]) -> list[tuple[str, list[BoardItem]]]:
    """Rows under their goal (the item's area), goals in order of first appearance."""
    groups: dict[str, list[BoardItem]] = {}
    for it in sorted(items, key=lambda it: (it.position, it.id or 0)):
        groups.setdefault(it.area, []).append(it)
    return list(groups.items())


# --- rubric -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    key: str
    title: str
    current: int | None  # level index, 0-based
    target: int | None

    @property
    def gap(self) -> int | None:
        if self.current is None or self.target is None:
            return None
        return self.target - self.current


def rubric_gaps(definition: dict[str, Any], answers: dict[str, dict[str, Any]]) -> list[Gap]:
    """Current, target and gap per dimension, from answers {dimension key: {"current", "target"}}."""
    out = []
    for dim in definition.get("dimensions", []):
        value = answers.get(dim["key"], {})
        out.append(Gap(dim["key"], dim.get("title", dim["key"]), value.get("current"), value.get("target")))
    return out


def average_levels(gaps_per_group: Iterable[list[Gap]]) -> dict[str, tuple[float | None, float | None]]:
    """Mean current and target per dimension across groups (for the plenary view)."""
    sums: dict[str, list[list[int]]] = {}
    for gaps in gaps_per_group:
        for g in gaps:
            cur, tgt = sums.setdefault(g.key, [[], []])
            if g.current is not None:
                cur.append(g.current)
            if g.target is not None:
                tgt.append(g.target)
    return {k: (sum(c) / len(c) if c else None, sum(t) / len(t) if t else None) for k, (c, t) in sums.items()}


def tag_counts(items: Iterable[BoardItem]) -> Counter[str]:
    """How many cards carry each tag (plane boards: the IAP2 level per stakeholder)."""
    return Counter(it.data.get("tag", "") for it in items if it.data.get("tag"))
