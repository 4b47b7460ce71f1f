"""When a loan's repayments fall, and where a loan stands on a given day.

Period k (1..n) falls due on the repayment day of the k-th month after disbursement; a day
the month lacks (the 31st in April, the 29th-31st in February) falls on the month's last day,
as banks post it. The contract's maturity is the same day of month ``term`` months on.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple


def add_months(start: dt.date, months: int, day: int | None = None) -> dt.date:
    """``months`` after ``start``, on ``day`` (default: start's day), clamped to month end."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day or start.day, last))


def due_dates(disbursed_on: dt.date, periods: int, repayment_day: int | None) -> list[dt.date]:
    """The due date of each period, 1..periods."""
    return [add_months(disbursed_on, k, repayment_day) for k in range(1, periods + 1)]


def contract_maturity(disbursed_on: dt.date, term_months: int) -> dt.date:
    return add_months(disbursed_on, term_months)


class Standing(NamedTuple):
    """Where a running loan stands on a day, assuming every repayment so far was made."""

    periods_paid: int  # repayments whose day has passed
    next_period: int | None  # the next repayment's period (None: all fell due)
    next_due: dt.date | None  # today counts as next: "due today"


def standing(dates: Sequence[dt.date], today: dt.date) -> Standing:
    paid = sum(1 for d in dates if d < today)
    if paid >= len(dates):
        return Standing(paid, None, None)
    return Standing(paid, paid + 1, dates[paid])
