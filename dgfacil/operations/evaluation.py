"""Evaluation actions: type a paper form, correct it, delete it, import an online export.

Each is one committed transaction (the caller's session); a CSV import adds every response or
none. Report texts (acknowledgments, summary, recommendations) are saved here too.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from dgfacil.core.evaluation import EvaluationForm, Response, clean_answers
from dgfacil.io.evaluation_csv import CsvImport, CsvImportError, decode, read_evaluation_csv
from dgfacil.operations.changes import Changes
from dgfacil.store import evaluation as store

if TYPE_CHECKING:
    from sqlmodel import Session

REPORT_KEYS = ("acknowledgments", "executive_summary", "recommendations")


@dataclass(frozen=True)
class DeletedResponse:
    """A deleted response, whole, so undo puts it back with its id."""

    response: Response


def add_response(
    session: Session, *, answers: dict, source: str = "typed", submitted_at: datetime | None = None,
    external_id: str = "",
) -> Changes:
    """Add one filled-in form. Answers are checked against the form (see core.evaluation)."""
    form = store.load_form(session=session)
    response = Response(answers=clean_answers(form, answers), source=source, submitted_at=submitted_at,
                        external_id=external_id)
    return Changes(evaluation=True, ids=(store.insert_response(response, session=session),))


def update_response(session: Session, *, response_id: int, answers: dict) -> Changes:
    """Replace a response's answers (a typing mistake corrected)."""
    store.response(response_id, session=session)  # LookupError before the answers are checked
    store.write_answers(response_id, clean_answers(store.load_form(session=session), answers), session=session)
    return Changes(evaluation=True, ids=(response_id,))


def delete_response(session: Session, *, response_id: int) -> tuple[Changes, DeletedResponse]:
    deleted = DeletedResponse(store.delete_response(response_id, session=session))
    return Changes(evaluation=True, ids=(response_id,)), deleted


def restore_response(session: Session, *, deleted: DeletedResponse) -> Changes:
    return Changes(evaluation=True, ids=(store.insert_response(deleted.response, session=session),))


@dataclass
class ImportResult:
    read: CsvImport
    added: int
    already_there: int  # rows this document imported before (same id or same row)


def import_csv(session: Session, *, data: bytes, encoding: str | None = None) -> tuple[Changes, ImportResult]:
    """Import an online survey export in one transaction; rows imported before are skipped."""
    form = store.load_form(session=session)
    read = read_evaluation_csv(data, form, encoding=encoding)
    known = store.external_ids("csv", session=session)
    ids = []
    for response in read.responses:
        if response.external_id in known:
            continue
        known.add(response.external_id)
        ids.append(store.insert_response(response, session=session))
    result = ImportResult(read=read, added=len(ids), already_there=len(read.responses) - len(ids))
    return Changes(evaluation=True, ids=tuple(ids)), result


def set_report_section(session: Session, *, key: str, text: str) -> Changes:
    """Save one written part of the outcome report."""
    if key not in REPORT_KEYS:
        raise ValueError(f"the outcome report has no written part {key!r}")
    return Changes(report=True, ids=(store.save_report_section(key, text, session=session),))


# -- reading (what the evaluation screens show) --------------------------------------------


def evaluation_form(session: Session) -> EvaluationForm:
    """The workshop's evaluation form (questions and choices)."""
    return store.load_form(session=session)


def all_responses(session: Session) -> list[Response]:
    """Every filled-in form, typed or imported."""
    return store.load_responses(session=session)


def report_texts(session: Session) -> dict[str, str]:
    """The written parts of the outcome report saved so far: key -> text."""
    return store.report_sections(session=session)


# CsvImport and CsvImportError are imported from here by the import page too.
def read_csv(data: bytes, form: EvaluationForm, *, encoding: str | None = None) -> tuple[CsvImport, str]:
    """What an import would take from a survey export, and the text as decoded (for the preview).
    Raises CsvImportError, UnicodeDecodeError or LookupError; nothing is written."""
    read = read_evaluation_csv(data, form, encoding=encoding)
    text, _used, _guessed = decode(data, encoding)
    return read, text

