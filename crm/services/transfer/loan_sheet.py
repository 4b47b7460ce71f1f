"""The xlsx export's second sheet: the exported clients' loans, one row a loan.

Only when the export asks for loans (``ExportOptions.loans``; loans are sensitive, so off by
default). Money and rates are numbers with a two-decimal format, dates are dates, so the
officer can sum and filter in Excel; texts are string cells (never a formula).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_status import RUNNING, LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate

if TYPE_CHECKING:
    from rustpy_xlsxwriter import FastExcel

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
_MONEY, _DAY = "#,##0.00", "yyyy-mm-dd"
#: Column -> Excel number format: money and rates with two decimals, days as dates.
NUMBER_FORMATS = {2: _MONEY, 3: "0.00##", 7: _DAY, 8: _DAY, 9: _MONEY, 10: _DAY, 11: _MONEY}
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


def add_loan_sheet(
    book: FastExcel,
    ids: Sequence[int],
    lines: LoanLines,
    translate: Translate,
    tick: Tick,
) -> None:
    """Add the Loans sheet to the rustpy-xlsxwriter ``book`` (written on ``book.save()``).
    Its rows are built as the writer pulls them; ``tick(clients done)`` after each chunk of
    clients (it raises to cancel). Every column holds one type (or None): str, float, int or
    date, so the writer's per-column type cache always holds."""
    from crm.services.transfer.export import header_format, header_keys, number_formats

    name = SHEET.render(translate)[:31] or "Loans"
    keys = header_keys([title.render(translate) for title, _width in COLUMNS])
    labels: dict[object, str] = {m: m.label.render(translate) for m in RepaymentMethod}
    labels.update((s, s.label.render(translate)) for s in LoanStatus)

    def records() -> Iterator[dict[str, object]]:
        written = 0
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            for loan, standing in lines(chunk):
                written += 1
                yield dict(zip(keys, cells(loan, standing, labels), strict=True))
            tick(start + len(chunk))
        if not written:
            yield dict.fromkeys(keys)  # the header comes from the first record's keys

    book.freeze(row=1, col=1, sheet=name)
    book.sheet(
        name,
        records(),
        column_widths=[float(width) for _title, width in COLUMNS],
        column_formats=number_formats(keys, [NUMBER_FORMATS.get(c) for c in range(len(COLUMNS))]),
        header_format=header_format(),
        autofilter=True,
    )
