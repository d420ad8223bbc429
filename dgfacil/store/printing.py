"""Queries for printing: signatories and issued certificates. Functions take `*, session`."""
from __future__ import annotations

from sqlmodel import Session, select

from dgfacil.store.queries import workshop_row
from dgfacil.store.tables import CertificateRow, SignatoryRow


def signatories(*, session: Session) -> list[SignatoryRow]:
    """The workshop's signatories in print order."""
    return list(session.exec(select(SignatoryRow).order_by(SignatoryRow.position, SignatoryRow.id)))


def add_signatory(name: str, title: str = "", signature_png: bytes | None = None, *,
                  session: Session) -> int:
    wid = workshop_row(session=session).id
    position = len(signatories(session=session))
    row = SignatoryRow(workshop_id=wid, position=position, name=name, title=title,
                       signature_png=signature_png)
    session.add(row)
    session.flush()
    return row.id


def delete_signatory(signatory_id: int, *, session: Session) -> None:
    row = session.get(SignatoryRow, signatory_id)
    if row is not None:
        session.delete(row)


def certificates(*, session: Session) -> list[CertificateRow]:
    return list(session.exec(select(CertificateRow).order_by(CertificateRow.id)))


def save_certificate(participant_id: int, number: str, payload: str, issued_at: str, *,
                     session: Session) -> None:
    """Record (or refresh the payload of) a participant's certificate; the number never changes."""
    row = session.exec(select(CertificateRow).where(CertificateRow.participant_id == participant_id)).first()
    if row is None:
        wid = workshop_row(session=session).id
        session.add(CertificateRow(workshop_id=wid, participant_id=participant_id, number=number,
                                   issued_at=issued_at, payload=payload))
    elif row.payload != payload:
        row.payload = payload
        row.issued_at = issued_at
        session.add(row)
