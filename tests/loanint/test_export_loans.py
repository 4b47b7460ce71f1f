"""The xlsx export's Loans sheet, read back with openpyxl: from the service, `crm export
--loans` and the export dialog; csv and vCard ignore it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from crm.cli import main
from crm.domain.loan_status import LoanStatus
from crm.services.transfer.export import ExportOptions
from crm.services.transfer.service import TransferService
from tests.loans.conftest import loan

HEADER = [
    "Client",
    "Product",
    "Amount",
    "Annual rate (%)",
    "Term (months)",
    "Repayment method",
    "Loan status",
    "Disbursed",
    "Maturity",
    "Balance",
    "Next repayment",
    "Next repayment amount",
]


def _en(_c: str, t: str) -> str:
    return t


def _day(value: object) -> dt.date:
    assert isinstance(value, dt.datetime), value  # a date cell, not text
    return value.date()


def test_loans_sheet_has_numbers_and_dates(book, clock, people, loans, tmp_path) -> None:
    repaid = loans.add(
        people.borrower,
        loan(
            LoanStatus.REPAID,
            product="消费贷",
            amount="50000",
            rate="0.5",
            rate_quoted_as="monthly",
            months=12,
            disbursed_on=dt.date(2024, 3, 10),
            status_on=dt.date(2025, 3, 10),
        ),
    )
    loans.add(people.prospect, loan(LoanStatus.APPLIED, product="信用贷", amount="80000"))
    out = tmp_path / "clients.xlsx"
    ids = [people.prospect, people.borrower]
    TransferService(book, clock).export(ids, out, ExportOptions(loans=True), _en)

    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Clients", "Loans"]
    ws = wb["Loans"]
    assert [c.value for c in ws[1]] == HEADER
    assert ws.freeze_panes == "B2"
    rows = [list(r) for r in ws.iter_rows(min_row=2)]
    # The export's client order; each client's newest loan first.
    assert [(r[0].value, r[1].value) for r in rows] == [
        ("李娜", "信用贷"),
        ("王建国", "经营贷"),
        ("王建国", "消费贷"),
    ]
    applied, running, old = rows
    standing = loans.get(people.loan_id).standing
    assert running[2].value == 300000 and running[2].number_format == "#,##0.00"
    assert running[3].value == pytest.approx(4.35) and running[3].number_format == "0.00##"
    assert running[4].value == 12
    assert running[5].value == "Equal instalments"  # the method, in words
    assert running[6].value == "Disbursed"
    assert _day(running[7].value) == dt.date(2026, 6, 1)
    assert _day(running[8].value) == dt.date(2027, 6, 1)
    assert running[9].value == pytest.approx(float(standing.balance))
    assert running[9].number_format == "#,##0.00"
    assert _day(running[10].value) == dt.date(2026, 12, 1)
    assert running[11].value == pytest.approx(float(standing.next_payment or Decimal(0)))
    # A 月息 0.5% loan is 6% a year; repaid, it owes nothing and has no next repayment.
    assert old[3].value == pytest.approx(6.0) and old[6].value == "Repaid"
    assert old[9].value == 0 and old[10].value is None and old[11].value is None
    assert loans.get(repaid).row.status is LoanStatus.REPAID
    # Applied: never lent, no dates, no balance.
    assert applied[6].value == "Applied"
    assert [applied[i].value for i in (7, 8, 9, 10, 11)] == [None] * 5


def test_no_loans_sheet_unless_asked_and_none_in_csv(book, clock, people, tmp_path) -> None:
    transfer = TransferService(book, clock)
    out = tmp_path / "plain.xlsx"
    transfer.export([people.borrower], out, ExportOptions(), _en)
    assert openpyxl.load_workbook(out).sheetnames == ["Clients"]
    csv_out = tmp_path / "plain.csv"
    transfer.export([people.borrower], csv_out, ExportOptions(format="csv", loans=True), _en)
    assert "经营贷" not in csv_out.read_text(encoding="utf-8-sig")


def test_cancel_during_the_loans_sheet_leaves_nothing(book, clock, people, tmp_path) -> None:
    from crm.services.transfer.export import ExportCancelled

    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return len(seen) < 2  # the clients sheet passes, the loans sheet is cancelled

    out = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelled):
        TransferService(book, clock).export(
            [people.borrower, people.prospect], out, ExportOptions(loans=True), _en, progress
        )
    assert not out.exists()
    assert seen == [(1, 2), (2, 2)]  # each sheet half of the way


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    assert main(["--data-dir", str(tmp_path), "--lang", "en", *args]) == 0
    return capsys.readouterr()


def test_crm_export_loans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(tmp_path, capsys, "add", "--name", "张伟")
    _run(tmp_path, capsys, "add", "--name", "李娜")
    _run(
        tmp_path, capsys, "loan", "add", "张伟", "--product", "经营贷", "--amount", "300000",
        "--rate", "4.35", "--months", "36", "--method", "equal-principal",
        "--status", "disbursed", "--disbursed", "2026-01-20",
    )  # fmt: skip
    out = tmp_path / "out.xlsx"
    _run(tmp_path, capsys, "export", "--out", str(out))
    assert openpyxl.load_workbook(out).sheetnames == ["Clients"]  # off by default

    stdout, stderr = _run(tmp_path, capsys, "export", "--loans", "--force", "--out", str(out))
    assert "Exported 2 clients" in stdout and stderr == ""
    ws = openpyxl.load_workbook(out)["Loans"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1 and rows[0][:3] == ("张伟", "经营贷", 300000)
    assert _day(rows[0][8]) == dt.date(2029, 1, 20)

    csv_out = tmp_path / "out.csv"
    stdout, stderr = _run(tmp_path, capsys, "export", "--loans", "--out", str(csv_out), "--json")
    assert stderr.strip() == "--loans goes with xlsx only; the csv file has no loans."
    assert '"exported": 2' in stdout  # the JSON stays JSON
    assert csv_out.exists()


def test_crm_export_loans_sheet_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*args: str) -> None:
        assert main(["--data-dir", str(tmp_path), "--lang", "zh_CN", *args]) == 0
        capsys.readouterr()

    run("add", "--name", "张伟")
    run(
        "loan", "add", "张伟", "--product", "经营贷", "--amount", "100000", "--rate", "4.35",
        "--months", "12", "--method", "equal-instalment", "--status", "disbursed",
        "--disbursed", "2026-03-05",
    )  # fmt: skip
    out = tmp_path / "cn.xlsx"
    run("export", "--loans", "--out", str(out))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["客户", "贷款"]
    ws = wb["贷款"]
    assert ws["A1"].value == "客户" and ws["J1"].value == "剩余本金"
    assert ws["G2"].value == "已放款"


def test_export_dialog_offers_loans_for_xlsx_only(qtbot, ui_ctx, people, tmp_path) -> None:
    from crm.ui.transfer.export_dialog import ExportDialog

    dialog = ExportDialog(ui_ctx, [people.borrower, people.prospect], [])
    qtbot.addWidget(dialog)
    assert dialog.loans.isEnabled() and not dialog.loans.isChecked()  # off: sensitive
    assert dialog.options().loans is False
    dialog.loans.setChecked(True)
    assert dialog.options().loans is True
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert not dialog.loans.isEnabled() and dialog.options().loans is False
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    out = tmp_path / "gui.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Clients", "Loans"]
    assert wb["Loans"]["B2"].value == "经营贷"
