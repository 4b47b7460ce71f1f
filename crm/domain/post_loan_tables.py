"""After the money goes out (migration 0008): documents per loan, post-loan checks, risk
signals with their history, the change history of contact fields, related parties, monthly
turnover, and the "no answer" outcome of a contact.

Written with plain SQL by the post-loan services (crm/store/queries/post_loan.py); these
classes are the schema declared once, compared with a migrated book by
``tests/store/test_schema.py``. Money is whole fen.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

# Importing these puts the tables the foreign keys name (client, loan, interaction) in the
# metadata, whichever table module is imported first.
from crm.domain import loans as _loans  # noqa: F401
from crm.domain import relationship as _relationship  # noqa: F401
from crm.domain.client import stored_default
from crm.domain.post_loan_sql import POST_LOAN_SQL_ONLY as POST_LOAN_SQL_ONLY
from crm.domain.types import LocalDateTime


class LoanDocument(SQLModel, table=True):
    """One checklist item of a loan application as the officer marked it. An item of the
    product's template without a row is missing: the checklist is the template, and a row
    only records what changed (so editing a template reaches every open application)."""

    __tablename__ = "loan_document"
    __table_args__ = (Index("ix_loan_document_item", "loan_id", "item", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    loan_id: int = Field(foreign_key="loan.id", ondelete="CASCADE")
    item: str
    state: str  # received or missing (expired: received, expires_on passed)
    received_on: dt.date | None = None
    expires_on: dt.date | None = None
    note: str = stored_default("")
    updated_at: LocalDateTime


class PostLoanCheck(SQLModel, table=True):
    """A 贷后 check done: a visit, a call, a use-of-funds check."""

    __tablename__ = "post_loan_check"
    __table_args__ = (
        Index("ix_post_loan_check_loan", "loan_id", "kind", "on_date"),
        # The dashboard (0009): the live checks due in a period, and whether done by then.
        Index(
            "ix_post_loan_check_due",
            "due_on",
            "on_date",
            "loan_id",
            "deleted_at",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    loan_id: int = Field(foreign_key="loan.id", ondelete="CASCADE")
    on_date: dt.date
    kind: str  # CheckKind
    findings: str = stored_default("")
    funds_ok: bool | None = None  # funds used as agreed; None: not asked (a call)
    evidence: str = stored_default("")
    created_at: LocalDateTime
    deleted_at: LocalDateTime | None = None
    # The day the check was due when it was done (post_loan_due's then; 0009); None: nothing
    # scheduled it.
    due_on: dt.date | None = None


class RiskSignal(SQLModel, table=True):
    """A risk signal on a client, open until closed with a note. Detected ones carry the
    rule's key (``contact_changes``, ``overdue:<loan id>`` ...) so a rule opens one signal per
    cause, not one per run."""

    __tablename__ = "risk_signal"
    __table_args__ = (
        Index("ix_risk_signal_client", "client_id", "opened_on"),
        # The open signals (badges, the Risks page, detection's "already open?") read this only.
        Index(
            "ix_risk_signal_open",
            "client_id",
            "kind",
            "rule_key",
            "severity",
            sqlite_where=text("closed_on IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    kind: str  # RiskKind
    severity: int = stored_default(1)  # 1 watch, 2 serious, 3 acute
    rule_key: str = stored_default("")  # "" when recorded by hand
    opened_on: dt.date
    note: str = stored_default("")
    closed_on: dt.date | None = None
    close_note: str = stored_default("")
    created_at: LocalDateTime


class RiskEvent(SQLModel, table=True):
    """A signal's history: opened, noted, closed."""

    __tablename__ = "risk_event"
    __table_args__ = (Index("ix_risk_event_signal", "signal_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    signal_id: int = Field(foreign_key="risk_signal.id", ondelete="CASCADE")
    action: str  # opened, noted, closed
    note: str = stored_default("")
    at: LocalDateTime


class ContactChange(SQLModel, table=True):
    """A phone or WeChat of a client changed (kept by the client write path): what the
    "contact details changed 2+ times in 90 days" signal counts."""

    __tablename__ = "contact_change"
    __table_args__ = (Index("ix_contact_change_client", "client_id", "changed_at"),)

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    field: str  # phone, wechat
    old_value: str = stored_default("")
    new_value: str = stored_default("")
    changed_at: LocalDateTime


class RelatedParty(SQLModel, table=True):
    """A link from a client to another client, or to a person who is not a client, with a
    role (a guarantor, a spouse ...). ``other_client_id`` is NULL for a person outside the
    book, who is then named by ``other_name``."""

    __tablename__ = "related_party"
    __table_args__ = (
        Index("ix_related_party_client", "client_id"),
        Index("ix_related_party_other", "other_client_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    other_client_id: int | None = Field(default=None, foreign_key="client.id", ondelete="CASCADE")
    other_name: str = stored_default("")
    role: str  # PartyRole
    note: str = stored_default("")
    created_at: LocalDateTime


class Turnover(SQLModel, table=True):
    """A client's turnover (流水) of one month."""

    __tablename__ = "turnover"

    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE", primary_key=True)
    month: str = Field(primary_key=True)  # YYYY-MM
    amount_fen: int
    updated_at: LocalDateTime


class ContactOutcome(SQLModel, table=True):
    """The outcome of a logged contact when it was not answered: an interaction without a
    row here was answered (every contact before 0008 was)."""

    __tablename__ = "contact_outcome"

    interaction_id: int = Field(foreign_key="interaction.id", ondelete="CASCADE", primary_key=True)
    outcome: str  # no_answer


class PostLoanDue(SQLModel, table=True):
    """The next check of each kind of every running loan, kept by triggers (below) whatever
    writes the loan, a check, a signal: Today and the Risks page read the few rows due by an
    index range instead of working out every running loan's schedule (~60,000 at 100,000
    clients) on each reminder check."""

    __tablename__ = "post_loan_due"
    __table_args__ = (
        Index("ix_post_loan_due_on", "due_on", "loan_id"),
        # A signal opened or closed recomputes the client's loans: found without a scan.
        Index("ix_post_loan_due_client", "client_id"),
    )

    loan_id: int = Field(foreign_key="loan.id", ondelete="CASCADE", primary_key=True)
    kind: str = Field(primary_key=True)  # CheckKind
    client_id: int
    due_on: dt.date
