"""Who earns a certificate of attendance, and why not: the rule, the count, the list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

from dgfacil.core.attendance import Eligibility
from dgfacil.core.model import Participant
from dgfacil.ui.people.models import PeopleModel, SearchProxy, searchable_list
from dgfacil.ui.widgets import plain_label

RULES = [
    ("Every block (full participation)", None),
    ("At least 90% of blocks", 0.9),
    ("At least 80% of blocks", 0.8),
    ("At least 75% of blocks", 0.75),
    ("At least half", 0.5),
]


class NotEligibleProxy(SearchProxy):
    only_missing = False

    def filterAcceptsRow(self, row, parent) -> bool:
        if self.only_missing:
            e = self.sourceModel().verdicts.get(self.sourceModel().people[row].id)
            if e is not None and e.eligible:
                return False
        return super().filterAcceptsRow(row, parent)


class EligibilityPanel(QWidget):
    threshold_changed = Signal(object)
    """Fires when the organizer picks another rule: None (every block) or a fraction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PeopleModel("eligibility", self)
        self.proxy = NotEligibleProxy(self)
        self.proxy.setSourceModel(self.model)
        self.rule = QComboBox()
        for text, value in RULES:
            self.rule.addItem(text, value)
        self.rule.activated.connect(lambda: self.threshold_changed.emit(self.rule.currentData()))
        self.summary = plain_label()
        self.summary.setObjectName("eligibleSummary")
        self.summary.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.only = QCheckBox("Only those not eligible")
        self.only.toggled.connect(self._only)
        self.search, self.view = searchable_list(self.proxy, "Search…")
        self.view.setWordWrap(False)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        head.setSectionResizeMode(4, QHeaderView.Stretch)
        top = QHBoxLayout()
        top.addWidget(plain_label("Certificate rule"))
        top.addWidget(self.rule)
        top.addStretch(1)
        top.addWidget(self.summary)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

    def set_verdicts(self, rows: list[tuple[Participant, Eligibility]], threshold: float | None, blocks: int) -> None:
        self.model.set_people([p for p, _ in rows], verdicts={p.id: e for p, e in rows})
        index = self.rule.findData(threshold)
        if index < 0:  # a threshold set elsewhere (the CLI) that the menu does not list
            self.rule.addItem(f"At least {threshold:.0%} of blocks", threshold)
            index = self.rule.count() - 1
        self.rule.setCurrentIndex(index)
        eligible = sum(1 for _, e in rows if e.eligible)
        self.summary.setText(f"{eligible} of {len(rows)} eligible · {blocks} block{'s' if blocks != 1 else ''}")
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)

    def _only(self, on: bool) -> None:
        self.proxy.refilter(lambda: setattr(self.proxy, "only_missing", on))
