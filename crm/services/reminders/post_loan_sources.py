"""Reminders of 贷后 checks: a use-of-funds check, a visit or a call due on a running loan.

One :data:`~crm.services.reminders.occurrence.Source`, listed in
:func:`crm.services.reminders.sources.default_sources`. A check due stays open until it is
recorded (like a promise, it keeps showing however late), so the source also yields the older
ones; recording the check moves the loan's next due date, hence a new key, and the old
reminder is gone. Bounded by the officer's "due for contact" limit, the most overdue first:
a book of 100,000 clients must not bury Today under a month of routine calls.

Keys are ``post_loan_check:<loan id>:<kind>:<due date>``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.post_loan import CheckKind
from crm.services.post_loan import due_rows
from crm.services.reminders import settings as reminder_settings
from crm.services.reminders.occurrence import Occurrence, message

CHECK = "post_loan_check"
# One title per kind: a reminder's parameters are plain values, rendered as they are.
_TITLES = {
    CheckKind.USE_OF_FUNDS.value: QT_TRANSLATE_NOOP(
        "Reminder", "{name} · {product}: use-of-funds check due {date}"
    ),
    CheckKind.VISIT.value: QT_TRANSLATE_NOOP("Reminder", "{name} · {product}: visit due {date}"),
    CheckKind.CALL.value: QT_TRANSLATE_NOOP(
        "Reminder", "{name} · {product}: post-loan call due {date}"
    ),
}
_DETAIL_LATE = QT_TRANSLATE_NOOP("Reminder", "Post-loan check late since {date}")
_DETAIL = QT_TRANSLATE_NOOP("Reminder", "Post-loan check (贷后)")
#: At least this many, whatever the contact limit: a late check is a risk of its own.
_MIN_LIMIT = 50


def post_loan_checks(
    conn: sqlite3.Connection, start: dt.date, end: dt.date
) -> Iterable[Occurrence]:
    """Checks due by ``end``, late ones included (see the module)."""
    limit = max(reminder_settings.load(conn).contact_due_limit, _MIN_LIMIT)
    out: list[Occurrence] = []
    for loan_id, cid, product, name, kind, due in due_rows(conn, end, limit):
        day = dt.date.fromisoformat(due)
        title = message(_TITLES[kind], name=name, product=product, date=due[5:])
        detail = message(_DETAIL_LATE, date=due) if day < start else _DETAIL
        key = f"{CHECK}:{loan_id}:{kind}:{due}"
        out.append(Occurrence(key, CHECK, day, title, cid, 0, detail, loan_id))
    return out
