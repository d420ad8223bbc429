"""Evaluation actions: type a paper form, correct it, delete it, import an online export.

Each is one committed transaction (the caller's session). A survey import writes every response
or none, and none at all while an answer maps to no level; importing the same respondents again
updates them in place. Report texts (acknowledgments, summary, recommendations) are saved here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from dgfacil.core.evaluation import EvaluationForm, Response, clean_answers, counted
from dgfacil.io.survey import SurveyImportError, SurveyRead, read_survey
from dgfacil.io.survey.identity import Identity
from dgfacil.operations.changes import Changes
from dgfacil.operations.conflicts import refuse_if_changed
from dgfacil.operations.ids import saved_id
from dgfacil.store import evaluation as store
from dgfacil.store import report_sections
from dgfacil.store.snapshot import Snapshot

if TYPE_CHECKING:
    from sqlmodel import Session

REPORT_KEYS = ("acknowledgments", "executive_summary", "recommendations")


def add_response(
    session: Session,
    *,
    answers: dict[str, Any],
    source: str = "typed",
    submitted_at: datetime | None = None,
    external_id: str = "",
) -> Changes:
    """Add one filled-in form. Answers are checked against the form (see core.evaluation)."""
    form = store.load_form(session=session)
    response = Response(
        answers=clean_answers(form, answers), source=source, submitted_at=submitted_at, external_id=external_id
    )
    return Changes(evaluation=True, ids=(store.insert_response(response, session=session),))


def update_response(
    session: Session, *, response_id: int, answers: dict[str, Any], seen: dict[str, Any] | None = None
) -> Changes:
    """Replace a response's answers (a typing mistake corrected). `seen`: the answers as the user
    saw them; if the response holds others by now, the edit is refused (EditConflict)."""
    current = store.response(response_id, session=session)  # LookupError before the answers are checked
    form = store.load_form(session=session)
    if seen is not None:
        refuse_if_changed(
            {"answers": current.answers},
            {"answers": clean_answers(form, seen)},
            table="evaluation_response",
            row_id=response_id,
            what="This evaluation response",
            session=session,
        )
    store.write_answers(response_id, clean_answers(form, answers), session=session)
    return Changes(evaluation=True, ids=(response_id,))


def delete_response(session: Session, *, response_id: int) -> Changes[Snapshot]:
    deleted = store.delete_responses([response_id], session=session)
    return Changes(evaluation=True, ids=(response_id,), value=deleted)


def restore_response(session: Session, *, deleted: Snapshot) -> Changes:
    store.restore_responses(deleted, session=session)
    return Changes(evaluation=True, ids=deleted.ids)


class UnmappedAnswers(SurveyImportError):
    """An import refused because some answers map to no level; `read` lists them with counts."""

    def __init__(self, read: SurveyRead) -> None:
        unmapped = read.unmapped()
        n = sum(count for _, count, _ in unmapped)
        super().__init__(
            f"nothing imported: {len(unmapped)} different answers ({n} in all) map to no level; "
            'map each to a level (--answer "TEXT=LEVEL") or to no answer (--answer "TEXT=")'
        )
        self.read = read


@dataclass
class ImportResult:
    read: SurveyRead
    import_id: str
    added: int = 0
    updated: int = 0  # respondents imported before whose answers changed
    unchanged: int = 0  # respondents imported before, answers the same
    removed: int = 0  # imported responses swapped out by replace=True
    letters_kept: int = 0  # written answers kept as stored: this file had lost their letters ("?")
    missing: dict[str, int] = field(default_factory=dict)  # earlier import (file) -> its responses not in this file
    before: list[Response] = field(default_factory=list)  # stored versions this import overwrote or removed
    after: list[Response] = field(default_factory=list)  # what it wrote, with ids

    def summary(self, dry_run: bool = False) -> str:
        verb = "would import" if dry_run else "imported"
        parts = [
            (
                f"{verb} {counted(len(self.read.responses), 'response')}: {self.added} new, "
                f"{self.updated} updated, {self.unchanged} unchanged"
            )
        ]
        if self.removed:
            be = "would be" if dry_run else "were" if self.removed > 1 else "was"
            parts.append(f"{counted(self.removed, 'earlier imported response')} {be} replaced")
        lines = ["; ".join(parts)]
        if self.letters_kept:
            lines.append(
                f"{counted(self.letters_kept, 'written answer')} kept as imported before: in this file "
                "letters outside the file's encoding became '?'"
            )
        for source, n in self.missing.items():
            lines.append(
                f"WARNING {counted(n, 'response')} of the earlier import of {source} "
                f"{'is' if n == 1 else 'are'} not in this file — {'it is' if n == 1 else 'they are'} kept; "
                "use --replace to drop them"
            )
        return "\n".join(lines)


def preview_import(
    session: Session,
    *,
    data: bytes,
    name: str = "",
    encoding: str | None = None,
    columns: dict[str, str] | None = None,
    answers: dict[str, str] | None = None,
    question_answers: dict[str, dict[str, str]] | None = None,
    one_best: bool = False,
    sheet: str | None = None,
) -> SurveyRead:
    """What importing a survey export would take, and why; nothing is written. SurveyImportError if unusable."""
    return read_survey(
        data,
        store.load_form(session=session),
        name=name,
        encoding=encoding,
        columns=columns,
        answers=answers,
        question_answers=question_answers,
        one_best=one_best,
        sheet=sheet,
    )


def _source(import_id: str) -> str:
    """The file an import read: "google_forms.csv (2026-11-30 05:00:00 UTC)" -> "google_forms.csv"."""
    return import_id.rsplit(" (", 1)[0]


def _lost_letters(old: str, new: str) -> bool:
    """`new` is `old` saved by a program that wrote '?' for every letter its encoding lacks (Excel's CSV)."""
    if len(old) != len(new) or "?" not in new or old == new:
        return False
    return all(a == b or (b == "?" and not a.isascii()) for a, b in zip(old, new, strict=True))


def _keep_lost_letters(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], int]:
    kept = {
        k: old[k]
        for k, v in new.items()
        if isinstance(v, str) and isinstance(old.get(k), str) and _lost_letters(old[k], v)
    }
    return {**new, **kept}, len(kept)


class _Stored:
    """The responses imported before, looked up by identity: each is matched at most once, in file order."""

    def __init__(self, stored: list[Response]) -> None:
        self.by_key: dict[str, list[tuple[Identity, Response]]] = {}
        self.by_legacy = {r.external_id: r for r in stored if r.external_id}
        self.taken: set[int] = set()
        for r in stored:
            ident = Identity.decode(r.external_id, r.submitted_at)
            for key in {ident.key, f"id:{ident.id}" if ident.id else ident.key}:  # by time, and by id
                self.by_key.setdefault(key, []).append((ident, r))

    def take(self, ident: Identity, legacy: str) -> tuple[Identity, Response] | None:
        candidates = self.by_key.get(ident.key, []) + (self.by_key.get(f"id:{ident.id}", []) if ident.id else [])
        for old_ident, old in candidates:
            if old.id not in self.taken and ident.same(old_ident):
                self.taken.add(saved_id(old.id))
                return old_ident, old
        by_legacy = self.by_legacy.get(legacy)
        if by_legacy is not None and by_legacy.id not in self.taken:
            self.taken.add(saved_id(by_legacy.id))
            return Identity(), by_legacy
        return None


def import_survey(
    session: Session,
    *,
    data: bytes,
    name: str = "",
    encoding: str | None = None,
    columns: dict[str, str] | None = None,
    answers: dict[str, str] | None = None,
    question_answers: dict[str, dict[str, str]] | None = None,
    one_best: bool = False,
    replace_all: bool = False,
    sheet: str | None = None,
) -> Changes[ImportResult]:
    """Import a survey export in one transaction. Respondents imported before (see io.survey.identity)
    are updated, never added twice; `replace_all` first removes every imported response.
    UnmappedAnswers: nothing is written."""
    read = preview_import(
        session,
        data=data,
        name=name,
        encoding=encoding,
        columns=columns,
        answers=answers,
        question_answers=question_answers,
        one_best=one_best,
        sheet=sheet,
    )
    if read.blocked:
        raise UnmappedAnswers(read)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    result = ImportResult(read=read, import_id=f"{name or 'survey export'} ({stamp} UTC)")
    stored = store.imported_responses(session=session)
    if replace_all:
        for old in stored:
            store.delete_response(saved_id(old.id), session=session)
        result.before, result.removed, stored = list(stored), len(stored), []
    known = _Stored(stored)
    matched_imports = set()
    for response, legacy in zip(read.responses, read.legacy_ids, strict=True):
        new = replace(response, import_id=result.import_id)
        found = known.take(Identity.decode(response.external_id), legacy)
        if found is None:
            new.id = store.insert_response(new, session=session)
            result.added += 1
        else:
            old_ident, old = found
            new.answers, kept = _keep_lost_letters(old.answers, new.answers)
            result.letters_kept += kept
            matched_imports.add(old.import_id)
            merged = Identity.decode(new.external_id).merged(old_ident)
            keep_time = merged.time == old_ident.time and old.submitted_at is not None
            new = replace(
                new,
                id=old.id,
                external_id=merged.encode(),
                submitted_at=old.submitted_at if keep_time else new.submitted_at,
            )
            store.overwrite_response(new, session=session)
            result.before.append(old)
            # only answers count: the same answers re-saved with another time format are unchanged
            result.unchanged += old.answers == new.answers
            result.updated += old.answers != new.answers
        result.after.append(new)
    store.record_not_asked(result.import_id, read.missing_questions, session=session)
    for old in stored:  # what an earlier import of this source had and this file has not
        if old.id not in known.taken and (old.import_id in matched_imports or _source(old.import_id) == name):
            source = _source(old.import_id) or "an unnamed export"
            result.missing[source] = result.missing.get(source, 0) + 1
    return Changes(evaluation=True, ids=tuple(saved_id(r.id) for r in result.after), value=result)


def swap_responses(session: Session, *, remove: list[Response], put: list[Response]) -> Changes:
    """Undo and redo of an import or of deleting one: take out `remove`, put `put` back with their ids."""
    gone: set[int] = set()
    for r in remove:
        if r.id not in gone:
            try:
                store.delete_response(saved_id(r.id), session=session)
            except LookupError:
                pass  # already out (the same id is in both lists)
            gone.add(saved_id(r.id))
    for r in put:
        store.insert_response(r, session=session)
    return Changes(evaluation=True, ids=tuple(sorted(gone | {saved_id(r.id) for r in put})))


def survey_imports(session: Session) -> list[tuple[str, int]]:
    """The imports still holding responses: (import id, responses), oldest first."""
    return store.imports(session=session)


def delete_import(session: Session, *, import_id: str) -> Changes[list[Response]]:
    """Delete every response an import last wrote; returns them whole so undo can put them back."""
    deleted = [store.delete_response(i, session=session) for i in store.responses_of_import(import_id, session=session)]
    return Changes(evaluation=True, ids=tuple(saved_id(r.id) for r in deleted), value=deleted)


def set_report_section(session: Session, *, key: str, text: str) -> Changes:
    """Save one written part of the outcome report."""
    if key not in REPORT_KEYS:
        raise ValueError(f"the outcome report has no written part {key!r}")
    return Changes(report=True, ids=(report_sections.save_report_section(key, text, session=session),))


# -- reading (what the evaluation screens show) --------------------------------------------


def evaluation_form(session: Session) -> EvaluationForm:
    """The workshop's evaluation form (questions and choices)."""
    return store.load_form(session=session)


def all_responses(session: Session) -> list[Response]:
    """Every filled-in form, typed or imported."""
    return store.load_responses(session=session)


def report_texts(session: Session) -> dict[str, str]:
    """The written parts of the outcome report saved so far: key -> text."""
    return report_sections.report_sections(session=session)


def import_csv(session: Session, *, data: bytes, encoding: str | None = None) -> Changes[ImportResult]:
    """The earlier name of import_survey, for callers that import an unnamed export."""
    return import_survey(session, data=data, encoding=encoding)
