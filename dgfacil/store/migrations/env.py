"""Alembic environment: always run programmatically on a connection handed in by migrate.py."""

import sqlmodel  # noqa: F401  (migration scripts use sqlmodel types)
from alembic import context

from dgfacil.store import tables  # noqa: F401  (registers the tables)

target_metadata = sqlmodel.SQLModel.metadata
connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
