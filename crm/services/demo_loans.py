"""Demo loans that fit each demo client's status, written through the loans' one write path.

Applicants have an application in progress, declined clients a declined one; borrowers a
running loan (a few overdue, a few extended) after earlier repaid ones, former borrowers only
repaid ones. About 40% of (former) borrowers borrowed more than once, most renewals (续贷)
linked to the loan they renewed. Deterministic for a seed.

:func:`plan_loans` draws the loans, oldest first per client, in "generations" (a client's
first loan, second loan ...) so a renewal can name the id of the loan it renews;
:func:`write_generations` hands each generation to a writer: ``LoanService.add_many`` (the
benchmark) or :func:`fill` (a step of ``crm.services.demo.fill_demo``, inside its transaction).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple, TypeVar

from crm.domain.enums import ClientKind, ClientStatus
from crm.domain.loan_calendar import add_months, contract_maturity
from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_form import LoanDraft, clean_loan
from crm.domain.loan_status import LoanStatus
from crm.services.demo import DemoContext
from crm.services.loan_writes import follow_client_status, write_loans
from crm.store.queries import loans as q

REPEAT_SHARE = 0.40  # of borrowers and former borrowers: borrowed more than once
RENEWAL_SHARE = 0.7  # of repeat loans: a 续贷 linked to the one before
OVERDUE_SHARE = 0.03  # of running loans
EXTENDED_SHARE = 0.04

M = RepaymentMethod


class Product(NamedTuple):
    amounts: tuple[int, int]  # in 10,000 yuan
    terms: tuple[int, ...]  # months, repeated for weight
    methods: tuple[tuple[RepaymentMethod, int], ...]  # with weights
    rates: tuple[float, float]  # % a year


PRODUCTS = {
    "经营贷": Product(
        (5, 100),
        (12, 12, 12, 24, 36),
        ((M.INTEREST_FIRST, 4), (M.EQUAL_INSTALMENT, 3), (M.EQUAL_PRINCIPAL, 2), (M.BULLET, 1)),
        (3.45, 6.0),
    ),
    "消费贷": Product((1, 30), (12, 24, 36), ((M.EQUAL_INSTALMENT, 5), (M.FLAT, 5)), (3.6, 9.0)),
    "抵押贷": Product(
        (30, 300), (60, 120, 240), ((M.EQUAL_INSTALMENT, 6), (M.EQUAL_PRINCIPAL, 4)), (3.1, 4.5)
    ),
    "信用贷": Product((1, 30), (12, 24, 36), ((M.EQUAL_INSTALMENT, 1),), (4.0, 8.0)),
}
PRODUCT_WEIGHTS = (("经营贷", 55), ("消费贷", 20), ("抵押贷", 10), ("信用贷", 15))
PURPOSES = ("进货周转", "门店装修", "购置设备", "支付货款", "扩大经营", "家庭装修", "购车", "")

Generations = list[list[tuple[int, LoanDraft, bool]]]  # (client id, draft, renews the last)


T = TypeVar("T")


def _pick(rng: random.Random, pairs: Sequence[tuple[T, int]]) -> T:
    return rng.choices([p for p, _ in pairs], [w for _, w in pairs])[0]


def _terms(rng: random.Random, product: str, history: bool) -> LoanDraft:
    (low, high), terms, methods, (r_low, r_high) = PRODUCTS[product]
    method = _pick(rng, methods)
    months = rng.choice((12, 24) if history and product == "抵押贷" else terms)
    annual = Decimal(str(round(rng.uniform(r_low, r_high), 2)))
    quoted, rate = "annual", annual
    if method is M.FLAT:  # consumer products quote 月息
        quoted, rate = "monthly", Decimal(str(round(rng.uniform(0.25, 0.6), 2)))
    return LoanDraft(
        product=product,
        amount=Decimal(rng.randint(low, high) * 10_000),
        rate=rate,
        rate_quoted_as=quoted,
        months=months,
        method=method,
        fee=Decimal(rng.choice((0, 0, 0, 500, 1000))) if product == "消费贷" else Decimal(0),
        repayment_day=rng.randint(1, 28) if rng.random() < 0.5 else None,
        auto_debit=rng.random() < 0.85,
        purpose=rng.choice(PURPOSES),
    )


def _history(
    rng: random.Random, product: str, count: int, today: dt.date, last: LoanStatus
) -> list[tuple[LoanDraft, bool]]:
    """``count`` loans of one client, oldest first, the last one ``last``."""
    newest = _terms(rng, product, history=False)
    months = newest.months
    if last is LoanStatus.EXTENDED:  # the contract matured lately or matures soon
        matures = today + dt.timedelta(days=rng.randint(-30, 60))
        disbursed = add_months(matures, -months)
        newest.maturity_on = add_months(contract_maturity(disbursed, months), rng.choice((6, 12)))
        newest.status_on = min(today, contract_maturity(disbursed, months) - dt.timedelta(15))
    elif last in (LoanStatus.DISBURSED, LoanStatus.OVERDUE):
        earliest = add_months(today, -months) + dt.timedelta(days=1)
        disbursed = earliest + dt.timedelta(days=rng.randint(0, (today - earliest).days))
        if last is LoanStatus.OVERDUE:
            disbursed = min(disbursed, today - dt.timedelta(days=60))
            newest.status_on = today - dt.timedelta(days=rng.randint(1, 45))
            newest.overdue_amount = (newest.amount / months).quantize(Decimal("0.01"))
    else:  # repaid, at the latest a month ago
        matures = today - dt.timedelta(days=rng.randint(30, 3 * 365))
        disbursed = add_months(matures, -months)
        newest.status_on = contract_maturity(disbursed, months)
    newest.status, newest.disbursed_on = last, disbursed
    newest.applied_on = disbursed - dt.timedelta(days=rng.randint(5, 30))
    loans = [newest]
    for _ in range(count - 1):
        earlier = _terms(rng, product, history=True)
        matures = loans[-1].applied_on or disbursed
        start = add_months(matures, -earlier.months)
        earlier.status, earlier.disbursed_on = LoanStatus.REPAID, start
        earlier.applied_on = start - dt.timedelta(days=rng.randint(5, 30))
        earlier.status_on = contract_maturity(start, earlier.months)
        loans.append(earlier)
    loans.reverse()
    return [(d, i > 0 and rng.random() < RENEWAL_SHARE) for i, d in enumerate(loans)]


def _pending(rng: random.Random, product: str, today: dt.date, status: LoanStatus) -> LoanDraft:
    d = _terms(rng, product, history=False)
    if status is LoanStatus.DECLINED:
        d.applied_on = today - dt.timedelta(days=rng.randint(20, 700))
    else:
        d.applied_on = today - dt.timedelta(days=rng.randint(0, 30))
    d.status = status
    d.status_on = d.applied_on
    if status is not LoanStatus.APPLIED:
        d.status_on = min(today, d.applied_on + dt.timedelta(days=rng.randint(1, 15)))
    return d


def plan_loans(
    rng: random.Random,
    clients: Sequence[tuple[int, str, str]],
    today: dt.date,
    target: int | None = None,
) -> Generations:
    """Loans for (id, status, kind) clients; about ``target`` in all when given."""
    lenders = [c for c in clients if c[2] != ClientKind.PARTNER]
    past = [c[0] for c in lenders if c[1] in (ClientStatus.BORROWER, ClientStatus.FORMER_BORROWER)]
    repeaters = [cid for cid in past if rng.random() < REPEAT_SHARE]
    counts = dict.fromkeys(past, 1) | dict.fromkeys(repeaters, 2)
    pending = sum(1 for c in lenders if c[1] in (ClientStatus.APPLYING, ClientStatus.DECLINED))
    extra = (target - pending - sum(counts.values())) if target is not None else len(repeaters)
    for _ in range(max(0, extra)):
        if repeaters:
            counts[rng.choice(repeaters)] += 1
    generations: Generations = []
    for cid, status, _kind in lenders:
        product = _pick(rng, PRODUCT_WEIGHTS)
        if status == ClientStatus.APPLYING:
            s = LoanStatus.APPLIED if rng.random() < 0.6 else LoanStatus.APPROVED
            chain = [(_pending(rng, product, today, s), False)]
        elif status == ClientStatus.DECLINED:
            chain = [(_pending(rng, product, today, LoanStatus.DECLINED), False)]
        elif status == ClientStatus.BORROWER:
            r = rng.random()
            last = (
                LoanStatus.OVERDUE
                if r < OVERDUE_SHARE
                else LoanStatus.EXTENDED
                if r < OVERDUE_SHARE + EXTENDED_SHARE
                else LoanStatus.DISBURSED
            )
            chain = _history(rng, product, counts[cid], today, last)
        elif status == ClientStatus.FORMER_BORROWER:
            chain = _history(rng, product, counts[cid], today, LoanStatus.REPAID)
        else:
            continue
        for g, (d, renews) in enumerate(chain):
            if g == len(generations):
                generations.append([])
            generations[g].append((cid, d, renews))
    return generations


def write_generations(
    generations: Generations, write: Callable[[list[tuple[int, LoanDraft]]], list[int]]
) -> list[int]:
    """Write generation by generation, linking renewals to the loan of the generation before."""
    last: dict[int, int] = {}
    ids: list[int] = []
    for generation in generations:
        rows = [
            (cid, replace(d, renewal_of_id=last[cid]) if renews else d)
            for cid, d, renews in generation
        ]
        new_ids = write(rows)
        last.update((cid, i) for (cid, _), i in zip(rows, new_ids, strict=True))
        ids += new_ids
    return ids


def fill(ctx: DemoContext) -> None:
    """A ``fill_demo`` step: loans for the demo's clients, in its transaction."""
    if not ctx.client_ids:
        return
    now = ctx.clock.now()
    today = now.date()
    clients = q.client_statuses(ctx.conn, ctx.client_ids)
    generations = plan_loans(ctx.rng, clients, today)

    def write(rows: list[tuple[int, LoanDraft]]) -> list[int]:
        clean = [(cid, clean_loan(d, today)) for cid, d in rows]
        return write_loans(ctx.conn, clean, now, follow_status=False).ids

    write_generations(generations, write)
    # Once the whole history is in: the plan fits each status, so this normally moves no one.
    follow_client_status(ctx.conn, [cid for g in generations for cid, _d, _r in g], now)
