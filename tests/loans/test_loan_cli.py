"""`crm need/needs/loan add/loan status/loan show/loans` in-process, as the README shows them."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from crm.cli import main
from crm.domain.loan_calendar import add_months


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path), "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(tmp_path, capsys, *args)
    assert code == 0, err
    return out


def one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(tmp_path, capsys, *args)
    assert code == 1 and out == "" and err.startswith("crm: ") and err.count("\n") == 1, err
    return err


ADD = ("loan", "add", "张伟", "--product", "经营贷", "--amount", "300000", "--months", "36")


def test_needs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    out = ok(
        tmp_path,
        capsys,
        "need",
        "张伟",
        "--purpose",
        "进货",
        "--real-need",
        "春节备货周转",
        "--amount",
        "300000",
        "--when",
        "2027-03",
        "--concerns",
        "怕利率高",
    )
    need_id = int(out)
    (need,) = json.loads(ok(tmp_path, capsys, "needs", "张伟", "--json"))
    assert need == {
        "id": need_id,
        "recorded_on": dt.date.today().isoformat(),
        "purpose": "进货",
        "real_need": "春节备货周转",
        "amount": "300000.00",
        "timing": "2027-03",
        "concerns": "怕利率高",
        "products": "",
    }
    assert "进货  → 春节备货周转  300,000.00  2027-03" in ok(tmp_path, capsys, "needs", "1")
    assert "Write what the client" in one_line_error(
        tmp_path, capsys, "need", "张伟", "--purpose", " "
    )
    assert "not a number" in one_line_error(
        tmp_path, capsys, "need", "张伟", "--purpose", "x", "--amount", "三十万"
    )


def test_a_loan_from_application_to_repaid(tmp_path: Path, capsys) -> None:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    loan_id = int(
        ok(
            tmp_path,
            capsys,
            *ADD,
            "--rate",
            "4.35",
            "--method",
            "equal-instalment",
            "--repayment-day",
            "20",
            "--guarantor",
            "李四",
            "--applied",
            "2026-11-01",
        )
    )
    assert (
        ok(
            tmp_path,
            capsys,
            "loan",
            "status",
            str(loan_id),
            "--to",
            "approved",
            "--on",
            "2026-11-20",
        ).strip()
        == f"Loan {loan_id} is now Approved (2026-11-20)."
    )
    out = ok(
        tmp_path,
        capsys,
        "loan",
        "status",
        str(loan_id),
        "--to",
        "disbursed",
        "--on",
        "2026-12-01",
        "--json",
    )
    assert json.loads(out) == {
        "id": loan_id,
        "status": "disbursed",
        "on": "2026-12-01",
        "maturity_on": "2029-12-01",
    }
    shown = json.loads(ok(tmp_path, capsys, "loan", "show", str(loan_id), "--json"))
    assert shown["client"] == "张伟" and shown["amount"] == "300000.00"
    assert shown["annual_rate"] == "4.3500" and shown["method"] == "equal-instalment"
    assert shown["guarantor"] == "李四" and shown["repayment_day"] == 20
    assert len(shown["schedule"]) == 36
    assert shown["schedule"][0] == {
        "period": 1,
        "due": "2027-01-20",
        "payment": "8903.98",
        "principal": "7816.48",
        "interest": "1087.50",
        "balance": "292183.52",
    }
    assert shown["schedule"][-1]["balance"] == "0.00"
    assert shown["apr"] == "4.3500" and shown["total_interest"].count(".") == 1
    assert [(h["status"], h["on"]) for h in shown["history"]] == [
        ("applied", "2026-11-01"),
        ("approved", "2026-11-20"),
        ("disbursed", "2026-12-01"),
    ]
    assert set(shown["standing"]) == {
        "balance",
        "periods_paid",
        "next_due",
        "next_payment",
        "maturity",
        "days_to_maturity",
    }
    text = ok(tmp_path, capsys, "loan", "show", str(loan_id))
    assert f"Loan {loan_id} · 张伟 · 经营贷 · Disbursed" in text
    assert re.search(r"2027-01-20 +1 +8,903.98", text) and "History" in text
    err = one_line_error(tmp_path, capsys, "loan", "status", str(loan_id), "--to", "approved")
    assert err == "crm: A loan cannot go from Disbursed to Approved.\n"
    ok(
        tmp_path,
        capsys,
        "loan",
        "status",
        str(loan_id),
        "--to",
        "overdue",
        "--on",
        "2027-01-21",
        "--amount",
        "8903.98",
    )
    ok(
        tmp_path,
        capsys,
        "loan",
        "status",
        str(loan_id),
        "--to",
        "extended",
        "--on",
        "2027-02-01",
        "--maturity",
        "2030-06-01",
    )
    ok(tmp_path, capsys, "loan", "status", str(loan_id), "--to", "repaid", "--on", "2030-06-01")
    (row,) = json.loads(ok(tmp_path, capsys, "loans", "--client", "张伟", "--json"))
    assert row["status"] == "repaid" and row["maturity_on"] == "2030-06-01"
    clients = json.loads(ok(tmp_path, capsys, "list", "--json"))
    assert clients[0]["status"] == "former_borrower"


def test_monthly_rate_and_renewal(tmp_path: Path, capsys) -> None:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    ok(tmp_path, capsys, "add", "--name", "李四")
    old = ok(
        tmp_path,
        capsys,
        *ADD,
        "--monthly-rate",
        "0.5",
        "--method",
        "flat",
        "--status",
        "disbursed",
        "--disbursed",
        "2025-12-01",
        "--no-auto-debit",
    )
    shown = json.loads(ok(tmp_path, capsys, "loan", "show", old.strip(), "--json"))
    assert shown["rate_quoted_as"] == "monthly" and shown["quoted_rate"] == "0.5000"
    assert shown["annual_rate"] == "6.0000" and shown["auto_debit"] is False
    assert "0.5000% a month (6.0000% a year)" in ok(tmp_path, capsys, "loan", "show", old.strip())
    new = ok(
        tmp_path, capsys, *ADD, "--rate", "4", "--method", "interest-first", "--renews", old.strip()
    )
    shown = json.loads(ok(tmp_path, capsys, "loan", "show", new.strip(), "--json"))
    assert shown["renewal_of_id"] == int(old)
    err = one_line_error(
        tmp_path,
        capsys,
        "loan",
        "add",
        "李四",
        "--product",
        "经营贷",
        "--amount",
        "1000",
        "--rate",
        "4",
        "--months",
        "12",
        "--method",
        "bullet",
        "--renews",
        old.strip(),
    )
    assert f"Loan {int(old)} is not one of 李四's loans." in err


def test_the_loan_book_and_its_filters(tmp_path: Path, capsys) -> None:
    today = dt.date.today()
    ok(tmp_path, capsys, "add", "--name", "张伟")
    ok(tmp_path, capsys, "add", "--name", "王芳")
    soon = add_months(today, -12) + dt.timedelta(days=10)  # a 12-month loan maturing in ~10 days
    ok(
        tmp_path,
        capsys,
        "loan",
        "add",
        "张伟",
        "--product",
        "经营贷",
        "--amount",
        "300000",
        "--rate",
        "4.35",
        "--months",
        "12",
        "--method",
        "equal-principal",
        "--status",
        "disbursed",
        "--disbursed",
        soon.isoformat(),
    )
    ok(
        tmp_path,
        capsys,
        "loan",
        "add",
        "王芳",
        "--product",
        "消费贷",
        "--amount",
        "50000",
        "--rate",
        "7.2",
        "--months",
        "24",
        "--method",
        "flat",
        "--status",
        "disbursed",
        "--disbursed",
        today.isoformat(),
    )
    ok(
        tmp_path,
        capsys,
        "loan",
        "add",
        "王芳",
        "--product",
        "经营贷",
        "--amount",
        "80000",
        "--rate",
        "5",
        "--months",
        "12",
        "--method",
        "bullet",
    )
    rows = json.loads(ok(tmp_path, capsys, "loans", "--json"))
    assert [r["client"] for r in rows] == ["张伟", "王芳", "王芳"]  # by maturity, none last
    soonest = json.loads(ok(tmp_path, capsys, "loans", "--maturing-within", "30", "--json"))
    assert [(r["client"], r["days_to_maturity"]) for r in soonest] == [
        ("张伟", (add_months(soon, 12) - today).days)
    ]
    assert [
        r["product"]
        for r in json.loads(
            ok(tmp_path, capsys, "loans", "--product", "经营贷", "--status", "applied", "--json")
        )
    ] == ["经营贷"]
    text = ok(tmp_path, capsys, "loans", "--client", "王芳")
    assert "消费贷" in text and "Applied" in text and "张伟" not in text
    assert ok(tmp_path, capsys, "loans", "--status", "overdue").strip() == "No loans."


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ("--rate", "4.35", "--method", "weekly"),
            "Unknown method 'weekly': use one of equal-instalment, equal-principal, "
            "interest-first, bullet, flat.",
        ),
        (("--rate", "40", "--method", "bullet"), "legal ceiling"),
        (
            ("--rate", "4", "--method", "bullet", "--disbursed", "2027-02-30"),
            "--disbursed 2027-02-30: that date does not exist.",
        ),
        (("--rate", "4", "--method", "bullet", "--disbursed", "2027/02/03"), "YYYY-MM-DD"),
        (
            ("--rate", "4", "--method", "bullet", "--status", "paid"),
            "Unknown status 'paid': use one of applied, approved, disbursed",
        ),
        (("--rate", "4", "--method", "bullet", "--status", "disbursed"), "disbursement date"),
        (
            (
                "--rate",
                "4",
                "--method",
                "bullet",
                "--disbursed",
                "2026-06-01",
                "--maturity",
                "2026-05-01",
            ),
            "maturity must be after the disbursement",
        ),
        (("--rate", "4", "--method", "bullet", "--repayment-day", "32"), "1 to 31"),
        (("--rate", "4", "--method", "bullet", "--repayment-day", "x"), "not a whole number"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, capsys, args, words) -> None:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    assert words in one_line_error(tmp_path, capsys, *ADD, *args)
    assert json.loads(ok(tmp_path, capsys, "loans", "--json")) == []


def test_unknown_loan_and_client(tmp_path: Path, capsys) -> None:
    ok(tmp_path, capsys, "add", "--name", "张伟")
    assert "no loan with id 7" in one_line_error(tmp_path, capsys, "loan", "show", "7")
    assert "no loan with id 7" in one_line_error(
        tmp_path, capsys, "loan", "status", "7", "--to", "approved"
    )
    assert "No client is named 李四" in one_line_error(tmp_path, capsys, "needs", "李四")
