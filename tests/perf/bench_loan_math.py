"""Benchmark: a 360-month schedule with its IRR against a bare float floor, in the same run.

    uv run python tests/perf/bench_loan_math.py

Times ``calculate()`` (Decimal schedule, half-up to the fen, totals, IRR and both annual
rates) for 1,000,000 at 4.9% over 360 months, per method, against the floor: the bare float
annuity loop over 360 rows (no rounding, no Decimal, no IRR). Prints medians and the ratio;
the goal is under 5 ms for schedule + IRR.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LoanTerms, calculate, cash_flows, irr

GOAL_MS = 5.0


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def float_annuity(
    amount: float, annual: float, months: int
) -> list[tuple[int, float, float, float, float]]:
    r = annual / 1200
    growth = (1 + r) ** months
    instalment = amount * r * growth / (growth - 1)
    rows = []
    balance = amount
    for period in range(1, months + 1):
        interest = balance * r
        principal = instalment - interest
        balance -= principal
        rows.append((period, instalment, principal, interest, balance))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--months", type=int, default=360)
    args = parser.parse_args()
    floor = median_ms(lambda: float_annuity(1_000_000.0, 4.9, args.months), args.runs)
    print(f"{args.months} months, median of {args.runs} runs")
    print(f"floor (bare float annuity loop, no rounding, no IRR): {floor:.3f} ms")
    worst = 0.0
    for method in RepaymentMethod:
        terms = LoanTerms(Decimal(1_000_000), Decimal("4.9"), args.months, method, Decimal(5000))
        ms = median_ms(partial(calculate, terms), args.runs)
        worst = max(worst, ms)
        print(f"schedule + IRR, {method.value:<16}: {ms:.3f} ms ({ms / floor:.1f}x floor)")
    plan = calculate(LoanTerms(Decimal(1_000_000), Decimal("4.9"), args.months, fee=Decimal(5000)))
    flows = cash_flows(plan.amount - plan.fee, plan.schedule)
    ms = median_ms(partial(irr, flows), args.runs)
    print(f"of which the IRR alone (equal-instalment): {ms:.3f} ms")
    verdict = "met" if worst < GOAL_MS else "MISSED"
    print(f"slowest {worst:.3f} ms; goal < {GOAL_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
