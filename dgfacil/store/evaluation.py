"""Evaluation responses and the workshop's evaluation form. Functions take `*, session`.

The outcome report's written parts are in store/report_sections.py.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, func, select

from dgfacil.core.evaluation import EvaluationForm, Response
from dgfacil.store import convert
from dgfacil.store.convert import response_from_row
from dgfacil.store.settings import get_setting, put_setting
from dgfacil.store.snapshot import Snapshot, delete_with_snapshot, restore_snapshot
from dgfacil.store.tables import EvaluationResponseRow
from dgfacil.store.workshop import workshop_id, workshop_row

NOT_ASKED = "evaluation_not_asked"  # setting: import id -> question keys its file had no column for


def load_form(*, session: Session) -> EvaluationForm:
    """The workshop's evaluation form (from its template), possibly with no questions."""
    return EvaluationForm.from_dict(workshop_row(session=session).evaluation_form)


def load_responses(*, session: Session) -> list[Response]:
    rows = session.exec(select(EvaluationResponseRow).order_by(col(EvaluationResponseRow.id)))
    not_asked = get_setting(NOT_ASKED, {}, session=session)
    return [response_from_row(r, not_asked) for r in rows]


def record_not_asked(import_id: str, keys: list[str], *, session: Session) -> None:
    """Remember the questions an import's file had no column for (so the report says "not asked")."""
    known = dict(get_setting(NOT_ASKED, {}, session=session))
    if keys:
        known[import_id] = list(keys)
    else:
        known.pop(import_id, None)
    put_setting(NOT_ASKED, known or None, session=session)


def response_row(response_id: int, *, session: Session) -> EvaluationResponseRow:
    row = session.get(EvaluationResponseRow, response_id)
    if row is None:
        raise LookupError(f"no evaluation response {response_id}")
    return row


def response(response_id: int, *, session: Session) -> Response:
    """One response as a domain value (LookupError when it is not there)."""
    return response_from_row(response_row(response_id, session=session))


def write_answers(response_id: int, answers: dict[str, Any], *, session: Session) -> None:
    response_row(response_id, session=session).answers = answers


def delete_response(response_id: int, *, session: Session) -> Response:
    """Delete a response; returns it whole (with its id) so it can be put back."""
    row = response_row(response_id, session=session)
    deleted = response_from_row(row)
    session.delete(row)
    session.flush()  # the id is free at once: undo may put the same response back in this session
    return deleted


def delete_responses(response_ids: list[int], *, session: Session) -> Snapshot:
    """Delete responses (typed forms deleted by hand); the snapshot puts them back with their ids."""
    return delete_with_snapshot("evaluation_response", response_ids, session=session)


def restore_responses(deleted: Snapshot, *, session: Session) -> None:
    restore_snapshot(deleted, session=session)


def insert_response(response: Response, *, session: Session) -> int:
    row = EvaluationResponseRow(
        id=response.id,
        workshop_id=workshop_id(session=session),
        answers=dict(response.answers),
        source=response.source,
        external_id=response.external_id,
        import_id=response.import_id,
        submitted_at=response.submitted_at.isoformat() if response.submitted_at else "",
    )
    session.add(row)
    session.flush()
    return convert.row_id(row)


def imported_responses(*, session: Session) -> list[Response]:
    """Every response an import wrote (source csv), in id order."""
    query = (
        select(EvaluationResponseRow)
        .where(EvaluationResponseRow.source == "csv")
        .order_by(col(EvaluationResponseRow.id))
    )
    return [response_from_row(r) for r in session.exec(query)]


def overwrite_response(response: Response, *, session: Session) -> None:
    """Write a response's answers, time, external id and import over the stored row of the same id."""
    if response.id is None:
        raise LookupError("a response that was never stored cannot be overwritten")
    row = response_row(response.id, session=session)
    row.answers = dict(response.answers)
    row.submitted_at = response.submitted_at.isoformat() if response.submitted_at else ""
    row.external_id = response.external_id
    row.import_id = response.import_id
    session.flush()


def imports(*, session: Session) -> list[tuple[str, int]]:
    """(import id, responses it last wrote), oldest first."""
    query = (
        select(EvaluationResponseRow.import_id, func.count(), func.min(EvaluationResponseRow.id))
        .where(EvaluationResponseRow.import_id != "")
        .group_by(EvaluationResponseRow.import_id)
    )
    return [(i, n) for i, n, _ in sorted(session.exec(query), key=lambda t: t[2] or 0)]


def responses_of_import(import_id: str, *, session: Session) -> list[int]:
    query = select(col(EvaluationResponseRow.id)).where(EvaluationResponseRow.import_id == import_id)
    return [i for i in session.exec(query) if i is not None]
