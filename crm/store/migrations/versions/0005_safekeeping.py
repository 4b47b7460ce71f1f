"""Safekeeping: a log of permanent deletions, without personal details.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "Delete permanently" (a client's request to be forgotten) leaves only this trace: when,
    # how many clients, how many records went with them. No names, numbers or ids.
    op.create_table(
        "deletion_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("deleted_at", sa.DateTime, nullable=False),
        sa.Column("clients", sa.Integer, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
    )
