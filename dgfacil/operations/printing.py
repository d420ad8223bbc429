"""Printing actions: gather plain values from the document, then lay them out off the database.

Two steps, so the UI can read on the database worker and render on the long-work thread:
`prepare(session, kind=..., options=...)` returns `Changes` whose value is a `PrintJob` (plain
values only; certificates are issued there, `operations/certificates.py`, which records numbers
and signed payloads, so only they change the document), and
`job.run(out, progress)` writes the PDF(s) in this process; `print_jobs.run_job(job, out,
progress)` writes them in worker processes (the job's `render` is a picklable call on plain
values). `print_document(doc, ...)` prepares and prints (CLI, tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.store import boards
from dgfacil.store.groups import groups_for_exercise, load_groups
from dgfacil.store.participants import load_participants
from dgfacil.store.workshop import load_workshop

if TYPE_CHECKING:
    from sqlmodel import Session

    from dgfacil.store.document import Document

KINDS = ("certificates", "attendance", "badges", "tents", "agenda", "worksheets", "groups", "outputs")
LABELS = {
    "certificates": "Certificates of attendance",
    "attendance": "Attendance sheets",
    "badges": "Name badges",
    "tents": "Table tents",
    "agenda": "Agenda handout",
    "worksheets": "Blank worksheets",
    "groups": "Breakout group lists",
    "outputs": "Group outputs",
}


class NothingToPrint(ValueError):
    """The chosen document would be empty (nobody eligible, no participants, no exercises...).
    Its message is one sentence for the user; nothing is written and nothing is recorded."""


# Why each document can be empty, and where to fix it (one sentence each).
EMPTY = {
    "attendance": "There are no participants to print attendance sheets for; add or import them "
    "in the People room. Nothing was written.",
    "badges": "There are no participants to print name badges for; add or import them in the "
    "People room. Nothing was written.",
    "tents": "There are no participants to print table tents for; add or import them in the "
    "People room. Nothing was written.",
    "agenda": "The workshop has no days to print an agenda for. Nothing was written.",
    "worksheets": "The workshop has no exercises, so there are no worksheets to print; add one in "
    "the Exercises room. Nothing was written.",
    "groups": "No breakout groups have been formed, so there are no group lists to print. Nothing was written.",
    "outputs": "No group has written anything on an exercise board yet, so there are no group "
    "outputs to print. Nothing was written.",
}


@dataclass
class PrintOptions:
    paper: str = "A4"  # A4 | Letter
    per_person: bool = False  # certificates: a file per person in a folder
    block: int | None = None  # attendance: index of one block (operations.attendance.attendance_blocks)
    extra_zones: list[str] = field(default_factory=list)  # agenda: more zones to show


@dataclass
class PrintJob:
    kind: str
    count: int  # how many things will be printed (certificates, people, pages...)
    render: partial[Any]  # a printing function on plain values; called with out= and progress=
    note: str = ""  # a sentence for the user, e.g. "12 of 40 participants are eligible"

    def run(self, out: Path, progress: Any = None) -> list[Path]:
        """Write the PDF(s) here, in this process; returns the files written."""
        result = self.render(out=Path(out), progress=progress)
        return list(result) if isinstance(result, list) else [Path(result)]


def _attendance(session: Session, options: PrintOptions) -> PrintJob:
    from dgfacil.printing.attendance_sheet import Section, print_attendance_sheet

    workshop = load_workshop(session=session)
    participants = load_participants(session=session)
    sections = None
    if options.block is not None:
        from dgfacil.operations.attendance import attendance_blocks

        blocks = attendance_blocks(session)
        if not 0 <= options.block < len(blocks):
            raise ValueError(f"there is no block {options.block + 1} (the workshop has {len(blocks)})")
        block = blocks[options.block]
        sections = [Section(block.label, workshop.days[block.day_index].date)]
    run = partial(
        print_attendance_sheet, workshop=workshop, participants=participants, sections=sections, paper=options.paper
    )
    return PrintJob("attendance", len(participants), run)


def _people(kind: str, session: Session, options: PrintOptions) -> PrintJob:
    from dgfacil.printing import badge

    workshop = load_workshop(session=session)
    participants = load_participants(session=session)
    fn = badge.print_badges if kind == "badges" else badge.print_table_tents
    run = partial(fn, workshop=workshop, participants=participants, paper=options.paper)
    return PrintJob(kind, len(participants), run)


def _groups(session: Session, options: PrintOptions) -> PrintJob:
    from dgfacil.printing.group_lists import GroupSet, print_group_lists

    workshop = load_workshop(session=session)
    people = {p.id: p for p in load_participants(session=session)}
    titles = {e.id: e.title for e in workshop.exercises}
    days = {d.id: f"Day {i} \u2014 {d.date:%d %b %Y}" for i, d in enumerate(workshop.days, 1)}
    sets: dict[str, GroupSet] = {}
    for g in load_groups(session=session):
        heading = titles.get(g.exercise_id) or days.get(g.day_id) or "Groups"
        members = [people[m] for m in g.member_ids if m in people]
        sets.setdefault(heading, GroupSet(heading)).groups.append((g, members))
    run = partial(print_group_lists, workshop=workshop, sets=list(sets.values()), paper=options.paper)
    return PrintJob("groups", sum(len(s.groups) for s in sets.values()), run)


def _outputs(session: Session, options: PrintOptions) -> PrintJob:
    from dgfacil.printing.group_output import GroupOutput, print_group_outputs

    workshop = load_workshop(session=session)
    people = {p.id: p for p in load_participants(session=session)}
    outputs = []
    for ex in workshop.exercises:
        exercise_id = saved_id(ex.id)
        items = boards.all_board_items(exercise_id, session=session)
        answers = boards.all_answers(exercise_id, session=session)
        for g in groups_for_exercise(exercise_id, session=session):
            if not items.get(g.id) and not answers.get(g.id):
                continue  # nothing written yet: no empty pages
            names = [people[m].printed_name for m in g.member_ids if m in people]
            outputs.append(GroupOutput(ex, g.name, names, items.get(g.id, []), answers.get(g.id, {})))
        if items.get(None) or answers.get(None):  # the plenary board, when no groups were formed
            outputs.append(GroupOutput(ex, "Plenary", [], items.get(None, []), answers.get(None, {})))
    run = partial(print_group_outputs, workshop=workshop, outputs=outputs, paper=options.paper)
    return PrintJob("outputs", len(outputs), run)


def prepare(session: Session, *, kind: str, options: PrintOptions | None = None) -> Changes[PrintJob]:
    """Gather what `kind` needs from the document; the job is the value. Certificates are issued
    (numbers and payloads recorded). Raises NothingToPrint (a ValueError) when the document
    would be empty."""
    options = options or PrintOptions()
    if kind == "certificates":
        from dgfacil.operations.certificates import issue_certificates

        return issue_certificates(session, paper=options.paper, per_person=options.per_person)
    job = _prepare(session, kind, options)
    if job.count == 0:
        raise NothingToPrint(EMPTY.get(kind, "There is nothing to print. Nothing was written."))
    return Changes(value=job)


def _prepare(session: Session, kind: str, options: PrintOptions) -> PrintJob:
    if kind == "attendance":
        return _attendance(session, options)
    if kind in ("badges", "tents"):
        return _people(kind, session, options)
    if kind == "groups":
        return _groups(session, options)
    if kind == "outputs":
        return _outputs(session, options)
    workshop = load_workshop(session=session)
    if kind == "agenda":
        from dgfacil.printing.agenda import print_agenda

        run = partial(print_agenda, workshop=workshop, extra_zones=options.extra_zones, paper=options.paper)
        return PrintJob(kind, len(workshop.days), run)
    if kind == "worksheets":
        from dgfacil.printing.worksheet import print_worksheets

        run = partial(print_worksheets, workshop=workshop, paper=options.paper)
        return PrintJob(kind, len(workshop.exercises), run)
    raise ValueError(f"unknown document {kind!r}; choose from {', '.join(KINDS)}")


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def describe(session: Session, *, kind: str, options: PrintOptions | None = None) -> tuple[int, str]:
    """What `kind` would print, read-only (no numbers, no key): (count, one sentence).
    A count of 0 comes with the sentence `prepare` would refuse with."""
    from dgfacil.printing.badge import COLS, ROWS

    options = options or PrintOptions()
    if kind == "certificates":
        from dgfacil.operations.attendance import eligibility_all

        verdicts = eligibility_all(session)
        n = sum(1 for _p, e in verdicts if e.eligible)
        if not n:
            return 0, (
                f"Nothing to print: nobody is eligible for a certificate yet (0 of {len(verdicts)} participants)."
                if verdicts
                else "Nothing to print: there are no participants yet."
            )
        files = f", one PDF each ({_plural(n, 'file')})" if options.per_person else ""
        return n, (f"{_plural(n, 'certificate')} for the eligible participants ({n} of {len(verdicts)}){files}.")
    if kind in ("attendance", "badges", "tents"):
        n = len(load_participants(session=session))
        if not n:
            return 0, EMPTY[kind].replace(" Nothing was written.", "")
        if kind == "badges":
            return n, f"{_plural(n, 'badge')} on {_plural(-(-n // (COLS * ROWS)), 'page')}."
        if kind == "tents":
            return n, f"{_plural(n, 'table tent')}, one page each."
        sheets = 1 if options.block is not None else max(len(load_workshop(session=session).days), 1)
        return n, f"{_plural(sheets, 'sheet')} listing {_plural(n, 'participant')}."
    if kind == "agenda":
        n = len(load_workshop(session=session).days)
        return n, f"The agenda of {_plural(n, 'day')}."
    if kind == "worksheets":
        n = len(load_workshop(session=session).exercises)
        return n, (
            f"{_plural(n, 'worksheet')}, one for each exercise."
            if n
            else EMPTY[kind].replace(" Nothing was written.", "")
        )
    if kind in ("groups", "outputs"):
        job = (_groups if kind == "groups" else _outputs)(session, options)  # reads only
        word = "group" if kind == "groups" else "group output"
        return job.count, (
            f"{_plural(job.count, word)}." if job.count else EMPTY[kind].replace(" Nothing was written.", "")
        )
    return 1, "The outcome report."


def print_document(
    doc: Document,
    kind: str,
    out: Path,
    *,
    options: PrintOptions | None = None,
    progress: Any = None,
    workers: bool | None = None,
) -> tuple[PrintJob, list[Path]]:
    """Prepare in one transaction, then write the PDF(s) outside it. For the CLI and tests.

    `workers`: draw in worker processes (print_jobs); by default for certificates when there are
    many or one file per person (which then also cleans up after Ctrl+C)."""
    from dgfacil.operations import print_jobs

    with doc.session(write=kind == "certificates") as session:  # only certificates record numbers
        job = prepare(session, kind=kind, options=options).value
    if workers is None:
        workers = kind == "certificates" and (job.count > print_jobs.CHUNK or bool(options and options.per_person))
    if workers:
        return job, print_jobs.run_job(job, Path(out), progress)
    return job, job.run(Path(out), progress)
