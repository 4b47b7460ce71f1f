"""`crm stats`: the known book's figures as text and JSON."""

from __future__ import annotations

import json

import pytest

from crm.cli import main
from tests.stats.conftest import KnownBook


@pytest.fixture
def run(known: KnownBook, book_path, clock, capsys, monkeypatch):
    """``crm --data-dir <the known book's folder> ...`` on the known book's clock."""
    from crm.domain.clock import SystemClock

    monkeypatch.setattr(SystemClock, "now", lambda _self: clock.now())
    monkeypatch.setattr(SystemClock, "today", lambda _self: clock.today())

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(book_path.parent), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_stats_json_prints_every_figure(run) -> None:
    code, out, _ = run("stats", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["from"], data["to"]) == ("2026-11-01", "2026-11-30")
    figures = {f["key"]: f for f in data["figures"]}
    assert figures["repeat_borrow"]["text"] == "50.0%"
    assert figures["repeat_borrow"]["counted"] == "1 / 2"
    assert figures["overdue_amount"]["text"] == "20.0%"
    assert figures["applications"]["parts"] == [
        {"label": "Approved", "count": 1},
        {"label": "Disbursed", "count": 1},
    ]
    assert figures["risk_signals"]["available"] is True
    assert figures["risk_signals"]["text"] == "0"
    assert figures["post_loan_checks"]["counted"] == "0 / 2"


def test_stats_text_defaults_to_this_month(run) -> None:
    code, out, _ = run("stats")
    assert code == 0
    assert out.splitlines()[0] == "2026-11-01 – 2026-11-30"
    assert any(
        line.startswith("Repeat-borrow rate") and "50.0%" in line for line in out.splitlines()
    )


def test_a_period_ending_before_it_starts_is_refused(run) -> None:
    code, _, err = run("stats", "--from", "2026-11-30", "--to", "2026-11-01")
    assert code == 1
    assert "ends" in err
