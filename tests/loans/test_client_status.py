"""The client's status follows their loans, with the client write path's side effects."""

from __future__ import annotations

import datetime as dt

import pytest

from crm.domain.changes import Topic
from crm.domain.enums import ClientStatus
from crm.domain.loan_status import LoanStatus
from crm.services.loan_writes import followed_status
from tests.helpers import draft
from tests.loans.conftest import loan

D = dt.date
S = LoanStatus
C = ClientStatus


def status_of(clients, cid: int) -> ClientStatus:
    return clients.get(cid).draft.status


@pytest.mark.parametrize(
    ("current", "loans", "expected"),
    [
        (C.PROSPECT, [], C.PROSPECT),
        (C.PROSPECT, [S.APPLIED], C.APPLYING),
        (C.DECLINED, [S.APPROVED], C.APPLYING),
        (C.FORMER_BORROWER, [S.APPLIED], C.FORMER_BORROWER),  # no repaid loan on record
        (C.BORROWER, [S.APPLIED], C.BORROWER),  # loans from before Prism
        (C.PROSPECT, [S.DISBURSED], C.BORROWER),
        (C.FORMER_BORROWER, [S.REPAID, S.OVERDUE], C.BORROWER),
        (C.BORROWER, [S.REPAID], C.FORMER_BORROWER),
        (C.APPLYING, [S.REPAID, S.APPLIED], C.FORMER_BORROWER),
        (C.APPLYING, [S.DECLINED], C.DECLINED),
        (C.APPLYING, [S.DECLINED, S.APPLIED], C.APPLYING),
        (C.BORROWER, [S.DECLINED], C.BORROWER),
    ],
)
def test_the_rule(current: ClientStatus, loans: list[LoanStatus], expected: ClientStatus) -> None:
    assert followed_status(current.value, [s.value for s in loans]) == expected.value


def test_a_client_through_their_loans(clients, loans, published) -> None:
    cid = clients.add(draft("张伟"))
    first = loans.add(cid, loan(applied_on=D(2026, 11, 1)))
    assert status_of(clients, cid) is C.APPLYING
    assert published[-1].topics == {Topic.LOAN, Topic.CLIENT}
    loans.change_status(first, S.DECLINED, D(2026, 11, 5))
    assert status_of(clients, cid) is C.DECLINED
    second = loans.add(cid, loan(applied_on=D(2026, 11, 10)))
    assert status_of(clients, cid) is C.APPLYING
    loans.change_status(second, S.APPROVED, D(2026, 11, 12))
    assert published[-1].topics == {Topic.LOAN}  # still applying: the client did not move
    loans.change_status(second, S.DISBURSED, D(2026, 11, 15))
    assert status_of(clients, cid) is C.BORROWER
    loans.change_status(second, S.REPAID, D(2026, 11, 28))
    assert status_of(clients, cid) is C.FORMER_BORROWER
    loans.delete(second)
    # What remains, one declined application, declines only prospects and applicants.
    assert status_of(clients, cid) is C.FORMER_BORROWER
    loans.restore(second)
    third = loans.add(cid, loan(S.DISBURSED, disbursed_on=D(2026, 11, 29)))
    assert status_of(clients, cid) is C.BORROWER
    loans.delete(third)  # undoing the add puts the client back
    assert status_of(clients, cid) is C.FORMER_BORROWER


def test_a_referred_client_whose_loan_is_disbursed_brings_the_thank_you(
    book, clients, loans, published
) -> None:
    referrer = clients.add(draft("王老板"))
    cid = clients.add(draft("张伟", referred_by_id=referrer))
    lid = loans.add(cid, loan(S.APPROVED))
    assert book.reader().execute("SELECT count(*) FROM referral_thanks").fetchone()[0] == 0
    loans.change_status(lid, S.DISBURSED, D(2026, 11, 29))
    rows = (
        book.reader()
        .execute("SELECT referrer_id, referred_id, became_borrower_on FROM referral_thanks")
        .fetchall()
    )
    assert rows == [(referrer, cid, "2026-11-29")]
    assert published[-1].topics == {Topic.LOAN, Topic.CLIENT, Topic.REFERRAL_THANKS}
    assert published[-1].client_ids == {cid}
    # A second loan while already a borrower thanks nobody again.
    loans.add(cid, loan(S.DISBURSED, disbursed_on=D(2026, 11, 20)))
    assert book.reader().execute("SELECT count(*) FROM referral_thanks").fetchone()[0] == 1


def test_a_loan_added_already_disbursed_thanks_the_referrer(book, clients, loans) -> None:
    referrer = clients.add(draft("王老板"))
    cid = clients.add(draft("张伟", referred_by_id=referrer))
    loans.add(cid, loan(S.DISBURSED, disbursed_on=D(2026, 6, 1)))
    assert status_of(clients, cid) is C.BORROWER
    assert book.reader().execute("SELECT referred_id FROM referral_thanks").fetchall() == [(cid,)]
