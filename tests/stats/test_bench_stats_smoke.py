"""A small run of the dashboard benchmark, so the script keeps working (figures not judged)."""

from __future__ import annotations

import pytest

from tests.helpers import run_benchmark_small


@pytest.mark.perf
def test_stats_benchmark_runs_small() -> None:
    out = run_benchmark_small("bench_stats.py", "--clients", "200", "--runs", "1")
    for label in ("floor", "figures, this month", "twelve months", "self-review PDF"):
        assert label in out, out
