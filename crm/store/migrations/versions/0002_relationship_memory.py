"""Relationship memory: life notes, interactions, promises, shared resources, book settings.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _client_fk() -> sa.Column:
    return sa.Column(
        "client_id", sa.Integer, sa.ForeignKey("client.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    with op.batch_alter_table("client") as batch:
        batch.add_column(sa.Column("form_of_address", sa.String))  # 称呼: 张总, 李姐
        batch.add_column(sa.Column("cadence_days", sa.Integer))  # per-client override
        # Kept by the interaction service, so "last contacted" sorts and "due" lists are
        # one indexed read instead of an aggregate over every interaction.
        batch.add_column(sa.Column("last_contact_at", sa.DateTime))
    op.create_index("ix_client_last_contact", "client", ["archived_at", "last_contact_at"])

    op.create_table(
        "life_note",
        sa.Column("id", sa.Integer, primary_key=True),
        _client_fk(),
        sa.Column("category", sa.String, nullable=False, server_default="other"),
        sa.Column("text", sa.String, nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("ask_next_time", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("asked_at", sa.DateTime),
        sa.Column("answer", sa.String),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime),  # soft delete: undoable
    )
    op.create_index("ix_life_note_client", "life_note", ["client_id", "created_at"])
    op.create_index("ix_life_note_event", "life_note", ["event_date"])

    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer, primary_key=True),
        _client_fk(),
        sa.Column("occurred_at", sa.DateTime, nullable=False),
        sa.Column("channel", sa.String, nullable=False),
        sa.Column("summary", sa.String, nullable=False),
        sa.Column("next_step", sa.String),
        sa.Column("next_step_due", sa.Date),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime),
    )
    op.create_index("ix_interaction_client", "interaction", ["client_id", "occurred_at"])

    op.create_table(
        "promise",
        sa.Column("id", sa.Integer, primary_key=True),
        _client_fk(),
        sa.Column("text", sa.String, nullable=False),
        sa.Column("made_at", sa.DateTime, nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("kept_at", sa.DateTime),
        sa.Column(
            "kept_interaction_id",
            sa.Integer,
            sa.ForeignKey("interaction.id", ondelete="SET NULL"),
        ),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime),
    )
    op.create_index("ix_promise_open", "promise", ["kept_at", "due_date"])
    op.create_index("ix_promise_client", "promise", ["client_id"])

    op.create_table(
        "resource",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("category", sa.String, nullable=False, server_default=""),
        sa.Column("contact", sa.String, nullable=False, server_default=""),
        sa.Column("note", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("archived_at", sa.DateTime),
    )
    op.create_table(
        "resource_share",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "resource_id",
            sa.Integer,
            sa.ForeignKey("resource.id", ondelete="CASCADE"),
            nullable=False,
        ),
        _client_fk(),
        sa.Column("shared_on", sa.Date, nullable=False),
        sa.Column("note", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_resource_share_client", "resource_share", ["client_id", "shared_on"])
    op.create_index("ix_resource_share_resource", "resource_share", ["resource_id"])

    # What the search box finds in a client's notes, interactions and promises: one document
    # per client (rowid = client id), kept by the services in the same transaction as each
    # write. The text is pre-split by crm.domain.grams into Chinese character bigrams and
    # whole Latin/digit words, so a 2-character word (高考) is one token lookup and longer
    # phrases are exact phrase queries; the stock trigram tokenizer cannot find 2 characters.
    op.execute(
        "CREATE VIRTUAL TABLE client_memory_fts USING fts5("
        "grams, tokenize = 'unicode61 remove_diacritics 0', detail = full)"
    )
    # A client deleted for good (emptying the trash) takes its search document with it.
    op.execute(
        "CREATE TRIGGER client_memory_fts_purge AFTER DELETE ON client BEGIN "
        "DELETE FROM client_memory_fts WHERE rowid = old.id; END"
    )

    # Settings that belong to the book, not the machine (cadence defaults, festivals greeted,
    # greeting templates): JSON values under dotted keys.
    op.create_table(
        "book_setting",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )
