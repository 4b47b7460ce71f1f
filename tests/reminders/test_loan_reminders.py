"""Loan reminders on real books with a fixed clock: repayment days (not for auto-debit loans until
the officer asks), maturities 30 and 7 days ahead, overdue follow-ups every day until cleared;
what stops them; their state per occurrence; the CLI, the ICS, the settings and the Today view.

The fixed clock is 2026-11-29 09:30 (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crm.domain.clock import FixedClock
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_form import LoanDraft
from crm.domain.loan_math import LoanTerms, calculate
from crm.domain.loan_status import LoanStatus
from crm.services.clients import ClientService
from crm.services.loans import LoanService
from crm.services.reminders import loan_sources
from crm.services.reminders.engine import AGAIN_ON_THE_DAY, Bucket, Reminder, State
from crm.services.reminders.loan_sources import MATURITY, OVERDUE, REPAYMENT
from crm.services.reminders.occurrence import Source
from crm.services.reminders.service import ReminderService
from crm.services.reminders.settings import ReminderSettings
from crm.store.book import Book
from tests.helpers import draft
from tests.loans.conftest import loan

D = dt.date
S = LoanStatus
LOAN_SOURCES: list[Source] = [
    loan_sources.overdue_follow_ups,
    loan_sources.repayments,
    loan_sources.maturities,
]


@pytest.fixture
def loans(book: Book, clock: FixedClock) -> LoanService:
    return LoanService(book, clock)


@pytest.fixture
def reminders(book: Book, clock: FixedClock) -> ReminderService:
    return ReminderService(book, clock)


@pytest.fixture
def zhang(clients: ClientService) -> int:
    return clients.add(draft("张伟"))


def _manual(**fields: object) -> LoanDraft:
    """100,000 over 12 months at 4.35%, equal instalments, disbursed 2026-06-20, repayments on
    the 20th, paid by hand: due 2026-07-20 ... 2027-06-20."""
    values: dict[str, object] = {
        "amount": "100000",
        "disbursed_on": D(2026, 6, 20),
        "repayment_day": 20,
        "auto_debit": False,
    }
    values.update(fields)
    return loan(S.DISBURSED, **values)  # type: ignore[arg-type]  # loan() takes typed keywords


def _loan_reminders(
    reminders: ReminderService, on: dt.date, days: int = 7, occasion: str | None = None
) -> list[Reminder]:
    found = reminders.compute(on, days, sources=LOAN_SOURCES)
    return [r for r in found if occasion is None or r.occurrence.occasion == occasion]


def _by_key(found: list[Reminder]) -> dict[str, Reminder]:
    return {r.key: r for r in found}


def _payment(period: int, amount: str = "100000", months: int = 12) -> str:
    plan = calculate(
        LoanTerms(Decimal(amount), Decimal("4.35"), months, RepaymentMethod.EQUAL_INSTALMENT)
    )
    return f"{plan.schedule[period - 1].payment:,.2f}"


# -- repayment days ----------------------------------------------------------------------------


def test_a_loan_paid_by_hand_reminds_n_days_before_each_due_date(
    loans: LoanService, reminders: ReminderService, zhang: int
) -> None:
    loan_id = loans.add(zhang, _manual())
    key = f"loan_repayment:{loan_id}:2026-12-20"
    # 2026-12-16: in the week ahead, not showing yet (3 days of lead by default).
    (r,) = _loan_reminders(reminders, D(2026, 12, 16), occasion=REPAYMENT)
    assert r.key == key and r.bucket(D(2026, 12, 16)) is Bucket.UPCOMING
    assert not r.showing(D(2026, 12, 16))
    assert r.shows_from == D(2026, 12, 17)
    occ = r.occurrence
    assert occ.client_id == zhang and occ.ref_id == loan_id and occ.date == D(2026, 12, 20)
    # The instalment of period 6 (July is the first), from the calculator's own schedule.
    assert str(occ.title) == f"张伟 · 经营贷 repayment {_payment(6)} due 12-20"
    assert str(occ.detail) == "Instalment 6 of 12, paid by hand"
    (r,) = _loan_reminders(reminders, D(2026, 12, 17), occasion=REPAYMENT)
    assert r.showing(D(2026, 12, 17)) and r.bucket(D(2026, 12, 17)) is Bucket.UPCOMING
    # Every due date reminds: the next month's, the last one (its own amount) ...
    (r,) = _loan_reminders(reminders, D(2027, 6, 17), occasion=REPAYMENT)
    assert r.key == f"loan_repayment:{loan_id}:2027-06-20"
    assert f"repayment {_payment(12)} due 06-20" in str(r.occurrence.title)
    assert str(r.occurrence.detail) == "Instalment 12 of 12, paid by hand"
    # ... and none after it, nor before the first.
    assert _loan_reminders(reminders, D(2027, 7, 17), occasion=REPAYMENT) == []
    assert [r.date for r in _loan_reminders(reminders, D(2026, 6, 20), 30, REPAYMENT)] == [
        D(2026, 7, 20)
    ]


@pytest.mark.parametrize("method", list(RepaymentMethod))
def test_every_amount_is_the_schedules_fen_for_fen(
    loans: LoanService, reminders: ReminderService, zhang: int, method: RepaymentMethod
) -> None:
    loans.add(
        zhang,
        _manual(amount="123456.78", rate="7.9", fee=Decimal(500), method=method),
    )
    found = _loan_reminders(reminders, D(2026, 6, 20), 366, REPAYMENT)
    plan = calculate(LoanTerms(Decimal("123456.78"), Decimal("7.9"), 12, method, Decimal(500)))
    assert len(found) == len(plan.schedule)
    for r, row in zip(found, plan.schedule, strict=True):
        assert str(r.occurrence.title).startswith(f"张伟 · 经营贷 repayment {row.payment:,.2f} due")


def test_the_lead_is_the_officers_and_zero_is_on_the_day(
    loans: LoanService, reminders: ReminderService, zhang: int
) -> None:
    loans.add(zhang, _manual())
    s = reminders.settings()
    assert s.lead_days["loan_repayment"] == 3 and not s.remind_auto_debit
    reminders.save_settings(ReminderSettings(lead_days={**s.lead_days, "loan_repayment": 10}))
    (r,) = _loan_reminders(reminders, D(2026, 12, 10), occasion=REPAYMENT)
    assert r.shows_from == D(2026, 12, 10) and r.showing(D(2026, 12, 10))
    reminders.save_settings(ReminderSettings(lead_days={**s.lead_days, "loan_repayment": 0}))
    (r,) = _loan_reminders(reminders, D(2026, 12, 19), occasion=REPAYMENT)
    assert r.bucket(D(2026, 12, 19)) is Bucket.UPCOMING and not r.showing(D(2026, 12, 19))
    assert r.bucket(D(2026, 12, 20)) is Bucket.TODAY
    # A hand-edited lead beyond what the settings offer is held to it.
    held = ReminderSettings.from_json({"lead_days": {"loan_repayment": 40}})
    assert held.lead_days["loan_repayment"] == 15


def test_auto_debit_loans_remind_only_when_the_officer_asks(
    loans: LoanService, reminders: ReminderService, zhang: int
) -> None:
    loan_id = loans.add(zhang, _manual(auto_debit=True))
    assert _loan_reminders(reminders, D(2026, 12, 17), occasion=REPAYMENT) == []
    reminders.save_settings(ReminderSettings(remind_auto_debit=True))
    assert reminders.settings().remind_auto_debit
    (r,) = _loan_reminders(reminders, D(2026, 12, 17), occasion=REPAYMENT)
    assert r.key == f"loan_repayment:{loan_id}:2026-12-20"
    assert str(r.occurrence.detail) == "Instalment 6 of 12, by auto-debit"
    reminders.save_settings(ReminderSettings(remind_auto_debit=False))
    assert _loan_reminders(reminders, D(2026, 12, 17), occasion=REPAYMENT) == []


def test_a_short_month_takes_the_repayment_on_its_last_day(
    loans: LoanService, reminders: ReminderService, zhang: int
) -> None:
    loan_id = loans.add(
        zhang,
        _manual(disbursed_on=D(2026, 10, 31), repayment_day=None),
    )
    dates = [r.date for r in _loan_reminders(reminders, D(2026, 11, 24), 100, REPAYMENT)]
    assert dates == [D(2026, 11, 30), D(2026, 12, 31), D(2027, 1, 31), D(2027, 2, 28)]
    found = _loan_reminders(reminders, D(2027, 2, 25), occasion=REPAYMENT)
    assert [r.key for r in found] == [f"loan_repayment:{loan_id}:2027-02-28"]
    assert "Instalment 4 of 12" in str(found[0].occurrence.detail)


def test_a_bullet_loan_reminds_once_at_the_end(
    loans: LoanService, reminders: ReminderService, zhang: int
) -> None:
    loans.add(
        zhang,
        _manual(method=RepaymentMethod.BULLET, months=6),
    )
    found = _loan_reminders(reminders, D(2026, 11, 29), 366, REPAYMENT)
    assert [r.date for r in found] == [D(2026, 12, 20)]
    plan = calculate(LoanTerms(Decimal(100000), Decimal("4.35"), 6, RepaymentMethod.BULLET))
    assert f"{plan.schedule[-1].payment:,.2f}" in str(found[0].occurrence.title)
    assert str(found[0].occurrence.detail) == "Instalment 1 of 1, paid by hand"


def test_an_extended_loan_owes_the_rest_at_its_new_maturity(
    loans: LoanService, reminders: ReminderService, zhang: int
) -> None:
    loan_id = loans.add(zhang, _manual(disbursed_on=D(2025, 12, 20)))
    loans.change_status(loan_id, S.EXTENDED, D(2026, 11, 25), maturity=D(2027, 6, 20))
    # The schedule stops at the extension: no more monthly repayments ...
    assert _loan_reminders(reminders, D(2026, 12, 17), occasion=REPAYMENT) == []
    # ... what remained then falls due at the new maturity (the loan's standing says so too).
    (r,) = _loan_reminders(reminders, D(2027, 6, 17), occasion=REPAYMENT)
    standing = loans.get(loan_id).standing
    assert standing.next_due == D(2027, 6, 20) and standing.next_payment is not None
    assert r.key == f"loan_repayment:{loan_id}:2027-06-20"
    assert f"repayment {standing.next_payment:,.2f} due 06-20" in str(r.occurrence.title)
    assert str(r.occurrence.detail) == "What remains after the extension, due at maturity"
    # Overdue since, then cleared: still no monthly schedule, the same remainder at maturity.
    loans.change_status(loan_id, S.OVERDUE, D(2026, 11, 26))
    loans.change_status(loan_id, S.DISBURSED, D(2026, 11, 28))
    assert _loan_reminders(reminders, D(2026, 12, 17), occasion=REPAYMENT) == []
    (again,) = _loan_reminders(reminders, D(2027, 6, 17), occasion=REPAYMENT)
    assert again.occurrence.title == r.occurrence.title


# -- maturities --------------------------------------------------------------------------------


def test_maturity_reminds_30_and_7_days_before_whatever_the_auto_debit(
    loans: LoanService, reminders: ReminderService, zhang: int, clients: ClientService
) -> None:
    li = clients.add(draft("李娜"))
    by_hand = loans.add(zhang, _manual(disbursed_on=D(2026, 1, 5)))
    debited = loans.add(li, _manual(disbursed_on=D(2026, 1, 5), auto_debit=True))
    assert loans.get(by_hand).row.maturity_on == D(2027, 1, 5)
    found = _loan_reminders(reminders, D(2026, 11, 29), 45, MATURITY)
    assert [(r.key, r.date) for r in found] == [
        (f"loan_maturity:{by_hand}:2026-12-06", D(2026, 12, 6)),
        (f"loan_maturity:{debited}:2026-12-06", D(2026, 12, 6)),
        (f"loan_maturity:{by_hand}:2026-12-29", D(2026, 12, 29)),
        (f"loan_maturity:{debited}:2026-12-29", D(2026, 12, 29)),
    ]
    first, _, last, _ = found
    assert str(first.occurrence.title) == "张伟 · 经营贷 100,000.00 matures 2027-01-05"
    assert "In 30 days" in str(first.occurrence.detail)
    assert "renewal (续贷)" in str(first.occurrence.detail)
    assert "In 7 days" in str(last.occurrence.detail)
    assert first.occurrence.client_id == zhang and first.occurrence.ref_id == by_hand
    # Shown on its day (no lead of its own), overdue after it until done.
    (r,) = [r for r in _loan_reminders(reminders, D(2026, 12, 6)) if r.key == first.key]
    assert r.bucket(D(2026, 12, 6)) is Bucket.TODAY
    # An extension moves the maturity, and the reminders with it.
    loans.change_status(by_hand, S.EXTENDED, D(2026, 12, 1), maturity=D(2027, 4, 5))
    dates = [
        r.date
        for r in _loan_reminders(reminders, D(2026, 11, 29), 140, MATURITY)
        if r.occurrence.ref_id == by_hand
    ]
    assert dates == [D(2027, 3, 6), D(2027, 3, 29)]


# -- overdue -----------------------------------------------------------------------------------


def test_overdue_follows_up_every_day_until_cleared(
    loans: LoanService, reminders: ReminderService, zhang: int, clock: FixedClock
) -> None:
    loan_id = loans.add(zhang, _manual())
    loans.change_status(loan_id, S.OVERDUE, D(2026, 11, 20), amount=Decimal("8903.98"))
    (r,) = _loan_reminders(reminders, D(2026, 11, 29), occasion=OVERDUE)
    assert (
        r.key == f"loan_overdue:{loan_id}:2026-11-29" and r.bucket(D(2026, 11, 29)) is Bucket.TODAY
    )
    assert str(r.occurrence.title) == "Follow up 张伟 · 经营贷: 8,903.98 overdue (day 10)"
    assert str(r.occurrence.detail) == "Overdue since 2026-11-20"
    assert r.occurrence.client_id == zhang
    # Today's only, even for a month ahead: not a backlog of missed days, nor a list of tomorrows.
    assert [x.key for x in _loan_reminders(reminders, D(2026, 11, 29), 30, OVERDUE)] == [r.key]
    # Done today leaves tomorrow's.
    reminders.done(r.occurrence)
    (done,) = _loan_reminders(reminders, D(2026, 11, 29), occasion=OVERDUE)
    assert done.state is State.DONE
    (tomorrow,) = _loan_reminders(reminders, D(2026, 11, 30), occasion=OVERDUE)
    assert tomorrow.key == f"loan_overdue:{loan_id}:2026-11-30" and tomorrow.state is State.PENDING
    assert "(day 11)" in str(tomorrow.occurrence.title)
    # An overdue loan still has its repayment days.
    assert _loan_reminders(reminders, D(2026, 12, 17), occasion=REPAYMENT)
    # Cleared: back to disbursed, and the follow-ups stop.
    clock.set(dt.datetime(2026, 12, 1, 10, 0))
    loans.change_status(loan_id, S.DISBURSED, D(2026, 12, 1))
    assert _loan_reminders(reminders, D(2026, 12, 1), occasion=OVERDUE) == []
    assert _loan_reminders(reminders, D(2026, 12, 5), occasion=OVERDUE) == []


def test_an_overdue_without_an_amount_still_counts_the_days(
    loans: LoanService, reminders: ReminderService, zhang: int
) -> None:
    loan_id = loans.add(zhang, _manual())
    loans.change_status(loan_id, S.OVERDUE, D(2026, 11, 29))
    (r,) = _loan_reminders(reminders, D(2026, 11, 29), occasion=OVERDUE)
    assert str(r.occurrence.title) == "Follow up 张伟 · 经营贷: overdue (day 1)"


# -- what stops them ---------------------------------------------------------------------------


@pytest.fixture
def all_three(loans: LoanService, zhang: int) -> int:
    """On 2026-11-29 a loan paid by hand is due (the 29th), matures in 30 days and is overdue."""
    loan_id = loans.add(
        zhang,
        _manual(disbursed_on=D(2025, 12, 29), repayment_day=None),
    )
    loans.change_status(loan_id, S.OVERDUE, D(2026, 11, 20), amount=Decimal(1000))
    return loan_id


def _occasions(reminders: ReminderService) -> set[str]:
    return {r.occurrence.occasion for r in _loan_reminders(reminders, D(2026, 11, 29))}


def test_a_deleted_loan_stops_all_three(
    loans: LoanService, reminders: ReminderService, all_three: int
) -> None:
    assert _occasions(reminders) == {REPAYMENT, MATURITY, OVERDUE}
    loans.delete(all_three)
    assert _occasions(reminders) == set()
    loans.restore(all_three)
    assert _occasions(reminders) == {REPAYMENT, MATURITY, OVERDUE}


def test_an_archived_client_stops_all_three(
    reminders: ReminderService, clients: ClientService, zhang: int, all_three: int
) -> None:
    clients.archive([zhang])
    assert _occasions(reminders) == set()
    clients.restore([zhang])
    assert _occasions(reminders) == {REPAYMENT, MATURITY, OVERDUE}


def test_a_loan_no_longer_running_stops_them(
    loans: LoanService, reminders: ReminderService, all_three: int
) -> None:
    loans.change_status(all_three, S.REPAID, D(2026, 11, 29))
    assert _occasions(reminders) == set()


def test_pending_loans_do_not_remind(
    loans: LoanService, reminders: ReminderService, zhang: int
) -> None:
    loans.add(zhang, loan(S.APPROVED, applied_on=D(2026, 11, 1), auto_debit=False))
    assert _loan_reminders(reminders, D(2026, 11, 29), 366) == []


# -- state per occurrence, pop-ups, the whole engine ---------------------------------------------


def test_done_on_one_month_leaves_the_next(
    loans: LoanService, reminders: ReminderService, zhang: int
) -> None:
    loan_id = loans.add(zhang, _manual())
    (december,) = _loan_reminders(reminders, D(2026, 12, 17), occasion=REPAYMENT)
    reminders.done(december.occurrence)
    (again,) = _loan_reminders(reminders, D(2026, 12, 18), occasion=REPAYMENT)
    assert again.state is State.DONE and again.closed
    (january,) = _loan_reminders(reminders, D(2027, 1, 17), occasion=REPAYMENT)
    assert january.key == f"loan_repayment:{loan_id}:2027-01-20"
    assert january.state is State.PENDING


def test_a_repayment_pops_up_when_it_shows_and_again_on_the_day(
    loans: LoanService, reminders: ReminderService, zhang: int, clock: FixedClock
) -> None:
    assert REPAYMENT in AGAIN_ON_THE_DAY
    loans.add(zhang, _manual())

    def popped(at: dt.datetime) -> list[str]:
        clock.set(at)
        return [r.occurrence.occasion for r in reminders.due_popups(at)]

    assert REPAYMENT not in popped(dt.datetime(2026, 12, 16, 9, 30))
    assert REPAYMENT in popped(dt.datetime(2026, 12, 17, 9, 30))
    assert REPAYMENT not in popped(dt.datetime(2026, 12, 17, 10, 0))
    assert REPAYMENT not in popped(dt.datetime(2026, 12, 19, 9, 30))
    assert REPAYMENT not in popped(dt.datetime(2026, 12, 20, 8, 59))
    assert REPAYMENT in popped(dt.datetime(2026, 12, 20, 9, 0))
    assert REPAYMENT not in popped(dt.datetime(2026, 12, 20, 9, 30))


def test_the_default_sources_include_them_in_order(
    loans: LoanService, reminders: ReminderService, all_three: int
) -> None:
    found = [r for r in reminders.compute(D(2026, 11, 29)) if r.date == D(2026, 11, 29)]
    assert [r.occurrence.occasion for r in found] == [OVERDUE, REPAYMENT, MATURITY]


def test_the_reads_use_their_indexes(book: Book) -> None:
    from crm.store.queries import loan_reminders as q

    def plan(sql: str, *params: object) -> str:
        rows = book.reader().execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row[3]) for row in rows)

    repayments = plan(q._REPAYMENT_SQL.format(marks="?,?"), 0, 5, 31)
    assert "COVERING INDEX ix_loan_repayment_day (auto_debit=? AND <expr>=?)" in repayments
    assert "ix_loan_event_extended" in repayments and "ix_client_live_name" in repayments
    maturing = plan(q._MATURING_SQL, "2026-12-01", "2026-12-15")
    assert "COVERING INDEX ix_loan_running (status=? AND maturity_on>? AND maturity_on<?)" in (
        maturing
    )
    assert "COVERING INDEX ix_loan_running (status=?)" in plan(q._OVERDUE_SQL, "2026-12-01")


# -- the CLI and the ICS -----------------------------------------------------------------------


@pytest.fixture
def cli_book(tmp_path: Path) -> Iterator[Path]:
    """A book whose loans remind around the machine's real today (``crm ics`` uses it)."""
    now = dt.datetime.now().replace(microsecond=0)
    today = now.date()
    clock = FixedClock(now)
    book = Book.open(tmp_path / "prism.db")
    cid = ClientService(book, clock).add(draft("张伟"))
    service = LoanService(book, clock)
    # Repayments on the day of month 5 days from now; matures 30 days from now.
    soon = today + dt.timedelta(days=5)
    disbursed = D(today.year - 1, today.month, 1)
    service.add(
        cid,
        _manual(
            months=24,
            disbursed_on=disbursed,
            repayment_day=soon.day,
            maturity_on=today + dt.timedelta(days=30),
        ),
    )
    overdue = service.add(cid, _manual(disbursed_on=disbursed, repayment_day=1))
    service.change_status(overdue, S.OVERDUE, today - dt.timedelta(days=2), amount=Decimal(500))
    book.close()
    yield tmp_path


def test_crm_reminders_json_lists_them(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from crm import cli

    today = dt.date.today()
    args = ["--data-dir", str(cli_book), "reminders", "--on", today.isoformat(), "--json"]
    assert cli.main(args) == 0
    items = json.loads(capsys.readouterr().out)
    by_occasion = {i["occasion"]: i for i in items}
    assert {REPAYMENT, MATURITY, OVERDUE} <= set(by_occasion)
    overdue = by_occasion[OVERDUE]
    assert overdue["title"] == "Follow up 张伟 · 经营贷: 500.00 overdue (day 3)"
    assert overdue["client_id"] == 1 and overdue["group"] == "today"
    assert by_occasion[MATURITY]["date"] == today.isoformat()
    assert by_occasion[MATURITY]["key"].startswith("loan_maturity:1:")
    # In Chinese too.
    zh = ["--data-dir", str(cli_book), "--lang", "zh_CN", *args[2:]]
    assert cli.main(zh) == 0
    titles = {i["occasion"]: i["title"] for i in json.loads(capsys.readouterr().out)}
    assert titles[OVERDUE] == "跟进 张伟 · 经营贷：逾期 500.00（第 3 天）"
    assert "应还" in titles[REPAYMENT] and "到期" in titles[MATURITY]


def _kind(event: Any) -> str:
    """An event's first category: the reminder's occasion."""
    return str(event["categories"].cats[0])


def test_crm_ics_exports_them(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from icalendar import Calendar

    from crm import cli

    out = cli_book / "prism.ics"
    assert cli.main(["--data-dir", str(cli_book), "ics", "--out", str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    kinds = {_kind(e) for e in events}
    assert {REPAYMENT, MATURITY, OVERDUE} <= kinds
    summaries = [str(e["summary"]) for e in events]
    assert any(s.startswith("Follow up 张伟 · 经营贷") for s in summaries)
    assert len({str(e["uid"]) for e in events}) == len(events)
    repayment = next(e for e in events if _kind(e) == REPAYMENT)
    # The alarms ring the lead time ahead and on the day, at 09:00.
    triggers = [a.decoded("trigger") for a in repayment.walk("VALARM")]
    assert triggers == [dt.timedelta(days=-3, hours=9), dt.timedelta(hours=9)]
    maturity = next(e for e in events if _kind(e) == MATURITY)
    assert [a.decoded("trigger") for a in maturity.walk("VALARM")] == [dt.timedelta(hours=9)]


# -- settings and the Today view ---------------------------------------------------------------


def test_settings_round_trip_through_the_book(reminders: ReminderService) -> None:
    s = ReminderSettings(remind_auto_debit=True)
    assert ReminderSettings.from_json(s.to_json()) == s
    assert (
        ReminderSettings.from_json({"loans": {"remind_auto_debit": "yes"}}).remind_auto_debit
        is False
    )
    reminders.save_settings(s)
    assert reminders.settings().remind_auto_debit


def test_settings_tab_edits_the_repayment_lead_and_auto_debit(qtbot, ui_ctx) -> None:
    from crm.ui.reminders.settings_page import RemindersSettingsPage

    services = ui_ctx.services
    page = RemindersSettingsPage(services.reminders, ui_ctx.runner, ui_ctx.settings)
    qtbot.addWidget(page)
    assert not page.repayment_lead.isEnabled()  # until the book's settings are in
    with qtbot.waitSignal(page.ready, timeout=5000):
        pass
    assert page.repayment_lead.value() == 3 and not page.remind_auto_debit.isChecked()
    assert page.repayment_lead.maximum() == 15 and page.repayment_lead.isEnabled()
    page.repayment_lead.setValue(0)
    assert page.repayment_lead.text() == "On the day"
    page.repayment_lead.setValue(5)
    page.remind_auto_debit.setChecked(True)
    page.save()
    saved = services.reminders.settings()
    assert saved.lead_days["loan_repayment"] == 5 and saved.remind_auto_debit
    assert saved.lead_days["birthday"] == 1  # the rest as it was


def test_today_view_groups_and_labels_them(
    qapp, loans: LoanService, reminders: ReminderService, all_three: int
) -> None:
    from crm.ui.reminders.model import TodayModel, group_reminders
    from crm.ui.reminders.today_page import _greetable

    today = D(2026, 11, 29)
    groups = group_reminders(reminders.compute(today), today)
    assert [(g.bucket, g.group) for g in groups if g.group.startswith("loan_")] == [
        ("today", OVERDUE),
        ("today", REPAYMENT),
        ("today", MATURITY),
    ]
    model = TodayModel()
    assert model.group_title("today", OVERDUE, 1) == "Today · Overdue follow-up (1)"
    assert model.group_title("today", REPAYMENT, 2) == "Today · Repayment reminders (2)"
    assert model.group_title("upcoming", MATURITY, 3) == "Next 7 days · Maturity reminders (3)"
    # Not an occasion for a greeting: double-click opens the client.
    assert not any(_greetable(o) for o in loan_sources.OCCASIONS)


def test_today_view_follows_loan_changes() -> None:
    from crm.domain.changes import Topic
    from crm.ui.reminders.today_page import TodayPage

    assert Topic.LOAN in TodayPage.topics
