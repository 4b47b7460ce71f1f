"""The client book's tables: a client, their phones and tags (migrations 0001-0004).

These classes are the schema declared once: ``tests/store/test_schema.py`` compares them with a
book the migrations built, so a column, default, key or index changed on one side only fails
the suite. Indexes are declared by name in ``__table_args__`` exactly as the migrations create
them. Imported by the ORM (single-record writes), the migrations' env and the tests only: never
on the GUI's start path (sqlmodel costs ~0.6 s).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Index, false, text, true
from sqlmodel import Field, SQLModel

from crm.domain.types import LocalDateTime


def stored_default(value: str | int | bool) -> Any:
    """A field whose default the table also holds (``DEFAULT`` in the column), so rows written
    with plain SQL that leave the column out get the same value as ORM ones."""
    server: Any
    if isinstance(value, bool):
        server = true() if value else false()
    elif isinstance(value, str):
        # A quoted SQL literal, not a plain str: Alembic's SQLite comparison unquotes the book's
        # '' but not a bare "", so an empty default would always read as changed.
        server = text("'" + value.replace("'", "''") + "'")
    else:
        server = str(value)
    return Field(default=value, sa_column_kwargs={"server_default": server})


def _live(condition: str = "") -> Any:
    """The WHERE of a partial index over live (not archived) clients."""
    return text(f"archived_at IS NULL{' AND ' + condition if condition else ''}")


#: When the last contact was, or the day they were added: what "due for contact" counts from.
_CONTACT_CLOCK = text("coalesce(last_contact_at, created_at)")


class Client(SQLModel, table=True):
    __tablename__ = "client"
    __table_args__ = (
        # The list's default order, and the indexed pinyin/initials prefix searches.
        Index("ix_client_list", "archived_at", "name_pinyin", "id"),
        # Covering index for the search box (LIKE '%q%' reads ~1/4 of the table's pages).
        Index("ix_client_search", "archived_at", "search_text"),
        Index("ix_client_name_compact", "name_compact"),
        Index("ix_client_name_initials", "name_initials"),
        Index("ix_client_name", "name"),
        Index("ix_client_status", "status"),
        Index("ix_client_id_number", "id_number"),
        Index("ix_client_last_contact", "archived_at", "last_contact_at"),
        # Reminders (0003): birthdays in a window, who is due for contact, live names.
        Index(
            "ix_client_birthday",
            "birthday_calendar",
            "birth_month",
            "birth_day",
            "birth_leap",
            sqlite_where=_live(),
        ),
        Index(
            "ix_client_contact_due",
            "status",
            _CONTACT_CLOCK,
            sqlite_where=_live("cadence_days IS NULL"),
        ),
        Index(
            "ix_client_cadence_due",
            "cadence_days",
            _CONTACT_CLOCK,
            sqlite_where=_live("cadence_days IS NOT NULL"),
        ),
        Index("ix_client_live_name", "id", "name", sqlite_where=_live()),
        # Referrals (0004): a referrer's children with their status (covering), sources.
        Index("ix_client_referred_by", "referred_by_id", "status"),
        Index("ix_client_source", "archived_at", "source"),
        # The dashboard (0009): clients added in a period, and through a referral, covering.
        Index("ix_client_created", "created_at", "referred_by_id", "source"),
        # The dashboard (0010): whether a borrower came through a referral, by id, without
        # reading the client's row (a year's loans ask it 20,000 times). Partial: the
        # referred clients only, a small index; covering (the WHERE's columns too).
        Index(
            "ix_client_referred",
            "id",
            "referred_by_id",
            "source",
            sqlite_where=text("referred_by_id IS NOT NULL OR source = 'referral'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str
    kind: str = stored_default("person")  # ClientKind
    gender: str | None = None  # Gender
    # Birthday: solar or lunar; the year is optional (many officers know only the day).
    birthday_calendar: str | None = None  # Calendar
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    birth_leap: bool = stored_default(False)  # lunar leap month
    wechat: str | None = None
    id_number: str | None = None
    business_name: str | None = None
    industry: str | None = None
    uscc: str | None = None
    address: str | None = None
    status: str = stored_default("prospect")  # ClientStatus
    notes: str = stored_default("")
    form_of_address: str | None = None  # 称呼: how the officer addresses them (张总, 李姐)
    cadence_days: int | None = None  # keep-in-touch override; None: the status default
    last_contact_at: LocalDateTime | None = None  # kept by the interaction service
    # Who brought them (a client or a referral partner, client.id): deliberately no foreign
    # key (see migration 0004: SQLite would rewrite the client's indexes on every link). The
    # service checks it and refuses circles; a trigger (below) clears it if the referrer goes.
    referred_by_id: int | None = None
    source: str | None = None  # ReferralSource; "referral" whenever referred_by_id is set
    # Derived, kept for sorting and searching (see crm.domain.names and services.clients).
    name_pinyin: str = stored_default("")
    name_compact: str = stored_default("")
    name_initials: str = stored_default("")
    search_text: str = stored_default("")
    created_at: LocalDateTime
    updated_at: LocalDateTime
    archived_at: LocalDateTime | None = None


class ClientPhone(SQLModel, table=True):
    __tablename__ = "client_phone"
    __table_args__ = (
        Index("ix_client_phone_client_id", "client_id", "position"),
        # Digits as dialled in China: duplicate checks look them up.
        Index("ix_client_phone_national", "national"),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    position: int = stored_default(0)
    e164: str
    national: str
    label: str | None = None


class ClientTag(SQLModel, table=True):
    __tablename__ = "client_tag"
    __table_args__ = (Index("ix_client_tag_tag", "tag", "client_id"),)

    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE", primary_key=True)
    tag: str = Field(primary_key=True)


#: What SQLAlchemy cannot declare, as migration 0004 wrote it (the schema test compares it with
#: the book): deleting a referrer cuts the link and keeps the people they brought.
CLIENT_SQL_ONLY = {
    "client_referrer_deleted": (
        "CREATE TRIGGER client_referrer_deleted AFTER DELETE ON client BEGIN "
        "UPDATE client SET referred_by_id = NULL WHERE referred_by_id = OLD.id; END"
    ),
}
