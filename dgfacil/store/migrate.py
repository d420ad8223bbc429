"""Schema versions: Alembic migrations run on open, a newer file refused, a backup taken first."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlmodel import Session

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # only a package shipped without its migrations has none
        raise RuntimeError(f"no schema migrations in {MIGRATIONS}")
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def document_revision(*, session: Session) -> str | None:
    """The schema revision of the document open in `session` (None before the first migration)."""
    return current_revision(session.connection())


def upgrade(engine: Engine, target: str = "head") -> None:
    """Migrate in one transaction: all of it lands, or none of it."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
