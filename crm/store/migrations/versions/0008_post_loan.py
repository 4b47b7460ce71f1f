"""After the money goes out: loan documents, post-loan checks, risk signals and their history,
contact-field changes, related parties, monthly turnover, contact outcomes.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from crm.domain.post_loan_sql import DUE_REFRESH_ALL, POST_LOAN_SQL_ONLY

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _fk(name: str, table: str, *, nullable: bool = False) -> sa.Column:
    return sa.Column(
        name, sa.Integer, sa.ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=nullable
    )


def upgrade() -> None:
    # A checklist item as marked; an item of the product's template with no row is missing.
    op.create_table(
        "loan_document",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("loan_id", "loan"),
        sa.Column("item", sa.String, nullable=False),
        sa.Column("state", sa.String, nullable=False),
        sa.Column("received_on", sa.Date),
        sa.Column("expires_on", sa.Date),
        sa.Column("note", sa.String, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_loan_document_item", "loan_document", ["loan_id", "item"], unique=True)

    op.create_table(
        "post_loan_check",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("loan_id", "loan"),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("findings", sa.String, nullable=False, server_default=""),
        sa.Column("funds_ok", sa.Boolean),
        sa.Column("evidence", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime),
    )
    # The schedule asks, per loan and kind, for the last check done.
    op.create_index("ix_post_loan_check_loan", "post_loan_check", ["loan_id", "kind", "on_date"])

    op.create_table(
        "risk_signal",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("client_id", "client"),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("severity", sa.Integer, nullable=False, server_default="1"),
        sa.Column("rule_key", sa.String, nullable=False, server_default=""),
        sa.Column("opened_on", sa.Date, nullable=False),
        sa.Column("note", sa.String, nullable=False, server_default=""),
        sa.Column("closed_on", sa.Date),
        sa.Column("close_note", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_risk_signal_client", "risk_signal", ["client_id", "opened_on"])
    # Open signals only (a few hundred in a book of 100,000): the badges and the Risks page
    # read this small index, never the closed history.
    op.execute(
        "CREATE INDEX ix_risk_signal_open ON risk_signal (client_id, kind, rule_key, severity) "
        "WHERE closed_on IS NULL"
    )

    op.create_table(
        "risk_event",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("signal_id", "risk_signal"),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("note", sa.String, nullable=False, server_default=""),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_risk_event_signal", "risk_event", ["signal_id", "at"])

    op.create_table(
        "contact_change",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("client_id", "client"),
        sa.Column("field", sa.String, nullable=False),
        sa.Column("old_value", sa.String, nullable=False, server_default=""),
        sa.Column("new_value", sa.String, nullable=False, server_default=""),
        sa.Column("changed_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_contact_change_client", "contact_change", ["client_id", "changed_at"])

    op.create_table(
        "related_party",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("client_id", "client"),
        _fk("other_client_id", "client", nullable=True),
        sa.Column("other_name", sa.String, nullable=False, server_default=""),
        sa.Column("role", sa.String, nullable=False),
        sa.Column("note", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_related_party_client", "related_party", ["client_id"])
    op.create_index("ix_related_party_other", "related_party", ["other_client_id"])

    op.create_table(
        "turnover",
        _fk("client_id", "client"),
        sa.Column("month", sa.String, nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("client_id", "month"),
    )

    # The next check of each kind of every running loan, kept by triggers whatever writes a
    # loan, a check or a signal (the SQL is the domain's: crm.domain.post_loan_tables).
    op.create_table(
        "post_loan_due",
        sa.Column(
            "loan_id",
            sa.Integer,
            sa.ForeignKey("loan.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("kind", sa.String, primary_key=True),
        sa.Column("client_id", sa.Integer, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
    )
    op.create_index("ix_post_loan_due_on", "post_loan_due", ["due_on", "loan_id"])
    op.create_index("ix_post_loan_due_client", "post_loan_due", ["client_id"])
    for sql in POST_LOAN_SQL_ONLY.values():
        op.execute(sql)
    for statement in DUE_REFRESH_ALL.split("; ", 1):
        op.execute(statement)

    op.create_table(
        "contact_outcome",
        sa.Column(
            "interaction_id",
            sa.Integer,
            sa.ForeignKey("interaction.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("outcome", sa.String, nullable=False),
    )
