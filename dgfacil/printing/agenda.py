"""The agenda handout: each day's items with times in the venue zone and the extra zones,
leads and speakers. Times come from core.agenda (DST-aware), never computed here."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Spacer, Table

from dgfacil.core.agenda import hhmm, plan_day, workshop_zones, zone_label
from dgfacil.core.model import ItemKind, Workshop
from dgfacil.printing import styles
from dgfacil.printing.layout import build_pdf, date_range


def _who(item) -> str:
    parts = []
    if item.lead:
        parts.append(f"Lead: {item.lead}")
    if item.speakers:
        parts.append("Speakers: " + ", ".join(item.speakers))
    return " \u00b7 ".join(parts)


def print_agenda(
    out: Path, workshop: Workshop, *, extra_zones: list[str] | None = None, paper: str = "A4", progress=None
) -> Path:
    """The agenda handout for the whole workshop. Returns `out`."""
    zones = workshop_zones(workshop, extra_zones)
    pagesize = styles.page_size(paper)
    usable = pagesize[0] - 2 * styles.MARGIN
    story = [styles.static("Agenda", "label"), styles.para(workshop.title, "title")]
    meta = [
        date_range(workshop.start_date, workshop.end_date),
        workshop.modality.value.replace("-", " ").capitalize(),
        workshop.venue,
    ]
    story.append(styles.para(" \u00b7 ".join(m for m in meta if m), "meta"))
    if workshop.organizers:
        story.append(styles.para("Organized by " + ", ".join(workshop.organizers), "meta"))
    time_w = 20.5 * mm
    for d, day in enumerate(workshop.days, start=1):
        if progress is not None:
            progress.report(d - 1, len(workshop.days), f"Day {d}")
        heading = f"Day {d} \u2014 {day.date:%A} {day.date.day} {day.date:%B %Y}"
        if day.title and day.title.strip().casefold() != f"day {d}":
            heading += f": {day.title}"
        head_row = [styles.static(zone_label(z, day.date).replace(" (", "<br/>("), "th") for z in zones]
        head_row.append(styles.static("Session", "th"))
        rows = [head_row]
        breaks = []
        for slot in plan_day(day, workshop.timezone):
            item = slot.item
            times = [
                styles.static(f"{hhmm(slot.start, z)}\u2013{hhmm(slot.end, z)}", "td_bold" if i == 0 else "td_small")
                for i, z in enumerate(zones)
            ]
            cell = [styles.para(item.title, "td_bold")]
            who = _who(item)
            if who:
                cell.append(styles.para(who, "td_small"))
            if item.description and item.kind is not ItemKind.BREAK:
                cell.append(styles.para(item.description, "td_small"))
            if item.kind is ItemKind.BREAK:
                breaks.append(len(rows))
            rows.append([*times, cell])
        widths = [24 * mm] + [time_w] * (len(zones) - 1)
        widths.append(usable - sum(widths))
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)  # a pasted abstract may outgrow a page
        style = styles.table_style(zebra=False)
        style.add("VALIGN", (0, 1), (-1, -1), "TOP")
        for row in breaks:
            style.add("BACKGROUND", (0, row), (-1, row), styles.ZEBRA)
        table.setStyle(style)
        # a day heading never sits alone at the foot of a page; the table may split after it
        story += [CondPageBreak(45 * mm), styles.para(heading, "h1"), Spacer(1, 1 * mm), table]
    if not workshop.days:
        story.append(styles.static("<i>No days planned yet.</i>", "body"))
    story.append(Spacer(1, 4 * mm))
    story.append(
        styles.static(
            "Times in the first column are in the venue's zone; other columns show the same moments "
            "in the participants' zones.",
            "small",
        )
    )
    footer = " \u00b7 ".join(x for x in (workshop.project_code, "Agenda") if x)
    build_pdf(out, story, title=f"Agenda \u2014 {workshop.title}", pagesize=pagesize, footer=footer)
    if progress is not None:
        progress.report(len(workshop.days), len(workshop.days), "Done")
    return Path(out)
