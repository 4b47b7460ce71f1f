"""A small run of the after-the-loan benchmark, so the script keeps working (figures not
judged)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.perf
def test_risks_benchmark_runs_small() -> None:
    done = subprocess.run(
        [sys.executable, "tests/perf/bench_risks.py", "--clients", "400", "--runs", "2"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for label in (
        "post-loan step",
        "detect([one client])",
        "Risks page read",
        "Today's check",
        "keystroke → rows painted, badge",
        "floor",
    ):
        assert label in done.stdout, done.stdout
