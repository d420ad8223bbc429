"""Creating and opening documents: the actions of the File menu and `dgfacil new`."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dgfacil.operations.templates import workshop_from_template
from dgfacil.store import queries
from dgfacil.store.document import Document, create_document, open_document

DEMO_TEMPLATE = "undesa-escap-webinar-2023"


def new_from_template(path: Path, template: str, *, start: date | None = None, timezone: str | None = None) -> Document:
    """Create `path` holding a workshop built from `template`. Nothing is written on a bad template."""
    workshop = workshop_from_template(template, start=start, timezone=timezone)
    doc = create_document(Path(path))
    try:
        with doc.session() as session:
            queries.insert_workshop(workshop, session=session)
    except BaseException:
        doc.engine.dispose()
        Path(path).unlink(missing_ok=True)
        raise
    return doc


def open_or_create_demo(data_dir: Path) -> Document:
    """The demo workshop: a copy in the user data folder, so the shipped template is never written."""
    path = Path(data_dir) / "demo.dgfacil"
    if path.exists():
        return open_document(path)
    return new_from_template(path, DEMO_TEMPLATE)
