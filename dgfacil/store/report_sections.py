"""The outcome report's written parts (acknowledgments, summary, recommendations): key -> text."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dgfacil.store import convert
from dgfacil.store.tables import ReportSectionRow
from dgfacil.store.workshop import workshop_id


def report_sections(*, session: Session) -> dict[str, str]:
    """The outcome report's written parts: key -> text."""
    return {r.key: r.text for r in session.exec(select(ReportSectionRow).order_by(col(ReportSectionRow.key)))}


def save_report_section(key: str, text: str, *, session: Session) -> int:
    row = session.exec(select(ReportSectionRow).where(ReportSectionRow.key == key)).first()
    if row is None:
        row = ReportSectionRow(workshop_id=workshop_id(session=session), key=key, text=text)
        session.add(row)
    else:
        row.text = text
    session.flush()
    return convert.row_id(row)
