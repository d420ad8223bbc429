"""`dgfacil evaluation import FILE CSV` and `dgfacil evaluation stats FILE`: the survey, headless."""
from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    evaluation = sub.add_parser("evaluation", help="post-event survey: import a CSV export, show the figures")
    inner = evaluation.add_subparsers(dest="evaluation_command", metavar="ACTION", required=True)
    imp = inner.add_parser("import", help="import an online form's CSV export and report what did not match")
    imp.add_argument("file", type=Path, help="the .dgfacil workshop")
    imp.add_argument("csv", type=Path, help="the survey export (CSV)")
    imp.add_argument("--encoding", help="the CSV's encoding when it is not UTF-8 (e.g. cp1252)")
    imp.add_argument("--dry-run", action="store_true", help="match and report, but import nothing")
    imp.set_defaults(func=cmd_import)
    stats = inner.add_parser("stats", help="print each question's figures, as the report writes them")
    stats.add_argument("file", type=Path)
    stats.set_defaults(func=cmd_stats)


def cmd_import(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.io.evaluation_csv import CsvImportError
    from dgfacil.operations.evaluation import import_csv
    from dgfacil.store import evaluation as store
    from dgfacil.store.document import open_document

    try:
        data = args.csv.read_bytes()
    except OSError as err:
        raise CommandError(f"cannot read {args.csv}: {err.strerror or err}") from None
    if args.encoding:
        try:
            data.decode(args.encoding)
        except LookupError:
            raise CommandError(f"unknown encoding {args.encoding!r}") from None
        except UnicodeDecodeError as err:
            raise CommandError(f"{args.csv} is not {args.encoding}: {err.reason} at byte {err.start}") from None
    doc = open_document(args.file)
    try:
        with doc.session() as session:
            form = store.load_form(session=session)
            try:
                _, result = import_csv(session, data=data, encoding=args.encoding)
            except CsvImportError as err:
                raise CommandError(f"{args.csv}: {err}") from None
            if args.dry_run:
                session.rollback()
        for line in result.read.report.lines(form):
            print(line)
        verb = "would import" if args.dry_run else "imported"
        print(f"{verb} {result.added} responses" + (f"; {result.already_there} were imported before"
                                                     if result.already_there else ""))
    finally:
        doc.close()
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from dgfacil.core.evaluation import summarize
    from dgfacil.store import evaluation as store
    from dgfacil.store.document import open_document

    doc = open_document(args.file)
    try:
        with doc.session() as session:
            form = store.load_form(session=session)
            responses = store.load_responses(session=session)
    finally:
        doc.close()
    print(f"{len(responses)} responses")
    for s in summarize(form, responses):
        q = s.question
        if q.kind == "likert":
            dist = ", ".join(f"{level} {n}" for level, n in zip(q.levels, s.counts))
            print(f"{q.key}\t{s.satisfied_text}\t{dist}")
        elif q.kind == "choice":
            print(f"{q.key}\t" + ", ".join(f"{o} {n}" for o, n in zip(q.options, s.counts)))
        else:
            print(f"{q.key}\t{len(s.texts)} written answers")
    return 0
