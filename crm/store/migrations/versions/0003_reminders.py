"""Reminders: state per occurrence with its history, festival opt-outs, birthday indexes.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One row per occurrence the officer (or a pop-up) has touched; an occurrence without a row
    # is pending and not yet announced. Keys carry the occasion's date, so next year's birthday
    # is a new key and comes back however this year's ended.
    op.create_table(
        "reminder_state",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("occasion", sa.String, nullable=False),
        sa.Column("client_id", sa.Integer, sa.ForeignKey("client.id", ondelete="CASCADE")),
        sa.Column("occasion_date", sa.Date, nullable=False),
        sa.Column("state", sa.String, nullable=False, server_default="pending"),
        sa.Column("snoozed_until", sa.DateTime),
        sa.Column("done_at", sa.DateTime),
        sa.Column("notified_at", sa.DateTime),  # last pop-up: "exactly once" per due time
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_reminder_state_date", "reminder_state", ["occasion_date"])
    op.create_table(
        "reminder_history",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String, nullable=False),
        # For a festival (one item for the whole book): whom a greeting went to.
        sa.Column("client_id", sa.Integer, sa.ForeignKey("client.id", ondelete="CASCADE")),
        sa.Column("action", sa.String, nullable=False),  # notified snoozed done dismissed ...
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("until", sa.DateTime),
        sa.Column("note", sa.String, nullable=False, server_default=""),
    )
    op.create_index("ix_reminder_history_key", "reminder_history", ["key", "at"])
    op.create_index("ix_reminder_history_client", "reminder_history", ["client_id"])
    # Clients who get no festival greetings (birthdays still remind).
    op.create_table(
        "greeting_optout",
        sa.Column(
            "client_id",
            sa.Integer,
            sa.ForeignKey("client.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    # Birthdays in a window are a handful of (month, day) lookups: solar ones by the window's
    # dates, lunar ones by the window's ~8 lunar dates. Partial: archived clients never remind.
    op.execute(
        "CREATE INDEX ix_client_birthday ON client "
        "(birthday_calendar, birth_month, birth_day, birth_leap) WHERE archived_at IS NULL"
    )
    # Who is due for contact: per status (default cadence) or per explicit cadence, ordered by
    # the last contact (or the day they were added), so the most overdue are a range scan.
    op.execute(
        "CREATE INDEX ix_client_contact_due ON client "
        "(status, coalesce(last_contact_at, created_at)) "
        "WHERE archived_at IS NULL AND cadence_days IS NULL"
    )
    op.execute(
        "CREATE INDEX ix_client_cadence_due ON client "
        "(cadence_days, coalesce(last_contact_at, created_at)) "
        "WHERE archived_at IS NULL AND cadence_days IS NOT NULL"
    )
    # Dated notes and open promises with what a reminder shows, and live clients' names: the
    # Today view reads thousands of them at 100,000 clients without touching the wide rows.
    op.execute(
        "CREATE INDEX ix_life_note_dated ON life_note (event_date, client_id, id, text) "
        "WHERE deleted_at IS NULL"
    )
    op.execute(
        "CREATE INDEX ix_promise_open_due ON promise (due_date, client_id, id, text) "
        "WHERE kept_at IS NULL AND deleted_at IS NULL"
    )
    op.execute("CREATE INDEX ix_client_live_name ON client (id, name) WHERE archived_at IS NULL")
