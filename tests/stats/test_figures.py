"""Every figure of the hand-built book (tests/stats/conftest.py), value and clients behind."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.domain import stats_defs as d
from crm.domain.festivals import festivals_between
from crm.domain.stats import Figure, Period, ratio_text, value_text
from tests.stats.conftest import NOVEMBER, KnownBook


def _by_key(known: KnownBook, period: Period = NOVEMBER) -> dict[str, Figure]:
    return {f.key: f for f in known.services.stats.figures(period)}


@pytest.mark.parametrize(
    ("key", "numerator", "denominator", "text"),
    [
        ("repeat_borrow", 1, 2, "50.0%"),  # A had a loan before; B did not
        ("overdue_count", 1, 3, "33.3%"),  # A's new, B's, C's run; A's old was repaid in March
        ("overdue_amount", 100000, 500000, "20.0%"),  # principal lent, in yuan
        ("contact_coverage", 2, 3, "66.7%"),  # A and B (the late promise's call); not C
        ("promises_kept", 1, 3, "33.3%"),  # A on time; B late; C open; D due in December
        ("birthday_greetings", 1, 2, "50.0%"),  # A greeted, B not; C's is in December
        ("referred_loans", 1, 2, "50.0%"),  # B's loan of A's and B's
        ("conversion", 1, 2, "50.0%"),  # B's application disbursed; D's approved only
        ("days_to_approve", 4, 1, "4.0"),  # D: 2 -> 6 November
        ("days_to_disburse", 9, 1, "9.0"),  # B: 1 -> 10 November; A's had no application
    ],
)
def test_each_figure_of_the_known_book(
    known: KnownBook, key: str, numerator: int, denominator: int, text: str
) -> None:
    figure = _by_key(known)[key]
    assert (figure.numerator, figure.denominator) == (Decimal(numerator), Decimal(denominator))
    assert value_text(figure) == text
    expected = f"{numerator:,} / {denominator:,}"
    if key == "overdue_amount":  # yuan, to the fen
        expected = "100,000.00 / 500,000.00"
    assert ratio_text(figure) == expected


def test_counts_and_the_pipeline_by_stage(known: KnownBook) -> None:
    figures = _by_key(known)
    assert value_text(figures["referred_clients"]) == "1"
    applications = figures["applications"]
    assert value_text(applications) == "2"  # B's and D's (A's new loan has no application)
    assert [(m.text, n) for m, n in applications.parts] == [("Approved", 1), ("Disbursed", 1)]


def test_post_loan_and_risk_figures_count_the_book(known: KnownBook) -> None:
    # No check recorded: A's and B's use-of-funds checks (due 11-20 and 11-25) are late; no
    # signal recorded. tests/stats/test_post_loan_figures.py adds checks and signals.
    figures = _by_key(known)
    checks = figures[d.POST_LOAN_CHECKS.key]
    assert (checks.numerator, checks.denominator) == (Decimal(0), Decimal(2))
    assert value_text(figures[d.RISK_SIGNALS.key]) == "0"
    behind = known.services.stats.behind(d.POST_LOAN_CHECKS.key, NOVEMBER)
    assert sorted(r.id for r in behind) == sorted([known.a, known.b])
    assert known.services.stats.behind(d.RISK_SIGNALS.key, NOVEMBER) == []


def test_every_figure_in_the_dashboards_order(known: KnownBook) -> None:
    keys = [f.key for f in known.services.stats.figures(NOVEMBER)]
    assert keys == [f.key for f in d.FIGURES]


@pytest.mark.parametrize(
    ("key", "who"),
    [
        ("repeat_borrow", "a"),
        ("overdue_count", "c"),
        ("overdue_amount", "c"),
        ("contact_coverage", "c"),  # not contacted: what the officer acts on
        ("promises_kept", "bc"),  # not kept on time
        ("birthday_greetings", "b"),  # not greeted
        ("referred_clients", "b"),
        ("referred_loans", "b"),
        ("applications", "bd"),
        ("conversion", "d"),  # not disbursed
        ("days_to_approve", "d"),
        ("days_to_disburse", "b"),
    ],
)
def test_the_clients_behind_each_figure(known: KnownBook, key: str, who: str) -> None:
    rows = known.services.stats.behind(key, NOVEMBER)
    assert sorted(r.id for r in rows) == sorted(getattr(known, w) for w in who)


def test_festival_greetings_count_one_per_festival_per_borrower(known: KnownBook) -> None:
    from crm.domain.messages import Msg
    from crm.services.reminders.occurrence import Occurrence

    september = Period(dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    festivals = festivals_between(september.start, september.end)
    assert festivals  # 中秋 falls in September 2026
    day, festival = festivals[0]
    occ = Occurrence(f"{festival.value}:-:{day.isoformat()}", festival.value, day, Msg("", ""))
    known.services.greetings.record_sent(occ, known.a, "中秋快乐")
    figure = _by_key(known, september)["festival_greetings"]
    assert figure.numerator == 1
    assert figure.denominator == 3 * len(festivals)  # A, B, C are borrowers; D applies
    behind = {r.id for r in known.services.stats.behind("festival_greetings", september)}
    assert behind == {known.b, known.c} | ({known.a} if len(festivals) > 1 else set())


def test_a_period_after_today_counts_nothing(known: KnownBook) -> None:
    later = Period(dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    for figure in known.services.stats.figures(later):
        assert figure.numerator == 0
        assert value_text(figure) in ("–", "0")


def test_trends_hold_the_month_figure_for_each_of_twelve_months(known: KnownBook) -> None:
    trends = {t.key: t for t in known.services.stats.trends(dt.date(2026, 11, 29))}
    repeat = trends["repeat_borrow"]
    assert len(repeat.months) == 12
    assert repeat.months[-1] == NOVEMBER
    assert repeat.values[-1] == Decimal(1) / 2
    assert repeat.values[0] is None  # December 2025: no loan disbursed
    assert trends["risk_signals"].values == (Decimal(0),) * 12  # no signal recorded


def test_contact_coverage_of_a_past_end_reads_the_contacts_then(known: KnownBook) -> None:
    """Ending today, coverage reads each borrower's last contact (the reminders' index); for
    an earlier end it reads the contacts up to that day: both agree on the same day."""
    from crm.domain.clock import FixedClock
    from crm.services.stats import StatsService

    later = StatsService(known.services.book, FixedClock(dt.datetime(2027, 1, 5, 9, 0)))
    figure = later.figure("contact_coverage", NOVEMBER)
    assert (figure.numerator, figure.denominator) == (2, 3)
    assert [r.id for r in later.behind("contact_coverage", NOVEMBER)] == [known.c]
    december = later.figure("contact_coverage", Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31)))
    assert figure.numerator == 2 and december.numerator == 0  # a month later no one is covered


def test_twelve_months_at_once_agree_with_each_month_on_its_own(known: KnownBook) -> None:
    """The chart's grouped reads (crm.services.stats_months) and the one-period reads."""
    stats = known.services.stats
    end = dt.date(2026, 11, 29)
    for trend in stats.trends(end):
        for month, value in zip(trend.months, trend.values, strict=True):
            assert value == stats.figure(trend.key, month).value, (trend.key, month)


def test_months_at_once_agree_on_a_demo_book(book, clock) -> None:
    from crm.services.demo import fill_demo
    from crm.services.stats import StatsService

    fill_demo(book, 300, seed=3, clock=clock)
    stats = StatsService(book, clock)
    for trend in stats.trends(clock.today()):
        for month, value in zip(trend.months, trend.values, strict=True):
            assert value == stats.figure(trend.key, month).value, (trend.key, month)
