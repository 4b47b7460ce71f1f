"""A small run of the after-the-loan benchmark, so the script keeps working (figures not
judged)."""

from __future__ import annotations

import pytest

from tests.helpers import run_benchmark_small


@pytest.mark.perf
def test_risks_benchmark_runs_small() -> None:
    out = run_benchmark_small("bench_risks.py", "--clients", "400", "--runs", "2")
    for label in (
        "post-loan step",
        "detect([one client])",
        "Risks page read",
        "Today's check",
        "keystroke → rows painted, badge",
        "floor",
    ):
        assert label in out, out
