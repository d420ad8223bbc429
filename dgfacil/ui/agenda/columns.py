"""The agenda table's column widths: the title keeps at least 30 characters in view, even with
five zones on a 1280-pixel laptop.

Zone headers ("Addis Ababa (GMT+3)") wrap onto two lines, so a zone column is as wide as its
times or its city, not its whole label. The title gets what the view has left, between 30 and
50 characters; the lead takes the rest, or is scrolled to (its full text is in the editor).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

TITLE_CHARS = (30, 50)  # the least and the most the title column is sized for
PADDING = 16  # a cell's margins
HEADER_PADDING = 28  # a header section's margins, so "New York" stays on one line
LEAD_LEAST = 120


def _chars(table: QTableView, count: int) -> int:
    """Wide enough for the first `count` characters of every title of the day (or of ordinary text)."""
    model, metrics = table.model(), table.fontMetrics()
    title = model.columnCount() - 2
    titles = [str(model.index(row, title).data() or "") for row in range(model.rowCount())]
    sample = "Session 2: Digital Government Capacities and the Role of Public Institutions"
    return max(metrics.horizontalAdvance(text[:count]) for text in [sample, *titles]) + PADDING


class _Refit(QObject):
    """Sizes the title again when the table's view changes width (a window resized, a splitter moved)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Resize:
            fit_title(self.table)
        return False


def fit_title(table: QTableView) -> None:
    header = table.horizontalHeader()
    columns = table.model().columnCount()
    if columns < 2:
        return
    title = columns - 2
    used = sum(header.sectionSize(c) for c in range(title))
    spare = table.viewport().width() - used - LEAD_LEAST
    least, most = (_chars(table, n) for n in TITLE_CHARS)
    wanted = min(max(table.sizeHintForColumn(title), least), most)
    header.resizeSection(title, max(least, min(wanted, spare)))


def fit_columns(table: QTableView, zones: int) -> None:
    """Size the agenda table's columns: zones first, then Min/Fixed/Kind, then title and lead."""
    model, header = table.model(), table.horizontalHeader()
    columns = model.columnCount()
    title, lead = columns - 2, columns - 1
    header.setDefaultAlignment(Qt.AlignCenter | Qt.TextWordWrap)
    metrics = header.fontMetrics()
    header.setMinimumHeight(2 * metrics.lineSpacing() + 10)
    for column in range(zones):
        text = str(model.headerData(column, Qt.Horizontal) or "")
        city, _, offset = text.rpartition(" (")
        label = max(metrics.horizontalAdvance(city or text), metrics.horizontalAdvance(f"({offset}"))
        header.setSectionResizeMode(column, QHeaderView.Interactive)
        header.resizeSection(column, max(table.sizeHintForColumn(column), label + HEADER_PADDING))
    # Min, Fixed and Kind are as wide as their contents, measured once here: in ResizeToContents mode
    # Qt measures them again (every cell, every role) on every layout, ~700 calls of data() at open.
    for column in range(zones, title):
        header.setSectionResizeMode(column, QHeaderView.Fixed)
        wanted = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        header.resizeSection(column, min(max(wanted, header.minimumSectionSize()), header.maximumSectionSize()))
    header.setSectionResizeMode(title, QHeaderView.Interactive)
    header.setSectionResizeMode(lead, QHeaderView.Stretch)
    if table.findChild(_Refit) is None:
        _Refit(table)
    fit_title(table)
