"""Reminders about loans: a repayment coming, a maturity to talk about, an overdue to chase.

Three :data:`~crm.services.reminders.occurrence.Source` functions over running loans
(disbursed, extended, overdue; not deleted; of clients not archived), listed in
:func:`crm.services.reminders.sources.default_sources`:

- :func:`repayments`: each due date of the schedule, dated on the day and shown the officer's
  lead time before (``loan_repayment``, default 3 days; announced again on the day). Loans paid
  by auto-debit only when the officer asks for them too. The amount is the schedule's
  (:func:`crm.domain.loan_standing.progress`, fen for fen the calculator's). A loan once
  extended has no monthly schedule left: what remained falls due at its new maturity, as
  :mod:`crm.domain.loan_standing` has it.
- :func:`maturities`: 30 and 7 days before the maturity, each dated on the day to call
  (time to talk about a 续贷 renewal or a 展期 extension), whatever the auto-debit.
- :func:`overdue_follow_ups`: one a day from the day the loan went overdue until a status change
  takes it out of overdue; a :class:`~crm.services.reminders.occurrence.DailySource`, so the
  engine asks for the day it computes for only (yesterday's follow-up is not today's).

Keys are ``<occasion>:<loan id>:<date>``: marking one month's repayment done leaves the next.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sqlite3
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LoanTerms
from crm.domain.loan_standing import loan_standing, progress
from crm.domain.loan_status import LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.services.reminders import settings as reminder_settings
from crm.services.reminders.occurrence import DailySource, Occurrence, message
from crm.store.queries import loan_reminders as q

REPAYMENT = "loan_repayment"
MATURITY = "loan_maturity"
OVERDUE = "loan_overdue"
OCCASIONS = (OVERDUE, REPAYMENT, MATURITY)
# Days before a maturity the officer is reminded to talk about what comes next.
MATURITY_LEADS = (30, 7)

_REPAYMENT_TITLE = QT_TRANSLATE_NOOP("Reminder", "{name} · {product} repayment {amount} due {date}")
_BY_HAND = QT_TRANSLATE_NOOP("Reminder", "Instalment {period} of {periods}, paid by hand")
_BY_DEBIT = QT_TRANSLATE_NOOP("Reminder", "Instalment {period} of {periods}, by auto-debit")
_REMAINDER = QT_TRANSLATE_NOOP("Reminder", "What remains after the extension, due at maturity")
_MATURITY_TITLE = QT_TRANSLATE_NOOP("Reminder", "{name} · {product} {amount} matures {date}")
_MATURITY_DETAIL = QT_TRANSLATE_NOOP(
    "Reminder", "In {days} days: talk about a renewal (续贷) or an extension (展期) now"
)
_OVERDUE_TITLE = QT_TRANSLATE_NOOP(
    "Reminder", "Follow up {name} · {product}: {amount} overdue (day {days})"
)
_OVERDUE_TITLE_NO_AMOUNT = QT_TRANSLATE_NOOP(
    "Reminder", "Follow up {name} · {product}: overdue (day {days})"
)
_OVERDUE_DETAIL = QT_TRANSLATE_NOOP("Reminder", "Overdue since {date}")

_METHODS = RepaymentMethod._value2member_map_
_day = dt.date.fromisoformat


def _money(fen: int) -> str:
    """Whole fen as yuan with separators: 890398 -> ``8,903.98`` (integer arithmetic: a
    Decimal costs ~5 us a number, and a window holds thousands)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


# -- repayments ------------------------------------------------------------------------------


class _Day(NamedTuple):
    date: dt.date
    iso: str
    short: str  # "12-20", as the title shows it
    month: int  # year * 12 + month: periods are counted in months


def days_of_month(start: dt.date, end: dt.date) -> dict[int, list[dt.date]]:
    """Day of month (1-31) -> the dates in ``[start, end]`` a repayment on that day falls on:
    the same day, or a short month's last day for the days it lacks (as
    :func:`crm.domain.loan_calendar.add_months` clamps them)."""
    out: dict[int, list[dt.date]] = {}
    d = start
    while d <= end:
        out.setdefault(d.day, []).append(d)
        if d.day == calendar.monthrange(d.year, d.month)[1]:
            for missing in range(d.day + 1, 32):
                out.setdefault(missing, []).append(d)
        d += dt.timedelta(days=1)
    return out


def _terms(amount: int, rate: str, months: int, method: RepaymentMethod, fee: int) -> LoanTerms:
    return LoanTerms(
        Decimal(amount).scaleb(-2), Decimal(rate), months, method, Decimal(fee).scaleb(-2)
    )


@lru_cache(maxsize=16_384)
def _payment(amount: int, rate: str, months: int, method: str, fee: int, period: int) -> str:
    """The schedule's payment of ``period`` (1-based), as the title shows it. Cached on the
    loan's raw terms: they rarely change between checks (the Today view recomputes after every
    write), and an equal instalment is worked out by walking the balance period by period."""
    terms = _terms(amount, rate, months, RepaymentMethod(method), fee)
    payment = progress(terms, period - 1)[1]
    assert payment is not None
    return f"{payment:,.2f}"


def repayments(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> Iterable[Occurrence]:
    """Repayments of running loans falling due in the window (see the module)."""
    prefs = reminder_settings.load(conn)
    lead = prefs.lead_for(REPAYMENT)
    auto_too = prefs.remind_auto_debit
    # What does not depend on the loan is worked out once per day of the window.
    by_day = {
        day: [_Day(d, d.isoformat(), f"{d.month:02d}-{d.day:02d}", d.year * 12 + d.month)
              for d in dates]
        for day, dates in days_of_month(start, end).items()
    }  # fmt: skip
    out: list[Occurrence] = []
    append = out.append
    title_context, title_text = _REPAYMENT_TITLE.context, _REPAYMENT_TITLE.text
    bullet = RepaymentMethod.BULLET.value
    # "Instalment 6 of 12, paid by hand": a few dozen distinct lines, each made once.
    details: dict[tuple[bool, int, int], Msg] = {}
    for row in q.repayments_on_days(conn, by_day, auto_too):
        (loan_id, cid, name, product, amount, rate, fee, months, method, disbursed,
         _repayment_day, auto_debit, day) = row  # fmt: skip
        # Postings: every month, or one at the end for a bullet (loan_standing.posting_periods).
        first = months if method == bullet else 1
        base = int(disbursed[:4]) * 12 + int(disbursed[5:7])
        for d in by_day[day]:
            # The period falling due on this day: months since the disbursement (the day of
            # month matched already, a short month's clamping included).
            period = d.month - base
            if not first <= period <= months:
                continue
            detail_key = (bool(auto_debit), period - first + 1, months - first + 1)
            detail = details.get(detail_key)
            if detail is None:
                detail = details[detail_key] = message(
                    _BY_DEBIT if auto_debit else _BY_HAND,
                    period=detail_key[1],
                    periods=detail_key[2],
                )
            params = {
                "name": name,
                "product": product,
                "amount": _payment(amount, rate, months, method, fee, period),
                "date": d.short,
            }
            append(
                Occurrence(
                    f"{REPAYMENT}:{loan_id}:{d.iso}",
                    REPAYMENT,
                    d.date,
                    Msg(title_context, title_text, params),
                    cid,
                    lead,
                    detail,
                    loan_id,
                )
            )
    out += _remainders(conn, start, end, lead, auto_too)
    return out


def _remainders(
    conn: sqlite3.Connection, start: dt.date, end: dt.date, lead: int, auto_too: bool
) -> list[Occurrence]:
    """Loans once extended (overdue or disbursed again since, or not): what remained at the
    first extension falls due at the new maturity, as the loan's standing has it."""
    out: list[Occurrence] = []
    for row in q.extended_maturing(conn, start.isoformat(), end.isoformat(), auto_too):
        (loan_id, cid, name, product, amount, rate, fee, months, method_value, disbursed,
         repayment_day, _auto_debit, status, maturity, extended) = row  # fmt: skip
        method = _METHODS[method_value]
        assert isinstance(method, RepaymentMethod)
        maturity_on = _day(maturity)
        standing = loan_standing(
            status=LoanStatus(status),
            terms=_terms(amount, rate, months, method, fee),
            disbursed_on=_day(disbursed) if disbursed else None,
            repayment_day=repayment_day,
            maturity_on=maturity_on,
            extended_on=_day(extended) if extended else None,
            overdue_since=None,
            overdue_amount=None,
            today=maturity_on,
        )
        if standing.next_due != maturity_on or not standing.next_payment:
            continue
        title = message(
            _REPAYMENT_TITLE,
            name=name,
            product=product,
            amount=f"{standing.next_payment:,.2f}",
            date=maturity_on.strftime("%m-%d"),
        )
        key = f"{REPAYMENT}:{loan_id}:{maturity}"
        out.append(Occurrence(key, REPAYMENT, maturity_on, title, cid, lead, _REMAINDER, loan_id))
    return out


# -- maturities ------------------------------------------------------------------------------


def maturities(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> Iterable[Occurrence]:
    """30 and 7 days before a running loan matures: talk about renewing or extending it."""
    out: list[Occurrence] = []
    for days in MATURITY_LEADS:
        ahead = dt.timedelta(days=days)
        first, last = (start + ahead).isoformat(), (end + ahead).isoformat()
        detail = message(_MATURITY_DETAIL, days=days)
        # A few dozen maturity days: each parsed once.
        calls: dict[str, tuple[dt.date, str]] = {}
        for loan_id, cid, name, product, amount, disbursed, maturity in q.maturing(
            conn, first, last
        ):
            call = calls.get(maturity)
            if call is None:
                call_on = _day(maturity) - ahead
                call = calls[maturity] = (call_on, call_on.isoformat())
            call_on, call_iso = call
            if disbursed and call_iso <= disbursed:
                continue  # a loan shorter than the lead: nothing to talk about before it began
            title = message(
                _MATURITY_TITLE, name=name, product=product, amount=_money(amount), date=maturity
            )
            key = f"{MATURITY}:{loan_id}:{call_iso}"
            out.append(Occurrence(key, MATURITY, call_on, title, cid, 0, detail, loan_id))
    return out


# -- overdue ---------------------------------------------------------------------------------


def _overdue_follow_ups(
    conn: sqlite3.Connection, start: dt.date, end: dt.date
) -> Iterable[Occurrence]:
    out: list[Occurrence] = []
    for loan_id, cid, name, product, since, overdue_fen in q.overdue(conn, end.isoformat()):
        since_on = _day(since)
        detail = message(_OVERDUE_DETAIL, date=since_on.isoformat())
        date = max(start, since_on)
        while date <= end:
            # The day it went overdue is its first day overdue.
            days = (date - since_on).days + 1
            if overdue_fen is None:
                title = message(_OVERDUE_TITLE_NO_AMOUNT, name=name, product=product, days=days)
            else:
                title = message(
                    _OVERDUE_TITLE,
                    name=name,
                    product=product,
                    amount=_money(overdue_fen),
                    days=days,
                )
            key = f"{OVERDUE}:{loan_id}:{date.isoformat()}"
            out.append(Occurrence(key, OVERDUE, date, title, cid, 0, detail, loan_id))
            date += dt.timedelta(days=1)
    return out


#: Every day from the day a loan went overdue until it leaves overdue (a loan without the date,
#: which no write path leaves, is not followed: there is no day to count from).
overdue_follow_ups = DailySource(_overdue_follow_ups)
