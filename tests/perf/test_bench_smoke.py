"""A small run of the client-book benchmark, so the script keeps working (figures not judged)."""

from __future__ import annotations

import pytest

from tests.helpers import run_benchmark_small


@pytest.mark.perf
def test_client_book_benchmark_runs_small() -> None:
    out = run_benchmark_small("bench.py", "--clients", "300", "--runs", "1")
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
    out = run_benchmark_small("bench.py", "--clients", "300", "--runs", "1", "--loans")
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
