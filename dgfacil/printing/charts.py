"""Charts for the outcome report: one stacked bar per likert question (reportlab graphics).

Each bar is 100% of those who answered, split by level (best level left, in the darkest colour);
the level's count is written inside a segment wide enough to hold it, and the "satisfied" share
("97.3% (143 of 147)") at the bar's right. Plain values in, a Drawing out.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from dgfacil.printing import fonts

# best level first: two blues for the "satisfied" pair, a neutral grey, then warm colours
LEVEL_COLOURS = ("#1f4e79", "#5b9bd5", "#c9ced6", "#f4b183", "#c0504d", "#7f6000", "#8064a2")
LIGHT_TEXT = {0, 1, 4, 5, 6}  # segments dark enough for white numbers


@dataclass(frozen=True)
class Bar:
    label: str  # the question's text (user text; drawn as a plain string, never as markup)
    counts: tuple[int, ...]
    note: str  # "97.3% (143 of 147)"


def level_colour(index: int) -> colors.Color:
    return colors.HexColor(LEVEL_COLOURS[index % len(LEVEL_COLOURS)])


def stacked_bars(
    bars: list[Bar],
    levels: tuple[str, ...],
    *,
    width: float,
    bar_height: float = 13,
    label_width: float | None = None,
    note_width: float = 88,
    font_size: float = 7.5,
) -> Drawing:
    """A block of horizontal 100% bars with their labels, notes and a legend of the levels."""
    font = fonts.font_name(fonts.LATIN)
    bold = fonts.font_name(fonts.LATIN, True)
    label_width = label_width or width * 0.34
    bar_x = label_width + 6
    bar_w = max(width - bar_x - note_width, 40)
    line = font_size * 1.2
    rows = [simpleSplit(b.label, font, font_size, label_width) or [""] for b in bars]
    row_h = [max(bar_height, len(r) * line) + 7 for r in rows]
    legend = _legend_lines(levels, font, font_size, width)
    legend_h = len(legend) * (line + 3) + 4
    height = sum(row_h) + legend_h + 2
    d = Drawing(width, height)
    y = height
    for bar, lines, h in zip(bars, rows, row_h, strict=True):
        y -= h
        mid = y + h / 2
        text_top = mid + (len(lines) - 1) * line / 2 - font_size / 3
        for i, text in enumerate(lines):
            d.add(String(0, text_top - i * line, text, fontName=font, fontSize=font_size, fillColor=colors.black))
        total = sum(bar.counts)
        x = bar_x
        d.add(
            Rect(bar_x, mid - bar_height / 2, bar_w, bar_height, fillColor=colors.HexColor("#f3f5f8"), strokeColor=None)
        )
        for index, count in enumerate(bar.counts):
            if not total or not count:
                continue
            w = bar_w * count / total
            d.add(
                Rect(
                    x,
                    mid - bar_height / 2,
                    w,
                    bar_height,
                    fillColor=level_colour(index),
                    strokeColor=colors.white,
                    strokeWidth=0.5,
                )
            )
            if w >= font_size * (0.62 * len(str(count)) + 0.6):
                d.add(
                    String(
                        x + w / 2,
                        mid - font_size / 3,
                        str(count),
                        fontName=font,
                        fontSize=font_size - 0.5,
                        fillColor=colors.white if index in LIGHT_TEXT else colors.black,
                        textAnchor="middle",
                    )
                )
            x += w
        d.add(
            String(
                bar_x + bar_w + 5,
                mid - font_size / 3,
                bar.note,
                fontName=bold,
                fontSize=font_size,
                fillColor=colors.HexColor("#1f3a5f"),
            )
        )
    d.add(Line(bar_x, legend_h, bar_x, height, strokeColor=colors.HexColor("#c9ced6"), strokeWidth=0.5))
    ly = legend_h - line
    for entries in legend:
        for x, index, text in entries:
            d.add(Rect(x, ly - 1, font_size, font_size, fillColor=level_colour(index), strokeColor=None))
            d.add(String(x + font_size + 3, ly, text, fontName=font, fontSize=font_size, fillColor=colors.black))
        ly -= line + 3
    return d


def _legend_lines(levels: tuple[str, ...], font: str, size: float, width: float) -> list[list[tuple[float, int, str]]]:
    """Legend entries (x, level index, text) wrapped onto as many lines as the width needs."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[list[tuple[float, int, str]]] = [[]]
    x = 0.0
    for index, text in enumerate(levels):
        w = size + 3 + stringWidth(text, font, size) + 12
        if x and x + w > width:
            lines.append([])
            x = 0.0
        lines[-1].append((x, index, text))
        x += w
    return lines
