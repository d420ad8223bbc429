"""Delete a row with everything that hangs off it, keeping a snapshot that puts it all back.

Walks the schema's foreign keys: rows that would go with ON DELETE CASCADE are saved whole
(parents first), rows whose link would be SET NULL keep a note of the link. Restoring inserts
the rows again with their ids, then relinks. Used to undo deleting a day; any table added later
is covered without changing this code.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table, select
from sqlmodel import Session, SQLModel


@dataclass
class Snapshot:
    rows: list[tuple[str, dict]] = field(default_factory=list)  # (table, row), parents first
    links: list[tuple[str, str, int, int]] = field(default_factory=list)  # (table, column, row id, target id)


def _children(table: Table):
    """(child table, fk column, ondelete) for every foreign key pointing at `table`."""
    for child in SQLModel.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                yield child, fk.parent, (fk.ondelete or "").upper()


def _collect(session: Session, table: Table, ids: list[int], snap: Snapshot) -> None:
    if not ids:
        return
    rows = session.connection().execute(select(table).where(table.c.id.in_(ids))).mappings().all()
    snap.rows.extend((table.name, dict(r)) for r in rows)
    for child, column, ondelete in _children(table):
        found = session.connection().execute(select(child.c.id, column).where(column.in_(ids))).all()
        if ondelete == "SET NULL":
            snap.links.extend((child.name, column.name, row_id, target) for row_id, target in found)
        else:
            _collect(session, child, [row_id for row_id, _ in found], snap)


def delete_with_snapshot(table_name: str, row_id: int, *, session: Session) -> Snapshot:
    """Delete one row (the database cascades the rest) and return what it took with it."""
    table = SQLModel.metadata.tables[table_name]
    snap = Snapshot()
    _collect(session, table, [row_id], snap)
    session.connection().execute(table.delete().where(table.c.id == row_id))
    session.expire_all()
    return snap


def restore_snapshot(snap: Snapshot, *, session: Session) -> None:
    """Insert every saved row again with its id, then put back the links that were set to NULL."""
    connection = session.connection()
    for name, row in snap.rows:
        connection.execute(SQLModel.metadata.tables[name].insert().values(**row))
    for name, column, row_id, target in snap.links:
        table = SQLModel.metadata.tables[name]
        connection.execute(table.update().where(table.c.id == row_id).values({column: target}))
    session.expire_all()
