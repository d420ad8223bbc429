"""What went wrong talking to a team workshop's server, in one sentence (never a file's advice).

However SQLAlchemy wraps a lost connection (OperationalError, InterfaceError, PendingRollbackError
after a flush that failed, a connection invalidated), the sentence is "cannot be reached"; the
driver's own error is looked for along the whole chain of causes.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import exc as orm_exc

from dgfacil.store.errors import (
    DiskFull,
    DocumentError,
    EditConflict,
    ServerBusy,
    ServerFailed,
    ServerReadOnly,
    ServerRefused,
    ServerTLS,
    ServerUnreachable,
    UnreadableRecord,
    _stale_what,
    explain,
)

_REFUSED_STATES = {
    "28000": "the user name or password was not accepted (libpq reads the password from PGPASSFILE or ~/.pgpass)",
    "28P01": "the password was not accepted (libpq reads it from PGPASSFILE or ~/.pgpass)",
    "3D000": "there is no such database on it",
}
# SQLAlchemy's words for "the connection under this session is gone": no driver error of their own.
_LOST = (sa_exc.PendingRollbackError, sa_exc.ResourceClosedError, sa_exc.DisconnectionError, sa_exc.InterfaceError)


def no_rights(user: str) -> str:
    who = f"your account {user}" if user else "your account"
    return f"{who} has no rights on this workshop: ask its owner to grant them (docs/team-mode.md, Accounts)"


def _chain(err: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    todo: list[BaseException | None] = [err]
    while todo:
        one = todo.pop(0)
        if one is None or any(one is seen for seen in found):
            continue
        found.append(one)
        todo += [getattr(one, "orig", None), one.__cause__, one.__context__]
    return found


def explain_server(err: BaseException, where: str, *, write: bool, user: str = "") -> DocumentError | None:
    """The one-line DocumentError for a failure on the team workshop `where`, or None."""
    import psycopg

    if isinstance(err, UnreadableRecord) and err.path is None:
        return UnreadableRecord(Path(where), None, record=err.record)
    if isinstance(err, DocumentError):
        return err
    if isinstance(err, orm_exc.StaleDataError):
        return EditConflict(_stale_what(err))
    chain = _chain(err)
    driver = next((e for e in chain if isinstance(e, psycopg.Error)), None)
    if driver is None:
        if any(isinstance(e, _LOST) for e in chain) or any(
            isinstance(e, sa_exc.DBAPIError) and e.connection_invalidated for e in chain
        ):
            return ServerUnreachable(where, "the connection was lost", write=write)
        if isinstance(err, sa_exc.SQLAlchemyError):
            return ServerFailed(where, type(err).__name__, write=write)
        found = explain(err, Path(where))  # a stored value that cannot be decoded
        return found if isinstance(found, UnreadableRecord) else None
    return _from_driver(driver, where, write=write, user=user)


def _from_driver(orig: BaseException, where: str, *, write: bool, user: str) -> DocumentError:
    import psycopg

    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if not state and "does not exist" in text:
        state = "3D000"  # libpq reports a failed connection without a state
    if state == "42501":
        return ServerReadOnly(where, user) if write else ServerRefused(where, no_rights(user))
    if state in _REFUSED_STATES or (not state and ("password" in text or "authentication" in text)):
        return ServerRefused(where, _REFUSED_STATES.get(state, "the user name or password was not accepted"))
    if not state and ("SSL" in text or "TLS" in text or "certificate" in text):
        return ServerTLS(where, _short(text))
    if state == "40001":
        return EditConflict()
    if state == "55P03":
        return ServerBusy(where)
    if state.startswith("53"):
        return DiskFull(where)
    if (
        not state
        or state.startswith(("08", "57"))
        or state == "25P03"  # idle_in_transaction_session_timeout: this laptop stalled mid-change
        or isinstance(orig, (psycopg.OperationalError, psycopg.InterfaceError))
    ):
        return ServerUnreachable(where, _short(text), write=write)
    return ServerFailed(where, type(orig).__name__, write=write)


def _short(text: str) -> str:
    """libpq's reason without its address prefix: 'Connection refused', 'timeout expired'."""
    reason = text.rsplit(": ", 1)[-1].strip() if ": " in text else text
    return reason.removeprefix("FATAL:  ").strip()[:120]
