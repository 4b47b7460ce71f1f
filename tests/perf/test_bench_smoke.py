"""A small run of the client-book benchmark, so the script keeps working (figures not judged)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.perf
def test_client_book_benchmark_runs_small() -> None:
    done = subprocess.run(
        [sys.executable, "tests/perf/bench.py", "--clients", "300", "--runs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    for label in (
        "crm demo --clients N",
        "GUI cold start to first page",
        "peak RSS",
        "per-keystroke search at 300 clients",
        "4 phone digits",
        "longest GUI-thread stall",
    ):
        assert label in out, out
    assert "floor" in out


@pytest.mark.perf
def test_client_book_benchmark_runs_small_with_loan_columns() -> None:
    done = subprocess.run(
        [sys.executable, "tests/perf/bench.py", "--clients", "300", "--runs", "1", "--loans"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    for label in (
        "loans in the book: 450",
        "loan columns shown",
        "GUI cold start to first page",
        "client list page read (100 rows)",
        "without loan columns",
        "with loan columns (rows + summaries)",
        "summaries(100 ids) alone",
    ):
        assert label in out, out
