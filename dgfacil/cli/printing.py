"""`dgfacil print KIND FILE -o OUT`: the organizer's documents, headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dgfacil.cli import WORKSHOP_HELP, CommandError, Deprecated, workshop_address

KINDS = ("certificates", "attendance", "badges", "tents", "agenda", "worksheets", "groups", "outputs", "report")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print", help="print certificates, attendance sheets, badges, handouts or the report")
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    p.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    p.add_argument(
        "-o",
        "--out",
        required=True,
        help="the PDF to write (a folder with --per-person); for the report, a .docx writes an editable Word document",
    )
    p.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    p.add_argument("--per-person", action="store_true", help="certificates: one PDF per person in OUT")
    p.add_argument("--block", type=int, metavar="N", help="attendance: only block N (1 = first, as in the People room)")
    p.add_argument("--session", type=int, dest="block", action=Deprecated, help=argparse.SUPPRESS)
    p.add_argument(
        "--zone", action="append", default=[], metavar="IANA", help="agenda: another time zone to show (repeatable)"
    )
    p.add_argument("--force", action="store_true", help="print even with names no font can draw or another signing key")
    p.set_defaults(func=cmd_print)


def _preflight(doc, kind: str, force: bool) -> None:
    """Name what would print wrong (blank characters, another signing key) and go on only with
    --force or a 'y' at a terminal; else refuse (exit 2) with nothing written."""
    from dgfacil.operations.preflight import warnings

    with doc.session(write=False) as session:  # a read never waits behind a writer
        found = warnings(session, kind)
    if not found:
        return
    for line in found:
        print(f"warning: {line}", file=sys.stderr)
    if force:
        return
    if sys.stdin.isatty() and input("Print anyway? [y/N] ").strip().lower() in ("y", "yes"):
        return
    raise CommandError(
        f"not printed: {len(found)} warning{'s' if len(found) > 1 else ''} above (use --force to print anyway)"
    )


class _Dots:
    """Progress on stderr for long runs: a line every 10%."""

    def __init__(self) -> None:
        self.last = -1
        self.cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        step = (10 * done) // max(total, 1)
        if total >= 50 and step != self.last:
            self.last = step
            print(f"  {done}/{total}", file=sys.stderr)


def cmd_print(args: argparse.Namespace) -> int:
    from dgfacil.cli.documents import check_zone
    from dgfacil.operations.document import document_address, open_workshop

    src = document_address(args.file)  # a file, or a team workshop's postgresql:// URL
    if isinstance(src, Path) and not src.exists():
        raise CommandError(f"{src}: no such file")
    out = Path(args.out)
    # A typo in -o must not make folders all over the disk: the folder that receives the PDF (or
    # the per-person folder) must already exist.
    home = out.parent if out.parent != Path("") else Path(".")
    if not home.is_dir():
        raise CommandError(f"{home}: no such folder (create it first, or check -o)")
    doc = open_workshop(src)
    try:
        if args.kind == "report":
            from dgfacil.operations.report import print_report

            written = [Path(print_report(doc, out, progress=None))]
            print(f"wrote {written[0]}")
            return 0
        from dgfacil.operations.printing import PrintOptions, print_document

        options = PrintOptions(
            paper=args.paper,
            per_person=args.per_person,
            block=None if args.block is None else args.block - 1,
            extra_zones=[check_zone(z) for z in args.zone],
        )
        if args.per_person and args.kind != "certificates":
            raise CommandError("--per-person applies to certificates only")
        _preflight(doc, args.kind, args.force)
        try:
            job, written = print_document(doc, args.kind, out, options=options, progress=_Dots())
        except ValueError as err:
            raise CommandError(str(err)) from None
    finally:
        doc.close()
    if job.note:
        print(job.note)
    if len(written) == 1:
        print(f"wrote {written[0]}")
    else:
        print(f"wrote {len(written)} files in {out}")
    return 0
