"""A group's filled board as a handout: cards per zone or quadrant, table rows, rubric marks,
prompt answers. What the group wrote is user text: every piece goes through styles.para."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table

from dgfacil.core.exercises import BoardItem, by_votes, rubric_gaps, table_groups
from dgfacil.core.model import Exercise, Workshop
from dgfacil.printing import styles
from dgfacil.printing.layout import build_pdf, check


@dataclass
class GroupOutput:
    """One group's work on one exercise."""

    exercise: Exercise
    group_name: str
    members: list[str] = field(default_factory=list)
    items: list[BoardItem] = field(default_factory=list)  # zones/plane cards, table rows
    answers: dict[str, dict] = field(default_factory=dict)  # rubric marks, prompt answers


def _cards_by_area(areas: list[dict], items: list[BoardItem]) -> list:
    out: list = []
    known = {a.get("key") for a in areas}
    for area in [*areas, {"key": None, "title": "Elsewhere on the board"}]:
        key = area.get("key")
        cards = [it for it in items if (it.area == key if key is not None else it.area not in known)]
        if key is None and not cards:
            continue
        out.append(styles.para(area.get("title", key or ""), "h2"))
        if not cards:
            out.append(styles.static("<i>No cards.</i>", "small"))
        for it in by_votes(cards):
            extra = []
            if it.votes:
                extra.append(f"{it.votes} dot{'s' if it.votes != 1 else ''}")
            if it.data.get("tag"):
                extra.append(str(it.data["tag"]))
            text = f"\u2022 {it.text}" + (f"  ({', '.join(extra)})" if extra else "")
            out.append(styles.para(text, "body"))
    return out


def _table_rows(d: dict, items: list[BoardItem], width: float) -> list:
    columns = [c for c in d.get("columns", []) if isinstance(c, dict)]
    group = d.get("group_by") or {}
    heads = ([group.get("title", "Goal")] if group else []) + [c.get("title", "") for c in columns]
    rows = [[styles.head(h) for h in heads]]
    for goal, its in table_groups(items):
        for it in its:
            cells = it.data.get("cells", {}) if isinstance(it.data, dict) else {}
            row = [styles.para(goal, "td_bold")] if group else []
            row += [styles.para(cells.get(c.get("key"), ""), "td") for c in columns]
            rows.append(row)
    if len(rows) == 1:
        return [styles.static("<i>No rows yet.</i>", "small")]
    table = Table(rows, colWidths=[width / len(heads)] * len(heads), repeatRows=1, splitInRow=1)
    table.setStyle(styles.table_style(rows=len(rows)))
    return [table]


def _rubric(d: dict, answers: dict, width: float) -> list:
    levels = [lv.get("title", "") for lv in d.get("levels", []) if isinstance(lv, dict)]

    def name(i):
        return f"{i + 1}. {levels[i]}" if isinstance(i, int) and 0 <= i < len(levels) else "\u2014"

    rows = [[styles.static(t, "th") for t in ("Dimension", "Now", "Target", "Gap")]]
    for g in rubric_gaps(d, answers):
        rows.append(
            [
                styles.para(g.title, "td_bold"),
                styles.para(name(g.current), "td"),
                styles.para(name(g.target), "td"),
                styles.static("" if g.gap is None else f"{g.gap:+d}", "td_right"),
            ]
        )
    table = Table(rows, colWidths=[width * 0.4, width * 0.25, width * 0.25, width * 0.1], repeatRows=1, splitInRow=1)
    table.setStyle(styles.table_style(rows=len(rows)))
    return [table]


def _prompts(d: dict, answers: dict) -> list:
    out: list = []
    for n, q in enumerate([q for q in d.get("questions", []) if isinstance(q, dict)], start=1):
        out.append(styles.para(f"{n}. {q.get('text', '')}", "h2"))
        value = answers.get(q.get("key"), {})
        text = value.get("text", "") if isinstance(value, dict) else str(value)
        options = q.get("options") or []
        if isinstance(value, dict) and isinstance(value.get("choice"), int) and value["choice"] < len(options):
            text = options[value["choice"]]
        out.append(styles.para(text, "body") if text else styles.static("<i>No answer.</i>", "small"))
    return out


def output_story(workshop: Workshop, work: GroupOutput, width: float) -> list:
    """The flowables for one group's output."""
    d = work.exercise.definition or {}
    story = [
        styles.para(f"{workshop.title} \u00b7 {work.exercise.title}", "label"),
        styles.para(work.group_name, "title"),
    ]
    if work.members:
        story.append(styles.para(", ".join(work.members), "meta"))
    story.append(Spacer(1, 3 * mm))
    kind = work.exercise.kind
    if kind == "zones":
        story += _cards_by_area([z for z in d.get("zones", []) if isinstance(z, dict)], work.items)
    elif kind == "plane":
        story += _cards_by_area([q for q in d.get("quadrants", []) if isinstance(q, dict)], work.items)
    elif kind == "table":
        story += _table_rows(d, work.items, width)
    elif kind == "rubric":
        story += _rubric(d, work.answers, width)
    elif kind == "prompts":
        story += _prompts(d, work.answers)
    return story


def print_group_outputs(
    out: Path, workshop: Workshop, outputs: Sequence[GroupOutput], *, paper: str = "A4", progress=None
) -> Path:
    """Each group's output, a new page per group and exercise. Returns `out`."""
    pagesize = styles.page_size(paper)
    width = pagesize[0] - 2 * styles.MARGIN
    story: list = []
    for n, work in enumerate(outputs, start=1):
        if story:
            story.append(PageBreak())
        story += output_story(workshop, work, width)
        check(progress, n, len(outputs), work.group_name)
    if not story:
        story = [styles.para(workshop.title, "title"), styles.static("No group has worked on an exercise yet.", "body")]
    footer = " \u00b7 ".join(x for x in (workshop.project_code, "Group outputs") if x)
    return build_pdf(out, story, title=f"Group outputs \u2014 {workshop.title}", pagesize=pagesize, footer=footer)
