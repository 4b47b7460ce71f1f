"""The client book: clients, phones, tags.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPLICATION_ID = 0x5052534D  # crm.store.book.APPLICATION_ID; a migration is frozen in time


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    op.create_table(
        "client",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False, server_default="person"),
        sa.Column("gender", sa.String),
        sa.Column("birthday_calendar", sa.String),
        sa.Column("birth_year", sa.Integer),
        sa.Column("birth_month", sa.Integer),
        sa.Column("birth_day", sa.Integer),
        sa.Column("birth_leap", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("wechat", sa.String),
        sa.Column("id_number", sa.String),
        sa.Column("business_name", sa.String),
        sa.Column("industry", sa.String),
        sa.Column("uscc", sa.String),
        sa.Column("address", sa.String),
        sa.Column("status", sa.String, nullable=False, server_default="prospect"),
        sa.Column("notes", sa.String, nullable=False, server_default=""),
        sa.Column("name_pinyin", sa.String, nullable=False, server_default=""),
        sa.Column("name_compact", sa.String, nullable=False, server_default=""),
        sa.Column("name_initials", sa.String, nullable=False, server_default=""),
        sa.Column("search_text", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("archived_at", sa.DateTime),
    )
    # The list's default order, and the indexed pinyin/initials prefix searches.
    op.create_index("ix_client_list", "client", ["archived_at", "name_pinyin", "id"])
    # A covering index for the search box: scanning it reads ~1/4 of the table's pages,
    # which makes LIKE '%q%' ~10x faster than the table scan (measured at 100,000 clients).
    op.create_index("ix_client_search", "client", ["archived_at", "search_text"])
    op.create_index("ix_client_name_compact", "client", ["name_compact"])
    op.create_index("ix_client_name_initials", "client", ["name_initials"])
    op.create_index("ix_client_name", "client", ["name"])
    op.create_index("ix_client_status", "client", ["status"])
    op.create_index("ix_client_id_number", "client", ["id_number"])
    op.create_table(
        "client_phone",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("client.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("e164", sa.String, nullable=False),
        sa.Column("national", sa.String, nullable=False),
        sa.Column("label", sa.String),
    )
    op.create_index("ix_client_phone_client_id", "client_phone", ["client_id", "position"])
    op.create_index("ix_client_phone_national", "client_phone", ["national"])
    op.create_table(
        "client_tag",
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("client.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("tag", sa.String, primary_key=True),
    )
    op.create_index("ix_client_tag_tag", "client_tag", ["tag", "client_id"])
