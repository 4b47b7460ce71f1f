"""The referral benchmark runs end to end at a small size (no timing asserted)."""

from __future__ import annotations

import pytest


@pytest.mark.perf
def test_bench_referrals_smoke() -> None:
    from tests.perf.bench_referrals import run

    r = run(2_000, runs=2)
    assert r["referred"] > 400
    assert r["top_ms"] > 0 and r["floor_ms"] > 0
