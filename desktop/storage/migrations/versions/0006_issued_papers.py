"""issued papers: number and date of every paper the cell has issued

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 01:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issued_paper",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("subject", sa.String(length=60), nullable=False),
        sa.Column("type_code", sa.String(length=10), nullable=False),
        sa.Column("body_code", sa.String(length=10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_paper")),
        sa.UniqueConstraint("kind", "subject", name=op.f("uq_issued_paper_kind")),
    )


def downgrade() -> None:
    op.drop_table("issued_paper")
