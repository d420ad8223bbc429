"""Name badges (eight to an A4 sheet, with cut marks) and table tents (one per page, folded).

The badge QR carries the participant's badge code only: a keyboard-wedge scanner types it into
the check-in list, which marks the person present.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas

from dgfacil.core.atomic import atomic_write
from dgfacil.core.model import Participant, Workshop
from dgfacil.printing import fonts, qr, styles
from dgfacil.printing.attendance_sheet import other_name, sort_key
from dgfacil.printing.layout import check, chunks, fit_size

BADGE_W, BADGE_H = 90 * mm, 62 * mm
COLS, ROWS = 2, 4


def _draw_badge(canv, x: float, y: float, workshop: Workshop, p: Participant) -> None:
    canv.setStrokeColor(styles.RULE)
    canv.setLineWidth(0.4)
    canv.setDash(2, 2)  # a dashed outline: where to cut
    canv.rect(x, y, BADGE_W, BADGE_H)
    canv.setDash()
    band = 11 * mm
    canv.setFillColor(styles.NAVY)
    canv.rect(x, y + BADGE_H - band, BADGE_W, band, stroke=0, fill=1)
    text = workshop.title if len(workshop.title) <= 75 else workshop.title[:72].rsplit(" ", 1)[0] + "\u2026"
    title = styles.para(text, "th", size=7.5)  # white on the navy band, two lines at most
    _w, th = title.wrap(BADGE_W - 8 * mm, band)
    title.drawOn(canv, x + 4 * mm, y + BADGE_H - band / 2 - min(th, band - 2 * mm) / 2)

    inner = BADGE_W - 8 * mm
    name = styles.para(
        p.printed_name,
        "badge_name",
        japanese=fonts.japanese_country(p.country),
        size=fit_size(p.printed_name, inner, "badge_name", biggest=20, smallest=10),
    )
    _w, nh = name.wrap(inner, 20 * mm)
    top = y + BADGE_H - band - 5 * mm
    name.drawOn(canv, x + 4 * mm, top - nh)
    top -= nh + 1.5 * mm
    if other := other_name(p):  # the name in a script more colleagues read
        line = styles.para(other, "badge_other", size=fit_size(other, inner, "badge_other", biggest=12, smallest=8))
        _w, lh = line.wrap(inner, 10 * mm)
        line.drawOn(canv, x + 4 * mm, top - lh)
        top -= lh + 1 * mm
    if p.organization:
        org = styles.para(p.organization, "badge_org")
        _w, oh = org.wrap(inner, 12 * mm)
        org.drawOn(canv, x + 4 * mm, top - oh)
    qr_size = 19 * mm
    if p.country:
        country = styles.para(p.country, "badge_country")
        country.wrap(BADGE_W - qr_size - 10 * mm, 8 * mm)
        country.drawOn(canv, x + 5 * mm, y + 5 * mm)
    role = (p.role or "participant").upper()
    canv.setFillColor(styles.MUTED)
    canv.setFont(fonts.font_name(fonts.LATIN, True), 6.5)
    canv.drawString(x + 5 * mm, y + 12 * mm, role[:30])
    if p.badge_code:
        qr.draw(canv, p.badge_code, x + BADGE_W - qr_size - 2 * mm, y + 2 * mm, qr_size)


def print_badges(
    out: Path, workshop: Workshop, participants: Sequence[Participant], *, paper: str = "A4", progress=None
) -> Path:
    """Badges, sorted by country then name, eight to a page. Returns `out`."""
    pagesize = styles.page_size(paper)
    people = sorted(participants, key=sort_key)
    left = (pagesize[0] - COLS * BADGE_W) / 2
    bottom = (pagesize[1] - ROWS * BADGE_H) / 2
    done = 0
    with atomic_write(Path(out)) as handle:
        canv = rl_canvas.Canvas(handle, pagesize=pagesize, pageCompression=1)
        canv.setTitle(f"Badges \u2014 {workshop.title}")
        for page in chunks(people, COLS * ROWS):
            for i, p in enumerate(page):
                col, row = i % COLS, i // COLS
                _draw_badge(canv, left + col * BADGE_W, bottom + (ROWS - 1 - row) * BADGE_H, workshop, p)
                done += 1
            canv.showPage()
            check(progress, done, len(people), "badges")
        if not people:
            canv.showPage()
        canv.save()
    return Path(out)


def _tent_half(canv, width: float, height: float, workshop: Workshop, p: Participant) -> None:
    """One readable half of a tent, drawn upright in a width x height box at the origin."""
    inner = width - 40 * mm
    size = fit_size(p.printed_name, inner, "tent_name", biggest=48, smallest=18)
    name = styles.para(p.printed_name, "tent_name", size=size, japanese=fonts.japanese_country(p.country))
    _w, nh = name.wrap(inner, height)
    name.drawOn(canv, 20 * mm, height / 2 - nh / 2 + 6 * mm)
    below = height / 2 - nh / 2 - 2 * mm  # where the lines under the name start
    if other := other_name(p):
        line = styles.para(other, "badge_other", size=fit_size(other, inner, "badge_other", biggest=22, smallest=12))
        _w, lh = line.wrap(inner, 20 * mm)
        line.drawOn(canv, 20 * mm, below - lh)
        below -= lh + 2 * mm
    sub = " \u00b7 ".join(x for x in (p.country, p.organization) if x)
    if sub:
        line = styles.para(sub, "badge_org", size=14)
        _w, sh = line.wrap(inner, 30 * mm)
        line.drawOn(canv, 20 * mm, below - sh)
    canv.setFillColor(styles.ACCENT)
    canv.rect(0, 0, width, 4 * mm, stroke=0, fill=1)


def print_table_tents(
    out: Path, workshop: Workshop, participants: Sequence[Participant], *, paper: str = "A4", progress=None
) -> Path:
    """A landscape page per person, folded along the middle: the name reads from both sides."""
    width, height = styles.page_size(paper, wide=True)
    people = sorted(participants, key=sort_key)
    with atomic_write(Path(out)) as handle:
        canv = rl_canvas.Canvas(handle, pagesize=(width, height), pageCompression=1)
        canv.setTitle(f"Table tents \u2014 {workshop.title}")
        half = height / 2
        for done, p in enumerate(people, start=1):
            _tent_half(canv, width, half, workshop, p)  # front, lower half
            canv.saveState()
            canv.translate(width, height)  # back: the upper half, turned upside down
            canv.rotate(180)
            _tent_half(canv, width, half, workshop, p)
            canv.restoreState()
            canv.setStrokeColor(styles.RULE)
            canv.setDash(3, 3)
            canv.line(10 * mm, half, width - 10 * mm, half)  # fold here
            canv.setDash()
            canv.showPage()
            check(progress, done, len(people), p.printed_name)
        if not people:
            canv.showPage()
        canv.save()
    return Path(out)
