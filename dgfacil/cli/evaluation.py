"""`dgfacil evaluation import FILE SURVEY` and `dgfacil evaluation stats FILE`: the survey, headless.

An import prints what it read and decided (columns, answers read by their place on a scale,
numbers, metadata left out) and writes nothing, exit 2, while any answer maps to no level.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dgfacil.cli import WORKSHOP_HELP, workshop_address


def _pair(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"{text!r} is not TEXT=VALUE")
    left, right = text.rsplit("=", 1)
    return left.strip(), right.strip()


def register(sub: argparse._SubParsersAction) -> None:
    evaluation = sub.add_parser("evaluation", help="post-event survey: import an online export, show the figures")
    inner = evaluation.add_subparsers(dest="evaluation_command", metavar="ACTION", required=True)
    imp = inner.add_parser(
        "import",
        help="import a survey export (Google Forms, Microsoft Forms, SurveyMonkey, KoboToolbox, "
        "LimeSurvey, plain CSV or XLSX); nothing is written while an answer maps to no level",
    )
    imp.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    imp.add_argument("survey", type=Path, metavar="SURVEY", help="the survey export (CSV or XLSX)")
    imp.add_argument(
        "--column",
        type=_pair,
        action="append",
        default=[],
        metavar='"HEADER=KEY"',
        help="read the column HEADER as question KEY (KEY '-' leaves the column out); repeatable",
    )
    imp.add_argument(
        "--answer",
        type=_pair,
        action="append",
        default=[],
        metavar='"TEXT=LEVEL"',
        help="read the answer TEXT as LEVEL (LEVEL empty: no answer); repeatable",
    )
    imp.add_argument(
        "--one-is-best",
        action="store_true",
        help="numbered answers run 1 = best (by default N = best, as most tools number them)",
    )
    imp.add_argument(
        "--sheet",
        metavar="NAME",
        help="the workbook's sheet to read (by default the one whose header matches the form best)",
    )
    imp.add_argument("--encoding", help="the CSV's encoding when it is not UTF-8 (e.g. cp1252)")
    imp.add_argument("--dry-run", action="store_true", help="read and report, but import nothing")
    imp.add_argument(
        "--replace", action="store_true", help="remove every imported response first (typed forms are kept)"
    )
    imp.set_defaults(func=cmd_import)
    stats = inner.add_parser("stats", help="print each question's figures, as the report writes them")
    stats.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    stats.set_defaults(func=cmd_stats)


def cmd_import(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.operations.document import open_workshop
    from dgfacil.operations.evaluation import SurveyImportError, UnmappedAnswers, import_survey

    try:
        data = args.survey.read_bytes()
    except OSError as err:
        raise CommandError(f"cannot read {args.survey}: {err.strerror or err}") from None
    doc = open_workshop(args.file)
    try:
        with doc.session() as session:
            try:
                result = import_survey(
                    session,
                    data=data,
                    name=args.survey.name,
                    encoding=args.encoding,
                    columns=dict(args.column),
                    answers=dict(args.answer),
                    one_best=args.one_is_best,
                    replace_all=args.replace,
                    sheet=args.sheet,
                ).value
            except UnmappedAnswers as err:
                print("\n".join(err.read.lines()))
                raise CommandError(f"{args.survey}: {err}") from None
            except SurveyImportError as err:
                raise CommandError(f"{args.survey}: {err}") from None
            if args.dry_run:
                session.rollback()
        lines = result.read.lines()
        print(
            "\n".join(
                line + ("; --sheet NAME reads another" if line.startswith("  read the sheet") else "") for line in lines
            )
        )
        print(result.summary(dry_run=args.dry_run))
    finally:
        doc.close()
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from dgfacil.core.evaluation import NOT_ASKED, counted, summarize
    from dgfacil.operations.document import open_workshop
    from dgfacil.operations.evaluation import all_responses, evaluation_form

    doc = open_workshop(args.file)
    try:
        with doc.session(write=False) as session:  # a read never waits behind a writer
            form = evaluation_form(session)
            responses = all_responses(session)
    finally:
        doc.close()
    print(counted(len(responses), "response"))
    for s in summarize(form, responses):
        q = s.question
        if q.kind == "likert":
            dist = ", ".join(f"{level} {n}" for level, n in zip(q.levels, s.counts, strict=True))
            print(f"{q.key}\t{s.satisfied_text}\t{dist}")
        elif q.kind == "choice":
            figures = ", ".join(f"{o} {n}" for o, n in zip(q.options, s.counts, strict=True))
            no_answer = f", no answer {s.unanswered}" if s.unanswered else ""
            print(f"{q.key}\t" + (figures + no_answer if s.asked else NOT_ASKED))
        else:
            print(f"{q.key}\t" + (counted(len(s.texts), "written answer") if s.asked else NOT_ASKED))
    return 0
