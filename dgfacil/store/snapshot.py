"""Delete rows with everything that hangs off them, keeping a snapshot that puts it all back.

The one mechanism behind every undoable delete (days, agenda items, notes, participants,
groups, exercises, board items, evaluation responses). It walks the schema's foreign keys: rows
that go with ON DELETE CASCADE are saved whole, rows whose link is SET NULL keep a note of the
link. Restoring inserts the rows again with their ids (parents before children), then relinks
the rows that still point nowhere. A table added later is covered without changing this code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table, select
from sqlmodel import Session, SQLModel


@dataclass(frozen=True)
class Snapshot:
    """What one delete took: the rows of `table` with `ids`, and everything that went with them."""

    table: str
    ids: tuple[int, ...]
    rows: tuple[tuple[str, dict[str, Any]], ...]  # (table, row): every row deleted
    links: tuple[tuple[str, str, int, int], ...]  # (table, column, row id, target id) set to NULL

    def deleted(self) -> list[dict[str, Any]]:
        """The rows that were asked to be deleted (not what went with them), in `ids` order."""
        found = {row["id"]: row for name, row in self.rows if name == self.table}
        return [found[i] for i in self.ids]

    def touched(self, table: str) -> bool:
        """Whether the delete took or unlinked rows of `table`."""
        return any(name == table for name, _ in self.rows) or any(name == table for name, *_ in self.links)


def _children(table: Table) -> Iterator[tuple[Table, Column[Any], str]]:
    """(child table, fk column, ondelete) for every foreign key pointing at `table`."""
    for child in SQLModel.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                yield child, fk.parent, (fk.ondelete or "").upper()


def _collect(
    session: Session,
    table: Table,
    ids: list[int],
    rows: dict[tuple[str, int], dict[str, Any]],
    links: list[tuple[str, str, int, int]],
) -> None:
    ids = [i for i in ids if (table.name, i) not in rows]  # a row reached twice is saved once
    if not ids:
        return
    found = session.connection().execute(select(table).where(table.c.id.in_(ids))).mappings().all()
    rows.update({(table.name, r["id"]): dict(r) for r in found})
    for child, column, ondelete in _children(table):
        pointing = session.connection().execute(select(child.c.id, column).where(column.in_(ids))).all()
        if ondelete == "SET NULL":
            links.extend((child.name, column.name, row_id, target) for row_id, target in pointing)
        else:
            _collect(session, child, [row_id for row_id, _ in pointing], rows, links)


def delete_with_snapshot(table_name: str, ids: list[int], *, session: Session) -> Snapshot:
    """Delete rows of one table (the database cascades the rest) and return what went with them.

    LookupError, and nothing deleted, when one of `ids` is not there.
    """
    session.flush()  # what the session holds unwritten is part of what is deleted
    table = SQLModel.metadata.tables[table_name]
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    links: list[tuple[str, str, int, int]] = []
    _collect(session, table, list(ids), rows, links)
    missing = [i for i in ids if (table_name, i) not in rows]
    if missing:
        raise LookupError(f"no {table_name.replace('_', ' ')} {missing[0]}")
    session.connection().execute(table.delete().where(table.c.id.in_(list(ids))))
    session.expire_all()
    kept = tuple((name, row) for (name, _), row in rows.items())
    return Snapshot(table_name, tuple(ids), kept, tuple(links))


def restore_snapshot(snap: Snapshot, *, session: Session) -> None:
    """Insert every saved row again with its id, then put back the links that are still NULL."""
    session.flush()
    connection = session.connection()
    order = {table.name: index for index, table in enumerate(SQLModel.metadata.sorted_tables)}
    for name, row in sorted(snap.rows, key=lambda kept: order[kept[0]]):  # parents before children
        connection.execute(SQLModel.metadata.tables[name].insert().values(**row))
    for name, column, row_id, target in snap.links:
        table = SQLModel.metadata.tables[name]
        connection.execute(
            table.update().where(table.c.id == row_id, table.c[column].is_(None)).values({column: target})
        )
    session.expire_all()
