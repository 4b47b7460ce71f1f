"""How loans look wherever they are listed: status colours, figures, dates, messages.

The Loans section, a client's Loans tab and the loan dialogs show a loan the same way: money
with separators and two decimals, a rate as it was quoted (% a year or 月息), ISO dates.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from crm.domain.loan_form import render as render_nested
from crm.domain.loan_status import LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.ui.loans.texts import exact_percent, money

#: (background, text) of each status's badge.
STATUS_COLOURS: dict[LoanStatus, tuple[str, str]] = {
    LoanStatus.APPLIED: ("#e0e7ff", "#3730a3"),
    LoanStatus.APPROVED: ("#dbeafe", "#1e40af"),
    LoanStatus.DISBURSED: ("#dcfce7", "#166534"),
    LoanStatus.EXTENDED: ("#fef3c7", "#92400e"),
    LoanStatus.OVERDUE: ("#fee2e2", "#991b1b"),
    LoanStatus.REPAID: ("#f3f4f6", "#374151"),
    LoanStatus.DECLINED: ("#f3f4f6", "#6b7280"),
}
#: The life order, for lists and sorting (the enum's order is the same, said here on purpose).
ORDER: tuple[LoanStatus, ...] = (
    LoanStatus.APPLIED,
    LoanStatus.APPROVED,
    LoanStatus.DISBURSED,
    LoanStatus.EXTENDED,
    LoanStatus.OVERDUE,
    LoanStatus.REPAID,
    LoanStatus.DECLINED,
)
OVERDUE_ROW = "#fef2f2"
LATE = "#b91c1c"
SOON = "#b45309"
MUTED = "#6b7280"
ERROR_STYLE = "color: #b91c1c;"
HINT_STYLE = "color: #6b7280;"

MONTHLY_RATE = QT_TRANSLATE_NOOP("LoanLook", "月息 {rate}")
YUAN = QT_TRANSLATE_NOOP("LoanLook", "{amount} yuan")


def say(message: Msg) -> str:
    """A message from below the UI in the interface language; its parameters may be messages
    themselves (a status label), translated first."""
    return render_nested(message, QCoreApplication.translate)


def status_text(status: LoanStatus) -> str:
    return say(status.label)


def rate_text(quoted: Decimal, quoted_as: str) -> str:
    """The rate as it was quoted: 4.35% (a year) or 月息 0.5%."""
    if quoted_as == "monthly":
        return say(MONTHLY_RATE.with_(rate=exact_percent(quoted)))
    return exact_percent(quoted)


def yuan(value: Decimal) -> str:
    return say(YUAN.with_(amount=money(value)))


def when(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""
