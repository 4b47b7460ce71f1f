"""The reminder benchmark runs end to end on a small book (no timing is asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.perf
def test_bench_reminders_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "perf"))
    try:
        import bench_reminders
    finally:
        sys.path.remove(str(ROOT / "tests" / "perf"))
    result = bench_reminders.run(500, runs=3, folder=tmp_path)
    assert result["reminders"] > 0 and result["floor_ms"] > 0
    assert "floor (1 indexed SQL query)" in capsys.readouterr().out
