"""Export the whole document as JSON."""

from __future__ import annotations

from pathlib import Path

from dgfacil.io.json_export import build_export, write_json
from dgfacil.store import migrate
from dgfacil.store.document import Document
from dgfacil.store.workshop import dump_tables


def export_document_json(doc: Document, path: Path) -> Path:
    with doc.session(write=False) as session:  # a read never waits behind a writer
        tables = dump_tables(session=session)
        revision = migrate.document_revision(session=session)
    return write_json(build_export(tables, revision or ""), path)
