"""`dgfacil roster import|export`: the roster without the app."""

from __future__ import annotations

import argparse
from pathlib import Path

from dgfacil.cli import WORKSHOP_HELP, workshop_address


def register(sub: argparse._SubParsersAction) -> None:
    roster = sub.add_parser("roster", help="import or export the participants")
    actions = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="import a CSV/TSV/XLSX roster; prints every problem by row",
        description="Rows with errors are refused and listed; the rest are imported in one "
        "transaction. Exit status 1 when any row was refused, 2 when nothing could be read.",
    )
    imp.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    imp.add_argument("roster", type=Path, help="the roster file (.csv, .tsv, .txt, .xlsx)")
    imp.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    imp.add_argument("--encoding", help="override the guess: utf-8, utf-8-sig, utf-16, cp1252...")
    imp.add_argument("--delimiter", choices=["comma", "semicolon", "tab", "bar"], help="override the guess")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="say what a column holds (FIELD: full_name, first_name, last_name, certificate_name, "
        "email, country, organization, position, role, origin, badge_code, or ignore); repeatable",
    )
    imp.set_defaults(func=cmd_import)
    exp = actions.add_parser("export", help="write the roster as CSV or XLSX (by the suffix of OUT)")
    exp.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.csv|OUT.xlsx")
    exp.set_defaults(func=cmd_export)


SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t", "bar": "|"}


def _apply_overrides(mapping, headers: list[str], pairs: list[str]):
    from dgfacil.cli import CommandError
    from dgfacil.core.roster_columns import FIELDS

    for pair in pairs:
        header, sep, name = pair.rpartition("=")
        if not sep or name not in (*FIELDS, "ignore"):
            raise CommandError(f"--map {pair!r}: write HEADER=FIELD with FIELD one of {', '.join(FIELDS)} or ignore")
        matches = [i for i, h in enumerate(headers) if h.strip().casefold() == header.strip().casefold()]
        if not matches:
            raise CommandError(f"--map {pair!r}: the roster has no column {header!r} (it has {', '.join(headers)})")
        chosen = None if name == "ignore" else name
        mapping.columns = [None if (c == chosen and chosen) else c for c in mapping.columns]
        mapping.columns[matches[0]] = chosen
    return mapping


def cmd_import(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.core.roster_columns import guess_mapping
    from dgfacil.operations import participants as ops
    from dgfacil.operations.document import open_workshop

    try:
        table = ops.read_roster_file(
            args.roster, encoding=args.encoding, delimiter=SEPARATORS.get(args.delimiter or "")
        )
    except ops.RosterFileError as err:
        raise CommandError(str(err)) from None
    sample = [cells for _, cells in table.rows[:200]]  # lets the guess see a column of honorifics
    mapping = _apply_overrides(guess_mapping(table.headers, sample), table.headers, args.map)
    print(f"{args.roster.name}: {table.describe()}")
    for note in table.notes:
        print(f"note: {note}")
    print("columns" + ("" if mapping.confident or args.map else " (a guess; correct it with --map HEADER=FIELD)") + ":")
    for line in mapping.describe(table.headers):
        print(f"  {line}")
    doc = open_workshop(args.file)
    try:
        if args.dry_run:
            with doc.session(write=False) as session:  # a dry run writes nothing
                preview = ops.preview_roster(session, table=table, mapping=mapping)
        else:
            with doc.session() as session:
                result = ops.import_roster(session, table=table, mapping=mapping).value
            preview = result.preview
    finally:
        doc.close()
    for line in preview.report_lines():
        print(line if line[:4] in ("row ", "note") else ("would import: " if args.dry_run else "imported: ") + line)
    return 1 if preview.refused_rows else 0


def cmd_export(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.operations.document import open_workshop
    from dgfacil.operations.participants import RosterFileError, export_roster

    doc = open_workshop(args.file)
    try:
        with doc.session(write=False) as session:  # a read never waits behind a writer
            export_roster(session, path=args.output)
    except RosterFileError as err:
        raise CommandError(str(err)) from None
    finally:
        doc.close()
    print(f"wrote {args.output}")
    return 0
