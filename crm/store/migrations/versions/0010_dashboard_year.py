"""The dashboard's year in < 200 ms at 150,000 loans: "lent to before" and "came through a
referral" answered from small covering indexes (one lookup per borrower, no row read), and the
few deleted loans listed, so counts over other tables leave them out without reading each
row's loan.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_loan_client_disbursed ON loan (client_id, disbursed_on, deleted_at) "
        "WHERE deleted_at IS NULL AND disbursed_on IS NOT NULL"
    )
    op.execute("CREATE INDEX ix_loan_deleted ON loan (deleted_at) WHERE deleted_at IS NOT NULL")
    op.execute(
        "CREATE INDEX ix_client_referred ON client (id, referred_by_id, source) "
        "WHERE referred_by_id IS NOT NULL OR source = 'referral'"
    )


def downgrade() -> None:
    for name in ("ix_client_referred", "ix_loan_deleted", "ix_loan_client_disbursed"):
        op.execute(f"DROP INDEX IF EXISTS {name}")
