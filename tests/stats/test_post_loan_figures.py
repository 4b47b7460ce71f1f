"""The post-loan checks and risk signals figures on the hand-built book (tests/stats/conftest.py)
with, added here, checks and signals whose every count is known (today: 29 November 2026).

Checks (经营贷: use of funds 15 days after the money goes out; calls every 30 days, 15 while a
signal is open; visits every 90, 30 while one is open):
- A (disbursed 11-05): use of funds due 11-20, done 11-18: on time.
- B (disbursed 11-10): use of funds due 11-25, not done: late.
- C (disbursed 06-01): use of funds due 06-16, done 06-10 (June); a call due 07-01 done 10-20
  (July, late); the next due 11-19 done 11-25 (November, late); the visit due 07-01 (tightened:
  C has a signal open) not done (July, late).

Signals: A's opened 09-01, closed 10-01; D's 经营下滑 opened 10-15, closed 11-20 ("补充了抵押");
C's 回复变慢 opened 11-10, open.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.domain import stats_defs as d
from crm.domain.post_loan import CheckKind
from crm.domain.stats import Figure, Period, ratio_text, value_text
from crm.services.review_doc import review_markdown
from tests.stats.conftest import NOVEMBER, KnownBook, _at

D = dt.date


def _month(m: int) -> Period:
    first = D(2026, m, 1)
    nxt = D(2026, m + 1, 1) if m < 12 else D(2027, 1, 1)
    return Period(first, nxt - dt.timedelta(days=1))


@pytest.fixture
def book_after(known: KnownBook, clock) -> KnownBook:
    s = known.services
    running = ("disbursed", "overdue")
    loans = {
        row.client_id: row.id
        for row, _standing in s.loans.for_clients([known.a, known.b, known.c])
        if row.status in running
    }
    s.post_loan.check_in(loans[known.a], CheckKind.USE_OF_FUNDS, on=D(2026, 11, 18), funds_ok=True)
    c_loan = loans[known.c]
    s.post_loan.check_in(c_loan, CheckKind.USE_OF_FUNDS, on=D(2026, 6, 10), funds_ok=True)
    s.post_loan.check_in(c_loan, CheckKind.CALL, on=D(2026, 10, 20))
    s.post_loan.check_in(c_loan, CheckKind.CALL, on=D(2026, 11, 25))
    a_signal = s.risks.add(known.a, "大额消费", on=D(2026, 9, 1))
    _at(clock, D(2026, 10, 1))
    s.risks.close(a_signal, "问清了是装修")
    d_signal = s.risks.add(known.d, "经营下滑", on=D(2026, 10, 15))
    _at(clock, D(2026, 11, 20))
    s.risks.close(d_signal, "补充了抵押")
    _at(clock, D(2026, 11, 29))
    s.risks.add(known.c, "回复变慢", on=D(2026, 11, 10))
    return known


def _figure(known: KnownBook, key: str, period: Period = NOVEMBER) -> Figure:
    return known.services.stats.figure(key, period)


@pytest.mark.parametrize(
    ("month", "hits", "due", "text"),
    [
        (11, 1, 3, "33.3%"),  # A's on time; B's not done; C's call done late
        (10, 0, 0, "–"),  # nothing fell due
        (7, 0, 2, "0.0%"),  # C's first call (done late, in October) and visit (not done)
        (6, 1, 1, "100.0%"),  # C's use-of-funds check
    ],
)
def test_post_loan_checks_done_on_time(
    book_after: KnownBook, month: int, hits: int, due: int, text: str
) -> None:
    figure = _figure(book_after, d.POST_LOAN_CHECKS.key, _month(month))
    assert (figure.numerator, figure.denominator) == (Decimal(hits), Decimal(due))
    assert value_text(figure) == text


def test_the_clients_behind_late_checks(book_after: KnownBook) -> None:
    rows = book_after.services.stats.behind(d.POST_LOAN_CHECKS.key, NOVEMBER)
    assert sorted(r.id for r in rows) == sorted([book_after.b, book_after.c])


def test_risk_signals_open_opened_and_closed(book_after: KnownBook) -> None:
    november = _figure(book_after, d.RISK_SIGNALS.key)
    assert value_text(november) == "1"  # C's; D's was closed on 11-20
    assert ratio_text(november) == ""
    assert [(m.text, n) for m, n in november.parts] == [
        ("Opened in the period", 1),
        ("Closed in the period", 1),
    ]
    october = _figure(book_after, d.RISK_SIGNALS.key, _month(10))
    assert value_text(october) == "1"  # D's; A's closed on 10-01
    assert [n for _m, n in october.parts] == [1, 1]
    rows = book_after.services.stats.behind(d.RISK_SIGNALS.key, NOVEMBER)
    assert [r.id for r in rows] == [book_after.c]


def test_no_signal_or_check_counts_nothing(known: KnownBook) -> None:
    checks = _figure(known, d.POST_LOAN_CHECKS.key, _month(10))
    assert checks.available and value_text(checks) == "–"
    signals = _figure(known, d.RISK_SIGNALS.key)
    assert signals.available and value_text(signals) == "0"


def test_the_review_tells_the_risk_cases_closed_and_how(book_after: KnownBook) -> None:
    review = book_after.services.stats.review(NOVEMBER)
    assert review.highlights.risks_closed == 1
    text = review_markdown(review, lambda _ctx, s: s)
    assert "Risk cases handled: 1 closed in the period" in text
    assert "丁: Business slipping, noticed 2026-10-15, closed 2026-11-20. How: 补充了抵押" in text
    assert "Not available yet" not in text
