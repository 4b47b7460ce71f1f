"""Referral tables (migration 0004): the thank-you a referrer is due.

Who referred whom lives on the client (``Client.referred_by_id``, ``Client.source``). Written
with plain SQL by crm.services.referral_thanks; this class is the schema declared once,
compared with a migrated book by ``tests/store/test_schema.py``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

# Both modules hold tables the foreign keys below name (client, interaction): imported so the
# ORM can resolve them whichever table module is imported first.
from crm.domain import client as _client  # noqa: F401
from crm.domain import relationship as _relationship  # noqa: F401
from crm.domain.types import LocalDateTime


class ReferralThanks(SQLModel, table=True):
    """One row each time a referred client becomes a borrower: open until ``thanked_at``."""

    __tablename__ = "referral_thanks"
    __table_args__ = (
        Index("ix_referral_thanks_open", "thanked_at", "became_borrower_on"),
        Index("ix_referral_thanks_referrer", "referrer_id"),
        Index("ix_referral_thanks_referred", "referred_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    referrer_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    referred_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    became_borrower_on: dt.date
    created_at: LocalDateTime
    thanked_at: LocalDateTime | None = None
    # The contact in which the thanks was given, if it was logged.
    interaction_id: int | None = Field(
        default=None, foreign_key="interaction.id", ondelete="SET NULL"
    )
