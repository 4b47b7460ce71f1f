"""A hand-built book where every figure of November 2026 is known (today: 29 November).

- 甲 A: a loan disbursed 2025-03-01, repaid 2026-03-01; a new one of 300,000 disbursed
  2026-11-05 (a repeat borrower). Contact logged 11-20. Promise due 11-10, kept 11-09.
  Solar birthday 3 November, greeted that day.
- 乙 B: referred by A; first loan of 100,000 applied 11-01, disbursed 11-10. Promise due
  11-12, kept late 11-20. Solar birthday 28 November, not greeted.
- 丙 C: a loan of 100,000 disbursed 2026-06-01, overdue on 11-15. Promise due 11-25, open.
  Solar birthday 1 December (after the period).
- 丁 D: applied 11-02 for a loan, approved 11-06. Promise due 12-05 (after the period).

C added on 1 September, the others on 1 November (being added counts as a contact).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from crm.domain.client_form import Birthday, ClientDraft
from crm.domain.enums import Calendar
from crm.domain.loan_form import LoanDraft
from crm.domain.loan_status import LoanStatus
from crm.domain.messages import Msg
from crm.domain.relationship_enums import Channel
from crm.domain.stats import Period
from crm.services.facade import Services
from crm.services.interactions import InteractionDraft

NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def D(m: int, d: int, y: int = 2026) -> dt.date:
    return dt.date(y, m, d)


@dataclass
class KnownBook:
    services: Services
    a: int
    b: int
    c: int
    d: int


def _loan(status: LoanStatus, amount: str, **fields: object) -> LoanDraft:
    draft = LoanDraft(product="经营贷", amount=Decimal(amount), rate=Decimal("4.35"), months=12)
    draft.status = status
    for key, value in fields.items():
        setattr(draft, key, value)
    return draft


def _at(clock, day: dt.date) -> None:
    clock.set(dt.datetime.combine(day, dt.time(10, 0)))


@pytest.fixture
def known(book, clock) -> KnownBook:
    from crm.services.reminders.occurrence import Occurrence

    s = Services(book, clock)

    def client(name: str, birthday: tuple[int, int] | None, **fields: object) -> int:
        draft = ClientDraft(name=name)
        if birthday:
            draft.birthday = Birthday(Calendar.SOLAR, *birthday)
        for key, value in fields.items():
            setattr(draft, key, value)
        return s.clients.add(draft)

    _at(clock, D(9, 1))
    c = client("丙", (12, 1))
    _at(clock, D(11, 1))
    a = client("甲", (11, 3))
    b = client("乙", (11, 28), referred_by_id=a)
    d = client("丁", None)
    for cid, due in ((a, D(11, 10)), (b, D(11, 12)), (c, D(11, 25)), (d, D(12, 5))):
        s.promises.make(cid, "回复", due)

    _at(clock, D(11, 29))
    s.loans.add(a, _loan(LoanStatus.REPAID, "50000", disbursed_on=D(3, 1, 2025), status_on=D(3, 1)))
    s.loans.add(a, _loan(LoanStatus.DISBURSED, "300000", disbursed_on=D(11, 5)))
    s.loans.add(
        b, _loan(LoanStatus.DISBURSED, "100000", disbursed_on=D(11, 10), applied_on=D(11, 1))
    )
    c_loan = s.loans.add(c, _loan(LoanStatus.DISBURSED, "100000", disbursed_on=D(6, 1)))
    s.loans.change_status(c_loan, LoanStatus.OVERDUE, D(11, 15), amount=Decimal("9000"))
    d_loan = s.loans.add(d, _loan(LoanStatus.APPLIED, "80000", applied_on=D(11, 2)))
    s.loans.change_status(d_loan, LoanStatus.APPROVED, D(11, 6))

    promises = {p.client_id: p.id for p in s.promises.open_promises()}
    _at(clock, D(11, 9))
    s.promises.keep(promises[a], InteractionDraft(Channel.PHONE, "回复了"))
    _at(clock, D(11, 20))
    s.promises.keep(promises[b], InteractionDraft(Channel.PHONE, "回复了"))
    s.interactions.log(a, InteractionDraft(Channel.VISIT, "拜访"))

    _at(clock, D(11, 3))
    birthday = Occurrence(f"birthday:{a}:2026-11-03", "birthday", D(11, 3), Msg("", ""), a, 1)
    s.greetings.record_sent(birthday, a, "生日快乐")
    _at(clock, D(11, 29))
    return KnownBook(s, a, b, c, d)
