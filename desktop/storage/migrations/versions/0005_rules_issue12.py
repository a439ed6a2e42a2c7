"""review groups and 2025 form codes as HD 43 names them; ceremony date of an admission

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 01:20:00.000000

Hướng dẫn 43-HD/BTCTW (31/10/2025) §2.1b: Mẫu 2A is for members holding a leading or
managing post, 2B for the others in the political system (the app had them the other way
round). A member's review group is named after the 2025 form, so the stored groups swap
2A <-> 2B; self-reviews of 2025 and later were written on the right form under the wrong
code, so their code swaps too. Older years (02, 02A, 02B) are untouched: those codes were
right. The admission event gains the date of the admission ceremony (Điều lệ Đảng, Điều 5:
probation runs twelve months from the ceremony), and a rating the secretary's answers to
the KHTNV questions of QĐ 366-QĐ/TW Điều 11 k4 that the app cannot see.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The first year whose rule pack uses the 2A/2B/2C forms of HD 43-HD/BTCTW
# (resources/rules/ratings/2025.json, valid_from_year). Fixed here on purpose: a migration
# records what the data meant when it ran, not what the packs say later.
_FIRST_HD43_YEAR = 2025

_SWAP = "CASE {col} WHEN '2A' THEN '2B' WHEN '2B' THEN '2A' ELSE {col} END"


def _swap_codes() -> None:
    op.execute(f"UPDATE member SET review_group = {_SWAP.format(col='review_group')}")
    op.execute(
        f"UPDATE self_review SET form_code = {_SWAP.format(col='form_code')} "
        f"WHERE year >= {_FIRST_HD43_YEAR}"
    )


def upgrade() -> None:
    with op.batch_alter_table("member_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ceremony_on", sa.Date(), nullable=True))
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("question_answers", sa.JSON(), nullable=False, server_default="{}")
        )
    _swap_codes()


def downgrade() -> None:
    _swap_codes()  # the swap is its own inverse
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.drop_column("question_answers")
    with op.batch_alter_table("member_event", schema=None) as batch_op:
        batch_op.drop_column("ceremony_on")
