"""Evaluation actions: type a paper form, correct it, delete it, import an online export.

Each is one committed transaction (the caller's session). A survey import writes every response
or none, and none at all while an answer maps to no level; importing the same respondents again
updates them in place. Report texts (acknowledgments, summary, recommendations) are saved here too.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from dgfacil.core.evaluation import EvaluationForm, Response, clean_answers
from dgfacil.io.survey import SurveyImportError, SurveyRead, read_survey
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


class UnmappedAnswers(SurveyImportError):
    """An import refused because some answers map to no level; `read` lists them with counts."""

    def __init__(self, read: SurveyRead) -> None:
        unmapped = read.unmapped()
        n = sum(count for _, count, _ in unmapped)
        super().__init__(f"nothing imported: {len(unmapped)} different answers ({n} in all) map to no level; "
                         'map each to a level (--answer "TEXT=LEVEL") or to no answer (--answer "TEXT=")')
        self.read = read


@dataclass
class ImportResult:
    read: SurveyRead
    import_id: str
    added: int = 0
    updated: int = 0  # respondents imported before whose answers changed
    unchanged: int = 0  # respondents imported before, answers the same
    removed: int = 0  # imported responses swapped out by replace=True
    before: list[Response] = field(default_factory=list)  # stored versions this import overwrote or removed
    after: list[Response] = field(default_factory=list)  # what it wrote, with ids

    def summary(self, dry_run: bool = False) -> str:
        verb = "would import" if dry_run else "imported"
        parts = [f"{verb} {len(self.read.responses)} responses: {self.added} new, {self.updated} updated, "
                 f"{self.unchanged} unchanged"]
        if self.removed:
            parts.append(f"{self.removed} earlier imported responses {'would be' if dry_run else 'were'} replaced")
        return "; ".join(parts)


def preview_import(session: Session, *, data: bytes, name: str = "", encoding: str | None = None,
                   columns: dict[str, str] | None = None, answers: dict[str, str] | None = None,
                   question_answers: dict[str, dict[str, str]] | None = None, one_best: bool = False) -> SurveyRead:
    """What importing a survey export would take, and why; nothing is written. SurveyImportError if unusable."""
    return read_survey(data, store.load_form(session=session), name=name, encoding=encoding, columns=columns,
                       answers=answers, question_answers=question_answers, one_best=one_best)


def import_survey(session: Session, *, data: bytes, name: str = "", encoding: str | None = None,
                  columns: dict[str, str] | None = None, answers: dict[str, str] | None = None,
                  question_answers: dict[str, dict[str, str]] | None = None, one_best: bool = False,
                  replace_all: bool = False) -> tuple[Changes, ImportResult]:
    """Import a survey export in one transaction. Respondents imported before (same respondent id,
    same time, or same row of a file of the same name) are updated, never added twice;
    `replace_all` first removes every imported response. UnmappedAnswers: nothing is written."""
    read = preview_import(session, data=data, name=name, encoding=encoding, columns=columns, answers=answers,
                          question_answers=question_answers, one_best=one_best)
    if read.blocked:
        raise UnmappedAnswers(read)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    result = ImportResult(read=read, import_id=f"{name or 'survey export'} ({stamp} UTC)")
    stored = store.imported_responses(session=session)
    if replace_all:
        for old in stored:
            store.delete_response(old.id, session=session)
        result.before, result.removed, stored = list(stored), len(stored), []
    known = {r.external_id: r for r in stored if r.external_id}
    for response, legacy in zip(read.responses, read.legacy_ids):
        new = replace(response, import_id=result.import_id)
        old = known.pop(response.external_id, None) or known.pop(legacy, None)
        if old is None:
            new.id = store.insert_response(new, session=session)
            result.added += 1
        else:
            new.id = old.id
            store.overwrite_response(new, session=session)
            result.before.append(old)
            same = old.answers == new.answers and old.submitted_at == new.submitted_at
            result.unchanged += same
            result.updated += not same
        result.after.append(new)
    return Changes(evaluation=True, ids=tuple(r.id for r in result.after)), result


def swap_responses(session: Session, *, remove: list[Response], put: list[Response]) -> Changes:
    """Undo and redo of an import or of deleting one: take out `remove`, put `put` back with their ids."""
    gone = set()
    for r in remove:
        if r.id not in gone:
            try:
                store.delete_response(r.id, session=session)
            except LookupError:
                pass  # already out (the same id is in both lists)
            gone.add(r.id)
    for r in put:
        store.insert_response(r, session=session)
    return Changes(evaluation=True, ids=tuple(sorted(gone | {r.id for r in put})))


def survey_imports(session: Session) -> list[tuple[str, int]]:
    """The imports still holding responses: (import id, responses), oldest first."""
    return store.imports(session=session)


def delete_import(session: Session, *, import_id: str) -> tuple[Changes, list[Response]]:
    """Delete every response an import last wrote; returns them whole so undo can put them back."""
    deleted = [store.delete_response(i, session=session) for i in store.responses_of_import(import_id, session=session)]
    return Changes(evaluation=True, ids=tuple(r.id for r in deleted)), deleted


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


def import_csv(session: Session, *, data: bytes, encoding: str | None = None) -> tuple[Changes, ImportResult]:
    """The earlier name of import_survey, for callers that import an unnamed export."""
    return import_survey(session, data=data, encoding=encoding)
