"""`dgfacil signatories FILE`: who signs the certificates (at most three).

    dgfacil signatories FILE --list
    dgfacil signatories FILE --add NAME --title TITLE [--image SIGNATURE.png]
    dgfacil signatories FILE --remove N          (N as numbered by --list, 1 = leftmost)

Without an action it lists them. Changes are committed at once; the list is printed after.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dgfacil.cli import WORKSHOP_HELP, missing_file, workshop_address


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("signatories", help="list, add or remove the certificates' signatories (max three)")
    p.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    p.add_argument("--add", metavar="NAME", help="add a signatory with this name (printed last)")
    p.add_argument("--title", default="", help="the new signatory's title, e.g. 'Head, UNPOG'")
    p.add_argument("--image", type=Path, metavar="PNG", help="a PNG or JPEG of the signature (with --add)")
    p.add_argument("--remove", type=int, metavar="N", help="remove signatory number N (see --list)")
    p.add_argument("--list", action="store_true", help="print the signatories (the default)")
    p.set_defaults(func=cmd_signatories)


def _print_list(rows) -> None:
    if not rows:
        print("no signatories: certificates print without signature blocks")
    for i, row in enumerate(rows, start=1):
        picture = "signature image" if row.signature_png else "no image"
        print(f"{i}. {row.name}\t{row.title or '-'}\t{picture}")


def cmd_signatories(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.operations import signatories as ops
    from dgfacil.operations.document import open_workshop

    if (args.title or args.image) and not args.add:
        raise CommandError("--title and --image go with --add NAME")
    image = None
    if args.image is not None:
        try:
            image = args.image.read_bytes()
        except OSError as err:
            raise CommandError(f"{args.image}: {err.strerror or err}") from None
    if missing_file(args.file):
        raise CommandError(f"{args.file}: no such file")
    doc = open_workshop(args.file)
    try:
        with doc.session(write=args.remove is not None or args.add is not None) as session:
            if args.remove is not None:
                rows = ops.list_signatories(session)
                if not 1 <= args.remove <= len(rows):
                    raise CommandError(
                        f"--remove {args.remove}: there are {len(rows)} signatories (numbered from 1; see --list)"
                    )
                ops.remove_signatory(session, signatory_id=rows[args.remove - 1].id)
                print(f"removed {rows[args.remove - 1].name}")
            if args.add is not None:
                ops.add_signatory(session, name=args.add, title=args.title, image=image)
                print(f"added {' '.join(args.add.split())}")
        with doc.session(write=False) as session:
            _print_list(ops.list_signatories(session))
    except ops.SignatoryError as err:
        raise CommandError(str(err)) from None
    finally:
        doc.close()
    return 0
