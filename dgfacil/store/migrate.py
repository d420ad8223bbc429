"""Schema versions: Alembic migrations run on open, a newer file refused, a backup taken first.

Alembic loads only when a file is migrated (or its revision read through a connection); the
revision names come from store/revision_files.py, so opening a file at the newest schema skips it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dgfacil.store import revision_files

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine
    from sqlmodel import Session

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return revision_files.head_revision()  # raises when the package has no migrations


def known_revisions() -> set[str]:
    return revision_files.known_revisions()


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def document_revision(*, session: Session) -> str | None:
    """The schema revision of the document open in `session` (None before the first migration)."""
    return current_revision(session.connection())


def upgrade(engine: Engine, target: str = "head") -> None:
    """Migrate in one transaction: all of it lands, or none of it."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
