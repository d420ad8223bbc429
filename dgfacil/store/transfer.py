"""Moving a whole workshop between a file and a server: publish (file -> server) and copy back
(server -> file, for the archive). Every table, every row with its id; the document id travels
with it, so the server's workshop and the file are known to be the same workshop.

Rows are read in one read transaction (one snapshot) and written in one write transaction:
the target holds all of the workshop, or (on any failure) none of what this call wrote. Publishing
creates the schema in that same transaction too (PostgreSQL's DDL is transactional), so an
interrupted publish leaves the database as it was. A copy to a file carries no laptop names: the
rows' changed_by/changed_at stamps are left empty there, as a file's own rows are.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Table, inspect, select
from sqlalchemy import exc as sa_exc
from sqlmodel import Session, SQLModel

from dgfacil.store import migrate, team_notify
from dgfacil.store.document import Document, _get_document_id, _set_document_id, create_document, open_document
from dgfacil.store.errors import DocumentError, NewerDocument, NotADocument
from dgfacil.store.server_document import ServerDocument

STAMPS = ("changed_by", "changed_at")  # a team workshop's "who wrote last": never carried into a file
UNFINISHED = "the database held dgfacil's tables but no workshop (an interrupted publish): published into them"

BATCH = 500  # rows per INSERT: bounded memory on a large roster, few round trips to a server


class AlreadyPublished(DocumentError):
    """The server database already holds a workshop: another one, or this one without --replace."""

    def __init__(self, where: str, same: bool) -> None:
        if same:
            text = (
                f"The database {where} already holds this workshop. Use --replace to overwrite it with "
                "the file (the team's edits made on the server since would be lost), or open it there."
            )
        else:
            text = (
                f"The database {where} already holds a different workshop; it was left as it is. "
                "Publish into an empty database (createdb NAME on the server)."
            )
        super().__init__(text)
        self.where = where
        self.same = same


@dataclass
class Transfer:
    """What was copied: rows per table, and the workshop's document id."""

    document_id: str | None
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the user should know ("… held no workshop")

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _tables() -> list[Table]:
    return list(SQLModel.metadata.sorted_tables)  # parents before children


def _copy_rows(source: Connection, target: Connection) -> dict[str, int]:
    counts: dict[str, int] = {}
    to_file = target.dialect.name == "sqlite"
    for table in _tables():
        result = source.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        counts[table.name] = 0
        unstamp = {name: "" for name in STAMPS if to_file and name in table.c}
        while batch := result.fetchmany(BATCH):
            target.execute(table.insert(), [{**row, **unstamp} for row in batch])
            counts[table.name] += len(batch)
    if target.dialect.name == "postgresql":  # ids were given: move each sequence past them
        for table in _tables():
            if "id" in table.c:
                target.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f'coalesce((SELECT max(id) FROM "{table.name}"), 1), '
                    f'(SELECT max(id) FROM "{table.name}") IS NOT NULL)'
                )
    return counts


def _clear(target: Connection) -> None:
    for table in reversed(_tables()):
        target.execute(table.delete())


def copy_into(source: Document, target: Document, *, replace: bool = False, document_id: str | None = None) -> Transfer:
    """Every row of `source` into `target` (same schema revision), in one write transaction of the
    target. `replace` empties the target first (same transaction); `document_id` renames the copy."""
    with source.session(write=False) as reading, target.session() as writing:
        target_connection = writing.connection()
        if replace:
            _clear(target_connection)
        rows = _copy_rows(reading.connection(), target_connection)
        if document_id is not None:
            _set_document_id(writing, document_id)
        found = _get_document_id(writing)
    target.document_id = found
    return Transfer(found, rows)


def _server_state(connection: Connection, where: str) -> tuple[str, str | None, str | None]:
    """("empty" | "unfinished" | "workshop" | "foreign", revision, document id) of the database,
    read in the publishing transaction. "unfinished": our schema without a workshop row (left by
    an older, interrupted publish): as good as empty."""
    tables = set(inspect(connection).get_table_names())
    if not tables:
        return "empty", None, None
    if "alembic_version" not in tables:
        return "foreign", None, None
    revision = migrate.current_revision(connection)
    if revision not in migrate.known_revisions():
        raise NewerDocument(where, str(revision))
    if not connection.exec_driver_sql("SELECT count(*) FROM workshop").scalar():
        return "unfinished", revision, None
    with Session(bind=connection) as session:
        return "workshop", revision, _get_document_id(session)


def _migrate(connection: Connection) -> None:
    """The newest schema, inside the caller's transaction (migrate.upgrade opens its own)."""
    from alembic import command

    config = migrate.alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _grant(connection: Connection, role: str, *, write: bool) -> None:
    """What a team account needs on the published workshop (docs/team-mode.md, Accounts)."""
    who = '"' + role.replace('"', '""') + '"'
    rights = "SELECT, INSERT, UPDATE, DELETE" if write else "SELECT"
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {who}")
    connection.exec_driver_sql(f"GRANT {rights} ON ALL TABLES IN SCHEMA public TO {who}")
    if write:
        connection.exec_driver_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {who}")


def publish(
    path: Path, url: str, *, replace: bool = False, grant: tuple[str, ...] = (), grant_read: tuple[str, ...] = ()
) -> Transfer:
    """Copy the workshop file at `path` to the server database at `url` (empty, or holding this
    same workshop with `replace`), in ONE transaction: the schema, every row and the grants
    (`grant`: accounts that edit, `grant_read`: accounts that only read) land together or not at
    all. Refuses a database holding another workshop or another program's tables. The file is
    opened as usual (checked, backed up, migrated) and left as it was."""
    source = open_document(Path(path))
    try:
        target = ServerDocument(url)
        if source.document_id:  # a replace tells the laptops that have it open (a new one: nobody listens)
            team_notify.install(target.engine, team_notify.channel_for(source.document_id))
        # the server's failures are explained inside the file's read session, which would name the file
        with source.session(write=False) as reading:
            try:
                with target.engine.begin() as writing:  # the writers' lock, then everything or nothing
                    notes = _prepare(writing, target.where, source.document_id, replace=replace)
                    rows = _copy_rows(reading.connection(), writing)
                    for role in grant:
                        _grant(writing, role, write=True)
                    for role in grant_read:
                        _grant(writing, role, write=False)
            except (sa_exc.SQLAlchemyError, OSError) as err:
                raise (target.explain(err) or err) from err
            finally:
                target.close()
    finally:
        source.close()
    return Transfer(source.document_id, rows, notes)


def _prepare(connection: Connection, where: str, document_id: str | None, *, replace: bool) -> list[str]:
    """The database made ready for the rows (schema at head, emptied), or a refusal."""
    state, revision, server_id = _server_state(connection, where)
    if state == "foreign":
        raise NotADocument(where, "the database holds another program's tables")
    if state == "workshop" and (server_id != document_id or not replace):
        raise AlreadyPublished(where, same=server_id == document_id)
    if state == "empty" or revision != migrate.head_revision():
        _migrate(connection)
    _clear(connection)
    return [UNFINISHED] if state == "unfinished" else []


def _to_new_file(source: Document, dest: Path, document_id: str | None) -> Transfer:
    target = create_document(Path(dest))
    try:
        done = copy_into(source, target, document_id=document_id)
    except BaseException:
        target.close()
        for leftover in (Path(dest), Path(f"{dest}-wal"), Path(f"{dest}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    target.close()
    return done


def copy_to_file(source: Document, dest: Path, *, keep_document_id: bool = True) -> Path:
    """The open workshop `source` as a new file `dest` (refuses to overwrite one). Kept id: the same
    workshop, archived; a new id: a workshop of its own ("Save a copy as")."""
    _to_new_file(source, dest, None if keep_document_id else uuid.uuid4().hex)
    return Path(dest)


def copy_back(address: Path | str, dest: Path) -> Transfer:
    """`dgfacil copy`: the workshop at `address` (a server URL, or a file) as a new file `dest`,
    the same workshop (its document id kept) for the archive."""
    source = open_document(address)
    try:
        return _to_new_file(source, dest, None)
    finally:
        source.close()
