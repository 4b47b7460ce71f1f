"""The loan benchmark runs end to end at a small size (no timing asserted)."""

from __future__ import annotations

import pytest


@pytest.mark.perf
def test_bench_loans_smoke() -> None:
    from tests.perf.bench_loans import run

    r = run(600, loans=900, runs=2)
    assert r["loans"] == 900
    by_status = r["by_status"]
    assert isinstance(by_status, dict)
    assert {"disbursed", "repaid", "overdue", "extended", "applied"} <= set(by_status)
    assert r["summaries_rows"] > 0 and r["for_client_rows"] >= 2
    for key in ("maturing", "summaries", "for_client"):
        assert r[key] and r[f"{key}_floor"]
