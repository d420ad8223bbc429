"""A team workshop's address: a `postgresql://` URL (or any form libpq reads), checked before use.

The URL goes to libpq untouched; the names shown to the user (the database, the server) come from
libpq's own parsing (psycopg.conninfo.conninfo_to_dict), never from rebuilding the URL. A URL that
libpq would misread (a password holding an unencoded `@ : / #`, a port that is not a number, no
database) is refused here in one sentence, before any connection is tried.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from dgfacil.store.errors import BadAddress

DEFAULT_PORT = "5432"


@dataclass(frozen=True)
class ServerAddress:
    """What a URL names: `database` and `host` ("127.0.0.1:55432", "/tmp/pgdir", "this computer")."""

    url: str
    database: str
    host: str
    user: str

    @property
    def where(self) -> str:
        """ "ws2026 on server 127.0.0.1:55432": "the team workshop {where}" in every message."""
        return f"{self.database} on server {self.host}"


def libpq_url(address: str) -> str:
    """The URL as libpq reads it (SQLAlchemy's `+psycopg` dialect tag taken off)."""
    return "postgresql://" + address.split("://", 1)[1]


def redacted(address: str) -> str:
    """The URL without its password, for titles, messages and logs. The user part ends at the last
    `@` before the query, so a password holding an unencoded `@` (or `?`) is hidden whole too."""
    scheme, _, rest = address.partition("://")
    head = rest.partition("?")[0]
    if "@" in head:
        userinfo, _, after = rest.partition("?")[0].rpartition("@")
        after += rest[len(head) :]
    elif re.match(r"[^/@:?#]*:", rest) and "@" in rest:  # "user:pass?word@host": cut at the last @
        userinfo, _, after = rest.rpartition("@")
    else:
        userinfo, after = "", rest
    user = userinfo.split(":", 1)[0]
    rest = f"{user}@{after}" if user else after
    rest = re.sub(r"(?i)([?&]password=)[^&]*", r"\1…", rest)
    return f"{scheme}://{rest}"


def _password_trouble(address: str) -> bool:
    """A password in the URL that holds a character the URL itself uses (@ : / # ?)."""
    rest = address.partition("://")[2]
    if rest.count("@") == 0:
        return False
    userinfo = rest.rsplit("@", 1)[0]
    user, colon, password = userinfo.partition(":")
    return bool(colon) and any(c in password for c in "@:/#?")


def _fail(address: str, why: str) -> BadAddress:
    return BadAddress(redacted(address) if not _password_trouble(address) else _scheme_user(address), why)


def _scheme_user(address: str) -> str:
    scheme, _, rest = address.partition("://")
    return f"{scheme}://{rest.split(':', 1)[0].split('@', 1)[0]}@…"


_PASSWORD_ADVICE = (
    "its password holds a character a URL reserves (@ : / # ?): percent-encode it (@ is %40, : is %3A, "
    "/ is %2F, # is %23) or leave it out of the URL and put it in ~/.pgpass"
)


def parse_address(address: str) -> ServerAddress:
    """The address checked and named, or BadAddress saying what is wrong with it."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    url = libpq_url(address)
    try:
        found = conninfo_to_dict(url)
    except ProgrammingError as err:
        if _password_trouble(address):
            raise _fail(address, _PASSWORD_ADVICE) from None
        raise _fail(address, f"libpq cannot read it ({str(err).strip().splitlines()[0]})") from None
    ports = str(found.get("port") or "")
    bad_port = next((p for p in ports.split(",") if p and not p.isdigit()), None)
    if _password_trouble(address) and (bad_port or "@" in str(found.get("dbname", ""))):
        raise _fail(address, _PASSWORD_ADVICE)
    if bad_port is not None:
        raise _fail(address, f"the port {bad_port!r} is not a number")
    database = str(found.get("dbname") or "")
    if not database and not found.get("service") and not os.environ.get("PGDATABASE"):
        raise _fail(address, "it names no database: add it at the end (postgresql://USER@HOST/DATABASE)")
    host = str(found.get("host") or found.get("hostaddr") or os.environ.get("PGHOST") or "") or "this computer"
    if ports and ports != DEFAULT_PORT:
        host = f"{host}:{ports}"
    user = str(found.get("user") or os.environ.get("PGUSER") or "")
    name = database or str(found.get("service") or os.environ.get("PGDATABASE"))
    return ServerAddress(url, name, host, user)
