"""The loan's life through the service: every allowed step, every refused skip, nothing
written when refused; what each step sets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.domain.changes import Topic
from crm.domain.errors import ValidationErrors
from crm.domain.loan_form import render
from crm.domain.loan_status import NEXT, LoanStatus, may_follow
from tests.helpers import draft
from tests.loans.conftest import counts, loan

D = dt.date
S = LoanStatus
# How to reach each status from a new application, one dated step a day from 2026-11-01.
PATHS: dict[LoanStatus, list[LoanStatus]] = {
    S.APPLIED: [],
    S.APPROVED: [S.APPROVED],
    S.DISBURSED: [S.APPROVED, S.DISBURSED],
    S.EXTENDED: [S.APPROVED, S.DISBURSED, S.EXTENDED],
    S.OVERDUE: [S.APPROVED, S.DISBURSED, S.OVERDUE],
    S.REPAID: [S.APPROVED, S.DISBURSED, S.REPAID],
    S.DECLINED: [S.DECLINED],
}


def walk(loans, client_id: int, to: LoanStatus) -> int:
    loan_id = loans.add(client_id, loan(applied_on=D(2026, 11, 1), status_on=D(2026, 11, 1)))
    for day, step in enumerate(PATHS[to], start=2):
        maturity = D(2028, 1, 1) if step is S.EXTENDED else None
        loans.change_status(loan_id, step, D(2026, 11, day), maturity=maturity)
    return loan_id


def step_args(loans, loan_id: int, to: LoanStatus) -> dict[str, object]:
    args: dict[str, object] = {"on": D(2026, 11, 20)}
    if to is S.EXTENDED:
        current = loans.get(loan_id).row.maturity_on
        args["maturity"] = (current or D(2027, 11, 20)) + dt.timedelta(days=365)
    if to is S.OVERDUE:
        args["amount"] = Decimal("8903.98")
    return args


ALL = [(a, b) for a in S for b in S]


@pytest.mark.parametrize(("start", "to"), [p for p in ALL if may_follow(*p)])
def test_every_allowed_step(book, clients, loans, published, start, to) -> None:
    cid = clients.add(draft("张伟"))
    loan_id = walk(loans, cid, start)
    events = len(loans.get(loan_id).history)
    heard = len(published)
    loans.change_status(loan_id, to, **step_args(loans, loan_id, to))
    detail = loans.get(loan_id)
    row = detail.row
    assert row.status is to
    assert len(detail.history) == events + 1
    assert detail.history[-1].status is to and detail.history[-1].on == D(2026, 11, 20)
    assert len(published) == heard + 1 and Topic.LOAN in published[-1].topics
    assert published[-1].client_ids == {cid}
    if to is S.DISBURSED and start is S.APPROVED:
        assert row.disbursed_on == D(2026, 11, 20) and row.maturity_on == D(2027, 11, 20)
        assert detail.history[-1].maturity_on == D(2027, 11, 20)
    if to is S.EXTENDED:
        assert detail.history[-1].maturity_on == row.maturity_on
    if to is S.OVERDUE:
        assert row.overdue_since == D(2026, 11, 20) and row.overdue_amount == Decimal("8903.98")
        assert detail.history[-1].amount == Decimal("8903.98")
    elif start is S.OVERDUE:
        assert row.overdue_since is None and row.overdue_amount is None  # cleared


@pytest.mark.parametrize(("start", "to"), [p for p in ALL if not may_follow(*p)])
def test_every_refused_skip_writes_nothing(book, clients, loans, published, start, to) -> None:
    cid = clients.add(draft("张伟"))
    loan_id = walk(loans, cid, start)
    before, heard = counts(book), len(published)
    with pytest.raises(ValidationErrors) as info:
        loans.change_status(loan_id, to, **step_args(loans, loan_id, to))
    (error,) = info.value.errors
    text = render(error.message, lambda _c, t: t)
    assert text == f"A loan cannot go from {start.label} to {to.label}."
    assert counts(book) == before and len(published) == heard


def test_the_table_has_every_pair() -> None:
    assert set(NEXT) == set(S)


def test_step_rules(book, clients, loans) -> None:
    cid = clients.add(draft("张伟"))
    running = walk(loans, cid, S.DISBURSED)  # matures 2027-11-03
    before = counts(book)

    def refused(to: LoanStatus, **args: object) -> str:
        with pytest.raises(ValidationErrors) as info:
            loans.change_status(running, to, **args)
        return render(info.value.errors[0].message, lambda _c, t: t)

    assert "new maturity date" in refused(S.EXTENDED, on=D(2026, 11, 20))
    assert "after the current one, 2027-11-03" in refused(
        S.EXTENDED, on=D(2026, 11, 20), maturity=D(2027, 11, 3)
    )
    assert "last step, on 2026-11-03" in refused(S.REPAID, on=D(2026, 11, 2))
    assert "goes with a disbursement or an extension" in refused(
        S.REPAID, on=D(2026, 11, 20), maturity=D(2028, 1, 1)
    )
    assert "goes with an overdue" in refused(S.REPAID, on=D(2026, 11, 20), amount=Decimal(1))
    assert "more than 0" in refused(S.OVERDUE, on=D(2026, 11, 20), amount=Decimal(0))
    assert counts(book) == before
    approved = walk(loans, cid, S.APPROVED)
    with pytest.raises(ValidationErrors):
        loans.change_status(approved, S.DISBURSED, D(2026, 11, 20), maturity=D(2026, 11, 20))


def test_a_loan_added_running_records_one_event_on_its_date(clients, loans) -> None:
    cid = clients.add(draft("张伟"))
    lid = loans.add(cid, loan(S.DISBURSED, disbursed_on=D(2026, 6, 1)))
    (event,) = loans.get(lid).history
    assert (event.status, event.on, event.maturity_on) == (
        S.DISBURSED,
        D(2026, 6, 1),
        D(2027, 6, 1),
    )
    lid = loans.add(
        cid, loan(S.OVERDUE, disbursed_on=D(2026, 6, 1), overdue_amount=Decimal("100.50"))
    )
    detail = loans.get(lid)
    (event,) = detail.history
    assert (event.status, event.on, event.amount) == (S.OVERDUE, D(2026, 11, 29), Decimal("100.50"))
    assert detail.row.overdue_since == D(2026, 11, 29)


def test_update_edits_terms_but_not_the_status(book, clients, loans, published) -> None:
    cid = clients.add(draft("张伟"))
    lid = loans.add(cid, loan(S.DISBURSED, disbursed_on=D(2026, 6, 1), purpose="进货"))
    row = loans.get(lid).row
    edit = row.draft()
    assert edit.purpose == "进货" and edit.rate == Decimal("4.35")
    edit.guarantor = "李四"
    edit.repayment_day = 20
    loans.update(lid, edit)
    after = loans.get(lid).row
    assert after.guarantor == "李四" and after.repayment_day == 20
    assert after.created_at == row.created_at and after.status is S.DISBURSED
    assert published[-1].topics == {Topic.LOAN}
    edit.status = S.REPAID
    before = counts(book)
    with pytest.raises(ValidationErrors) as info:
        loans.update(lid, edit)
    assert info.value.errors[0].field == "status"
    assert counts(book) == before


def test_monthly_rate_shows_back_as_quoted(clients, loans) -> None:
    cid = clients.add(draft("张伟"))
    lid = loans.add(cid, loan(rate="0.5", rate_quoted_as="monthly", method="flat"))
    row = loans.get(lid).row
    assert row.annual_rate == Decimal("6.0") and row.quoted_rate == Decimal("0.5")
    assert row.draft().rate == Decimal("0.5")


def test_renew_links_the_new_loan(book, clients, loans) -> None:
    cid = clients.add(draft("张伟"))
    other = clients.add(draft("李四"))
    old = loans.add(cid, loan(S.DISBURSED, disbursed_on=D(2025, 12, 1)))
    new = loans.renew(old, loan(S.APPROVED))
    assert loans.get(new).row.renewal_of_id == old
    assert loans.get(new).client_id == cid
    assert loans.get(old).renewed_by == (new,)
    before = counts(book)
    with pytest.raises(ValidationErrors):
        loans.renew(new, loan())  # an approved loan lent nothing yet
    with pytest.raises(ValidationErrors):
        loans.add(other, loan(renewal_of_id=old))  # someone else's loan
    assert counts(book) == before


def test_delete_and_restore(clients, loans, published) -> None:
    cid = clients.add(draft("张伟"))
    lid = loans.add(cid, loan())
    loans.delete(lid)
    assert loans.for_client(cid) == []
    with pytest.raises(LookupError):
        loans.get(lid)
    loans.restore(lid)
    assert [r.id for r in loans.for_client(cid)] == [lid]
    assert published[-1].initiator == "undo"


def test_products_default_and_saved(loans, published) -> None:
    assert loans.products() == ["经营贷", "消费贷", "抵押贷", "信用贷", "其他"]
    assert loans.save_products([" 经营贷", "装修贷", "经营贷", ""]) == ["经营贷", "装修贷"]
    assert loans.products() == ["经营贷", "装修贷"]
    assert published[-1].topics == {Topic.LOAN}
    with pytest.raises(ValidationErrors):
        loans.save_products([" "])
