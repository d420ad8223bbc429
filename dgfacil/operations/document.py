"""Creating and opening documents: the actions of the File menu and `dgfacil new`."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dgfacil.operations.templates import workshop_from_template
from dgfacil.store import queries
from dgfacil.store.document import Document, create_document, ensure_document_id, open_document
from dgfacil.store.errors import (
    DamagedDocument, DocumentError, MissingDocument, NewerDocument, NotADocument, ReadOnlyDocument,
)

if TYPE_CHECKING:
    from sqlmodel import Session

    from dgfacil.core.model import Workshop

# The document-level entry point for the UI: open a file, and the errors that opening can raise
# (re-exported so the UI never reaches into dgfacil.store; docs/architecture.md, Layers).
__all__ = [
    "DEMO_TEMPLATE", "DamagedDocument", "Document", "DocumentError", "MissingDocument", "NewerDocument",
    "NotADocument", "ReadOnlyDocument", "contents_summary", "demo_path", "load_workshop", "new_from_template",
    "open_document", "open_or_create_demo",
]

DEMO_TEMPLATE = "undesa-escap-webinar-2023"


def new_from_template(path: Path, template: str, *, start: date | None = None, timezone: str | None = None) -> Document:
    """Create `path` holding a workshop built from `template`. Nothing is written on a bad template."""
    workshop = workshop_from_template(template, start=start, timezone=timezone)
    doc = create_document(path)
    try:
        with doc.session() as session:
            queries.insert_workshop(workshop, session=session)
        ensure_document_id(doc)
    except BaseException:
        doc.engine.dispose()
        for leftover in (Path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return doc


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
    return queries.load_workshop(session=session)


def contents_summary(session: Session) -> list[tuple[str, int]]:
    """How many of each thing the document holds, in the user's words ("Notes", 12)."""
    return queries.count_contents(session=session)
