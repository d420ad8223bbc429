"""Issued certificates: one number and signed payload per participant. Functions take `*, session`."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dgfacil.store.tables import CertificateRow
from dgfacil.store.workshop import workshop_id


def certificates(*, session: Session) -> list[CertificateRow]:
    return list(session.exec(select(CertificateRow).order_by(col(CertificateRow.id))))


def save_certificate(participant_id: int, number: str, payload: str, issued_at: str, *, session: Session) -> None:
    """Record (or refresh the payload of) a participant's certificate; the number never changes."""
    row = session.exec(select(CertificateRow).where(CertificateRow.participant_id == participant_id)).first()
    if row is None:
        session.add(
            CertificateRow(
                workshop_id=workshop_id(session=session),
                participant_id=participant_id,
                number=number,
                issued_at=issued_at,
                payload=payload,
            )
        )
    elif row.payload != payload:
        row.payload = payload
        row.issued_at = issued_at
        session.add(row)
