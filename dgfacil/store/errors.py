"""What can go wrong opening or writing a document, in words a facilitator understands.

`explain(err, path)` turns any SQLite or SQLAlchemy failure into one of these: one line naming the
file and what to do, never SQL text or parameters.
"""

from __future__ import annotations

import re
import sqlite3
import traceback
from datetime import datetime
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import exc as orm_exc


def backup_time(backup: Path) -> str:
    """ ", taken 30 Nov 2026 at 04:20 UTC" from a backup's name, or nothing."""
    found = re.search(r"-(\d{8})-(\d{6})-\d{6}-", Path(backup).name)
    if not found:
        return ""
    when = datetime.strptime(found.group(1) + found.group(2), "%Y%m%d%H%M%S")
    return f", taken {when:%d %b %Y} at {when:%H:%M} UTC,"


class DocumentError(Exception):
    """A document could not be opened or written. `str(err)` is a sentence for the user."""


def _name(path: Path | str) -> str:
    """A file's name, or (a str: a server's `where`, "ws2026 on server db:5432") the team workshop."""
    return f"The team workshop {path}" if isinstance(path, str) else path.name


class NotADocument(DocumentError):
    def __init__(self, path: Path | str, why: str = "") -> None:
        extra = f" ({why})" if why else ""
        what = "workshop" if isinstance(path, str) else "workshop file"
        super().__init__(f"{_name(path)} is not a dgfacil {what}{extra}.")
        self.path = path


class MissingDocument(DocumentError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"There is no workshop file at {path}.")
        self.path = path


class NewerDocument(DocumentError):
    def __init__(self, path: Path | str, revision: str) -> None:
        super().__init__(
            f"{_name(path)} was saved by a newer version of dgfacil (schema {revision}). "
            "Update dgfacil to open it; this version will not touch it."
        )
        self.path = path
        self.revision = revision


class DamagedDocument(DocumentError):
    def __init__(self, path: Path, newest_backup: Path | None, why: str = "") -> None:
        if newest_backup:
            hint = f" The newest backup{backup_time(newest_backup)} is {newest_backup}; it can be restored."
        else:
            hint = " No backup of it was found."
        what = f" ({why})" if why else ""
        super().__init__(f"{path.name} is damaged and cannot be opened safely{what}.{hint}")
        self.path = path
        self.newest_backup = newest_backup


class ReadOnlyDocument(DocumentError):
    """An edit on a document opened read-only (write-protected stick, read-only folder, full disk)."""

    def __init__(self, path: Path, why: str = "") -> None:
        because = f" ({why})" if why else ""
        super().__init__(
            f"{path.name} is open read-only{because}: nothing can be saved to it. "
            "Use File > Save a copy as… (or copy it to the laptop) to edit it."
        )
        self.path = path


class LockedDocument(DocumentError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name} is busy: another dgfacil window or command kept it locked. Close the other one and try again."
        )
        self.path = path


class DiskFull(DocumentError):
    def __init__(self, path: Path | str) -> None:
        holding = f"the team workshop {path}" if isinstance(path, str) else path.name
        super().__init__(f"The disk holding {holding} is full. Free some space, or save a copy elsewhere.")
        self.path = path


class CannotWrite(DocumentError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"Cannot write {path}: {why}. Choose a folder you can write to.")
        self.path = path


class UnreadableRecord(DocumentError):
    """A record that passes SQLite's check but holds a value this version cannot use. Raised by
    store/convert with `record` ("agenda_item row 12, column duration_min: ...") and no path; the
    document's session (explain) names the file and its newest backup."""

    def __init__(self, path: Path | None = None, newest_backup: Path | None = None, *, record: str = "") -> None:
        name = path.name if path is not None else "The workshop file"
        which = f" ({record})" if record else ""
        if newest_backup:
            hint = f" Restore the newest backup{backup_time(newest_backup)} at {newest_backup}."
        else:
            hint = " No backup of it was found: open it in the version that wrote it, or restore a copy."
        super().__init__(
            f"{name} holds a record this version cannot read{which}; the file may be damaged or "
            f"edited by another program.{hint}"
        )
        self.path = path
        self.newest_backup = newest_backup
        self.record = record


class EditConflict(DocumentError):
    """An edit based on a stale version: someone else changed the row since it was read (the row
    version of tables.py did not match, or the value the user saw is no longer there). Nothing of
    the edit was saved. `by`/`at`: the laptop that changed it and when (ISO UTC), when known."""

    def __init__(self, what: str = "", path: Path | None = None, *, by: str = "", at: str = "") -> None:
        which = f" ({what})" if what else ""
        if by:
            super().__init__(
                f"{what or 'This'} was {changed_on(by, at)} after you read it. "
                "The current value is shown again: make your change on it."
            )
        else:
            super().__init__(
                f"Someone else changed this{which} after you read it; your edit was not saved. "
                "The current value is shown again: make your change on it."
            )
        self.path = path
        self.what = what
        self.by = by
        self.at = at


def changed_on(by: str, at: str) -> str:
    """ "changed on the check-in laptop at 10:42" (the time in this laptop's zone)."""
    laptop = by if by.lower().endswith("laptop") else f"{by} laptop"
    laptop = laptop if laptop.lower().startswith("the ") else f"the {laptop}"
    try:
        when = f" at {datetime.fromisoformat(at).astimezone():%H:%M}" if at else ""
    except ValueError:
        when = ""
    return f"changed on {laptop}{when}"


class ServerUnreachable(DocumentError):
    """The PostgreSQL server of a team workshop cannot be reached (Wi-Fi down, server stopped, the
    connection lost mid-write). `write`: an edit was under way (so "Nothing was saved")."""

    def __init__(self, where: str, why: str = "", *, write: bool = True) -> None:
        because = f" ({why})" if why else ""
        saved = "Nothing was saved; check" if write else "Check"
        super().__init__(f"The team workshop {where} cannot be reached{because}. {saved} the network, then try again.")
        self.where = where


class ServerRefused(DocumentError):
    """The server answered but will not let us in (password, permission, no such database)."""

    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"The team workshop {where} refused: {why}.")
        self.where = where


class ServerTLS(DocumentError):
    """A TLS (SSL) connection was asked for (PGSSLMODE, sslmode=) and could not be made."""

    def __init__(self, where: str, why: str) -> None:
        super().__init__(
            f"The team workshop {where} cannot be reached over TLS ({why}). PGSSLMODE (or sslmode= in the "
            "URL) asks for TLS: ask the server's administrator to turn TLS on, or check the certificate settings."
        )
        self.where = where


class ServerReadOnly(ReadOnlyDocument):
    """An account that may only read the team workshop. `cli_text`: the sentence for the command line."""

    def __init__(self, where: str, user: str) -> None:
        self.reason = f"your account {user} may only read it" if user else "your account may only read it"
        first = f"The team workshop {where} is open read-only ({self.reason}): nothing can be saved to it."
        DocumentError.__init__(self, f"{first} Use File > Save a copy as… to edit a copy.")
        self.cli_text = f"{first} To edit a copy: dgfacil copy URL FILE."
        self.path = Path(where)
        self.where = where


class ServerBusy(DocumentError):
    """A write waited too long for another laptop's change (the writers' lock). `holder`: its name."""

    def __init__(self, where: str, holder: str = "") -> None:
        who = f"{_laptop(holder)} is saving a long change" if holder else "another laptop is saving a long change"
        super().__init__(
            f"The team workshop {where} is busy: {who} (or stalled in the middle of it; the server ends a "
            "stalled change within seconds). Nothing was saved; try again in a moment."
        )
        self.where = where
        self.holder = holder


class ServerFailed(DocumentError):
    """Any other failure the server reported: named, never as SQL text."""

    def __init__(self, where: str, what: str, *, write: bool = True) -> None:
        doing = "refused the change" if write else "could not be read"
        saved = " Nothing was saved." if write else ""
        super().__init__(f"The team workshop {where} {doing} ({what}).{saved}")
        self.where = where


class BadAddress(DocumentError):
    """A team workshop's URL that libpq would misread, said before any connection is tried."""

    def __init__(self, shown: str, why: str) -> None:
        super().__init__(f"The address {shown} cannot be used: {why}.")


def _laptop(name: str) -> str:
    laptop = name if name.lower().endswith("laptop") else f"{name} laptop"
    return laptop if laptop.lower().startswith("the ") else f"the {laptop}"


_READ_ONLY = {"SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"}
_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_DECODE_ERRORS = (ValueError, LookupError, TypeError, AttributeError)


def _sqlite_error(err: BaseException) -> sqlite3.Error | None:
    if isinstance(err, sa_exc.DBAPIError) and isinstance(err.orig, sqlite3.Error):
        return err.orig
    return err if isinstance(err, sqlite3.Error) else None


def _raised_while_decoding(err: BaseException) -> bool:
    """A stored value SQLAlchemy itself cannot load (a JSON column holding '{not json'): raised in
    its row loading, called from our code. Values it loads but we cannot use are caught, with the
    table, row and column, by store/convert as the rows become the core model."""
    files = [f.filename.replace("\\", "/") for f in traceback.extract_tb(err.__traceback__)]
    ours = [i for i, f in enumerate(files) if "/dgfacil/" in f]
    beyond = files[ours[-1] + 1 :] if ours else []  # frames past our code: SQLAlchemy's loading, a decoder
    return bool(beyond) and "/sqlalchemy/" in beyond[0] and any(part in files[-1] for part in _DECODERS)


_DECODERS = ("/sqlalchemy/", "/json/")


def explain(err: BaseException, path: Path, *, newest_backup: Path | None = None) -> DocumentError | None:
    """The one-line DocumentError for a database failure on `path`, or None if it is not one."""
    if isinstance(err, UnreadableRecord) and err.path is None:  # from convert: now we know the file
        return UnreadableRecord(path, newest_backup, record=err.record)
    if isinstance(err, DocumentError):
        return err
    if isinstance(err, orm_exc.StaleDataError):
        return EditConflict(_stale_what(err), path)
    sqlite_err = _sqlite_error(err)
    if sqlite_err is not None:
        name = getattr(sqlite_err, "sqlite_errorname", "") or ""
        text = str(sqlite_err).lower()
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
            return LockedDocument(path)
        if name == "SQLITE_FULL" or "disk is full" in text or name == "SQLITE_IOERR_SHMSIZE":
            return DiskFull(path)
        if any(name.startswith(n) for n in _READ_ONLY) or "readonly" in text or "read-only" in text:
            return ReadOnlyDocument(path)
        if any(name.startswith(n) for n in _DAMAGED) or "malformed" in text:
            return DamagedDocument(path, newest_backup, "SQLite reports the file malformed")
        if name.startswith("SQLITE_IOERR"):
            return CannotWrite(path, "the disk reported an error (is the USB stick still plugged in?)")
        return CannotWrite(path, f"the database refused the change ({name or type(sqlite_err).__name__})")
    if isinstance(err, sa_exc.SQLAlchemyError):
        return CannotWrite(path, f"the database layer failed ({type(err).__name__})")
    if isinstance(err, _DECODE_ERRORS) and _raised_while_decoding(err):
        return UnreadableRecord(path, newest_backup)
    return None


def _stale_what(err: BaseException) -> str:
    """'agenda_item 12' from SQLAlchemy's "UPDATE statement on table 'agenda_item' expected to
    update 1 row(s); 0 were matched." (its only account of which row)."""
    found = re.search(r"table '(\w+)'", str(err))
    return found.group(1).replace("_", " ") if found else ""
