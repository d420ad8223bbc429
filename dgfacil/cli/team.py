"""`dgfacil publish FILE URL` and `dgfacil copy URL FILE`: team mode's way onto a PostgreSQL server
and back to one file. The password comes from libpq (PGPASSFILE or ~/.pgpass), never the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

URL_HELP = (
    "postgresql://USER@HOST[:PORT]/DATABASE; the password is read from PGPASSFILE or ~/.pgpass, SSL from PGSSLMODE"
)


def register(sub: argparse._SubParsersAction) -> None:
    publish = sub.add_parser("publish", help="copy a workshop file to a PostgreSQL server for a team (team mode)")
    publish.add_argument("file", type=Path, help="the .dgfacil workshop file")
    publish.add_argument("url", metavar="URL", help=URL_HELP)
    publish.add_argument(
        "--replace", action="store_true", help="overwrite the server's copy of this same workshop with the file"
    )
    publish.add_argument(
        "--grant",
        type=_roles,
        default=(),
        metavar="ROLE[,ROLE]",
        help="accounts that may edit the workshop (granted in the publishing transaction)",
    )
    publish.add_argument(
        "--grant-read", type=_roles, default=(), metavar="ROLE[,ROLE]", help="accounts that may only read it"
    )
    publish.set_defaults(func=cmd_publish)
    copy = sub.add_parser("copy", help="bring a team workshop back to one file (for the archive)")
    copy.add_argument("source", metavar="URL", help=f"the team workshop ({URL_HELP}), or a workshop file")
    copy.add_argument("dest", type=Path, metavar="FILE", help="the new .dgfacil file (never overwritten)")
    copy.set_defaults(func=cmd_copy)


def _roles(text: str) -> tuple[str, ...]:
    return tuple(role.strip() for role in text.split(",") if role.strip())


def cmd_publish(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.operations import team

    if not team.is_server_address(args.url):
        raise CommandError(f"{args.url}: not a server address; give postgresql://USER@HOST/DATABASE")
    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file")
    done = team.publish(args.file, args.url, replace=args.replace, grant=args.grant, grant_read=args.grant_read)
    for note in done.notes:
        print(f"note: {note}")
    print(f"published {args.file} to {team.redacted(args.url)}: {done.total} rows")
    for role in args.grant:
        print(f"granted {role} the right to edit it")
    for role in args.grant_read:
        print(f"granted {role} the right to read it")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from dgfacil.cli import CommandError
    from dgfacil.operations import team

    dest = args.dest if args.dest.suffix == ".dgfacil" else args.dest.with_name(args.dest.name + ".dgfacil")
    if not dest.parent.is_dir():
        raise CommandError(f"there is no folder {dest.parent}; create it first")
    try:
        done = team.copy_to_file(args.source, dest)
    except FileExistsError as err:
        raise CommandError(str(err)) from None
    source = team.redacted(args.source) if team.is_server_address(args.source) else args.source
    print(f"copied {source} to {dest}: {done.total} rows")
    return 0
