"""Assembling the outcome report from what the document holds, and printing it.

`assemble_report(session)` gathers plain values (no PDF); `print_report(doc, out, progress)` is
what `dgfacil print report` and the Evaluation room's button call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dgfacil.core.agenda import hhmm, plan_day, workshop_zones, zone_label
from dgfacil.core.evaluation import summarize
from dgfacil.core.model import ItemKind, NoteTag, Workshop
from dgfacil.core.run.outcome import actual_times
from dgfacil.printing.layout import Cancelled as Cancelled  # re-exported: the UI names it through operations
from dgfacil.printing.outcome_report import (
    AgendaLine,
    OutcomeReport,
    OutputTable,
    SessionSummary,
    write_outcome_report,
)
from dgfacil.store import evaluation as store_eval
from dgfacil.store.attendance import participation
from dgfacil.store.boards import filled_boards
from dgfacil.store.notes import load_notes
from dgfacil.store.report_sections import report_sections
from dgfacil.store.run_log import load_events
from dgfacil.store.workshop import load_workshop

if TYPE_CHECKING:
    from sqlmodel import Session

    from dgfacil.core.model import AgendaItem, Note
    from dgfacil.store.document import Document

TAG_PREFIX = {
    NoteTag.DECISION: "Decision",
    NoteTag.ACTION: "Action",
    NoteTag.QUESTION: "Question",
    NoteTag.QUOTE: "Quote",
}


def _dates(workshop: Workshop) -> str:
    first, last = workshop.start_date, workshop.end_date
    if first is None:
        return ""
    if last is None or first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {first:%B %Y}"
    return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"


def _times(workshop: Workshop) -> list[str]:
    """The first day's span in every zone, venue first: "15:00 – 16:40 Seoul (GMT+9)"."""
    if not workshop.days or not workshop.days[0].items:
        return []
    day = workshop.days[0]
    slots = plan_day(day, workshop.timezone)
    return [
        f"{hhmm(slots[0].start, z)} – {hhmm(slots[-1].end, z)} {zone_label(z, day.date)}"
        for z in workshop_zones(workshop)
    ]


def _agenda(workshop: Workshop, session: Session) -> tuple[list[tuple[str, list[AgendaLine]]], bool]:
    """Each day's items as planned, and as run when the run log holds that day (core.run.outcome.actual_times)."""
    out, recorded = [], False
    tz = workshop.timezone
    for day in workshop.days:
        events = load_events(day_id=day.id, session=session) if day.id else []
        # the log's last instant stands for "now", so a report printed later says the same thing
        actual = {a.item_id: a for a in actual_times(day, tz, events, max(e.at for e in events))} if events else {}
        lines = []
        for slot in plan_day(day, tz):
            line = AgendaLine(slot.item.title, f"{hhmm(slot.start)}–{hhmm(slot.end)}", slot.item.duration_min)
            a = actual.get(slot.item.id) if slot.item.id is not None else None
            if a is not None and a.status == "skipped" and a.actual_start is None:
                line.skipped = True
            elif a is not None and a.actual_start is not None:
                recorded = True
                end = hhmm(a.actual_end, tz) if a.actual_end else "still running"
                line.actual = f"{hhmm(a.actual_start, tz)}–{end}"
                line.actual_min = a.actual_min
                line.late_min = a.start_late_min
            lines.append(line)
        title = f"{day.date.day} {day.date:%B %Y}" + (f" — {day.title}" if day.title else "")
        out.append((f"{title} (times in {zone_label(tz, day.date)})", lines))
    return out, recorded


def _outputs(session: Session) -> list[OutputTable]:
    out = []
    for b in filled_boards(session=session):
        d = b.definition
        for gid, group in b.groups.items():
            items, answers = b.items.get(gid, []), b.answers.get(gid, {})
            if b.kind == "table":
                cols = d.get("columns", [])
                goal = (d.get("group_by") or {}).get("title", "")
                headers = ([goal] if goal else []) + [c.get("title", c["key"]) for c in cols]
                rows = [
                    ([it.area] if goal else [])
                    + [
                        str((it.data.get("cells") or it.data).get(c["key"], it.text if i == 0 else ""))
                        for i, c in enumerate(cols)
                    ]
                    for it in items
                ]
            elif b.kind in ("zones", "plane"):
                titles = {
                    z["key"]: z.get("title", z["key"])
                    for z in d.get("zones", []) + d.get("quadrants", [])
                    if isinstance(z, dict) and "key" in z
                }
                headers = ["Area", "Notes"]
                by_area: dict[str, list[str]] = {}
                for it in items:
                    by_area.setdefault(str(titles.get(it.area, it.area or "—")), []).append(it.text)
                rows = [[area, "\n".join(f"• {t}" for t in texts)] for area, texts in by_area.items()]
            elif b.kind == "rubric":
                levels = [lv.get("title", lv.get("key")) for lv in d.get("levels", [])]

                def name(i: object, levels: list[Any] = levels) -> str:  # this board's levels
                    return str(levels[i]) if isinstance(i, int) and 0 <= i < len(levels) else "—"

                headers = ["Dimension", "Current", "Target"]
                rows = [
                    [
                        dim.get("title", dim["key"]),
                        name(answers.get(dim["key"], {}).get("current")),
                        name(answers.get(dim["key"], {}).get("target")),
                    ]
                    for dim in d.get("dimensions", [])
                ]
            else:
                texts = {q["key"]: q.get("text", q["key"]) for q in d.get("questions", [])}
                headers = ["Question", "Answer"]
                rows = [
                    [texts.get(k, k), str(v.get("text", v.get("answer", v.get("choice", ""))))]
                    for k, v in answers.items()
                ]
            if rows:
                out.append(OutputTable(b.title, group, b.kind, headers, rows))
    return out


def _participation(session: Session) -> tuple[list[tuple[str, str]], list[tuple[str, int]]]:
    p = participation(session=session)
    not_marked = "not recorded"
    figures = [
        ("Registered", str(p.registered)),
        ("Attended (present in at least one block)", str(p.attended) if p.attendance_marked else not_marked),
        ("Countries (registered)", str(p.countries)),
        ("Countries (attended)", str(p.countries_attended) if p.attendance_marked else not_marked),
        (
            "Local participants (registered / attended)",
            f"{p.local} / {p.local_attended if p.attendance_marked else not_marked}",
        ),
        (
            "Overseas participants (registered / attended)",
            f"{p.overseas} / {p.overseas_attended if p.attendance_marked else not_marked}",
        ),
    ]
    return figures, p.by_country


def _owner_due(note: Note) -> str:
    if note.tag != NoteTag.ACTION or not (note.owner or note.due):
        return ""
    return " (" + ", ".join(p for p in (note.owner, f"due {note.due}" if note.due else "") if p) + ")"


def _actions(notes: list[Note], items: list[AgendaItem]) -> list[list[str]]:
    """The actions agreed, in agenda order: action, owner, due date, session."""
    order = {it.id: n for n, it in enumerate(items)}
    titles = {it.id: it.title.split(":")[0] for it in items}  # "Session 1", as the notes name it
    tagged = sorted(
        (n for n in notes if n.tag == NoteTag.ACTION),
        key=lambda n: (order.get(n.agenda_item_id, len(order)), n.created_at),
    )
    return [[n.text, n.owner or "—", n.due or "—", titles.get(n.agenda_item_id, "General")] for n in tagged]


def assemble_report(session: Session, *, issued: date | None = None) -> OutcomeReport:
    """Everything the outcome report says, read from the document as plain values."""
    w = load_workshop(session=session)
    notes = load_notes(session=session)
    items = [it for day in w.days for it in day.items]
    order = {it.id: n for n, it in enumerate(items)}
    key_messages = [
        n.text
        for n in sorted(notes, key=lambda n: (order.get(n.agenda_item_id, len(order)), n.created_at))
        if n.tag == NoteTag.KEY_MESSAGE
    ]
    sessions: list[SessionSummary] = []
    for day in w.days:
        for slot in plan_day(day, w.timezone):
            it = slot.item
            if it.kind == ItemKind.BREAK:
                continue
            mine = [
                (n.speaker, f"{TAG_PREFIX[n.tag]}: {n.text}{_owner_due(n)}" if n.tag in TAG_PREFIX else n.text)
                for n in notes
                if n.agenda_item_id == it.id and n.tag != NoteTag.KEY_MESSAGE
            ]
            sessions.append(
                SessionSummary(
                    f"{len(sessions) + 1})",
                    it.title,
                    f"{hhmm(slot.start)}–{hhmm(slot.end)}",
                    it.lead,
                    list(it.speakers),
                    mine,
                )
            )
    general = [(n.speaker, n.text) for n in notes if n.agenda_item_id not in order and n.tag != NoteTag.KEY_MESSAGE]
    if general:
        sessions.append(SessionSummary(f"{len(sessions) + 1})", "Other notes", "", "", [], general))
    form = store_eval.load_form(session=session)
    responses = store_eval.load_responses(session=session)
    agenda, recorded = _agenda(w, session)
    figures, countries = _participation(session)
    # A report drafted before or during the workshop (a rehearsal) is dated by its last day,
    # not by a day the workshop has not reached yet.
    issued = issued or max(date.today(), w.end_date or date.today())
    return OutcomeReport(
        title=w.title,
        subtitle=w.description,
        dates=_dates(w),
        times=_times(w),
        modality={"online": "Online", "hybrid": "Hybrid", "in-person": "In person"}.get(
            w.modality.value, w.modality.value
        ),
        venue=w.venue,
        organizers=list(w.organizers),
        issued=f"{issued:%B %Y}",
        sections=report_sections(session=session),
        key_messages=key_messages,
        sessions=sessions,
        outputs=_outputs(session),
        responses=len(responses),
        survey_title=form.title,
        stats=summarize(form, responses),
        agenda=agenda,
        run_recorded=recorded,
        run_note="" if recorded else "The agenda was not run in dgfacil, so only the plan is shown.",
        participation=figures,
        countries=countries,
        actions=_actions(notes, items),
        footer=f"Outcome report · {w.project_code or w.title[:60]}",
    )


def print_report(doc: Document, out: Path, progress: Any = None) -> Path:
    """Write the outcome report of `doc` to `out` (atomic): PDF, or an editable Word document
    when `out` ends in .docx. `progress`: report/cancelled."""
    with doc.session(write=False) as session:  # a read never waits behind a writer
        write = report_job(session)
    return write(Path(out), progress)  # the transaction is over before the layout starts


def report_job(session: Session) -> Callable[[Path, Any], Path]:
    """Gather the report now (on the database worker); the returned `write(out, progress)` lays
    out the PDF later, off the database (long work with progress; Cancelled leaves no file)."""
    report = assemble_report(session)

    def write(out: Path, progress: Any = None) -> Path:
        if Path(out).suffix.lower() == ".docx":  # the editable report for a word processor
            from dgfacil.printing.report_docx import write_outcome_report_docx

            return write_outcome_report_docx(report, Path(out), progress)
        return write_outcome_report(report, Path(out), progress)

    return write


# Cancelled (printing.layout) is imported from here by the rooms that print the report.
