"""A small run of the dashboard benchmark, so the script keeps working (figures not judged)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.perf
def test_stats_benchmark_runs_small() -> None:
    done = subprocess.run(
        [sys.executable, "tests/perf/bench_stats.py", "--clients", "200", "--runs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for label in ("floor", "figures, this month", "twelve months", "self-review PDF"):
        assert label in done.stdout, done.stdout
