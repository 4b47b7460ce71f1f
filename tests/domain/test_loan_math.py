"""The repayment calculator against hand-worked schedules and an independent exact reference.

The reference below recomputes every schedule with ``fractions.Fraction`` (exact rationals)
and integer half-up rounding, sharing no code with crm.domain.loan_math.
"""

from __future__ import annotations

import math
import random
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

import pytest

from crm.domain.errors import ValidationErrors
from crm.domain.loan_enums import RepaymentMethod as M
from crm.domain.loan_math import (
    RATE_ABOVE_CEILING,
    LoanTerms,
    annual_from_monthly,
    annual_rates,
    calculate,
    cash_flows,
    compare_methods,
    fen,
    irr,
    validate,
)

D = Decimal


def rows(plan) -> list[tuple[int, str, str, str, str]]:
    return [
        (r.period, str(r.payment), str(r.principal), str(r.interest), str(r.balance))
        for r in plan.schedule
    ]


# --- hand-worked schedules: 1,000.00 at 12% a year (1% a month) over 3 months ----------------
# Equal instalment: 1000 × 0.01 × 1.01³ / (1.01³ − 1) = 10.30301 / 0.030301 = 340.0221… → 340.02
#   1: interest 10.00, principal 330.02, balance 669.98
#   2: interest 6.6998 → 6.70, principal 333.32, balance 336.66
#   3: interest 3.3666 → 3.37, principal 336.66 (all that remains), payment 340.03


def test_equal_instalment_by_hand() -> None:
    plan = calculate(LoanTerms(D(1000), D(12), 3, M.EQUAL_INSTALMENT))
    assert rows(plan) == [
        (1, "340.02", "330.02", "10.00", "669.98"),
        (2, "340.02", "333.32", "6.70", "336.66"),
        (3, "340.03", "336.66", "3.37", "0.00"),
    ]
    assert plan.total_interest == D("20.07") and plan.total_repayment == D("1020.07")


def test_equal_principal_by_hand() -> None:
    # 1000 / 3 = 333.33…; interest 10.00, 6.6667 → 6.67, 3.3334 → 3.33; the last takes 333.34
    plan = calculate(LoanTerms(D(1000), D(12), 3, M.EQUAL_PRINCIPAL))
    assert rows(plan) == [
        (1, "343.33", "333.33", "10.00", "666.67"),
        (2, "340.00", "333.33", "6.67", "333.34"),
        (3, "336.67", "333.34", "3.33", "0.00"),
    ]
    assert plan.total_interest == D("20.00")


def test_interest_first_by_hand() -> None:
    plan = calculate(LoanTerms(D(1000), D(12), 3, M.INTEREST_FIRST))
    assert rows(plan) == [
        (1, "10.00", "0.00", "10.00", "1000.00"),
        (2, "10.00", "0.00", "10.00", "1000.00"),
        (3, "1010.00", "1000.00", "10.00", "0.00"),
    ]


def test_bullet_is_one_row_at_maturity() -> None:
    # simple interest by months: 1000 × 1% × 3 = 30.00, with the principal in month 3
    plan = calculate(LoanTerms(D(1000), D(12), 3, M.BULLET))
    assert rows(plan) == [(3, "1030.00", "1000.00", "30.00", "0.00")]
    # The IRR still places the payment at month 3: (1030/1000)^(1/3) − 1 per month.
    expected = (1.03 ** (1 / 3) - 1) * 1200
    assert abs(float(plan.apr) - expected) < 0.00006


def test_flat_charges_interest_on_the_original_amount() -> None:
    plan = calculate(LoanTerms(D(1000), D(12), 3, M.FLAT))
    assert rows(plan) == [
        (1, "343.33", "333.33", "10.00", "666.67"),
        (2, "343.33", "333.33", "10.00", "333.34"),
        (3, "343.34", "333.34", "10.00", "0.00"),
    ]
    # Same quoted rate, but the true annual rate is far higher than equal principal's.
    assert plan.apr > calculate(LoanTerms(D(1000), D(12), 3, M.EQUAL_PRINCIPAL)).apr + 5


def test_twelve_months_at_twelve_percent_last_row_absorbs_the_remainder() -> None:
    # 10000 × 0.01 × 1.01¹² / (1.01¹² − 1) = 888.4879 → 888.49 (the textbook figure)
    plan = calculate(LoanTerms(D(10000), D(12), 12, M.EQUAL_INSTALMENT))
    payments = [r.payment for r in plan.schedule]
    assert payments[:11] == [D("888.49")] * 11
    assert plan.schedule[0].interest == D("100.00") and plan.schedule[0].principal == D("788.49")
    # Rounding the instalment up by 0.0021 a month over-repays; the last row gives it back.
    last = plan.schedule[-1]
    assert last.payment == D("888.47") and last.principal + last.interest == last.payment
    assert last.principal == plan.schedule[-2].balance and last.balance == D("0.00")
    assert sum(r.principal for r in plan.schedule) == D("10000.00")


def test_half_up_where_round_would_go_to_even() -> None:
    # 100,001 × 6% / 12 = 500.005 exactly: a ledger posts 500.01; round() and half-even 500.00.
    assert round(500.005, 2) == 500.0
    assert D("500.005").quantize(D("0.01"), rounding=ROUND_HALF_EVEN) == D("500.00")
    assert fen(D("500.005")) == D("500.01")
    plan = calculate(LoanTerms(D(100001), D(6), 2, M.INTEREST_FIRST))
    assert [r.interest for r in plan.schedule] == [D("500.01"), D("500.01")]
    assert fen(D("2.345")) == D("2.35") and fen(D("-2.345")) == D("-2.35")


def test_monthly_rate_is_twelve_times_and_never_pre_rounded() -> None:
    assert annual_from_monthly(D("0.5")) == D("6.0")
    # 10% a year: r = 0.008333…; pre-rounding r to 0.0083 would give 830.00, not 833.33.
    plan = calculate(LoanTerms(D(100000), D(10), 2, M.INTEREST_FIRST))
    assert plan.schedule[0].interest == D("833.33")


# --- the annual rate as PBOC 公告〔2021〕第3号 asks ------------------------------------------


def test_pboc_example_from_its_cash_flows() -> None:
    # 100,000 over 12 months at 8,833.30 a month, 1,000 fee: the client receives 99,000.
    flows = [D(-99000), *[D("8833.30")] * 12]
    apr, compound = annual_rates(irr(flows))
    assert apr == D("12.8038") and compound == D("13.5826")
    assert fen(apr) == D("12.80") and fen(compound) == D("13.58")


def test_pboc_example_through_the_calculator() -> None:
    # Which nominal rate gives an 8,833.30 instalment? The IRR of the flows without the fee.
    nominal = D(irr([D(-100000), *[D("8833.30")] * 12]) * 1200).quantize(D("0.0001"))
    assert nominal == D("10.8957")
    plan = calculate(LoanTerms(D(100000), nominal, 12, M.EQUAL_INSTALMENT, fee=D(1000)))
    assert {r.payment for r in plan.schedule[:11]} == {D("8833.30")}
    assert abs(plan.schedule[-1].payment - D("8833.30")) <= D("0.05")
    assert fen(plan.apr) == D("12.80") and fen(plan.apr_compound) == D("13.58")
    assert plan.fee == D("1000.00") and plan.total_cost == plan.total_interest + D(1000)


def decimal_irr(flows: list[Decimal]) -> Decimal:
    """Reference: plain bisection in 40-digit Decimal on the monthly rate."""
    with localcontext() as c:
        c.prec = 40
        lo, hi = D(0), D(1)
        while sum(f / (1 + hi) ** t for t, f in enumerate(flows)) > 0:
            hi *= 2
        for _ in range(120):
            mid = (lo + hi) / 2
            if sum(f / (1 + mid) ** t for t, f in enumerate(flows)) > 0:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2


def test_irr_matches_a_decimal_bisection() -> None:
    rng = random.Random(7)
    for _ in range(25):
        method = rng.choice(list(M))
        terms = LoanTerms(
            D(rng.randint(1000, 10_000_000)),
            D(rng.randint(100, 3600)) / 100,
            rng.randint(1, 60),
            method,
            fee=D(rng.randint(0, 5000)),
        )
        plan = calculate(terms)
        flows = cash_flows(plan.amount - plan.fee, plan.schedule)
        assert abs(D(irr(flows)) - decimal_irr(flows)) < D("1e-13")


def test_irr_of_a_negative_return_and_refusals() -> None:
    # Repaid less than lent: −100 + 50v + 40v² = 0 → v = (−50 + √18500) / 80, i = 1/v − 1 < 0.
    v = (-50 + math.sqrt(18500)) / 80
    assert abs(irr([-100.0, 50.0, 40.0]) - (1 / v - 1)) < 1e-14
    for bad in ([100.0, 50.0], [-100.0, 0.0], [-100.0], [-100.0, 120.0, -5.0]):
        with pytest.raises(ValueError):
            irr(bad)


def test_fee_raises_the_annual_rate_and_no_fee_equal_instalment_is_the_nominal_rate() -> None:
    base = LoanTerms(D(300000), D("4.35"), 36, M.EQUAL_INSTALMENT)
    assert abs(calculate(base).apr - D("4.35")) <= D("0.0005")
    with_fee = calculate(LoanTerms(D(300000), D("4.35"), 36, M.EQUAL_INSTALMENT, fee=D(6000)))
    assert with_fee.apr > D("5.6") and with_fee.apr_compound > with_fee.apr


# --- every input: sums, balances, and an exact reference ---------------------------------


def half_up(x: Fraction) -> Fraction:
    """To the fen, half-up, for x ≥ 0: floor(100x + ½) / 100."""
    return Fraction(math.floor(x * 100 + Fraction(1, 2)), 100)


def reference(amount: Fraction, annual: Fraction, n: int, method: M) -> list[tuple]:
    r = annual / 1200
    out = []
    if method is M.BULLET:
        interest = half_up(amount * r * n)
        return [(n, amount + interest, amount, interest, Fraction(0))]
    balance = amount
    if method is M.EQUAL_INSTALMENT:
        g = (1 + r) ** n
        instalment = half_up(amount * r * g / (g - 1))
    share = half_up(amount / n)
    for period in range(1, n + 1):
        last = period == n
        if method is M.EQUAL_INSTALMENT:
            interest = half_up(balance * r)
            principal = balance if last else min(instalment - interest, balance)
        elif method is M.EQUAL_PRINCIPAL:
            interest = half_up(balance * r)
            principal = balance if last else min(share, balance)
        elif method is M.FLAT:
            interest = half_up(amount * r)
            principal = balance if last else min(share, balance)
        else:  # interest first
            interest = half_up(amount * r)
            principal = amount if last else Fraction(0)
        balance -= principal
        out.append((period, principal + interest, principal, interest, balance))
    return out


def random_terms(rng: random.Random, max_months: int) -> LoanTerms:
    amount = D(rng.choice([rng.randint(1, 200), rng.randint(100, 10**10)])) / 100
    rate = D(rng.randint(1, 360_000)) / 10_000  # 0.0001% to 36%
    fee = D(rng.randint(0, int(amount * 100) - 1)) / 100 if rng.random() < 0.5 else D(0)
    return LoanTerms(amount, rate, rng.randint(1, max_months), rng.choice(list(M)), fee)


def test_random_schedules_add_up() -> None:
    rng = random.Random(20261129)
    for _ in range(400):
        terms = random_terms(rng, 360)
        plan = calculate(terms)
        sched = plan.schedule
        assert sum(r.principal for r in sched) == plan.amount, terms
        assert sched[-1].balance == D("0.00") and sched[-1].period == terms.months, terms
        assert plan.total_interest == sum(r.interest for r in sched)
        assert plan.total_repayment == plan.amount + plan.total_interest
        previous = plan.amount
        for row in sched:
            assert row.payment == row.principal + row.interest, terms
            assert row.principal >= 0 and row.interest >= 0, terms
            assert row.balance == previous - row.principal and row.balance >= 0, terms
            assert row.payment.as_tuple().exponent == -2, terms
            previous = row.balance
        assert len(sched) == (1 if terms.method is M.BULLET else terms.months)
        # A few fen at a low rate can round every month's interest to 0.00: then 0%.
        assert plan.apr >= 0 and plan.apr_compound >= plan.apr, terms
        assert (plan.apr > 0) == (plan.total_cost > 0), terms


def test_random_schedules_match_the_exact_reference() -> None:
    rng = random.Random(13)
    for _ in range(150):
        t = random_terms(rng, 120)
        expected = reference(Fraction(t.amount), Fraction(t.annual_rate), t.months, t.method)
        got = [
            (r.period, Fraction(r.payment), Fraction(r.principal), Fraction(r.interest),
             Fraction(r.balance))
            for r in calculate(t).schedule
        ]  # fmt: skip
        assert got == expected, t


def test_term_360_months() -> None:
    plan = calculate(LoanTerms(D(1_000_000), D("4.9"), 360, M.EQUAL_INSTALMENT))
    assert len(plan.schedule) == 360 and plan.schedule[-1].balance == D("0.00")
    assert plan.schedule[0].payment == D("5307.27")  # 1,000,000 over 30 years at 4.9%
    assert abs(plan.apr - D("4.9")) <= D("0.0005")
    # Every posted amount to the fen, even after 360 rows of running balance.
    assert all(r.balance == fen(r.balance) for r in plan.schedule)


def test_compare_methods_side_by_side() -> None:
    terms = LoanTerms(D(300000), D("4.35"), 12, M.BULLET, fee=D(6000))
    plans = compare_methods(terms)
    assert list(plans) == list(M)
    assert all(p.method is m and p.fee == D("6000.00") for m, p in plans.items())
    interest = {m: p.total_interest for m, p in plans.items()}
    assert interest[M.EQUAL_PRINCIPAL] < interest[M.EQUAL_INSTALMENT] < interest[M.FLAT]
    assert interest[M.FLAT] == interest[M.INTEREST_FIRST] == interest[M.BULLET]
    assert plans[M.FLAT].apr > plans[M.EQUAL_INSTALMENT].apr > plans[M.BULLET].apr


# --- bad input ------------------------------------------------------------------------------


def errors_of(terms: LoanTerms, **kw: bool) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as caught:
        calculate(terms, **kw)
    return {e.field: e.message.text for e in caught.value.errors}


def test_rate_above_36_percent_refused_unless_the_calculator_allows_it() -> None:
    high = LoanTerms(D(10000), D("36.01"), 12)
    assert errors_of(high) == {"rate": RATE_ABOVE_CEILING.text}
    plan = calculate(high, allow_high_rate=True)
    assert plan.warnings == (RATE_ABOVE_CEILING,)
    assert "36%" in plan.warnings[0].render()
    assert calculate(LoanTerms(D(10000), D(36), 12)).warnings == ()
    # Annual = monthly × 12: 月息 3.1% is 37.2% a year.
    assert "rate" in errors_of(LoanTerms(D(10000), annual_from_monthly(D("3.1")), 12))
    assert "rate" in errors_of(LoanTerms(D(10000), D(1001), 12), allow_high_rate=True)


@pytest.mark.parametrize(
    ("terms", "fields"),
    [
        (LoanTerms(D(10000), D(0), 12), {"rate"}),
        (LoanTerms(D(10000), D(-1), 12), {"rate"}),
        (LoanTerms(D(10000), D("NaN"), 12), {"rate"}),
        (LoanTerms(D(10000), D(5), 0), {"months"}),
        (LoanTerms(D(10000), D(5), 361), {"months"}),
        (LoanTerms(D(0), D(5), 12), {"amount"}),
        (LoanTerms(D(-5), D(5), 12), {"amount"}),
        (LoanTerms(D("100000000.01"), D(5), 12), {"amount"}),
        (LoanTerms(D("100.005"), D(5), 12), {"amount"}),
        (LoanTerms(D("Infinity"), D(5), 12), {"amount"}),
        (LoanTerms(D(10000), D(5), 12, fee=D(-1)), {"fee"}),
        (LoanTerms(D(10000), D(5), 12, fee=D(10000)), {"fee"}),
        (LoanTerms(D(10000), D(5), 12, fee=D("0.001")), {"fee"}),
        (LoanTerms(D(0), D(0), 0, fee=D(-1)), {"amount", "rate", "months", "fee"}),
    ],
)
def test_refused_with_one_line_reasons(terms: LoanTerms, fields: set[str]) -> None:
    found = errors_of(terms)
    assert set(found) == fields
    assert all("\n" not in text and text.endswith(".") for text in found.values())


def test_limits_themselves_are_accepted() -> None:
    assert validate(LoanTerms(D(100_000_000), D(36), 360, fee=D("99999999.99"))) == ()
    assert validate(LoanTerms(D("0.01"), D("0.0001"), 1)) == ()
    assert validate(LoanTerms(D("100.000"), D(5), 12)) == ()  # 100.000 is 100.00 yuan


def test_a_few_fen_over_many_months_never_overpays() -> None:
    for method in M:
        plan = calculate(LoanTerms(D("1.80"), D(36), 360, method))
        assert sum(r.principal for r in plan.schedule) == D("1.80")
        assert all(r.balance >= 0 for r in plan.schedule)


@pytest.mark.perf
def test_benchmark_runs_small() -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "tests/perf/bench_loan_math.py", "--runs", "3"],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "schedule + IRR" in done.stdout and "floor" in done.stdout


def test_a_fee_near_the_whole_amount_gives_a_huge_rate_not_a_crash() -> None:
    """Found by the calculator window: 999.99 fee on 1,000 overflowed the 34-digit context."""
    plan = calculate(
        LoanTerms(Decimal("1000"), Decimal("12"), 12, M.EQUAL_INSTALMENT, Decimal("999.99")),
        allow_high_rate=True,
    )
    assert plan.apr > Decimal("1000000")
    assert plan.apr_compound > plan.apr


def test_a_rate_with_more_than_six_decimals_is_refused() -> None:
    """Found by the calculator window: 1e-40 divided by zero in the instalment formula."""
    for rate in ("1e-40", "4.3500001"):
        with pytest.raises(ValidationErrors) as caught:
            calculate(LoanTerms(Decimal("1000"), Decimal(rate), 12))
        assert [e.field for e in caught.value.errors] == ["rate"]
    assert calculate(LoanTerms(Decimal("1000"), Decimal("4.350000"), 12)).schedule
