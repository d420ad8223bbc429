"""Page furniture shared by the list-like documents: a running header, "page x of y", atomic output.

"Page x of y" needs the page count before the last page is drawn, so the canvas keeps each page's
state and draws the footers when the document is saved (the reportlab "NumberedCanvas" recipe).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from dgfacil.core.atomic import atomic_write
from dgfacil.printing import fonts, styles


class Cancelled(Exception):
    """Raised inside a long print when the user pressed Cancel; nothing is written."""


def numbered_canvas(footer_left: str, footer_right_extra: str = "") -> type:
    """A canvas class that writes `footer_left` and "Page x of y" at the foot of every page."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setStrokeColor(styles.RULE)
            self.setLineWidth(0.5)
            self.line(styles.MARGIN, 12 * mm, width - styles.MARGIN, 12 * mm)
            self.setFillColor(styles.MUTED)
            self.setFont(fonts.font_name(fonts.LATIN), 7.5)
            # footer_left is our own text plus the workshop code; draw it unshaped, Latin only
            self.drawString(styles.MARGIN, 8 * mm, footer_left[:150])
            right = f"Page {self._pageNumber} of {total}"
            if footer_right_extra:
                right = f"{footer_right_extra}   {right}"
            self.drawRightString(width - styles.MARGIN, 8 * mm, right)
            self.restoreState()

    return NumberedCanvas


class _Doc(SimpleDocTemplate):
    """Calls `on_page_end(canvas, doc)` once a page's flowables are drawn (running headers that
    depend on what the page holds, e.g. the section it continues)."""

    on_page_end: Callable | None = None

    def afterPage(self):  # noqa: N802 - reportlab's name
        if self.on_page_end is not None:
            self.on_page_end(self.canv, self)


def build_pdf(
    out: Path,
    story: list[Flowable],
    *,
    title: str,
    pagesize=None,
    footer: str = "",
    on_page: Callable | None = None,
    on_page_end: Callable | None = None,
    top: float = styles.MARGIN,
    author: str = "dgfacil",
) -> Path:
    """Lay out `story` into `out` (written whole or not at all) with "Page x of y" footers."""
    out = Path(out)
    pagesize = pagesize or styles.page_size("A4")
    with atomic_write(out) as handle:
        doc = _Doc(
            handle,
            pagesize=pagesize,
            title=title,
            author=author,
            leftMargin=styles.MARGIN,
            rightMargin=styles.MARGIN,
            topMargin=top,
            bottomMargin=18 * mm,
        )
        doc.on_page_end = on_page_end
        hook = on_page or (lambda c, d: None)
        doc.build(story, onFirstPage=hook, onLaterPages=hook, canvasmaker=numbered_canvas(footer or title))
    return out


def check(progress, done: int, total: int, text: str = "") -> None:
    """Report progress and stop with Cancelled when asked; `progress` may be None."""
    if progress is None:
        return
    progress.report(done, total, text)
    if getattr(progress, "cancelled", False):
        raise Cancelled()


def chunks(items: Iterable, size: int) -> Iterable[list]:
    """Lists of `size` items (badges per page)."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def date_range(start, end) -> str:
    """'14 November 2023', '14–16 November 2023', '30 November – 2 December 2023'."""
    if start is None:
        return ""
    end = end or start
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} \u2013 {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} \u2013 {end.day} {end:%B %Y}"


SHAPING_SLACK = 1.08  # shaped widths differ a little from plain advances; keep a margin


def fit_size(text: str, width: float, style_name: str, *, biggest: float, smallest: float) -> float:
    """The largest size (in half points, at most `biggest`) at which `text` fits `width` on one
    line in the style's face; never below `smallest` (then the Paragraph wraps instead)."""
    style = styles.style(style_name)
    base = fonts.SERIF if "Serif" in style.fontName else fonts.LATIN
    bold = "Bold" in style.fontName
    natural = fonts.text_width(text, biggest, bold=bold, base=base) * SHAPING_SLACK
    if natural <= width:
        return biggest
    size = biggest * width / natural  # width scales linearly with size
    return max(smallest, int(size * 2) / 2)
