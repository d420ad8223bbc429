"""`dgfacil key export|import|list`: the organization's signing key on every laptop.

    dgfacil key export FILE            the private key, protected by a passphrase
    dgfacil key export --public FILE   the public key, for verifiers elsewhere
    dgfacil key import FILE [--replace]  sign with the organization's key on this laptop
    dgfacil key import --public FILE   trust another organization's public key
    dgfacil key list                   this laptop's key and the keys it trusts

The passphrase is asked at the terminal (twice on export) or read from the first line of
--passphrase-file; never from the command line, which other users and shell history can see.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from dgfacil.cli import CommandError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("key", help="move the organization's signing key between laptops; trust public keys")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    exp = actions.add_parser("export", help="write the signing key (passphrase-protected) or --public key")
    exp.add_argument("file", type=Path)
    exp.add_argument("--public", action="store_true", help="only the public key (no passphrase)")
    exp.add_argument(
        "--passphrase-file", type=Path, metavar="FILE", help="read the passphrase from the first line of FILE"
    )
    exp.set_defaults(func=cmd_export)
    imp = actions.add_parser("import", help="sign with an exported key here, or --public: trust a public key")
    imp.add_argument("file", type=Path)
    imp.add_argument("--public", action="store_true", help="trust this public key for verification")
    imp.add_argument("--passphrase-file", type=Path, metavar="FILE")
    imp.add_argument(
        "--replace", action="store_true", help="replace this laptop's own key (its public key stays trusted)"
    )
    imp.set_defaults(func=cmd_import)
    lst = actions.add_parser("list", help="this laptop's signing key and the public keys it trusts")
    lst.set_defaults(func=cmd_list)


def _passphrase(args: argparse.Namespace, *, confirm: bool) -> bytes:
    if args.passphrase_file:
        try:
            lines = args.passphrase_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise CommandError(f"{args.passphrase_file}: cannot read the passphrase ({err})") from None
        if not lines or not lines[0]:
            raise CommandError(f"{args.passphrase_file}: the first line (the passphrase) is empty")
        return lines[0].encode("utf-8")
    if not sys.stdin.isatty():
        raise CommandError("no terminal to ask for the passphrase: use --passphrase-file FILE")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise CommandError("the two passphrases differ; nothing was written")
    return first.encode("utf-8")


def cmd_export(args: argparse.Namespace) -> int:
    from dgfacil.operations import keys

    if not args.file.parent.is_dir():
        raise CommandError(f"{args.file.parent}: no such folder")
    if args.public:
        keys.export_public_key(args.file)
        print(f"wrote {args.file}: public key {keys.fingerprint()}")
        return 0
    try:
        fingerprint = keys.export_private_key(args.file, _passphrase(args, confirm=True))
    except keys.KeyFileError as err:
        raise CommandError(str(err)) from None
    print(
        f"wrote {args.file}: the signing key {fingerprint}, protected by the passphrase. "
        "Keep it like a password; import it on another laptop with `dgfacil key import`."
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from dgfacil.operations import keys

    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file")
    try:
        if args.public:
            print(f"trusted public key {keys.trust_public_key(args.file)} for verification")
            return 0
        passphrase = _passphrase(args, confirm=False)
        fingerprint = keys.import_private_key(args.file, passphrase, replace=args.replace)
    except (keys.KeyFileError, ValueError) as err:
        raise CommandError(str(err)) from None
    print(f"this laptop now signs with the organization key {fingerprint}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from dgfacil.operations import keys

    rows = keys.listing()
    if not rows:
        print("no keys yet: a signing key is made when certificates are first printed")
    for what, fingerprint in rows:
        print(f"{fingerprint}  {what}")
    return 0
