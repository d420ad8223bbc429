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


def get_signatory(signatory_id: int, *, session: Session) -> SignatoryRow | None:
    return session.get(SignatoryRow, signatory_id)


def update_signatory(signatory_id: int, *, name: str, title: str, signature_png: bytes | None,
                     session: Session) -> None:
    """Write a signatory's fields (the caller has checked them)."""
    row = session.get(SignatoryRow, signatory_id)
    row.name, row.title, row.signature_png = name, title, signature_png
    session.add(row)
    session.flush()


def restore_signatory(signatory_id: int, position: int, name: str, title: str,
                      signature_png: bytes | None, *, session: Session) -> int:
    """Insert a signatory again with its old id (undo of a removal)."""
    wid = workshop_row(session=session).id
    session.add(SignatoryRow(id=signatory_id, workshop_id=wid, position=position, name=name,
                             title=title, signature_png=signature_png))
    session.flush()
    return signatory_id


def order_signatories(ids: list[int], *, session: Session) -> None:
    """Give the signatories the positions 0, 1, 2... in the order of `ids`."""
    rows = {r.id: r for r in signatories(session=session)}
    for position, sid in enumerate(ids):
        row = rows.get(sid)
        if row is not None and row.position != position:
            row.position = position
            session.add(row)
    session.flush()


def delete_signatory(signatory_id: int, *, session: Session) -> None:
    row = session.get(SignatoryRow, signatory_id)
    if row is not None:
        session.delete(row)
        session.flush()


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
