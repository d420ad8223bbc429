"""The `dgfacil` command: the app by default, sub-commands for headless work.

Each module in this package registers its sub-commands with `register(subparsers)`; modules are
found by name, so a new command is a new file. Sub-commands import what they need inside their
function, so a headless command never loads Qt and starts fast.
An expected failure raises CommandError (or a DocumentError / TemplateError): one line on
stderr, exit status 2 — never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from dgfacil import __version__


class CommandError(Exception):
    """A failure the user can fix; printed as one line."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dgfacil", description="Run capacity-building workshops: agenda, exercises, people, printing."
    )
    parser.add_argument("--version", action="version", version=f"dgfacil {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="start the app (the default)")
    gui.add_argument("file", nargs="?", help="a .dgfacil workshop file to open")
    gui.set_defaults(func=_run_gui)
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        importlib.import_module(f"{__name__}.{module}").register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from dgfacil.launch import launch

    return launch(args.file)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if not argv or (argv[0].endswith(".dgfacil") and len(argv) == 1):
        argv = ["gui", *argv]
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from dgfacil.core.template import TemplateError
    from dgfacil.store.errors import DocumentError

    try:
        return int(args.func(args) or 0)
    except (CommandError, DocumentError) as err:
        print(f"dgfacil: {err}", file=sys.stderr)
        return 2
    except TemplateError as err:
        first, *rest = str(err).splitlines()
        more = f" (and {len(rest)} more problem{'s' if len(rest) > 1 else ''})" if rest else ""
        print(f"dgfacil: invalid template: {first}{more}", file=sys.stderr)
        for line in rest:
            print(f"  {line}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `dgfacil agenda FILE | head`: the reader left; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as err:  # an output path that is a folder, a read-only disk, a missing folder
        where = f" {err.filename}" if err.filename else ""
        print(f"dgfacil: cannot use{where}: {err.strerror or err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a database failure no command caught: one line naming the file
        found = _explain_store_error(err, args)
        if found is None:
            raise
        print(f"dgfacil: {found}", file=sys.stderr)
        return 2


def _explain_store_error(err: Exception, args: argparse.Namespace):
    from pathlib import Path

    from dgfacil.store.errors import explain

    return explain(err, Path(getattr(args, "file", None) or "the workshop file"))
