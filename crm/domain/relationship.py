"""Relationship memory tables: life notes, interactions, promises, resources, book settings.

Migrations 0002 and 0003 (the Today view's partial indexes). The services write them with plain
SQL (bulk and list work); these classes are the schema declared once, compared with a migrated
book by ``tests/store/test_schema.py``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

# Importing crm.domain.client also puts the table the foreign keys below name (client) in the
# metadata, so the ORM can resolve them whichever table module is imported first.
from crm.domain.client import stored_default
from crm.domain.types import LocalDateTime


class LifeNote(SQLModel, table=True):
    """Something the client told the officer: the child's exam, the shop's renovation."""

    __tablename__ = "life_note"
    __table_args__ = (
        Index("ix_life_note_client", "client_id", "created_at"),
        Index("ix_life_note_event", "event_date"),
        # Dated live notes with what a reminder shows: the Today view reads only the index.
        Index(
            "ix_life_note_dated",
            "event_date",
            "client_id",
            "id",
            "text",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    category: str = stored_default("other")  # NoteCategory
    text: str
    event_date: dt.date | None = None  # surfaces on this date and the day after
    ask_next_time: bool = stored_default(False)  # a talking point until asked_at is set
    asked_at: LocalDateTime | None = None
    answer: str | None = None
    created_at: LocalDateTime
    updated_at: LocalDateTime
    deleted_at: LocalDateTime | None = None  # soft delete; NULL = live


class Interaction(SQLModel, table=True):
    """One contact with the client (call, WeChat, visit ...)."""

    __tablename__ = "interaction"
    __table_args__ = (Index("ix_interaction_client", "client_id", "occurred_at"),)

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    occurred_at: LocalDateTime
    channel: str  # Channel
    summary: str
    next_step: str | None = None
    next_step_due: dt.date | None = None
    created_at: LocalDateTime
    deleted_at: LocalDateTime | None = None


class Promise(SQLModel, table=True):
    """ "Let me confirm and get back to you": open until kept_at is set."""

    __tablename__ = "promise"
    __table_args__ = (
        Index("ix_promise_open", "kept_at", "due_date"),
        Index("ix_promise_client", "client_id"),
        # Open promises with what a reminder shows (the Today view).
        Index(
            "ix_promise_open_due",
            "due_date",
            "client_id",
            "id",
            "text",
            sqlite_where=text("kept_at IS NULL AND deleted_at IS NULL"),
        ),
        # The dashboard (0009): the live promises due in a period, kept or not, covering.
        Index(
            "ix_promise_due",
            "due_date",
            "client_id",
            "kept_at",
            "deleted_at",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    text: str
    made_at: LocalDateTime
    due_date: dt.date
    kept_at: LocalDateTime | None = None
    kept_interaction_id: int | None = Field(
        default=None, foreign_key="interaction.id", ondelete="SET NULL"
    )
    created_at: LocalDateTime
    deleted_at: LocalDateTime | None = None


class Resource(SQLModel, table=True):
    """Something worth recommending: a renovation firm, an accountant, a policy explainer."""

    __tablename__ = "resource"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    category: str = stored_default("")
    contact: str = stored_default("")
    note: str = stored_default("")
    created_at: LocalDateTime
    archived_at: LocalDateTime | None = None


class ResourceShare(SQLModel, table=True):
    __tablename__ = "resource_share"
    __table_args__ = (
        Index("ix_resource_share_client", "client_id", "shared_on"),
        Index("ix_resource_share_resource", "resource_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    resource_id: int = Field(foreign_key="resource.id", ondelete="CASCADE")
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    shared_on: dt.date
    note: str = stored_default("")
    created_at: LocalDateTime


class BookSetting(SQLModel, table=True):
    """A setting that travels with the book: JSON under a dotted key ("cadence.defaults")."""

    __tablename__ = "book_setting"

    key: str = Field(primary_key=True)
    value: str


#: What SQLAlchemy cannot declare, as migration 0002 wrote it (the schema test compares it with
#: the book). The search box's document per client (rowid = client id), pre-split by
#: crm.domain.grams into bigrams and words, and the trigger that drops it with its client.
MEMORY_SQL_ONLY = {
    "client_memory_fts": (
        "CREATE VIRTUAL TABLE client_memory_fts USING fts5("
        "grams, tokenize = 'unicode61 remove_diacritics 0', detail = full)"
    ),
    "client_memory_fts_purge": (
        "CREATE TRIGGER client_memory_fts_purge AFTER DELETE ON client BEGIN "
        "DELETE FROM client_memory_fts WHERE rowid = old.id; END"
    ),
}
