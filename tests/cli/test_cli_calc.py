"""`crm calc`: a schedule as a table or JSON, one-line refusals, and no book opened."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from crm.cli import main


def run(
    data: Path, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en"
) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--lang", lang, "calc", *args])
    out, err = capsys.readouterr()
    return code, out, err


BASE = ("--principal", "300000", "--rate", "4.35", "--months", "12")


def test_json_schedule_totals_and_rates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        tmp_path, capsys, *BASE, "--method", "equal-instalment", "--fee", "6000", "--json"
    )
    assert code == 0 and err == ""
    data = json.loads(out)
    schedule = data["schedule"]
    assert len(schedule) == 12
    assert schedule[0] == {
        "period": 1,
        "payment": "25592.97",
        "principal": "24505.47",
        "interest": "1087.50",  # 300,000 × 4.35% / 12
        "balance": "275494.53",
    }
    assert schedule[-1]["balance"] == "0.00"
    assert sum(Decimal(r["principal"]) for r in schedule) == Decimal("300000.00")
    assert data["total_interest"] == "7115.64"
    assert data["total_repayment"] == "307115.64"
    assert data["apr"] == "8.1351" and data["apr_compound"] == "8.4454"
    assert data["fee"] == "6000.00" and data["method"] == "equal-instalment"


def test_monthly_rate_is_annual_over_twelve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--principal", "100000", "--months", "3", "--method", "interest-first", "--json")
    _, by_month, _ = run(tmp_path, capsys, "--monthly-rate", "0.5", *args)
    _, by_year, _ = run(tmp_path, capsys, "--rate", "6", *args)
    assert json.loads(by_month)["schedule"] == json.loads(by_year)["schedule"]
    assert json.loads(by_month)["schedule"][0]["interest"] == "500.00"
    assert json.loads(by_month)["apr"] == "6.0000"


def test_text_table_with_totals_and_both_rates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(tmp_path, capsys, *BASE, "--method", "equal-principal", "--fee", "6000")
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if "Period" in line)
    assert header.split() == ["Period", "Payment", "Principal", "Interest", "Balance"]
    first = lines[lines.index(header) + 1].split()
    assert first == ["1", "26,087.50", "25,000.00", "1,087.50", "275,000.00"]
    assert "Total interest" in out and "Total repayment" in out
    assert "Annual rate (monthly IRR × 12)" in out and "Annual rate, compounded monthly" in out
    assert "%" in lines[-1] and "%" in lines[-2]


def test_table_headers_translated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(tmp_path, capsys, *BASE, "--method", "bullet", lang="zh_CN")
    assert code == 0
    for word in ("期数", "本金", "利息", "余额", "到期一次还本付息"):
        assert word in out, out


def test_bad_input_one_line_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        (("--principal", "0", "--rate", "4", "--months", "12"), "amount"),
        (("--principal", "1000", "--rate", "0", "--months", "12"), "rate"),
        (("--principal", "1000", "--rate", "4", "--months", "0"), "1 to 360"),
        (("--principal", "1000", "--rate", "4", "--months", "361"), "1 to 360"),
        (("--principal", "100000001", "--rate", "4", "--months", "12"), "100,000,000"),
        (("--principal", "1000", "--rate", "4", "--months", "12", "--fee", "1000"), "fee"),
        (("--principal", "1000", "--rate", "4", "--months", "12", "--fee", "-1"), "fee"),
        (("--principal", "lots", "--rate", "4", "--months", "12"), "not a number"),
        (("--principal", "1000", "--rate", "nan", "--months", "12"), "not a number"),
        (("--principal", "1000", "--rate", "4", "--months", "1.5"), "whole number"),
    ]
    for args, reason in cases:
        code, out, err = run(tmp_path, capsys, *args, "--method", "flat")
        assert code == 1 and out == "", args
        assert err.startswith("crm: ") and reason in err and err.count("\n") == 1, (args, err)
    code, out, err = run(tmp_path, capsys, *BASE, "--method", "balloon")
    assert code == 1 and "equal-instalment" in err and err.count("\n") == 1


def test_above_36_percent_warns_but_calculates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--principal", "10000", "--monthly-rate", "3.5", "--months", "12")
    code, out, err = run(tmp_path, capsys, *args, "--method", "flat", "--json")
    assert code == 0
    assert err.startswith("crm: warning: ") and "36%" in err and err.count("\n") == 1
    data = json.loads(out)
    assert data["annual_rate"] == "42.0000" and len(data["warnings"]) == 1


def test_needs_no_book(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    # Without --lang too: reading the saved language must not create the settings file.
    code = main(["--data-dir", str(data), "calc", *BASE, "--method", "bullet"])
    capsys.readouterr()
    assert code == 0
    code, _, _ = run(data, capsys, *BASE, "--method", "equal-instalment", "--json")
    assert code == 0
    assert list(data.iterdir()) == []
    missing = tmp_path / "never-made"
    assert run(missing, capsys, *BASE, "--method", "flat")[0] == 0
    assert not missing.exists()
