"""Team mode: put a workshop file on a PostgreSQL server for several laptops, and bring it back
to one file for the archive (`dgfacil publish`, `dgfacil copy`; store/transfer.py does the copy)."""
from __future__ import annotations

from pathlib import Path

from dgfacil.store import transfer
from dgfacil.store.engine import is_server_address, redacted

__all__ = ["AlreadyPublished", "Transfer", "copy_to_file", "is_server_address", "publish", "redacted"]

AlreadyPublished = transfer.AlreadyPublished
Transfer = transfer.Transfer


def publish(path: Path, url: str, *, replace: bool = False) -> Transfer:
    """The workshop file at `path` onto the server database at `url`, the same workshop (its
    document id kept). Refuses a database holding another workshop, or this one without `replace`."""
    return transfer.publish(Path(path), url, replace=replace)


def copy_to_file(address: Path | str, dest: Path) -> Transfer:
    """The workshop at `address` (a server URL or a file) as a new file `dest` (never overwritten)."""
    if Path(dest).exists():
        raise FileExistsError(f"{dest} already exists; choose another name")
    return transfer.copy_back(address, Path(dest))
