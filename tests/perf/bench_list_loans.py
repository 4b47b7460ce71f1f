"""The client list's loan columns in the client-book benchmark (``bench.py --loans``).

- :func:`top_up_loans`: older repaid loans until the book holds the loans asked for;
- :func:`show_loan_columns`: the header state an officer who showed the loan columns leaves;
- :func:`page_reads`: the list's page read with its loan summaries beside the read without.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]


def top_up_loans(data: Path, target: int) -> tuple[int, int]:
    """Add older repaid loans to (former) borrowers until the book holds ``target`` loans, as a
    book some years old would. Returns (loans, running loans)."""
    import datetime as dt
    import random
    from decimal import Decimal

    from crm import config
    from crm.domain.clock import SystemClock
    from crm.domain.loan_calendar import contract_maturity
    from crm.domain.loan_enums import RepaymentMethod
    from crm.domain.loan_form import LoanDraft
    from crm.domain.loan_status import LoanStatus
    from crm.services.loans import LoanService
    from crm.store.book import Book

    book = Book.open(config.book_path(data))
    try:
        conn = book.reader()
        have = conn.execute("SELECT count(*) FROM loan").fetchone()[0]
        lenders = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM client WHERE status IN ('borrower', 'former_borrower')"
            )
        ]
        rng = random.Random(5)
        today = SystemClock().today()
        rows = []
        for _ in range(max(0, target - have)):
            disbursed = today - dt.timedelta(days=rng.randint(4 * 365, 9 * 365))
            draft = LoanDraft(
                product="经营贷",
                amount=Decimal(rng.randint(5, 100) * 10_000),
                rate=Decimal("4.35"),
                months=12,
                method=RepaymentMethod.EQUAL_INSTALMENT,
                status=LoanStatus.REPAID,
                applied_on=disbursed - dt.timedelta(days=10),
                disbursed_on=disbursed,
            )
            draft.status_on = contract_maturity(disbursed, 12)
            rows.append((rng.choice(lenders), draft))
        service = LoanService(book, SystemClock())
        for start in range(0, len(rows), 20_000):
            service.add_many(rows[start : start + 20_000])
        running = conn.execute(
            "SELECT count(*) FROM loan WHERE status IN ('disbursed', 'extended', 'overdue')"
        ).fetchone()[0]
        return conn.execute("SELECT count(*) FROM loan").fetchone()[0], running
    finally:
        book.close()


def show_loan_columns(data: Path) -> None:
    """Save the client list's header state with the loan columns shown, as the main window
    saves it when an officer who showed them quits."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from crm.ui.app import open_settings
    from crm.ui.clients.columns import client_table
    from crm.ui.clients.model import LOAN_COLUMNS, ClientTableModel

    app = QApplication.instance() or QApplication(sys.argv)
    model = ClientTableModel(lambda ids: {}, app, lambda ids: {})
    _table, header = client_table(model)
    for col in LOAN_COLUMNS:
        header.set_column_shown(col, True)
    settings = open_settings(data)
    settings.setValue("window/columns", header.saveState())
    settings.sync()


def page_reads(data: Path, runs: int) -> None:
    """The list's page read (100 rows, where the view asks for them, on the GUI thread) with
    the loan summaries of the page beside the same read without, page after page."""
    from crm import config
    from crm.domain.clock import SystemClock
    from crm.services.client_query import ClientFilter
    from crm.services.facade import Services
    from crm.store.book import Book
    from crm.ui.clients.model import COL_BALANCE, PAGE, ClientTableModel

    book = Book.open(config.book_path(data))
    services = Services(book, SystemClock())
    ids = services.client_query.ids(ClientFilter())
    plain = ClientTableModel(services.client_query.rows)
    loans = ClientTableModel(services.client_query.rows, None, services.loans.summaries)
    loans.set_loans_shown(True)
    pages = min(len(ids) // PAGE, 200)
    without: list[float] = []
    with_loans: list[float] = []
    summaries_only: list[float] = []
    for _ in range(runs):
        for model in (plain, loans):
            model.set_ids(ids)
        for p in range(pages):
            row = p * PAGE
            t0 = time.perf_counter()
            plain.index(row, 0).data()  # reads the page
            without.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            loans.index(row, COL_BALANCE).data()  # reads the page and its loan summaries
            with_loans.append((time.perf_counter() - t0) * 1000)
            page = ids[row : row + PAGE]
            t0 = time.perf_counter()
            services.loans.summaries(page)
            summaries_only.append((time.perf_counter() - t0) * 1000)
    running = len(services.loans.summaries(ids[: pages * PAGE]))
    print(
        f"\nclient list page read (100 rows), {pages} pages x {runs} "
        f"({running / max(pages, 1):.0f} clients with running loans a page):"
    )
    for label, xs in (
        ("without loan columns", without),
        ("with loan columns (rows + summaries)", with_loans),
        ("summaries(100 ids) alone", summaries_only),
    ):
        print(
            f"  {label:<40} p50 {median(xs):6.2f} ms  p95 {p95(xs):6.2f} ms  max {max(xs):6.2f} ms"
        )
    book.close()
