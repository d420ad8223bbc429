"""`dgfacil verify PAYLOAD`: check a certificate's QR text offline.

Exit status: 0 valid, 1 invalid or signed by an unknown key, 2 bad usage.
Only a valid code's name and dates are printed as facts; otherwise they are shown as what the
code claims, NOT verified.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dgfacil.cli import CommandError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="check the text of a certificate's QR code")
    p.add_argument("payload", help="the scanned text ('-' reads it from standard input)")
    p.add_argument("--key", action="append", default=[], type=Path, metavar="PEM",
                   help="also trust this public key file (repeatable)")
    p.add_argument("--workshop", action="append", default=[], type=Path, metavar="FILE",
                   help="also trust the keys this .dgfacil workshop was signed with (repeatable)")
    p.add_argument("--export-key", type=Path, metavar="PEM",
                   help="write this organizer's public key to PEM (and verify nothing else)")
    p.set_defaults(func=cmd_verify)


def _workshop_keys(paths: list[Path]) -> list[bytes]:
    from dgfacil.operations import keys
    from dgfacil.store.document import open_document

    found: list[bytes] = []
    for path in paths:
        if not path.exists():
            raise CommandError(f"{path}: no such workshop file")
        doc = open_document(path)
        try:
            with doc.session(write=False) as session:  # a read never waits behind a writer
                found += keys.workshop_keys(session)
        finally:
            doc.close()
    return found


def cmd_verify(args: argparse.Namespace) -> int:
    from dgfacil.core import signing
    from dgfacil.operations import keys

    # a scanned name must never crash the output (a C locale, a Windows console)
    sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    if args.export_key:
        keys.export_public_key(args.export_key)
        print(f"wrote {args.export_key} (fingerprint {keys.fingerprint()})")
        return 0
    if args.payload == "-":
        text = sys.stdin.buffer.read().decode("utf-8", errors="surrogateescape")
    else:
        text = args.payload
    for path in args.key:
        if not path.exists():
            raise CommandError(f"{path}: no such key file")
    try:
        known = keys.known_keys(args.key, _workshop_keys(args.workshop))
    except ValueError as err:
        raise CommandError(str(err)) from None
    verdict = signing.verify(text, known)
    print("\n".join(verdict.lines()))
    return 0 if verdict.valid else 1
