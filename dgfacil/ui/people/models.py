"""Table models of the People room: the roster, the check-in list and the eligibility list.

One model class with a `kind`; each view filters it through a QSortFilterProxyModel that
searches every text column (names in any script, e-mail, country, organization, badge).
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView

from dgfacil.core.attendance import Eligibility
from dgfacil.core.model import Participant
from dgfacil.core.roster import search_key
from dgfacil.ui.widgets import plain_tooltip

COLUMNS = {
    "roster": ["Badge", "Name", "E-mail", "Country", "Organization", "Position"],
    "checkin": ["", "Name", "Country", "Organization", "Badge"],
    "eligibility": ["", "Name", "Country", "Attended", "Why not"],
}
FIELD = {
    "Badge": "badge_code",
    "Name": "full_name",
    "E-mail": "email",
    "Country": "country",
    "Organization": "organization",
    "Position": "position",
}
GREEN, RED, GREY = QColor("#1b7f3b"), QColor("#b3261e"), QColor("#6b6b6b")


class PeopleModel(QAbstractTableModel):
    """Participants, with presence at the chosen block (check-in) or eligibility (certificates)."""

    def __init__(self, kind: str, parent=None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = COLUMNS[kind]
        self.people: list[Participant] = []
        self.present: set[int] = set()
        self.verdicts: dict[int, Eligibility] = {}

    def set_people(
        self, people: list[Participant], present: set[int] | None = None, verdicts: dict[int, Eligibility] | None = None
    ) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.present = set(present or ())
        self.verdicts = dict(verdicts or {})
        self.endResetModel()

    def set_present(self, present: set[int]) -> None:
        """Update the ticks only: the list keeps its scroll position and selection."""
        self.present = set(present)
        if self.people:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.people) - 1, 0))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.columns[section]
        return None

    def row_of(self, participant_id: int) -> int:
        return next((i for i, p in enumerate(self.people) if p.id == participant_id), -1)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self.people[index.row()]
        column = self.columns[index.column()]
        if role == Qt.UserRole:
            return p.id
        if self.kind == "checkin" and index.column() == 0:
            if role == Qt.CheckStateRole:
                return Qt.Checked if p.id in self.present else Qt.Unchecked
            if role == Qt.ToolTipRole:
                return "Present (click, or press Space)" if p.id in self.present else "Not marked"
            return None
        if self.kind == "eligibility":
            return self._verdict_data(p, index.column(), role)
        if role in (Qt.DisplayRole, Qt.EditRole):
            return getattr(p, FIELD[column])  # the column's field, named in FIELD
        if role == Qt.FontRole and column == "Badge":
            font = QFont("monospace")
            font.setStyleHint(QFont.Monospace)
            return font
        if role == Qt.ToolTipRole and column == "Name" and p.certificate_name:
            return plain_tooltip(f"On the certificate: {p.certificate_name}")
        return None

    def _verdict_data(self, p: Participant, column: int, role):
        e = self.verdicts.get(p.id)
        if e is None:
            return None
        if column == 0:
            if role == Qt.DisplayRole:
                return "✔ Eligible" if e.eligible else "✘ Not yet"
            if role == Qt.ForegroundRole:
                return QBrush(GREEN if e.eligible else RED)
            if role == Qt.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.DisplayRole:
            return [None, p.full_name, p.country, f"{e.attended} of {e.total}", e.reason][column]
        if role == Qt.ForegroundRole and column == 4:
            return QBrush(GREY)
        return None

    def flags(self, index: QModelIndex):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.kind == "checkin" and index.column() == 0:
            return base | Qt.ItemIsUserCheckable
        return base


class SearchProxy(QSortFilterProxyModel):
    """Search over every text field of a participant (not just one column), ignoring case and
    accents ('nguyen' finds 'Nguyễn'); sorting ignores them too, so 'Ángel' sorts with the A's."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.setSortCaseSensitivity(Qt.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.refilter(lambda: setattr(self, "words", search_key(text).split()))

    def refilter(self, change) -> None:
        """Apply `change()` to the filter's inputs and filter again (Qt >= 6.9 API)."""
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self.words:
            return True
        p = self.sourceModel().people[row]
        hay = search_key(
            " ".join([p.full_name, p.certificate_name, p.email, p.country, p.organization, p.position, p.badge_code])
        )
        return all(w in hay for w in self.words)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802 (Qt)
        a, b = left.data(self.sortRole()), right.data(self.sortRole())
        if isinstance(a, str) and isinstance(b, str):
            return (search_key(a), a) < (search_key(b), b)
        return super().lessThan(left, right)


def searchable_list(proxy: SearchProxy, placeholder: str) -> tuple[QLineEdit, QTableView]:
    """A search box filtering `proxy` and the list it shows, sorted by name A to Z — the same
    behaviour in the roster, the check-in list and the eligibility list."""
    search = QLineEdit()
    search.setPlaceholderText(placeholder)
    search.setClearButtonEnabled(True)
    search.textChanged.connect(proxy.set_search)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(1, Qt.AscendingOrder)  # by name (not the first column, descending)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    return search, view


@contextmanager
def selection_kept(view: QTableView):
    """Reloading a list must not lose the person the keyboard is on: after the model is reset,
    select the same participants again and put the cursor back on the same one (by id), so
    Space after Space undoes a slip and Down moves on from where the user was."""
    proxy = view.model()
    chosen = {proxy.data(ix, Qt.UserRole) for ix in view.selectionModel().selectedRows()}
    current = view.currentIndex()
    current_id = proxy.data(current, Qt.UserRole) if current.isValid() else None
    column = max(current.column(), 0)
    yield
    proxy, selection = view.model(), QItemSelection()
    for row in range(proxy.rowCount()):
        pid = proxy.data(proxy.index(row, 0), Qt.UserRole)
        if pid in chosen:
            selection.select(proxy.index(row, 0), proxy.index(row, proxy.columnCount() - 1))
        if pid == current_id:
            view.selectionModel().setCurrentIndex(proxy.index(row, column), QItemSelectionModel.NoUpdate)
    view.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect)
