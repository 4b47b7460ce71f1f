"""Every table of the book, in one metadata: the schema declared once.

Importing this module imports every table module, so the metadata it hands out is complete
wherever it is used: the migrations' ``env.py`` (``target_metadata``, for autogenerating the
next migration) and ``tests/store/test_schema.py`` (which compares it with a migrated book).
Never imported on the GUI's start path or by SQL query modules at import time (sqlmodel costs
~0.6 s); the ORM imports the table modules it uses when it first writes.
"""

from __future__ import annotations

from types import MappingProxyType

from sqlalchemy import MetaData
from sqlmodel import SQLModel

from crm.domain.client import CLIENT_SQL_ONLY, Client, ClientPhone, ClientTag
from crm.domain.loans import Loan, LoanEvent, LoanNeed
from crm.domain.post_loan_tables import (
    POST_LOAN_SQL_ONLY,
    ContactChange,
    ContactOutcome,
    LoanDocument,
    PostLoanCheck,
    PostLoanDue,
    RelatedParty,
    RiskEvent,
    RiskSignal,
    Turnover,
)
from crm.domain.referral_tables import ReferralThanks
from crm.domain.relationship import (
    MEMORY_SQL_ONLY,
    BookSetting,
    Interaction,
    LifeNote,
    Promise,
    Resource,
    ResourceShare,
)
from crm.domain.reminder_tables import GreetingOptout, ReminderHistory, ReminderState
from crm.domain.safekeeping_tables import DeletionLog

#: Every table class, by table name.
TABLE_CLASSES: MappingProxyType[str, type[SQLModel]] = MappingProxyType(
    {
        str(cls.__tablename__): cls
        for cls in (
            Client,
            ClientPhone,
            ClientTag,
            LifeNote,
            Interaction,
            Promise,
            Resource,
            ResourceShare,
            BookSetting,
            ReminderState,
            ReminderHistory,
            GreetingOptout,
            ReferralThanks,
            DeletionLog,
            LoanNeed,
            Loan,
            LoanEvent,
            LoanDocument,
            PostLoanCheck,
            RiskSignal,
            RiskEvent,
            ContactChange,
            RelatedParty,
            Turnover,
            ContactOutcome,
            PostLoanDue,
        )
    }
)

#: What SQLAlchemy cannot declare (the FTS5 table, triggers), by name, as the migrations wrote
#: it; the schema test compares each with the book's ``sqlite_master``.
SQL_ONLY: MappingProxyType[str, str] = MappingProxyType(
    {**CLIENT_SQL_ONLY, **MEMORY_SQL_ONLY, **POST_LOAN_SQL_ONLY}
)


def metadata() -> MetaData:
    """The metadata holding every table of the book (SQLModel's, complete once imported)."""
    return SQLModel.metadata
