"""Loans: the needs record, the loan with its status history.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _client_fk() -> sa.Column:
    return sa.Column(
        "client_id", sa.Integer, sa.ForeignKey("client.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    # What the client came for, heard on first contact and after: the stated purpose, the need
    # behind it, amount, timing, worries, products talked about. Several over the years.
    op.create_table(
        "loan_need",
        sa.Column("id", sa.Integer, primary_key=True),
        _client_fk(),
        sa.Column("recorded_on", sa.Date, nullable=False),
        sa.Column("purpose", sa.String, nullable=False),
        sa.Column("real_need", sa.String, nullable=False, server_default=""),
        sa.Column("amount_fen", sa.Integer),
        sa.Column("timing", sa.String, nullable=False, server_default=""),
        sa.Column("concerns", sa.String, nullable=False, server_default=""),
        sa.Column("products", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime),
    )
    op.create_index("ix_loan_need_client", "loan_need", ["client_id", "recorded_on"])

    # Money is whole fen (INTEGER): exact, and what a ledger posts. The annual rate is a
    # decimal string of percent ("4.35"), exact as entered (a 月息 of 0.5% is stored as
    # "6.0" with rate_quoted_as 'monthly', so the form shows it back the way it was quoted).
    op.create_table(
        "loan",
        sa.Column("id", sa.Integer, primary_key=True),
        _client_fk(),
        sa.Column("product", sa.String, nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
        sa.Column("annual_rate", sa.String, nullable=False),
        sa.Column("rate_quoted_as", sa.String, nullable=False, server_default="annual"),
        sa.Column("fee_fen", sa.Integer, nullable=False, server_default="0"),
        sa.Column("term_months", sa.Integer, nullable=False),
        sa.Column("method", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False),  # the newest loan_event's status
        sa.Column("applied_on", sa.Date),
        sa.Column("disbursed_on", sa.Date),
        sa.Column("repayment_day", sa.Integer),  # day of month; NULL: the disbursement day
        sa.Column("maturity_on", sa.Date),  # moved by an extension
        # Most repayments are debited automatically; the repayment-day reminder is for the
        # others (and for everyone when the officer turns it on in Settings).
        sa.Column("auto_debit", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("purpose", sa.String, nullable=False, server_default=""),
        sa.Column("guarantor", sa.String, nullable=False, server_default=""),
        sa.Column("collateral", sa.String, nullable=False, server_default=""),
        # A 续贷 renewal points at the loan it renews.
        sa.Column(
            "renewal_of_id", sa.Integer, sa.ForeignKey("loan.id", ondelete="SET NULL")
        ),
        sa.Column("overdue_since", sa.Date),
        sa.Column("overdue_fen", sa.Integer),
        sa.Column("note", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime),
    )
    op.create_index("ix_loan_client", "loan", ["client_id", "status"])
    op.create_index("ix_loan_status_maturity", "loan", ["status", "maturity_on"])
    op.create_index("ix_loan_renewal_of", "loan", ["renewal_of_id"])

    # Every status a loan went through, dated: applied, approved, disbursed, extended (with
    # the new maturity), overdue (since, amount), repaid, declined.
    op.create_table(
        "loan_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "loan_id", sa.Integer, sa.ForeignKey("loan.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("maturity_on", sa.Date),
        sa.Column("amount_fen", sa.Integer),
        sa.Column("note", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_loan_event_loan", "loan_event", ["loan_id", "on_date"])
