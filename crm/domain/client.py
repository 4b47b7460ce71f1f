"""The client book's tables: a client, their phones and tags."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from crm.domain.types import LocalDateTime


class Client(SQLModel, table=True):
    __tablename__ = "client"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    kind: str = "person"  # ClientKind
    gender: str | None = None  # Gender
    # Birthday: solar or lunar; the year is optional (many officers know only the day).
    birthday_calendar: str | None = None  # Calendar
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    birth_leap: bool = False  # lunar leap month
    wechat: str | None = None
    id_number: str | None = Field(default=None, index=True)
    business_name: str | None = None
    industry: str | None = None
    uscc: str | None = None
    address: str | None = None
    status: str = "prospect"  # ClientStatus
    notes: str = ""
    form_of_address: str | None = None  # 称呼: how the officer addresses them (张总, 李姐)
    cadence_days: int | None = None  # keep-in-touch override; None: the status default
    last_contact_at: LocalDateTime | None = None  # kept by the interaction service
    # Who brought them (a client or a referral partner, client.id): checked by the service,
    # which refuses circles; a trigger clears it if the referrer is deleted (migration 0004).
    referred_by_id: int | None = None
    source: str | None = None  # ReferralSource; "referral" whenever referred_by_id is set
    # Derived, kept for sorting and searching (see crm.domain.names and services.clients).
    name_pinyin: str = ""
    name_compact: str = ""
    name_initials: str = ""
    search_text: str = ""
    created_at: LocalDateTime
    updated_at: LocalDateTime
    archived_at: LocalDateTime | None = None


class ClientPhone(SQLModel, table=True):
    __tablename__ = "client_phone"

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE", index=True)
    position: int = 0
    e164: str
    national: str = Field(index=True)  # digits as dialled in China; duplicate checks use it
    label: str | None = None


class ClientTag(SQLModel, table=True):
    __tablename__ = "client_tag"

    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE", primary_key=True)
    tag: str = Field(primary_key=True, index=True)
