"""Creating and opening documents: the actions of the File menu and `dgfacil new`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dgfacil.store import workshop as workshop_store
from dgfacil.store.document import Document, create_document, document_address, ensure_document_id, open_document
from dgfacil.store.engine import is_server_address
from dgfacil.store.errors import (
    DamagedDocument,
    DocumentError,
    MissingDocument,
    NewerDocument,
    NotADocument,
    ReadOnlyDocument,
    explain,
)
from dgfacil.store.file_document import back_up_as_opened

if TYPE_CHECKING:
    from sqlmodel import Session

    from dgfacil.core.model import Workshop

# The document-level entry point for the UI: open a file, and the errors that opening can raise
# (re-exported so the UI never reaches into dgfacil.store; docs/architecture.md, Layers).
__all__ = [
    "DEMO_TEMPLATE",
    "DamagedDocument",
    "Document",
    "DocumentError",
    "MissingDocument",
    "NewerDocument",
    "NotADocument",
    "ReadOnlyDocument",
    "back_up_as_opened",
    "contents_summary",
    "demo_path",
    "document_address",
    "explain_failure",
    "load_workshop",
    "new_from_template",
    "open_document",
    "open_or_create_demo",
    "open_workshop",
]

DEMO_TEMPLATE = "undesa-escap-webinar-2023"


def new_from_template(path: Path, template: str, *, start: date | None = None, timezone: str | None = None) -> Document:
    """Create `path` holding a workshop built from `template`. Nothing is written on a bad template."""
    from dgfacil.operations.templates import workshop_from_template  # pydantic's template models: ~25 ms

    workshop = workshop_from_template(template, start=start, timezone=timezone)
    doc = create_document(path)
    try:
        with doc.session() as session:
            workshop_store.insert_workshop(workshop, session=session)
        ensure_document_id(doc)
    except BaseException:
        doc.engine.dispose()
        for leftover in (Path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return doc


def open_workshop(path_or_address: str | Path, *, read_only: bool = False) -> Document:
    """Open the workshop a command names: the one way the CLI opens a document.

    `read_only`: the command only reads (its sessions pass `write=False`). A file opens the same
    way either way (checked, backed up, migrated); the flag is here so that an address of a shared
    workshop can be opened with a read-only connection. Raises DocumentError (a sentence).
    """
    return open_document(document_address(path_or_address))


def explain_failure(err: BaseException, path: Path | str) -> DocumentError | None:
    """A database failure that reached the top, as a DocumentError naming `path` (a file, or a
    team workshop's URL: then never a file's advice); None when it is not one the store knows."""
    if is_server_address(path):
        from dgfacil.store.errors import BadAddress
        from dgfacil.store.team_address import parse_address
        from dgfacil.store.team_errors import explain_server

        try:
            where = parse_address(str(path)).where
        except BadAddress as bad:
            return bad
        return explain_server(err, where, write=False)
    return explain(err, Path(path))


def demo_path(data_dir: Path) -> Path:
    """Where the demo workshop's copy lives: a file there is the demo, whatever its title."""
    return Path(data_dir) / "demo.dgfacil"


def open_or_create_demo(data_dir: Path) -> Document:
    """The demo workshop: a copy in the user data folder, so the shipped template is never written."""
    path = demo_path(data_dir)
    if path.exists():
        return open_document(path)
    return new_from_template(path, DEMO_TEMPLATE)


def load_workshop(session: Session) -> Workshop:
    """The whole workshop: days, agenda items, exercises and zones, as every room starts from."""
    return workshop_store.load_workshop(session=session)


def contents_summary(session: Session) -> list[tuple[str, int]]:
    """How many of each thing the document holds, in the user's words ("Notes", 12)."""
    return workshop_store.count_contents(session=session)
