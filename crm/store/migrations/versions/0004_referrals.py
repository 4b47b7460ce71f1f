"""Referrals: who referred each client, where the others came from, thank-you bookkeeping.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Who referred the client: another client or a referral partner (client.id).
    #
    # Deliberately no REFERENCES clause: with foreign keys on, SQLite rewrites every one of the
    # client's 11 index entries whenever a child-key column changes, which made linking 30,000
    # demo clients 6x slower (1.8 s against 0.3 s at 100,000). The trigger below gives
    # ON DELETE SET NULL (deleting a referrer, which Prism never does, cuts the link and keeps
    # the people below); ClientService checks the referrer exists inside the same write.
    op.add_column("client", sa.Column("referred_by_id", sa.Integer))
    op.execute(
        "CREATE TRIGGER client_referrer_deleted AFTER DELETE ON client BEGIN "
        "UPDATE client SET referred_by_id = NULL WHERE referred_by_id = OLD.id; END"
    )
    # ReferralSource: walk_in, branch, phone, event, online, other, referral. NULL: not recorded.
    op.add_column("client", sa.Column("source", sa.String))
    # Children of a referrer, with the status the top-referrer ranking counts (covering).
    op.create_index("ix_client_referred_by", "client", ["referred_by_id", "status"])
    op.create_index("ix_client_source", "client", ["archived_at", "source"])

    # One row each time a referred client becomes a borrower: the thank-you the referrer is due.
    op.create_table(
        "referral_thanks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "referrer_id",
            sa.Integer,
            sa.ForeignKey("client.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "referred_id",
            sa.Integer,
            sa.ForeignKey("client.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("became_borrower_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("thanked_at", sa.DateTime),
        sa.Column(
            "interaction_id",
            sa.Integer,
            sa.ForeignKey("interaction.id", ondelete="SET NULL"),
        ),
    )
    op.create_index(
        "ix_referral_thanks_open", "referral_thanks", ["thanked_at", "became_borrower_on"]
    )
    op.create_index("ix_referral_thanks_referrer", "referral_thanks", ["referrer_id"])
    op.create_index("ix_referral_thanks_referred", "referral_thanks", ["referred_id"])
