"""The loan tables: what a client needs, the loans they took, each loan's dated history.

They mirror migrations 0006 and 0007 (the reminders' indexes). Money is whole fen (int) in the
book and ``Decimal`` yuan in the rules (crm.domain.loan_math); the annual rate is a decimal
string of percent.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from crm.domain.client import stored_default
from crm.domain.types import LocalDateTime


class LoanNeed(SQLModel, table=True):
    """The needs record: what the client asked for and what they really need."""

    __tablename__ = "loan_need"
    __table_args__ = (Index("ix_loan_need_client", "client_id", "recorded_on"),)

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    recorded_on: dt.date
    purpose: str
    real_need: str = stored_default("")
    amount_fen: int | None = None
    timing: str = stored_default("")
    concerns: str = stored_default("")
    products: str = stored_default("")
    created_at: LocalDateTime
    updated_at: LocalDateTime
    deleted_at: LocalDateTime | None = None


#: The day of the month a loan's repayments fall on (before a short month clamps it): its
#: repayment day, or the disbursement's day. Queries must spell it the same to use the index.
REPAYMENT_DAY_OF_MONTH = text(
    "coalesce(repayment_day, CAST(substr(disbursed_on, 9, 2) AS INTEGER))"
)


class Loan(SQLModel, table=True):
    __tablename__ = "loan"
    __table_args__ = (
        Index("ix_loan_client", "client_id", "status"),
        Index("ix_loan_status_maturity", "status", "maturity_on"),
        Index("ix_loan_renewal_of", "renewal_of_id"),
        # Reminders (0007): running loans by the day of the month their repayment falls on.
        # Covering: what the schedule's amount needs, and the partial WHERE's columns.
        Index(
            "ix_loan_repayment_day",
            "auto_debit",
            REPAYMENT_DAY_OF_MONTH,
            "client_id",
            "product",
            "amount_fen",
            "annual_rate",
            "fee_fen",
            "term_months",
            "method",
            "disbursed_on",
            "repayment_day",
            "status",
            "deleted_at",
            sqlite_where=text("status IN ('disbursed', 'overdue') AND deleted_at IS NULL"),
        ),
        # Reminders (0007): running loans by maturity, and the overdue ones, covering.
        Index(
            "ix_loan_running",
            "status",
            "maturity_on",
            "client_id",
            "product",
            "amount_fen",
            "disbursed_on",
            "overdue_since",
            "overdue_fen",
            "deleted_at",
            sqlite_where=text(
                "status IN ('disbursed', 'extended', 'overdue') AND deleted_at IS NULL"
            ),
        ),  # The dashboard (0009): the live loans disbursed, or applied for, in a period: a range
        # instead of a scan of every loan; covering what the loans' one pass reads.
        Index(
            "ix_loan_disbursed",
            "disbursed_on",
            "client_id",
            "applied_on",
            "status",
            "amount_fen",
            "deleted_at",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_loan_applied",
            "applied_on",
            "client_id",
            "disbursed_on",
            "status",
            "deleted_at",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        # The dashboard (0010): whether a client was lent to before a day (repeat borrowing),
        # one covering lookup per client (deleted_at a column: SQLite reads an index alone
        # only when it holds every column the query names, the partial WHERE's too).
        Index(
            "ix_loan_client_disbursed",
            "client_id",
            "disbursed_on",
            "deleted_at",
            sqlite_where=text("deleted_at IS NULL AND disbursed_on IS NOT NULL"),
        ),
        # The few deleted loans (0010): figures over other tables (post-loan checks) leave
        # their rows out by this small list instead of reading every row's loan.
        Index("ix_loan_deleted", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    product: str
    amount_fen: int
    annual_rate: str  # percent, a decimal string ("4.35")
    rate_quoted_as: str = stored_default("annual")
    fee_fen: int = stored_default(0)
    term_months: int
    method: str  # RepaymentMethod
    status: str  # LoanStatus: the newest event's
    applied_on: dt.date | None = None
    disbursed_on: dt.date | None = None
    repayment_day: int | None = None
    maturity_on: dt.date | None = None
    auto_debit: bool = stored_default(True)
    purpose: str = stored_default("")
    guarantor: str = stored_default("")
    collateral: str = stored_default("")
    renewal_of_id: int | None = Field(default=None, foreign_key="loan.id", ondelete="SET NULL")
    overdue_since: dt.date | None = None
    overdue_fen: int | None = None
    note: str = stored_default("")
    created_at: LocalDateTime
    updated_at: LocalDateTime
    deleted_at: LocalDateTime | None = None


class LoanEvent(SQLModel, table=True):
    """One dated step of a loan's status history."""

    __tablename__ = "loan_event"
    __table_args__ = (
        Index("ix_loan_event_loan", "loan_id", "on_date"),
        # Reminders (0007): whether a loan was extended, and since when.
        Index(
            "ix_loan_event_extended",
            "loan_id",
            "on_date",
            sqlite_where=text("status = 'extended'"),
        ),  # The dashboard (0009): the steps of one kind (overdue, repaid, approved) in a period.
        Index("ix_loan_event_status", "status", "on_date", "loan_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    loan_id: int = Field(foreign_key="loan.id", ondelete="CASCADE")
    status: str  # LoanStatus
    on_date: dt.date
    maturity_on: dt.date | None = None  # an extension's new maturity
    amount_fen: int | None = None  # an overdue's amount
    note: str = stored_default("")
    created_at: LocalDateTime
