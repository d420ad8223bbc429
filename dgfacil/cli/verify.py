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
    p.add_argument(
        "--key",
        action="append",
        default=[],
        type=Path,
        metavar="PEM",
        help="also trust this public key file (repeatable)",
    )
    p.add_argument(
        "--workshop",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="also trust the keys this .dgfacil workshop was signed with (repeatable)",
    )
    p.add_argument(
        "--export-key",
        type=Path,
        metavar="PEM",
        help="write this organizer's public key to PEM (and verify nothing else)",
    )
    p.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from dgfacil.operations import keys
    from dgfacil.operations.certificates import verify_certificate

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
    for path in args.workshop:
        if not path.exists():
            raise CommandError(f"{path}: no such workshop file")
    try:
        verdict = verify_certificate(text, key_files=args.key, workshops=args.workshop)
    except ValueError as err:
        raise CommandError(str(err)) from None
    print("\n".join(verdict.lines()))
    return 0 if verdict.valid else 1
