"""What can go wrong opening a document, in words a facilitator understands."""
from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A document could not be opened or written. `str(err)` is a sentence for the user."""


class NotADocument(DocumentError):
    def __init__(self, path: Path, why: str = "") -> None:
        extra = f" ({why})" if why else ""
        super().__init__(f"{path.name} is not a dgfacil workshop file{extra}.")
        self.path = path


class MissingDocument(DocumentError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"There is no workshop file at {path}.")
        self.path = path


class NewerDocument(DocumentError):
    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"{path.name} was saved by a newer version of dgfacil (schema {revision}). "
            "Update dgfacil to open it; this version will not touch it."
        )
        self.path = path
        self.revision = revision


class DamagedDocument(DocumentError):
    def __init__(self, path: Path, newest_backup: Path | None) -> None:
        if newest_backup:
            hint = f" The newest backup is {newest_backup.name}, from which it can be restored."
        else:
            hint = " No backup of it was found."
        super().__init__(f"{path.name} is damaged and cannot be opened safely.{hint}")
        self.path = path
        self.newest_backup = newest_backup
