"""Evaluation responses and the outcome report's written parts, in and out of the document."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, func, select

from dgfacil.core.evaluation import EvaluationForm, Response
from dgfacil.store.queries import workshop_row
from dgfacil.store.settings import get_setting, put_setting
from dgfacil.store.tables import EvaluationResponseRow, ReportSectionRow


NOT_ASKED = "evaluation_not_asked"  # setting: import id -> question keys its file had no column for


def response_from_row(row: EvaluationResponseRow, not_asked: dict | None = None) -> Response:
    return Response(
        not_asked=frozenset((not_asked or {}).get(row.import_id or "", ())),
        id=row.id, answers=dict(row.answers), source=row.source, external_id=row.external_id,
        import_id=row.import_id or "", submitted_at=datetime.fromisoformat(row.submitted_at) if row.submitted_at else None,
    )


def load_form(*, session: Session) -> EvaluationForm:
    """The workshop's evaluation form (from its template), possibly with no questions."""
    return EvaluationForm.from_dict(workshop_row(session=session).evaluation_form)


def load_responses(*, session: Session) -> list[Response]:
    rows = session.exec(select(EvaluationResponseRow).order_by(EvaluationResponseRow.id))
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


def write_answers(response_id: int, answers: dict, *, session: Session) -> None:
    response_row(response_id, session=session).answers = answers


def delete_response(response_id: int, *, session: Session) -> Response:
    """Delete a response; returns it whole (with its id) so it can be put back."""
    row = response_row(response_id, session=session)
    deleted = response_from_row(row)
    session.delete(row)
    session.flush()  # the id is free at once: undo may put the same response back in this session
    return deleted


def insert_response(response: Response, *, session: Session) -> int:
    row = EvaluationResponseRow(
        id=response.id, workshop_id=workshop_row(session=session).id, answers=dict(response.answers),
        source=response.source, external_id=response.external_id, import_id=response.import_id,
        submitted_at=response.submitted_at.isoformat() if response.submitted_at else "",
    )
    session.add(row)
    session.flush()
    return row.id


def imported_responses(*, session: Session) -> list[Response]:
    """Every response an import wrote (source csv), in id order."""
    query = select(EvaluationResponseRow).where(EvaluationResponseRow.source == "csv").order_by(EvaluationResponseRow.id)
    return [response_from_row(r) for r in session.exec(query)]


def overwrite_response(response: Response, *, session: Session) -> None:
    """Write a response's answers, time, external id and import over the stored row of the same id."""
    row = response_row(response.id, session=session)
    row.answers = dict(response.answers)
    row.submitted_at = response.submitted_at.isoformat() if response.submitted_at else ""
    row.external_id = response.external_id
    row.import_id = response.import_id
    session.flush()


def imports(*, session: Session) -> list[tuple[str, int]]:
    """(import id, responses it last wrote), oldest first."""
    query = (select(EvaluationResponseRow.import_id, func.count(), func.min(EvaluationResponseRow.id))
             .where(EvaluationResponseRow.import_id != "").group_by(EvaluationResponseRow.import_id))
    return [(i, n) for i, n, _ in sorted(session.exec(query), key=lambda t: t[2])]


def responses_of_import(import_id: str, *, session: Session) -> list[int]:
    query = select(EvaluationResponseRow.id).where(EvaluationResponseRow.import_id == import_id)
    return list(session.exec(query))


def report_sections(*, session: Session) -> dict[str, str]:
    """The outcome report's written parts: key -> text."""
    return {r.key: r.text for r in session.exec(select(ReportSectionRow).order_by(ReportSectionRow.key))}


def save_report_section(key: str, text: str, *, session: Session) -> int:
    row = session.exec(select(ReportSectionRow).where(ReportSectionRow.key == key)).first()
    if row is None:
        row = ReportSectionRow(workshop_id=workshop_row(session=session).id, key=key, text=text)
        session.add(row)
    else:
        row.text = text
    session.flush()
    return row.id
