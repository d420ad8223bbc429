"""`dgfacil attendance FILE`: who attended and who earns a certificate; mark, import, export."""

from __future__ import annotations

import argparse
from pathlib import Path

from dgfacil.cli import WORKSHOP_HELP, Deprecated, workshop_address

# operations.attendance.BLOCK_KINDS, spelled out: a command registers without loading the store
BLOCK_KINDS = ("item", "half-day")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "attendance",
        help="attendance and certificate eligibility (mark, import, export)",
        description="Without an action, prints each participant's attendance and eligibility.",
    )
    p.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    p.add_argument("--mark-all", action="store_true", help="mark everybody present at everything (rehearsals)")
    p.add_argument(
        "--import",
        dest="import_file",
        type=Path,
        metavar="CSV",
        help="take marks from a sheet: a row per participant, a column per block",
    )
    p.add_argument("--export", type=Path, metavar="OUT.csv|OUT.xlsx", help="write the attendance sheet")
    p.add_argument(
        "--blocks",
        choices=BLOCK_KINDS,
        help="take attendance per agenda item or half-day (saved in the workshop)",
    )
    p.add_argument("--unit", choices=BLOCK_KINDS, dest="blocks", action=Deprecated, help=argparse.SUPPRESS)
    p.add_argument(
        "--threshold",
        help="the certificate rule, saved in the workshop: 'all' (the APO rule, "
        "default) or the fraction of blocks required, e.g. 0.75",
    )
    p.set_defaults(func=cmd_attendance)


def _threshold(text: str) -> float | None:
    from dgfacil.cli import CommandError

    if text.strip().lower() == "all":
        return None
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise CommandError(f"--threshold {text!r}: write 'all', a fraction such as 0.75, or 75%")
    return value


def cmd_attendance(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.operations import attendance as att
    from dgfacil.operations.document import open_workshop
    from dgfacil.operations.participants import RosterFileError, read_roster_file

    table = None
    if args.import_file:
        try:
            table = read_roster_file(args.import_file)
        except RosterFileError as err:
            raise CommandError(str(err)) from None
    threshold = _threshold(args.threshold) if args.threshold is not None else False
    doc = open_workshop(args.file)
    status = 0
    try:
        with doc.session() as session:
            if args.blocks:
                att.set_block_kind(session, kind=args.blocks)
                print(f"attendance is now taken per {'agenda item' if args.blocks == 'item' else 'half-day'} (saved)")
            if threshold is not False:
                att.set_threshold(session, threshold=threshold)
                rule = "every block" if threshold is None else f"at least {threshold:.0%} of blocks"
                print(f"certificate rule saved: {rule}")
            if args.mark_all:
                att.mark_all(session)
                print("marked everybody present at every block")
            if table is not None:
                try:
                    report = att.import_attendance(session, table=table).value
                except ValueError as err:
                    raise CommandError(f"{args.import_file.name}: {err}") from None
                print(
                    f"{args.import_file.name}: {report.marked} marked present, {report.cleared} marked absent, "
                    f"blocks: {'; '.join(report.blocks)}"
                )
                for line in report.problems:
                    print(line)
                status = 1 if report.problems else 0
        with doc.session() as session:
            if args.export:
                try:
                    att.export_attendance(session, path=args.export)
                except RosterFileError as err:
                    raise CommandError(str(err)) from None
                print(f"wrote {args.export}")
            rows = att.eligibility_all(session)
            blocks = att.attendance_blocks(session)
    finally:
        doc.close()
    if not (args.mark_all or table is not None or args.export):
        for p, e in rows:
            verdict = "eligible" if e.eligible else f"not eligible: {e.reason}"
            print(f"{p.badge_code}\t{e.attended}/{e.total}\t{p.full_name}\t{verdict}")
    eligible = sum(1 for _, e in rows if e.eligible)
    plural = "s" if len(blocks) != 1 else ""
    print(f"{eligible} of {len(rows)} participants eligible for a certificate ({len(blocks)} block{plural})")
    return status
