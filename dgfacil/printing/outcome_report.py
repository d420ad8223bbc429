"""The outcome report PDF, in the shape of a UN capacity-development outcome report.

Cover; acknowledgments; contents; I. executive summary; II. key messages; III. summary of
discussions per session; IV. group outputs; V. recommendations; VI. evaluation of the post-event
survey (figures, charts, free-text answers); annex 1: agenda as planned and as run; annex 2:
participation. Plain values in (`OutcomeReport`), PDF out, written whole or not at all.
A written part left empty prints a visible placeholder, so nobody mails a report with a hole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer, Table, TableStyle

from dgfacil.core.evaluation import NOT_ASKED, QuestionStats, counted
from dgfacil.printing import charts, layout, styles
from dgfacil.printing.styles import para, static

PLACEHOLDER = "[To be written: {what}]"


@dataclass
class SessionSummary:
    number: str  # "1)"
    title: str
    time: str  # "15:07–15:39"
    lead: str
    speakers: list[str]
    notes: list[tuple[str, str]]  # (speaker, text)


@dataclass
class OutputTable:
    """One group output as a table: an exercise's board or answers, or an action plan."""

    exercise: str
    group: str
    kind: str
    headers: list[str]
    rows: list[list[str]]


@dataclass
class AgendaLine:
    title: str
    planned: str  # "15:00–15:07"
    planned_min: int
    actual: str = ""  # "15:00–15:09", "" when not run
    actual_min: int | None = None
    skipped: bool = False
    late_min: int = 0  # actual start minus planned start

    @property
    def over_min(self) -> int | None:
        return None if self.actual_min is None else self.actual_min - self.planned_min


@dataclass
class OutcomeReport:
    title: str
    subtitle: str
    dates: str
    times: list[str]  # one line per zone: "15:00 – 16:40 Seoul (GMT+9)"
    modality: str
    venue: str
    organizers: list[str]
    issued: str  # "August 2023"
    sections: dict[str, str] = field(default_factory=dict)  # acknowledgments, executive_summary, recommendations
    key_messages: list[str] = field(default_factory=list)
    sessions: list[SessionSummary] = field(default_factory=list)
    outputs: list[OutputTable] = field(default_factory=list)
    responses: int = 0
    survey_title: str = "Post-Event Survey"
    stats: list[QuestionStats] = field(default_factory=list)
    agenda: list[tuple[str, list[AgendaLine]]] = field(default_factory=list)  # (day heading, lines)
    run_recorded: bool = False
    run_note: str = ""
    participation: list[tuple[str, str]] = field(default_factory=list)  # (label, figure)
    countries: list[tuple[str, int]] = field(default_factory=list)
    footer: str = ""
    actions: list[list[str]] = field(default_factory=list)  # [action, owner, due, session]


def _written(report: OutcomeReport, key: str, what: str) -> list:
    text = report.sections.get(key, "").strip()
    if not text:
        return [para(PLACEHOLDER.format(what=what), "meta")]
    return [para(block.strip()) for block in text.split("\n\n") if block.strip()]


def _th_small() -> ParagraphStyle:
    return ParagraphStyle("th_small_report", parent=styles.style("th"), fontSize=7.2, leading=8.8)


def _table(headers: list[str], rows: list[list[str]], widths: list[float], *, small: bool = False) -> Table:
    cell = "td_small" if small else "td"
    head = _th_small() if small else "th"
    # headers can be user text too (level names, column titles from a template): escape them
    data = [[styles.head(h, head) for h in headers]] + [[para(v, cell) for v in row] for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)  # a cell may outgrow a page
    t.setStyle(styles.table_style(rows=len(data)))
    return t


def _cover(r: OutcomeReport) -> list:
    story = [
        Spacer(1, 30 * mm),
        static("CAPACITY DEVELOPMENT", "label"),
        Spacer(1, 3 * mm),
        para(r.title, "title", size=22),
        Spacer(1, 2 * mm),
    ]
    if r.subtitle:
        story.append(para(r.subtitle, "subtitle"))
    story += [Spacer(1, 6 * mm), para(r.dates, "h2")]
    story += [para(line, "meta") for line in r.times]
    story += [
        para(f"{r.modality} · {r.venue}" if r.venue else r.modality, "meta"),
        Spacer(1, 18 * mm),
        static("OUTCOME REPORT", "title"),
        para(r.issued, "subtitle"),
        Spacer(1, 22 * mm),
    ]
    if r.organizers:
        story.append(static("Organized by", "meta"))
        story += [para(o, "h2") for o in r.organizers]
    return story + [PageBreak()]


def _contents(r: OutcomeReport) -> list:
    heads = [
        "I. Executive Summary",
        "II. Key Messages",
        "III. Summary of Discussions",
        "IV. Group Outputs",
        "V. Recommendations",
        "VI. Evaluation of the Post-Event Survey",
        "Annex 1. Agenda as Planned and as Run",
        "Annex 2. Participation",
    ]
    story = [static("Contents", "h1")]
    story += [static(h, "body") for h in heads]
    for s in r.sessions:
        story.append(para(f"    {s.number} {s.title}", "small"))
    return story + [PageBreak()]


def _sessions(r: OutcomeReport, width: float) -> list:
    story = [static("III. Summary of Discussions", "h1")]
    for s in r.sessions:
        block = [para(f"{s.number} {s.title}", "h2"), para(s.time, "meta")]
        if s.lead:
            block.append(para(f"Moderator: {s.lead}", "meta"))
        if s.speakers:
            block.append(para("Speakers: " + "; ".join(s.speakers), "meta"))
        story.append(KeepTogether(block))
        if s.notes:
            for speaker, text in s.notes:
                story.append(para(f"{speaker}: {text}" if speaker else text))
        else:
            story.append(para(PLACEHOLDER.format(what="no notes were taken in this session"), "meta"))
    return story


def _evaluation(r: OutcomeReport, width: float) -> list:
    if r.responses == 0:  # pages of "n/a (0 of 0)" would tell the reader nothing
        return [
            static("VI. Evaluation of the Post-Event Survey", "h1"),
            para(
                f"[No evaluation responses recorded yet. The form ({r.survey_title}) has {len(r.stats)} "
                "questions: type the paper forms in or import the online form's CSV in the Evaluation "
                "room, then print the report again.]",
                "meta",
            ),
        ]
    story = [
        static("VI. Evaluation of the Post-Event Survey", "h1"),
        para(
            f"{counted(r.responses, 'evaluation response')} {'was' if r.responses == 1 else 'were'} "
            f"collected ({r.survey_title}). "
            "Shares are of the respondents who answered each question, and where some did not, the "
            'figure says how many ("130 of 140 answering; 7 no answer"); "satisfied" counts the '
            "top two levels, rounded half up to one decimal."
        ),
    ]
    likert = [s for s in r.stats if s.question.kind == "likert"]
    groups: list[tuple[str, tuple[str, ...], list[QuestionStats]]] = []
    for s in likert:
        if groups and groups[-1][0] == s.question.group and groups[-1][1] == s.question.levels:
            groups[-1][2].append(s)
        else:
            groups.append((s.question.group, s.question.levels, [s]))
    if likert:
        story += [
            para("Key figures", "h2"),
            para("Share of respondents who chose one of the top two levels (for the executive summary):", "meta"),
        ]
        story += [
            para(
                f"• {s.question.text}: {s.satisfied_text}"
                + (f" — {s.question.levels[0]} or {s.question.levels[1]}" if s.asked else ""),
                "body",
            )
            for s in likert
            if len(s.question.levels) >= 2
        ]
    for stem, levels, items in groups:
        bars = [charts.Bar(s.question.text, tuple(s.counts), s.satisfied_text) for s in items]
        headers = ["Aspect", *levels, "Top two"]
        rows = [
            [
                s.question.text,
                *(f"{c} ({s.share(i)})" if s.asked else "—" for i, c in enumerate(s.counts)),
                s.satisfied_text,
            ]
            for s in items
        ]
        first, last = width * 0.24, width * 0.19
        rest = (width - first - last) / max(len(levels), 1)
        story += [
            CondPageBreak(90 * mm),
            para(stem or "Ratings", "h2"),
            charts.stacked_bars(bars, levels, width=width, note_width=_note_width(bars, width)),
            Spacer(1, 3 * mm),
            _table(headers, rows, [first, *([rest] * len(levels)), last], small=True),
        ]
    for s in r.stats:
        if s.question.kind == "choice":
            rows = [[o, str(c), s.share(i)] for i, (o, c) in enumerate(zip(s.question.options, s.counts, strict=True))]
            if s.unanswered:  # shares are of those answering: the rest are counted, never hidden
                rows.append(["No answer", str(s.unanswered), "—"])
            story += [
                para(s.question.text, "h2"),
                _table(["Answer", "Respondents", "Share"], rows, [width * 0.5, width * 0.2, width * 0.2])
                if s.asked
                else para(NOT_ASKED.capitalize() + ".", "meta"),
            ]
    for s in r.stats:
        if s.question.kind == "text":
            distinct = s.distinct_texts()
            if not s.asked:
                story += [para(s.question.text, "h2"), para(NOT_ASKED.capitalize() + ".", "meta")]
                continue
            story += [
                CondPageBreak(35 * mm),
                para(s.question.text, "h2"),
                para(
                    f"{counted(len(s.texts), 'answer')}, {len(distinct)} different; all are listed (repeats counted "
                    "once, with their number). Choose the quotes to keep.",
                    "meta",
                ),
            ]
            story += [para(f"• {t}" + (f" (×{n})" if n > 1 else ""), "body") for t, n in distinct] or [
                para("No answers.", "meta")
            ]
    return story


def _note_width(bars: list, width: float) -> float:
    """Room for the longest figure beside the bars ("80.0% (112 of 140 answering; 7 no answer)")."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from dgfacil.printing import fonts

    bold = fonts.font_name(fonts.LATIN, True)
    return min(max(88.0, *(stringWidth(b.note, bold, 7.5) + 8 for b in bars)), width * 0.4)


def _agenda(r: OutcomeReport, width: float) -> list:
    story = [static("Annex 1. Agenda as Planned and as Run", "h1")]
    if r.run_note:
        story.append(para(r.run_note, "meta"))
    for heading, lines in r.agenda:
        rows = []
        for a in lines:
            diff = (
                "skipped"
                if a.skipped
                else ""
                if a.over_min is None
                else f"+{a.over_min} min over"
                if a.over_min > 0
                else f"{-a.over_min} min short"
                if a.over_min < 0
                else "as planned"
            )
            if a.late_min:
                diff += f"; started {a.late_min} min late" if a.late_min > 0 else f"; started {-a.late_min} min early"
            rows.append(
                [
                    a.planned,
                    f"{a.planned_min}",
                    a.title,
                    a.actual or "—",
                    "" if a.actual_min is None else str(a.actual_min),
                    diff,
                ]
            )
        t = _table(
            ["Planned", "Min", "Item", "As run", "Min", "Difference"],
            rows,
            [width * 0.13, width * 0.06, width * 0.43, width * 0.13, width * 0.07, width * 0.18],
            small=True,
        )
        style = TableStyle(
            [
                ("TEXTCOLOR", (5, i + 1), (5, i + 1), styles.ACCENT)
                for i, a in enumerate(lines)
                if a.over_min and a.over_min > 0
            ]
        )
        t.setStyle(style)
        story += [para(heading, "h2"), t]
    return story


def _participation(r: OutcomeReport, width: float) -> list:
    story = [
        static("Annex 2. Participation", "h1"),
        _table(["Figure", "Number"], [[k, v] for k, v in r.participation], [width * 0.6, width * 0.2]),
    ]
    if r.countries:
        story += [
            static("Registrations by country", "h2"),
            _table(
                ["Country", "Registered"], [[c, str(n)] for c, n in r.countries], [width * 0.6, width * 0.2], small=True
            ),
        ]
    return story


def story_of(r: OutcomeReport, width: float, progress=None) -> list:
    """The report's flowables, part by part (progress reported between parts)."""
    parts = 8
    layout.check(progress, 0, parts, "cover")
    story = _cover(r)
    story += [static("Acknowledgments", "h1"), *_written(r, "acknowledgments", "acknowledgments"), PageBreak()]
    story += _contents(r)
    story += [static("I. Executive Summary", "h1"), *_written(r, "executive_summary", "executive summary")]
    layout.check(progress, 1, parts, "key messages")
    story += [static("II. Key Messages", "h1")]
    story += [para(f"{i}. {m}") for i, m in enumerate(r.key_messages, 1)] or [
        para(PLACEHOLDER.format(what="no note was tagged 'key message'"), "meta")
    ]
    layout.check(progress, 2, parts, "discussions")
    story += [PageBreak(), *_sessions(r, width)]
    layout.check(progress, 3, parts, "group outputs")
    story += [static("IV. Group Outputs", "h1")]
    for o in r.outputs:
        cols = max(len(o.headers), 1)
        story += [
            CondPageBreak(40 * mm),
            para(f"{o.exercise} — {o.group}", "h2"),
            _table(o.headers, o.rows, [width / cols] * cols, small=cols > 4),
        ]
    if not r.outputs:
        story.append(para(PLACEHOLDER.format(what="no exercise board holds anything"), "meta"))
    layout.check(progress, 4, parts, "recommendations")
    story += [static("V. Recommendations", "h1"), *_written(r, "recommendations", "recommendations")]
    if r.actions:  # the notes tagged Action, with who does them and by when
        story += [
            para("Actions agreed", "h2"),
            _table(["Action", "Owner", "Due", "Session"], r.actions, [w * width for w in (0.45, 0.2, 0.12, 0.23)]),
        ]
    layout.check(progress, 5, parts, "evaluation")
    story += [PageBreak(), *_evaluation(r, width)]
    layout.check(progress, 6, parts, "annexes")
    story += [PageBreak(), *_agenda(r, width), Spacer(1, 6 * mm), *_participation(r, width)]
    return story


def _cover_band(canvas, doc) -> None:
    if canvas.getPageNumber() != 1:
        return
    w, h = doc.pagesize
    canvas.saveState()
    canvas.setFillColor(styles.NAVY)
    canvas.rect(0, h - 22 * mm, w, 22 * mm, stroke=0, fill=1)
    canvas.setFillColor(styles.ACCENT)
    canvas.rect(0, h - 24 * mm, w, 2 * mm, stroke=0, fill=1)
    canvas.restoreState()


def write_outcome_report(report: OutcomeReport, out: Path, progress=None) -> Path:
    """Lay the report out into `out` (atomic). Raises layout.Cancelled if progress was cancelled."""
    size = styles.page_size("A4")
    width = size[0] - 2 * styles.MARGIN
    story = story_of(report, width, progress)
    layout.check(progress, 7, 8, "laying out pages")
    path = layout.build_pdf(
        Path(out),
        story,
        title=f"Outcome report: {report.title}"[:200],
        pagesize=size,
        footer=report.footer or "Outcome report",
        on_page=_cover_band,
    )
    layout.check(progress, 8, 8, "done")
    return path


__all__ = ["AgendaLine", "OutcomeReport", "OutputTable", "SessionSummary", "write_outcome_report"]
