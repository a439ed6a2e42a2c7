"""soft delete ("Đã xóa") of meetings, topics and commitments

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 04:45:00

A deleted meeting, topic or commitment keeps its row (and its children: attendance,
minutes, tasks, agenda, sections, items, progress) with ``deleted_at`` set, so it can be
restored after a restart, the way members already are (0001, ``member.deleted_at``).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_TABLES = ("meeting", "topic", "commitment")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
            batch_op.create_index(batch_op.f(f"ix_{table}_deleted_at"), ["deleted_at"], unique=False)


def downgrade() -> None:
    # Rows still in "Đã xóa" come back as live ones: an older version has no other way to
    # show them, and nothing is lost (no unique key is shared by a deleted and a live row).
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_deleted_at"))
            batch_op.drop_column("deleted_at")
