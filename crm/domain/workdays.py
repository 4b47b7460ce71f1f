"""Working days, for promise due dates ("I'll get back to you in two working days").

Only weekends are skipped. Statutory holidays and the make-up working days (调休) are NOT
considered: they change every year by State Council notice, and the optional
``chinesecalendar`` package that tracks them is not a dependency. The officer can always
change a due date by hand.
"""

from __future__ import annotations

import datetime as dt

PROMISE_WORKING_DAYS = 2


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days (Mon-Fri) after ``start``."""
    current = start
    left = days
    while left > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def default_promise_due(made_on: dt.date) -> dt.date:
    return add_working_days(made_on, PROMISE_WORKING_DAYS)
