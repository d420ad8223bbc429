"""The `dgfacil` command: the app by default, sub-commands for headless work.

Each module in this package registers its sub-commands with `register(subparsers)`; modules are
found by name, so a new command is a new file. Sub-commands import what they need inside their
function, so a headless command never loads Qt and starts fast. Like the UI, a command reaches
the document only through operations: it opens a workshop with
`operations.document.open_workshop` (tests/test_architecture.py holds the rule).
An expected failure raises CommandError (or a DocumentError / TemplateError): one line on
stderr, exit status 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import pkgutil
import sys
from pathlib import Path

from dgfacil import __version__


class CommandError(Exception):
    """A failure the user can fix; printed as one line."""


# Every command that takes a workshop takes a file or a team workshop's URL (docs/team-mode.md).
WORKSHOP_HELP = "the workshop: a .dgfacil FILE or a team workshop's postgresql:// URL"
_SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")  # as store/engine.py's


def workshop_address(text: str) -> Path | str:
    """argparse's type for a workshop: a URL stays the text it was (a Path would merge the slashes of
    `postgresql:///ws?host=/tmp`), anything else is a file's path."""
    return text if text.lower().startswith(_SERVER_SCHEMES) else Path(text)


def missing_file(address: Path | str) -> bool:
    """A file that is not there (a URL is checked by the server)."""
    return isinstance(address, Path) and not address.exists()


class Deprecated(argparse.Action):
    """An old flag that still works: it stores its value and says which flag replaces it."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"{option_string} is deprecated; use --{self.dest}", file=sys.stderr)
        setattr(namespace, self.dest, values)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dgfacil", description="Run capacity-building workshops: agenda, exercises, people, printing."
    )
    parser.add_argument("--version", action="version", version=f"dgfacil {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="start the app (the default)")
    gui.add_argument("file", nargs="?", help=f"{WORKSHOP_HELP}, to open")
    gui.set_defaults(func=_run_gui)
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        importlib.import_module(f"{__name__}.{module}").register(sub)
    return parser


def _one_line_errors() -> tuple[type[Exception], ...]:
    """The failures printed as one line. Imported only once one is raised: the store's errors load
    SQLAlchemy (~0.3 s), which the app loads only after its window is painted."""
    from dgfacil.core.text import TextError
    from dgfacil.operations.document import DocumentError

    return CommandError, DocumentError, TextError


def _template_error() -> type[Exception]:
    from dgfacil.core.template import TemplateError  # pydantic: loaded only for a failure

    return TemplateError


def _run_gui(args: argparse.Namespace) -> int:
    from dgfacil.launch import launch

    return launch(args.file)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    one = argv[0] if len(argv) == 1 else ""
    if not argv or (one.endswith(".dgfacil") and not one.startswith("-")) or one.lower().startswith(_SERVER_SCHEMES):
        # the app, as `gui [FILE]` would parse: its window sooner, without loading every sub-command
        args = argparse.Namespace(command="gui", file=argv[0] if argv else None, func=_run_gui)
    else:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
    try:
        return int(args.func(args) or 0)
    except _one_line_errors() as err:  # an except clause is evaluated only when something was raised
        print(f"dgfacil: {getattr(err, 'cli_text', None) or err}", file=sys.stderr)  # cli_text: no menus
        return 2
    except _template_error() as err:
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
        print(f"dgfacil: {_explain_os_error(err, args)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a database failure no command caught: one line naming the file
        found = _explain_store_error(err, args)
        if found is None:
            raise
        print(f"dgfacil: {getattr(found, 'cli_text', None) or found}", file=sys.stderr)
        return 2


# What to do about the errors a file system gives for an output, by errno.
_OS_ADVICE = {
    errno.ENOSPC: "free some space or choose another disk",
    errno.EISDIR: "it is a folder: give a file name",
    errno.EACCES: "choose a folder you can write to",
    errno.EPERM: "choose a folder you can write to",
    errno.EROFS: "the disk is write-protected: choose another one",
    errno.ENOENT: "check the folder exists",
}


def _explain_os_error(err: OSError, args: argparse.Namespace) -> str:
    """'cannot write out.pdf: No space left on device — free some space…', naming the file the
    user gave (not the hidden '.out.pdf.123.x.part' it was being written through)."""
    where = err.filename or getattr(args, "output", None) or getattr(args, "out", None)
    if where and Path(where).name.startswith(".") and Path(where).name.endswith(".part"):
        hidden = Path(where)
        where = hidden.with_name(".".join(hidden.name[1:].split(".")[:-3]))
    advice = _OS_ADVICE.get(err.errno or 0)
    return f"cannot write {where or 'the output'}: {err.strerror or err}" + (f" — {advice}" if advice else "")


def _explain_store_error(err: Exception, args: argparse.Namespace):
    from dgfacil.operations.document import explain_failure

    address = getattr(args, "file", None) or getattr(args, "source", None) or "the workshop file"
    return explain_failure(err, address if isinstance(address, Path) else workshop_address(str(address)))
