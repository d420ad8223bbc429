"""Part VI of the outcome report: the post-event survey's figures, charts and free-text answers.

Shares are of the respondents who answered each question; unanswered and not-asked questions are
said so in the text, never hidden.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Spacer

from dgfacil.core.evaluation import NOT_ASKED, QuestionStats, counted
from dgfacil.printing import charts, styles
from dgfacil.printing.styles import para, static


def survey_section(responses: int, survey_title: str, stats: list[QuestionStats], width: float) -> list:
    """Part VI: key figures, a chart and table per group of rating questions, choices, free text."""
    if responses == 0:  # pages of "n/a (0 of 0)" would tell the reader nothing
        return [
            static("VI. Evaluation of the Post-Event Survey", "h1"),
            para(
                f"[No evaluation responses recorded yet. The form ({survey_title}) has {len(stats)} "
                "questions: type the paper forms in or import the online form's CSV in the Evaluation "
                "room, then print the report again.]",
                "meta",
            ),
        ]
    story = [
        static("VI. Evaluation of the Post-Event Survey", "h1"),
        para(
            f"{counted(responses, 'evaluation response')} {'was' if responses == 1 else 'were'} "
            f"collected ({survey_title}). "
            "Shares are of the respondents who answered each question, and where some did not, the "
            'figure says how many ("130 of 140 answering; 7 no answer"); "satisfied" counts the '
            "top two levels, rounded half up to one decimal."
        ),
    ]
    likert = [s for s in stats if s.question.kind == "likert"]
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
            styles.text_table(headers, rows, [first, *([rest] * len(levels)), last], small=True),
        ]
    for s in stats:
        if s.question.kind == "choice":
            rows = [[o, str(c), s.share(i)] for i, (o, c) in enumerate(zip(s.question.options, s.counts, strict=True))]
            if s.unanswered:  # shares are of those answering: the rest are counted, never hidden
                rows.append(["No answer", str(s.unanswered), "—"])
            story += [
                para(s.question.text, "h2"),
                styles.text_table(["Answer", "Respondents", "Share"], rows, [width * 0.5, width * 0.2, width * 0.2])
                if s.asked
                else para(NOT_ASKED.capitalize() + ".", "meta"),
            ]
    for s in stats:
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
