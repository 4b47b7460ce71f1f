"""贷后 checks: the schedule per product, records, refusals, due and late checks in Today."""

from __future__ import annotations

import datetime as dt

import pytest

from crm.domain.errors import ValidationErrors
from crm.domain.post_loan import CheckKind
from tests.post_loan.conftest import add_client, applied, count, disbursed

D = dt.date


def _due(services, cid: int) -> dict[CheckKind, dt.date]:
    return {d.kind: d.due_on for d in services.post_loan.due_for_client(cid)}


def test_default_schedule_by_product(services) -> None:
    cid = add_client(services)
    disbursed(services, cid, D(2026, 11, 1))
    assert _due(services, cid) == {
        CheckKind.USE_OF_FUNDS: D(2026, 11, 16),
        CheckKind.VISIT: D(2027, 1, 30),
        CheckKind.CALL: D(2026, 12, 1),
    }
    other = add_client(services, "李娜")
    disbursed(services, other, D(2026, 11, 1), "消费贷")
    assert _due(services, other)[CheckKind.USE_OF_FUNDS] == D(2026, 12, 1)


def test_a_check_moves_the_next_one_and_an_open_signal_tightens(services) -> None:
    cid = add_client(services)
    loan_id = disbursed(services, cid, D(2026, 9, 1))
    services.post_loan.check_in(loan_id, CheckKind.USE_OF_FUNDS, on=D(2026, 9, 15), funds_ok=True)
    services.post_loan.check_in(loan_id, CheckKind.VISIT, on=D(2026, 11, 20), findings="正常")
    due = _due(services, cid)
    assert CheckKind.USE_OF_FUNDS not in due
    assert due[CheckKind.VISIT] == D(2027, 2, 18)
    services.risks.add(cid, "经营下滑", note="隔壁新开同类店")
    assert _due(services, cid)[CheckKind.VISIT] == D(2026, 12, 20)


def test_check_in_refusals_write_nothing(services, book) -> None:
    cid = add_client(services)
    pending = applied(services, cid)
    with pytest.raises(ValidationErrors) as caught:
        services.post_loan.check_in(pending, CheckKind.VISIT)
    assert "not disbursed" in caught.value.errors[0].message.render()
    loan_id = disbursed(services, cid, D(2026, 11, 1))
    with pytest.raises(ValidationErrors):
        services.post_loan.check_in(loan_id, CheckKind.VISIT, on=D(2026, 12, 1))  # future
    with pytest.raises(ValidationErrors):
        services.post_loan.check_in(loan_id, CheckKind.VISIT, on=D(2026, 10, 1))  # before
    with pytest.raises(ValidationErrors):
        services.post_loan.check_in(loan_id, CheckKind.CALL, funds_ok=True)
    assert count(book, "post_loan_check") == 0


def test_due_and_late_checks_reach_today_and_mark_the_loan(services) -> None:
    cid = add_client(services)
    loan_id = disbursed(services, cid, D(2026, 10, 1))
    late = services.post_loan.late_loans()
    assert late == {loan_id: D(2026, 10, 16)}
    keys = [
        o.key
        for o in (r.occurrence for r in services.reminders.compute())
        if o.occasion == "post_loan_check"
    ]
    assert f"post_loan_check:{loan_id}:use-of-funds:2026-10-16" in keys
    services.post_loan.check_in(loan_id, CheckKind.USE_OF_FUNDS, funds_ok=True)
    services.post_loan.check_in(loan_id, CheckKind.CALL)
    keys = [
        o.key
        for o in (r.occurrence for r in services.reminders.compute())
        if o.occasion == "post_loan_check"
    ]
    assert not any("use-of-funds" in k or ":call:" in k for k in keys)
    assert services.post_loan.late_loans() == {}


def test_the_due_table_the_triggers_keep_matches_the_rule(services, book) -> None:
    """post_loan_due (kept by triggers on loans, checks and signals) says what
    due_for_client (the rule in Python) says, through every kind of write."""
    from crm.domain.loan_status import LoanStatus

    def table(cid: int) -> dict[tuple[int, str], str]:
        return {
            (r[0], r[1]): r[2]
            for r in book.reader().execute(
                "SELECT loan_id, kind, due_on FROM post_loan_due WHERE client_id = ?", (cid,)
            )
        }

    def rule(cid: int) -> dict[tuple[int, str], str]:
        return {
            (d.loan_id, d.kind.value): d.due_on.isoformat()
            for d in services.post_loan.due_for_client(cid)
        }

    cid = add_client(services)
    a = disbursed(services, cid, D(2026, 5, 1))
    b = disbursed(services, cid, D(2026, 9, 1), "消费贷")
    pending = applied(services, cid, "抵押贷")
    steps = [
        lambda: services.post_loan.check_in(a, CheckKind.USE_OF_FUNDS, on=D(2026, 5, 10)),
        lambda: services.post_loan.check_in(a, CheckKind.VISIT, on=D(2026, 10, 1)),
        lambda: services.risks.add(cid, "申请延期"),
        lambda: services.loans.change_status(b, LoanStatus.OVERDUE, D(2026, 11, 1)),
        lambda: services.risks.close(services.risks.open()[0].id, "谈妥了"),
        lambda: services.loans.change_status(pending, LoanStatus.APPROVED, D(2026, 11, 29)),
        lambda: services.loans.change_status(pending, LoanStatus.DISBURSED, D(2026, 11, 29)),
        lambda: services.post_loan.save_schedule("抵押贷", {"visit": 60}),
        lambda: services.loans.change_status(a, LoanStatus.REPAID, D(2026, 11, 25)),
        lambda: services.loans.delete(b),
    ]
    for step in steps:
        step()
        assert table(cid) == rule(cid)
    assert {k[0] for k in table(cid)} == {pending}
