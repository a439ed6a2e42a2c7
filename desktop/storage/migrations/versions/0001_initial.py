"""initial schema: cell, members, events

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cell",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("superior_name", sa.String(length=200), nullable=False),
        sa.Column("place_name", sa.String(length=100), nullable=False),
        sa.Column("term", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cell")),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("other_name", sa.String(length=120), nullable=False),
        sa.Column("gender", sa.String(length=3), nullable=False),
        sa.Column("birth_date", sa.String(length=10), nullable=True),
        sa.Column("ethnicity", sa.String(length=50), nullable=False),
        sa.Column("religion", sa.String(length=50), nullable=False),
        sa.Column("hometown", sa.String(length=300), nullable=False),
        sa.Column("residence", sa.String(length=300), nullable=False),
        sa.Column("citizen_id", sa.String(length=12), nullable=True),
        sa.Column("card_number", sa.String(length=12), nullable=True),
        sa.Column("education", sa.String(length=50), nullable=False),
        sa.Column("profession", sa.String(length=200), nullable=False),
        sa.Column("political_theory", sa.String(length=50), nullable=False),
        sa.Column("occupation", sa.String(length=200), nullable=False),
        sa.Column("party_post", sa.String(length=20), nullable=False),
        sa.Column("other_posts", sa.String(length=300), nullable=False),
        sa.Column("workplace", sa.String(length=300), nullable=False),
        sa.Column("review_group", sa.String(length=2), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("works_far_away", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(
            "uq_member_card_number_live",
            ["card_number"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL AND card_number IS NOT NULL"),
        )

    op.create_table(
        "member_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("decision_number", sa.String(length=50), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.Column("temporary", sa.Boolean(), nullable=False),
        sa.Column("badge_years", sa.Integer(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_member_event_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_event")),
    )
    with op.batch_alter_table("member_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_event_member_id"), ["member_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("member_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_event_member_id"))

    op.drop_table("member_event")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_member_card_number_live",
            sqlite_where=sa.text("deleted_at IS NULL AND card_number IS NOT NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_member_deleted_at"))

    op.drop_table("member")
    op.drop_table("cell")
