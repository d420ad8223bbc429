"""Schema 0005: a row version on every table a user edits, for team mode's stale-edit check.

Each UPDATE through the ORM raises the row's version by one (tables.py, `version_id_col`); an
UPDATE that expected an older version matches no row and is refused (errors.EditConflict).
Existing rows start at 1.
Beside it, `changed_by` and `changed_at`: the laptop that changed the row last on a team workshop,
and when (store/row_stamps.py), so a refused edit can say who changed it.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # the module by name: the column types below use it
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Kept here, not imported from tables.py: a migration is frozen at the schema it wrote.
VERSIONED = (
    "workshop",
    "day",
    "agenda_item",
    "participant",
    "exercise",
    "breakout_group",
    "note",
    "attendance",
    "evaluation_response",
    "board_item",
    "exercise_answer",
    "signatory",
    "report_section",
    "setting",
)


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))
            batch_op.add_column(
                sa.Column(
                    "changed_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=sa.text("''")
                )
            )
            batch_op.add_column(
                sa.Column(
                    "changed_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=sa.text("''")
                )
            )


def downgrade() -> None:
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("changed_at")
            batch_op.drop_column("changed_by")
            batch_op.drop_column("version")
