"""The schedule as documents: the PDF (read back with pdftotext, in Chinese) and the xlsx
(read back with openpyxl: numbers, formats, header row, totals)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LoanTerms, calculate
from crm.ui.loans.texts import money, percent

# PBOC 公告〔2021〕第3号's own example: 100,000 over 12 months with a 1,000 fee.
TERMS = LoanTerms(
    Decimal(100000), Decimal("11.5"), 12, RepaymentMethod.EQUAL_INSTALMENT, Decimal(1000)
)
PREPARED = dt.date(2026, 11, 29)


def _labels(plan):
    from crm.ui.loans.texts import document_labels

    return document_labels(plan, PREPARED)


def _pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def cjk_pdf_tools(qapp) -> None:
    from crm.ui.pdf import cjk_font_family

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found: apt-get install -y poppler-utils")
    if cjk_font_family() is None:
        pytest.skip("no Simplified Chinese font: apt-get install -y fonts-wqy-microhei")


def test_pdf_in_chinese_holds_the_header_rates_and_every_row(
    cjk_pdf_tools, chinese, tmp_path
) -> None:
    from crm.ui.loans.schedule_print import write_schedule_pdf

    plan = calculate(TERMS)
    path = tmp_path / "还款计划.pdf"
    write_schedule_pdf(plan, path, _labels(plan))
    assert path.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.part"))
    text = _pdf_text(path)
    assert "贷款还款计划（测算）" in text
    for header in ("期数", "还款额", "本金", "利息", "剩余本金"):
        assert header in text
    assert "年化利率" in text and percent(plan.apr) in text
    assert "复利年化利率" in text and percent(plan.apr_compound) in text
    assert "等额本息" in text
    assert "以银行借款合同为准" in text
    assert money(plan.total_interest) in text
    # The last row: period 12, its payment, and the balance ending at 0.00.
    last = plan.schedule[-1]
    rows = [line.split() for line in text.splitlines()]
    assert [
        str(last.period),
        money(last.payment),
        money(last.principal),
        money(last.interest),
        "0.00",
    ] in rows


def test_pdf_of_360_months_repeats_the_header_on_every_page(
    cjk_pdf_tools, chinese, tmp_path
) -> None:
    from crm.ui.loans.schedule_print import write_schedule_pdf

    plan = calculate(LoanTerms(Decimal(1_000_000), Decimal("3.1"), 360))
    path = tmp_path / "long.pdf"
    write_schedule_pdf(plan, path, _labels(plan))
    pages = _pdf_text(path).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) > 3
    assert all("剩余本金" in page for page in pages)
    n = len(pages)
    assert re.search(rf"\b{n}\s*/\s*{n}\b", pages[-1])  # the page number at the foot
    assert "360" in pages[-1]


def test_xlsx_has_numbers_formats_header_and_totals(qapp, tmp_path) -> None:
    import openpyxl

    from crm.services.loan_documents import write_schedule_xlsx

    plan = calculate(TERMS)
    path = tmp_path / "plan.xlsx"
    write_schedule_xlsx(plan, path, _labels(plan))
    assert not list(tmp_path.glob(".*.part"))
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "Loan repayment schedule (estimate)"
    header = [c.value for c in ws[4][:5]]
    assert header == ["Period", "Payment", "Principal", "Interest", "Balance"]
    for i, row in enumerate(plan.schedule, start=5):
        cells = ws[i][:5]
        assert [c.value for c in cells] == [
            row.period,
            float(row.payment),
            float(row.principal),
            float(row.interest),
            float(row.balance),
        ]
        assert all(c.number_format == "#,##0.00" for c in cells[1:])
    total_row = 5 + len(plan.schedule)
    totals = [c.value for c in ws[total_row][:4]]
    assert totals == ["Total", float(plan.total_repayment), 100000.0, float(plan.total_interest)]
    summary = {ws.cell(r, 7).value: ws.cell(r, 8) for r in range(4, 15)}
    assert summary["Loan amount"].value == 100000.0
    assert summary["Loan amount"].number_format == "#,##0.00"
    assert summary["Upfront fee"].value == 1000.0
    assert summary["Total cost (interest + fee)"].value == float(plan.total_cost)
    apr = summary["Annual rate, PBOC (monthly IRR × 12)"]
    assert apr.value == pytest.approx(float(plan.apr) / 100)
    assert apr.number_format == "0.0000%"
    assert summary["Repayment method"].value == "Equal instalments"
    assert ws.freeze_panes == "A5"


def test_xlsx_failure_leaves_no_file(tmp_path) -> None:
    from crm.services.loan_documents import ScheduleLabels, write_schedule_xlsx

    plan = calculate(TERMS)
    labels = ScheduleLabels(*["x"] * len(ScheduleLabels.__slots__))
    target = tmp_path / "missing" / "plan.xlsx"
    with pytest.raises(OSError):
        write_schedule_xlsx(plan, target, labels)
    assert not target.parent.exists()


def test_window_saves_both_documents(qtbot, calc, tmp_path) -> None:
    calc.form.amount.setText("100000")
    calc.form.rate.setText("11.5")
    calc.form.fee.setText("1000")
    assert calc.save_xlsx(tmp_path / "a.xlsx")
    assert calc.save_pdf(tmp_path / "a.pdf")
    assert (tmp_path / "a.xlsx").stat().st_size > 0
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


def test_buttons_ask_where_and_remember_the_folder(qtbot, ui_ctx, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from crm.ui.loans.calculator import CalculatorWindow

    calc = CalculatorWindow(ui_ctx)
    qtbot.addWidget(calc)
    calc.form.amount.setText("300000")
    calc.form.rate.setText("4.35")
    calc.form.months.setValue(36)
    proposed: list[str] = []

    def answer(_parent, _title, path, _filter):
        proposed.append(path)
        return str(tmp_path / "for client"), _filter  # typed without the extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    calc.xlsx_button.click()
    calc.pdf_button.click()
    assert proposed[0].endswith("Repayment schedule 300000 36 months.xlsx")
    assert proposed[1] == str(tmp_path / "Repayment schedule 300000 36 months.pdf")
    assert (tmp_path / "for client.xlsx").stat().st_size > 0
    assert (tmp_path / "for client.pdf").read_bytes().startswith(b"%PDF")
    assert "Open it" in calc.notice.text()
