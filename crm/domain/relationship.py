"""Relationship memory tables: life notes, interactions, promises, resources, book settings.

They mirror migration 0002. The services write them with plain SQL (bulk and list work);
the ORM classes serve single-record code and keep the schema readable in one place.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from crm.domain.types import LocalDateTime


class LifeNote(SQLModel, table=True):
    """Something the client told the officer: the child's exam, the shop's renovation."""

    __tablename__ = "life_note"

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    category: str = "other"  # NoteCategory
    text: str
    event_date: dt.date | None = None  # surfaces on this date and the day after
    ask_next_time: bool = False  # a talking point until asked_at is set
    asked_at: LocalDateTime | None = None
    answer: str | None = None
    created_at: LocalDateTime
    updated_at: LocalDateTime
    deleted_at: LocalDateTime | None = None  # soft delete; NULL = live


class Interaction(SQLModel, table=True):
    """One contact with the client (call, WeChat, visit ...)."""

    __tablename__ = "interaction"

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
    category: str = ""
    contact: str = ""
    note: str = ""
    created_at: LocalDateTime
    archived_at: LocalDateTime | None = None


class ResourceShare(SQLModel, table=True):
    __tablename__ = "resource_share"

    id: int | None = Field(default=None, primary_key=True)
    resource_id: int = Field(foreign_key="resource.id", ondelete="CASCADE")
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    shared_on: dt.date
    note: str = ""
    created_at: LocalDateTime


class BookSetting(SQLModel, table=True):
    """A setting that travels with the book: JSON under a dotted key ("cadence.defaults")."""

    __tablename__ = "book_setting"

    key: str = Field(primary_key=True)
    value: str
