"""Blank worksheets, one per exercise, so a group without a laptop can work on paper.

Each kind draws its own shape from the definition alone (sessions/README.md): zones as a grid of boxes,
plane as two axes with quadrant names, table as empty rows under the columns, rubric as the
dimension x level grid with descriptors and boxes for current and target, prompts as questions
with ruled space. A new exercise is new data, never new code here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from dgfacil.core.model import Exercise, Workshop
from dgfacil.printing import styles
from dgfacil.printing.layout import build_pdf, check

BLANK_ROWS = 8


def _colour(value: str, fallback=styles.ZEBRA):
    try:
        return colors.HexColor(value) if value else fallback
    except ValueError:  # a hand-edited template with a bad colour must still print
        return fallback


def _zones(d: dict, width: float, height: float) -> list:
    zones = [z for z in d.get("zones", []) if isinstance(z, dict)]
    if not zones:
        return []
    cols = max(1, int(d.get("columns", 2) or 2))
    rows_n = -(-len(zones) // cols)
    col_labels, row_labels = d.get("column_labels") or [], d.get("row_labels") or []
    label_w = 19 * mm if row_labels else 0
    cells, style_cmds = [], []
    box_h = (height - (8 * mm if col_labels else 0)) / rows_n
    for r in range(rows_n):
        row = []
        for c in range(cols):
            i = r * cols + c
            if i >= len(zones):
                row.append("")
                continue
            z = zones[i]
            row.append([styles.para(z.get("title", ""), "zone_title"), styles.para(z.get("hint", ""), "zone_hint")])
            style_cmds.append(
                (
                    "BACKGROUND",
                    (c + bool(row_labels), r + bool(col_labels)),
                    (c + bool(row_labels), r + bool(col_labels)),
                    _colour(z.get("colour", "")),
                )
            )
        if row_labels:
            row.insert(0, styles.para(row_labels[r] if r < len(row_labels) else "", "label"))
        cells.append(row)
    if col_labels:
        head = [styles.para(t, "label") for t in col_labels[:cols]]
        cells.insert(0, ([""] if row_labels else []) + head + [""] * (cols - len(head)))
    widths = ([label_w] if row_labels else []) + [(width - label_w) / cols] * cols
    heights = ([8 * mm] if col_labels else []) + [box_h] * rows_n
    table = Table(cells, colWidths=widths, rowHeights=heights)
    first = (int(bool(row_labels)), int(bool(col_labels)))
    table.setStyle(
        styles.TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", first, (-1, -1), 0.8, colors.white),
                ("BOX", first, (-1, -1), 0.8, styles.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                *style_cmds,
            ]
        )
    )
    return [table]


class PlaneAxes(Flowable):
    """Two axes with low/high ends and a name in each quadrant's corner."""

    def __init__(self, d: dict, width: float, height: float):
        super().__init__()
        self.d, self.width, self.height = d, width, height

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        c, d = self.canv, self.d
        left, bottom = 14 * mm, 10 * mm
        w, h = self.width - left - 4 * mm, self.height - bottom - 2 * mm
        c.setStrokeColor(styles.RULE)
        c.setLineWidth(0.6)
        c.rect(left, bottom, w, h)
        c.setDash(4, 3)
        c.line(left + w / 2, bottom, left + w / 2, bottom + h)
        c.line(left, bottom + h / 2, left + w, bottom + h / 2)
        c.setDash()
        corners = {"top-left": (0, 1), "top-right": (1, 1), "bottom-left": (0, 0), "bottom-right": (1, 0)}
        for q in d.get("quadrants", []):
            cx, cy = corners.get(q.get("corner", ""), (None, None)) if isinstance(q, dict) else (None, None)
            if cx is None:
                continue
            p = styles.para(q.get("title", ""), "zone_title")
            pw, ph = p.wrap(w / 2 - 8 * mm, 20 * mm)
            p.drawOn(c, left + cx * w / 2 + 4 * mm, bottom + cy * h / 2 + h / 2 - ph - 3 * mm)
            hint = styles.para(q.get("hint", ""), "zone_hint")
            _hw, hh = hint.wrap(w / 2 - 8 * mm, 20 * mm)
            hint.drawOn(c, left + cx * w / 2 + 4 * mm, bottom + cy * h / 2 + h / 2 - ph - hh - 4 * mm)
        x_axis, y_axis = d.get("x_axis", {}) or {}, d.get("y_axis", {}) or {}
        for text, x, y, angle in (
            (f"{x_axis.get('title', '')}", left + w / 2, 3 * mm, 0),
            (x_axis.get("low", ""), left + w * 0.12, 3 * mm, 0),
            (x_axis.get("high", ""), left + w * 0.88, 3 * mm, 0),
            (f"{y_axis.get('title', '')}", 6 * mm, bottom + h / 2, 90),
            (y_axis.get("low", ""), 6 * mm, bottom + h * 0.15, 90),
            (y_axis.get("high", ""), 6 * mm, bottom + h * 0.85, 90),
        ):
            p = styles.para(text, "label")
            pw, ph = p.wrap(60 * mm, 10 * mm)
            c.saveState()
            c.translate(x, y)
            c.rotate(angle)
            p.drawOn(c, -min(pw, p.minWidth()) / 2, -ph / 2)
            c.restoreState()


def _plane(d: dict, width: float, height: float) -> list:
    tags = d.get("tags") or {}
    out: list = []
    values = tags.get("values") or [] if isinstance(tags, dict) else []
    tag_h = 12 * mm if values else 0
    out.append(PlaneAxes(d, width, height - tag_h))
    if values:
        out.append(styles.para(f"{tags.get('title', 'Tag')}: " + " \u00b7 ".join(values), "small"))
    return out


def _table(d: dict, width: float, height: float) -> list:
    columns = [c for c in d.get("columns", []) if isinstance(c, dict)]
    group = d.get("group_by") or {}
    heads = ([group.get("title", "")] if group else []) + [c.get("title", "") for c in columns]
    if not heads:
        return []
    hints = ([""] if group else []) + [c.get("hint", "") for c in columns]
    rows = [[styles.head(h) for h in heads], [styles.para(h, "td_small") for h in hints]]
    rows += [[""] * len(heads) for _ in range(BLANK_ROWS)]
    table = Table(
        rows,
        colWidths=[width / len(heads)] * len(heads),
        rowHeights=[None, None] + [min(14 * mm, (height - 30 * mm) / BLANK_ROWS)] * BLANK_ROWS,
        repeatRows=1,
        splitInRow=1,
    )
    style = styles.table_style(zebra=False)
    style.add("GRID", (0, 1), (-1, -1), 0.4, styles.RULE)
    style.add("VALIGN", (0, 1), (-1, 1), "TOP")
    table.setStyle(style)
    return [table]


def _rubric(d: dict, width: float, height: float) -> list:
    levels = [lv for lv in d.get("levels", []) if isinstance(lv, dict)]
    dims = [x for x in d.get("dimensions", []) if isinstance(x, dict)]
    if not levels or not dims:
        return []
    head = [styles.static("Pillar", "th")]
    head += [styles.head(f"{i}. {lv.get('title', '')}") for i, lv in enumerate(levels, 1)]
    head += [styles.static("Now", "th"), styles.static("Target", "th")]
    rows = [head]
    for dim in dims:
        descriptors = list(dim.get("descriptors") or [])
        row = [styles.para(dim.get("title", ""), "td_bold")]
        row += [styles.para(descriptors[i] if i < len(descriptors) else "", "td_small") for i in range(len(levels))]
        row += ["", ""]
        rows.append(row)
    first_w, box_w = 30 * mm, 16 * mm
    level_w = (width - first_w - 2 * box_w) / len(levels)
    table = Table(rows, colWidths=[first_w] + [level_w] * len(levels) + [box_w, box_w], repeatRows=1, splitInRow=1)
    style = styles.table_style(rows=len(rows))
    style.add("VALIGN", (0, 1), (-1, -1), "TOP")
    style.add("GRID", (-2, 1), (-1, -1), 0.6, styles.NAVY)
    table.setStyle(style)
    return [
        table,
        Spacer(1, 2 * mm),
        styles.static("Write the stage number (1\u20134) for where you are now and where you aim to be.", "small"),
    ]


def _prompts(d: dict, width: float, height: float) -> list:
    out: list = []
    for n, q in enumerate([q for q in d.get("questions", []) if isinstance(q, dict)], start=1):
        out.append(styles.para(f"{n}. {q.get('text', '')}", "h2"))
        options = q.get("options") or []
        if q.get("kind") == "choice" and options:
            for opt in options:
                out.append(styles.para(f"\u2610  {opt}", "body"))
        else:
            lines = Table([[""]] * 5, colWidths=[width], rowHeights=[8 * mm] * 5)
            lines.setStyle(styles.TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.RULE)]))
            out.append(lines)
    return out


_KINDS = {"zones": _zones, "plane": _plane, "table": _table, "rubric": _rubric, "prompts": _prompts}


def exercise_story(workshop: Workshop, exercise: Exercise, width: float, height: float) -> list:
    """The flowables of one exercise's blank sheet."""
    d = exercise.definition or {}
    story = [styles.para(workshop.title, "label"), styles.para(exercise.title, "h1")]
    if d.get("instructions"):
        story.append(styles.para(d["instructions"], "small"))
    story.append(Spacer(1, 2 * mm))
    story.append(
        styles.static(
            "Group: ______________________ &nbsp;&nbsp; Members: ________________________________________________",
            "meta",
        )
    )
    story.append(Spacer(1, 3 * mm))
    body = _KINDS.get(exercise.kind)
    used = 30 * mm + (12 * mm if d.get("instructions") else 0)
    story += (
        body(d, width, height - used)
        if body
        else [styles.para(f"(No paper layout for exercise kind {exercise.kind!r}.)", "small")]
    )
    return story


def print_worksheets(
    out: Path, workshop: Workshop, exercises: Sequence[Exercise] | None = None, *, paper: str = "A4", progress=None
) -> Path:
    """One landscape sheet per exercise (all of the workshop's by default). Returns `out`."""
    chosen = list(workshop.exercises if exercises is None else exercises)
    pagesize = styles.page_size(paper, wide=True)
    width = pagesize[0] - 2 * styles.MARGIN
    height = pagesize[1] - 2 * styles.MARGIN - 8 * mm
    story: list = []
    for n, ex in enumerate(chosen, start=1):
        if story:
            story.append(PageBreak())
        story += exercise_story(workshop, ex, width, height)
        check(progress, n, len(chosen), ex.title)
    if not story:
        story = [styles.para(workshop.title, "title"), styles.static("This workshop has no exercises.", "body")]
    footer = " \u00b7 ".join(x for x in (workshop.project_code, "Worksheet") if x)
    return build_pdf(out, story, title=f"Worksheets \u2014 {workshop.title}", pagesize=pagesize, footer=footer)
