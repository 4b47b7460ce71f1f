"""A small run of the transfer benchmark, so it keeps working (no timing asserted)."""

from __future__ import annotations

import pytest


@pytest.mark.perf
def test_bench_transfer_runs() -> None:
    from tests.perf.bench_transfer import run

    r = run(300, 1)
    assert set(r) >= {"csv_ours", "csv_floor", "xlsx_ours", "xlsx_floor"}
