"""`dgfacil verify PAYLOAD`: check a certificate's QR text offline.

Exit status: 0 valid, 1 invalid or signed by an unknown key, 2 bad usage.
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
    p.add_argument("--export-key", type=Path, metavar="PEM",
                   help="write this organizer's public key to PEM (and verify nothing else)")
    p.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from dgfacil.core import signing
    from dgfacil.operations import keys

    if args.export_key:
        keys.export_public_key(args.export_key)
        print(f"wrote {args.export_key} (fingerprint {keys.fingerprint()})")
        return 0
    text = sys.stdin.read() if args.payload == "-" else args.payload
    for path in args.key:
        if not path.exists():
            raise CommandError(f"{path}: no such key file")
    try:
        known = keys.known_keys(args.key)
    except ValueError as err:
        raise CommandError(str(err)) from None
    verdict = signing.verify(text, known)
    print(verdict.status.value.upper())
    if verdict.claim:
        c = verdict.claim
        print(f"certificate {c.number}\nname        {c.name}\nworkshop    {c.workshop_code}\n"
              f"dates       {c.start.isoformat()} to {c.end.isoformat()}")
    if verdict.key_id:
        print(f"key         {verdict.key_id}")
    if verdict.reason:
        print(f"reason      {verdict.reason}")
    return 0 if verdict.valid else 1
