"""Schema 0004: recovery floors on agenda items, owners and due dates on actions, import ids.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # the module by name: the column types below use it
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("min_duration_min", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("shorten", sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("due", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""))
    with op.batch_alter_table("evaluation_response", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("import_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("evaluation_response", schema=None) as batch_op:
        batch_op.drop_column("import_id")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_column("due")
        batch_op.drop_column("owner")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_column("shorten")
        batch_op.drop_column("min_duration_min")
