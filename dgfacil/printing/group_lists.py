"""Breakout group lists: for each set of groups (an exercise or a day), who sits where."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from dgfacil.core.model import Group, Participant, Workshop
from dgfacil.printing import styles
from dgfacil.printing.attendance_sheet import sort_key
from dgfacil.printing.layout import build_pdf


@dataclass
class GroupSet:
    """Groups that work at the same time: a heading ('SWOT analysis', 'Day 2') and its groups."""

    heading: str
    groups: list[tuple[Group, list[Participant]]] = field(default_factory=list)


def _swatch(group: Group, index: int):
    try:
        return (
            colors.HexColor(group.colour)
            if group.colour
            else colors.HexColor(styles.GROUP_COLOURS[index % len(styles.GROUP_COLOURS)])
        )
    except ValueError:
        return styles.ZEBRA


def group_table(group: Group, members: Sequence[Participant], index: int, width: float) -> Table:
    """One group's box: its name on a coloured band, then the members."""
    rows = [[styles.para(group.name, "h2"), "", ""]]
    for p in sorted(members, key=sort_key):
        rows.append(
            [
                styles.para(p.printed_name, "td_bold"),
                styles.para(p.country, "td"),
                styles.para(p.organization, "td_small"),
            ]
        )
    if not members:
        rows.append([styles.static("<i>No members yet.</i>", "td_small"), "", ""])
    table = Table(rows, colWidths=[width * 0.38, width * 0.2, width * 0.42], splitInRow=1)
    table.setStyle(
        styles.TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), _swatch(group, index)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, styles.RULE),
                ("BOX", (0, 0), (-1, -1), 0.6, styles.RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def print_group_lists(
    out: Path, workshop: Workshop, sets: Sequence[GroupSet], *, paper: str = "A4", progress=None
) -> Path:
    """The group lists, a section per group set. Returns `out`."""
    pagesize = styles.page_size(paper)
    width = pagesize[0] - 2 * styles.MARGIN
    story = [styles.static("Breakout groups", "label"), styles.para(workshop.title, "title")]
    for s in sets:
        story.append(styles.para(s.heading, "h1"))
        for i, (group, members) in enumerate(s.groups):
            story.append(KeepTogether([group_table(group, members, i, width), Spacer(1, 4 * mm)]))
    if not any(s.groups for s in sets):
        story.append(styles.static("No breakout groups have been formed yet.", "body"))
    footer = " \u00b7 ".join(x for x in (workshop.project_code, "Breakout groups") if x)
    return build_pdf(out, story, title=f"Groups \u2014 {workshop.title}", pagesize=pagesize, footer=footer)
