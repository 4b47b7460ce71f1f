"""The xlsx export's second sheet: the exported clients' loans, one row a loan.

Only when the export asks for loans (``ExportOptions.loans``; loans are sensitive, so off by
default). Money and rates are numbers with a two-decimal format, dates are dates, so the
officer can sum and filter in Excel; texts go through ``write_string`` (never a formula).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_status import RUNNING, LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate

if TYPE_CHECKING:
    from crm.domain.loan_standing import LoanStanding
    from crm.services.loan_views import LoanRow

    #: The loans of these clients, each with where it stands today, in the clients' order
    #: (``LoanService.for_clients``).
    LoanLines = Callable[[Sequence[int]], list[tuple[LoanRow, LoanStanding]]]
#: progress(done, total) -> False to cancel, over the exported clients
Tick = Callable[[int], None]

SHEET = QT_TRANSLATE_NOOP("Transfer", "Loans")
#: (header, column width) in the sheet's order.
COLUMNS: tuple[tuple[Msg, int], ...] = (
    (QT_TRANSLATE_NOOP("Transfer", "Client"), 12),
    (QT_TRANSLATE_NOOP("Transfer", "Product"), 10),
    (QT_TRANSLATE_NOOP("Transfer", "Amount"), 14),
    (QT_TRANSLATE_NOOP("Transfer", "Annual rate (%)"), 10),
    (QT_TRANSLATE_NOOP("Transfer", "Term (months)"), 9),
    (QT_TRANSLATE_NOOP("Transfer", "Repayment method"), 12),
    (QT_TRANSLATE_NOOP("Transfer", "Loan status"), 10),
    (QT_TRANSLATE_NOOP("Transfer", "Disbursed"), 12),
    (QT_TRANSLATE_NOOP("Transfer", "Maturity"), 12),
    (QT_TRANSLATE_NOOP("Transfer", "Balance"), 14),
    (QT_TRANSLATE_NOOP("Transfer", "Next repayment"), 12),
    (QT_TRANSLATE_NOOP("Transfer", "Next repayment amount"), 14),
)
CHUNK = 5000  # clients a read
_LENT = RUNNING | {LoanStatus.REPAID}


def cells(row: LoanRow, standing: LoanStanding, labels: Mapping[object, str]) -> tuple[object, ...]:
    """One loan's cells: str, int, float, date or None (empty); the method and status in
    ``labels`` (the interface language). A loan never lent has no balance, a repaid one 0.00."""
    lent = row.status in _LENT
    return (
        row.client_name,
        row.product,
        float(row.amount),
        float(row.annual_rate),
        row.months,
        labels[row.method],
        labels[row.status],
        row.disbursed_on,
        row.maturity_on,
        float(standing.balance) if lent else None,
        standing.next_due,
        float(standing.next_payment) if standing.next_payment is not None else None,
    )


def write_loan_sheet(
    wb: Any,
    ids: Sequence[int],
    lines: LoanLines,
    translate: Translate,
    tick: Tick,
) -> int:
    """Add the Loans sheet to the xlsxwriter workbook ``wb``; returns how many loans.
    ``tick(clients done)`` after each chunk of clients (it raises to cancel)."""
    ws = wb.add_worksheet(SHEET.render(translate)[:31] or "Loans")
    head = wb.add_format({"bold": True, "bg_color": "#DBEAFE", "bottom": 1})
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    money_fmt = wb.add_format({"num_format": "#,##0.00"})
    rate_fmt = wb.add_format({"num_format": "0.00##"})
    number_formats = {2: money_fmt, 3: rate_fmt, 4: None, 9: money_fmt, 11: money_fmt}
    for c, (title, width) in enumerate(COLUMNS):
        ws.set_column(c, c, width)
        ws.write_string(0, c, title.render(translate), head)
    ws.freeze_panes(1, 1)
    labels: dict[object, str] = {m: m.label.render(translate) for m in RepaymentMethod}
    labels.update((s, s.label.render(translate)) for s in LoanStatus)
    # Bound once: over a hundred thousand loans, a dozen cells each.
    write_string, write_number, write_datetime = ws.write_string, ws.write_number, ws.write_datetime
    row = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for loan, standing in lines(chunk):
            row += 1
            for c, v in enumerate(cells(loan, standing, labels)):
                cls = v.__class__
                if cls is str:
                    if v:
                        write_string(row, c, v)
                elif cls is float or cls is int:
                    write_number(row, c, v, number_formats[c])
                elif cls is dt.date:
                    write_datetime(row, c, v, date_fmt)
        tick(start + len(chunk))
    if row:
        ws.autofilter(0, 0, row, len(COLUMNS) - 1)
    return row
