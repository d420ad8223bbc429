"""`dgfacil new`, `templates`, `agenda` and `export`: documents without the app."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from dgfacil.cli import WORKSHOP_HELP, workshop_address


def register(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser("new", help="create a workshop document from a template")
    new.add_argument(
        "file", type=workshop_address, help="the new .dgfacil file (a team workshop is published from a file)"
    )
    new.add_argument("--template", required=True, help="a bundled template's name, or a .toml file")
    new.add_argument("--start", type=_iso_date, help="first day, YYYY-MM-DD (default: the template's)")
    new.add_argument("--tz", help="the venue's time zone: a city or an IANA name (default: the template's)")
    new.set_defaults(func=cmd_new)

    templates = sub.add_parser("templates", help="list the bundled templates, one a line, name first")
    templates.set_defaults(func=cmd_templates)

    agenda = sub.add_parser("agenda", help="print the agenda with a column per time zone")
    agenda.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    agenda.add_argument("--tz", action="append", default=[], metavar="ZONE", help="another zone (repeatable)")
    agenda.add_argument("--ics", type=Path, metavar="OUT.ics", help="write the agenda as an iCalendar file")
    agenda.set_defaults(func=cmd_agenda)

    export = sub.add_parser("export", help="write the whole workshop as JSON")
    export.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    export.add_argument("-o", "--output", type=Path, required=True)
    export.set_defaults(func=cmd_export)


def _iso_date(text: str) -> date:
    from dgfacil.core.text import check_date

    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None
    try:
        check_date("the first day", value)  # 9999-12-31 plus the template's days is past the calendar's end
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return value


def check_zone(zone: str) -> str:
    """The IANA zone meant: an IANA name, or a city or country with one zone ("Seoul")."""
    from dgfacil.cli import CommandError
    from dgfacil.core.zones import find_zones, resolve_zone

    resolved = resolve_zone(zone)
    if resolved is None:
        candidates = ", ".join(m.zone for m in find_zones(zone, limit=5))
        hint = f"; did you mean {candidates}?" if candidates else " (use a city or an IANA name such as Asia/Bangkok)"
        raise CommandError(f"unknown time zone {zone!r}{hint}")
    return resolved


def cmd_new(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.operations.document import new_from_template

    if isinstance(args.file, str):
        raise CommandError("dgfacil new makes a file; publish it with dgfacil publish FILE URL")
    if args.file.suffix != ".dgfacil":
        args.file = args.file.with_name(args.file.name + ".dgfacil")
    if args.file.exists():
        raise CommandError(f"{args.file} already exists; choose another name")
    if not args.file.parent.is_dir():
        raise CommandError(f"there is no folder {args.file.parent}; create it first")
    from dgfacil.core.zones import typed_place
    from dgfacil.operations.workshop import set_zone_labels

    place = typed_place(args.tz) if args.tz else None  # "--tz Geneva" shows as Geneva, not Zurich
    if args.tz:
        args.tz = check_zone(args.tz)
    doc = new_from_template(args.file, args.template, start=args.start, timezone=args.tz)
    if place:
        with doc.session() as session:
            set_zone_labels(session, labels={args.tz: place})
    doc.close()
    print(f"created {args.file}")
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.operations.templates import bundled_templates
    from dgfacil.paths import sessions_dir

    found = bundled_templates()
    if not found:  # an install without its data: say so, never an empty list and success
        raise CommandError(
            f"no workshop templates found in {sessions_dir()}; the installation is missing its data (reinstall dgfacil)"
        )
    for t in found:
        print(f"{t.name}\t{t.days} day{'s' if t.days != 1 else ''}\t{t.title}")
    return 0


def cmd_agenda(args: argparse.Namespace) -> int:
    from dgfacil.core.agenda import hhmm, plan_day, workshop_zones, zone_label
    from dgfacil.core.zones import typed_place

    zones = [check_zone(z) for z in args.tz]
    asked = {check_zone(z): typed_place(z) for z in args.tz if typed_place(z)}  # "--tz Geneva"
    from dgfacil.operations.document import load_workshop, open_workshop
    from dgfacil.operations.ics import export_ics
    from dgfacil.operations.workshop import zone_labels

    doc = open_workshop(args.file, read_only=True)
    try:
        with doc.session(write=False) as session:  # a read never waits behind a writer
            if args.ics:
                export_ics(session, path=args.ics)
                print(f"wrote {args.ics}")
                return 0
            workshop = load_workshop(session)
            typed = zone_labels(session)  # the city typed for a zone ("Geneva" for Europe/Zurich)
        zones = workshop_zones(workshop, zones)
        names = {**typed, **asked}
        print(workshop.title)
        for day in workshop.days:
            labels = [zone_label(z, day.date, names.get(z)) for z in zones]
            widths = [max(len(label), 13) for label in labels]
            print()
            print(f"{day.date:%A %d %B %Y}" + (f" — {day.title}" if day.title else ""))
            print(
                "  ".join(label.ljust(w) for label, w in zip(labels, widths, strict=True))
                + "  Min  Item   (* fixed start)"
            )
            for slot in plan_day(day, workshop.timezone):
                cells = [
                    f"{hhmm(slot.start, z)}–{hhmm(slot.end, z)}".ljust(w) for z, w in zip(zones, widths, strict=True)
                ]
                mark = "*" if slot.item.fixed_start else " "
                print("  ".join(cells) + f"  {slot.item.duration_min:>3}{mark} {slot.item.title}")
    finally:
        doc.close()
    sys.stdout.flush()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from dgfacil.operations.document import open_workshop
    from dgfacil.operations.export import export_document_json

    doc = open_workshop(args.file, read_only=True)
    try:
        export_document_json(doc, args.output)
    finally:
        doc.close()
    print(f"wrote {args.output}")
    return 0
