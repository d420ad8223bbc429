"""The people who sign the certificates, in print order. Functions take `*, session`."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dgfacil.store import convert
from dgfacil.store.tables import SignatoryRow
from dgfacil.store.workshop import workshop_id


def signatories(*, session: Session) -> list[SignatoryRow]:
    """The workshop's signatories in print order."""
    return list(session.exec(select(SignatoryRow).order_by(col(SignatoryRow.position), col(SignatoryRow.id))))


def add_signatory(name: str, title: str = "", signature_png: bytes | None = None, *, session: Session) -> int:
    position = len(signatories(session=session))
    row = SignatoryRow(
        workshop_id=workshop_id(session=session), position=position, name=name, title=title, signature_png=signature_png
    )
    session.add(row)
    session.flush()
    return convert.row_id(row)


def get_signatory(signatory_id: int, *, session: Session) -> SignatoryRow | None:
    return session.get(SignatoryRow, signatory_id)


def update_signatory(
    signatory_id: int, *, name: str, title: str, signature_png: bytes | None, session: Session
) -> None:
    """Write a signatory's fields (the caller has checked them)."""
    row = session.get(SignatoryRow, signatory_id)
    if row is None:
        raise LookupError(f"no signatory {signatory_id}")
    row.name, row.title, row.signature_png = name, title, signature_png
    session.add(row)
    session.flush()


def restore_signatory(
    signatory_id: int, position: int, name: str, title: str, signature_png: bytes | None, *, session: Session
) -> int:
    """Insert a signatory again with its old id (undo of a removal)."""
    session.add(
        SignatoryRow(
            id=signatory_id,
            workshop_id=workshop_id(session=session),
            position=position,
            name=name,
            title=title,
            signature_png=signature_png,
        )
    )
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
