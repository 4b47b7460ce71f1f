"""Reminder tables (migration 0003): state per occurrence, its history, festival opt-outs.

Written with plain SQL by crm.services.reminders; these classes are the schema declared once,
compared with a migrated book by ``tests/store/test_schema.py``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

# Importing crm.domain.client also puts the table the foreign keys below name (client) in the
# metadata, so the ORM can resolve them whichever table module is imported first.
from crm.domain.client import stored_default
from crm.domain.types import LocalDateTime


class ReminderState(SQLModel, table=True):
    """One occurrence the officer (or a pop-up) has touched; one without a row is pending and
    not yet announced. The key carries the occasion's date, so next year's birthday is a new
    key and comes back however this year's ended."""

    __tablename__ = "reminder_state"
    __table_args__ = (Index("ix_reminder_state_date", "occasion_date"),)

    key: str = Field(primary_key=True)
    occasion: str
    client_id: int | None = Field(default=None, foreign_key="client.id", ondelete="CASCADE")
    occasion_date: dt.date
    state: str = stored_default("pending")  # crm.services.reminders.engine.State
    snoozed_until: LocalDateTime | None = None
    done_at: LocalDateTime | None = None
    notified_at: LocalDateTime | None = None  # last pop-up: "exactly once" per due time
    updated_at: LocalDateTime


class ReminderHistory(SQLModel, table=True):
    """What happened to an occurrence, newest last: notified, snoozed, done, dismissed ..."""

    __tablename__ = "reminder_history"
    __table_args__ = (
        Index("ix_reminder_history_key", "key", "at"),
        Index("ix_reminder_history_client", "client_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str
    # For a festival (one item for the whole book): whom a greeting went to.
    client_id: int | None = Field(default=None, foreign_key="client.id", ondelete="CASCADE")
    action: str
    at: LocalDateTime
    until: LocalDateTime | None = None
    note: str = stored_default("")


class GreetingOptout(SQLModel, table=True):
    """A client who gets no festival greetings (birthdays still remind)."""

    __tablename__ = "greeting_optout"

    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE", primary_key=True)
    created_at: LocalDateTime
