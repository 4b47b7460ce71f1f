"""A repayment schedule as a document for the client: the xlsx workbook.

No book and no Qt: the calculator window (and later a loan's page) hands in a calculated
:class:`~crm.domain.loan_math.RepaymentPlan` and every text already translated
(:class:`ScheduleLabels`), so the file speaks the officer's language without this layer knowing
about translators. Money goes in as numbers with a two-decimal format (a spreadsheet can sum
them), rates as fractions with a percent format.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm import files
from crm.domain.loan_math import RepaymentPlan


@dataclass(frozen=True, slots=True)
class ScheduleLabels:
    """Every text of a schedule document, already in the reader's language."""

    title: str
    sheet: str  # the worksheet's name (Excel allows 31 characters)
    period: str
    payment: str
    principal: str
    interest: str
    balance: str
    total: str  # the label of the totals row under the schedule
    amount: str
    annual_rate: str
    monthly_rate: str
    term: str
    method: str
    fee: str
    total_interest: str
    total_repayment: str
    total_cost: str
    apr: str
    apr_compound: str
    note: str  # the figures are estimates; the bank's contract rules
    method_name: str  # the plan's method, by name
    months: str  # the plan's term in words, e.g. "36 months"
    prepared: str  # e.g. "Prepared on 2026-11-29"

    @property
    def columns(self) -> tuple[str, str, str, str, str]:
        return (self.period, self.payment, self.principal, self.interest, self.balance)


def _num(value: Decimal) -> float:
    # Fen amounts up to 100,000,000 and four-decimal rates: a double is exact to far more
    # digits than the formats show, so the cell always displays the ledger's figure.
    return float(value)


def write_schedule_xlsx(plan: RepaymentPlan, path: Path, labels: ScheduleLabels) -> None:
    """Write the inputs, totals, both annual rates and the full schedule to ``path``.

    Written beside the target and renamed into place, so a failed write (a full disk, a file
    open in Excel) never leaves half a workbook under the chosen name. Raises :class:`OSError`.
    """
    import xlsxwriter
    from xlsxwriter.exceptions import FileCreateError

    path = Path(path)
    files.check_target(path)
    with files.private_temp_beside(path) as part:  # 0600, unpredictable, exclusive
        wb = xlsxwriter.Workbook(
            str(part),
            {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        _fill(wb, plan, labels)
        try:
            wb.close()
        except FileCreateError as exc:
            raise OSError(str(exc)) from exc
        files.commit_temp(part, path)


def _fill(wb: Any, plan: RepaymentPlan, labels: ScheduleLabels) -> None:
    """The schedule at the left under a frozen header row, the inputs and totals beside it:
    the officer scrolls 360 rows without losing the column names."""
    title = wb.add_format({"bold": True, "font_size": 14})
    label = wb.add_format({"bold": True})
    money = wb.add_format({"num_format": "#,##0.00"})
    money_total = wb.add_format({"num_format": "#,##0.00", "bold": True, "top": 1})
    rate = wb.add_format({"num_format": "0.0000%"})
    head = wb.add_format({"bold": True, "bg_color": "#DBEAFE", "bottom": 1, "align": "center"})
    total_label = wb.add_format({"bold": True, "top": 1})
    note = wb.add_format({"italic": True, "font_color": "#4B5563"})

    ws = wb.add_worksheet(labels.sheet[:31] or "Schedule")
    ws.set_column(0, 0, 10)
    ws.set_column(1, 4, 16)
    ws.set_column(5, 5, 3)
    ws.set_column(6, 6, 34)
    ws.set_column(7, 7, 18)
    ws.write_string(0, 0, labels.title, title)
    ws.write_string(1, 0, labels.prepared, note)

    header = 3
    for c, text in enumerate(labels.columns):
        ws.write_string(header, c, text, head)
    row = header
    for r in plan.schedule:
        row += 1
        ws.write_number(row, 0, r.period)
        for c, value in enumerate((r.payment, r.principal, r.interest, r.balance), start=1):
            ws.write_number(row, c, _num(value), money)
    row += 1
    # Values, not formulas: the totals are the ledger's sums in Decimal, and a viewer that
    # does not recalculate (a phone's preview) would show a formula as 0.
    ws.write_string(row, 0, labels.total, total_label)
    ws.write_number(row, 1, _num(plan.total_repayment), money_total)
    ws.write_number(row, 2, _num(plan.amount), money_total)
    ws.write_number(row, 3, _num(plan.total_interest), money_total)
    ws.write_blank(row, 4, None, total_label)
    ws.write_string(row + 2, 0, labels.note, note)

    terms = plan.terms
    summary: list[tuple[str, str | Decimal, Any]] = [
        (labels.amount, plan.amount, money),
        (labels.annual_rate, terms.annual_rate / 100, rate),
        (labels.monthly_rate, terms.annual_rate / 1200, rate),
        (labels.term, labels.months, None),
        (labels.method, labels.method_name, None),
        (labels.fee, plan.fee, money),
        (labels.total_interest, plan.total_interest, money),
        (labels.total_repayment, plan.total_repayment, money),
        (labels.total_cost, plan.total_cost, money),
        (labels.apr, plan.apr / 100, rate),
        (labels.apr_compound, plan.apr_compound / 100, rate),
    ]
    for i, (text, figure, fmt) in enumerate(summary, start=header):
        ws.write_string(i, 6, text, label)
        if isinstance(figure, str):
            ws.write_string(i, 7, figure)
        else:
            ws.write_number(i, 7, _num(figure), fmt)
    ws.freeze_panes(header + 1, 0)
