"""The client list's loan columns: hidden by default, shown from the header's menu, one
summaries call per page, remembered with the header state, not sortable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView

from crm.domain.loan_status import LoanStatus
from crm.ui.clients.columns import saved_section_count
from crm.ui.clients.model import (
    COL_BALANCE,
    COL_MATURITY,
    COL_NAME,
    COL_NEXT_REPAYMENT,
    COLUMN_COUNT,
    LOAN_COLUMNS,
    PAGE,
    ClientTableModel,
)


def _row_of(qtbot, page, client_id: int) -> int:
    qtbot.waitUntil(lambda: page.model.row_of(client_id) >= 0, timeout=3000)
    return page.model.row_of(client_id)


def _menu_action(page, title: str):
    menu = page.header.menu()
    return next(a for a in menu.actions() if a.text() == title)


def test_loan_columns_hidden_until_shown_from_the_header_menu(
    qtbot, main_window, people, loans
) -> None:
    page = main_window.clients
    header = page.header
    assert all(header.isSectionHidden(c) for c in LOAN_COLUMNS)
    assert not page.model.loans_shown  # no loan figures read while hidden
    titles = [a.text() for a in page.header.menu().actions()]
    # In the order they stand: the loan columns after the phone (in view beside the pane).
    assert titles[:7] == [
        "Name",
        "Status",
        "Phone",
        "Balance",
        "Next repayment",
        "Maturity",
        "Business",
    ]
    assert not _menu_action(page, "Name").isEnabled()  # the list always names its clients

    for title in ("Balance", "Next repayment", "Maturity"):
        action = _menu_action(page, title)
        assert not action.isChecked()
        action.trigger()
    assert not any(header.isSectionHidden(c) for c in LOAN_COLUMNS)
    assert header.sectionSize(COL_NEXT_REPAYMENT) >= 100
    assert page.model.loans_shown

    standing = loans.get(people.loan_id).standing
    row = _row_of(qtbot, page, people.borrower)
    model = page.model
    assert model.index(row, COL_BALANCE).data() == f"{standing.balance:,.2f}"
    assert standing.next_due is not None and standing.next_payment is not None
    assert model.index(row, COL_NEXT_REPAYMENT).data() == (
        f"{standing.next_due.isoformat()} · {standing.next_payment:,.2f}"
    )
    assert model.index(row, COL_MATURITY).data() == "2027-06-01"
    assert model.index(row, COL_BALANCE).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert "Running loans: 1" in model.index(row, COL_BALANCE).data(Qt.ItemDataRole.ToolTipRole)

    other = model.row_of(people.prospect)
    assert [model.index(other, c).data() for c in LOAN_COLUMNS] == [None, None, None]

    # Hidden again from the same menu.
    _menu_action(page, "Balance").trigger()
    assert header.isSectionHidden(COL_BALANCE) and page.model.loans_shown
    for title in ("Next repayment", "Maturity"):
        _menu_action(page, title).trigger()
    assert not page.model.loans_shown


def test_loan_columns_follow_loan_writes(qtbot, main_window, people, loans) -> None:
    page = main_window.clients
    for col in LOAN_COLUMNS:
        page.header.set_column_shown(col, True)
    row = _row_of(qtbot, page, people.borrower)
    assert page.model.index(row, COL_BALANCE).data()
    loans.change_status(people.loan_id, LoanStatus.OVERDUE, amount=None)
    qtbot.waitUntil(
        lambda: (
            page.model.index(page.model.row_of(people.borrower), COL_BALANCE).data(
                Qt.ItemDataRole.ForegroundRole
            )
            is not None
        ),
        timeout=3000,
    )
    brush = page.model.index(page.model.row_of(people.borrower), COL_BALANCE).data(
        Qt.ItemDataRole.ForegroundRole
    )
    assert brush.color().name() == "#b91c1c"  # overdue reads red
    loans.change_status(people.loan_id, LoanStatus.DISBURSED)
    loans.change_status(people.loan_id, LoanStatus.REPAID)
    qtbot.waitUntil(
        lambda: page.model.index(page.model.row_of(people.borrower), COL_BALANCE).data() is None,
        timeout=3000,
    )


def test_one_summaries_call_per_page_and_none_while_hidden() -> None:
    rows_read: list[int] = []
    summaries_read: list[list[int]] = []

    def rows(ids: Sequence[int]) -> dict:
        rows_read.append(len(ids))
        return {}

    def summaries(ids: Sequence[int]) -> dict:
        summaries_read.append(list(ids))
        return {}

    model = ClientTableModel(rows, None, summaries)
    ids = list(range(1, 2 * PAGE + 51))
    model.set_ids(ids)
    for r in range(len(ids)):
        model.index(r, COL_NAME).data()
    assert len(rows_read) == 3 and summaries_read == []  # hidden: no loan reads at all

    model.set_loans_shown(True)  # pages read before: completed once each when asked
    for r in range(len(ids)):
        for col in LOAN_COLUMNS:
            model.index(r, col).data()
    assert [len(s) for s in summaries_read] == [PAGE, PAGE, 50]
    assert summaries_read[0] == ids[:PAGE]

    summaries_read.clear()
    rows_read.clear()
    model.refresh_rows()
    for r in range(len(ids)):
        model.index(r, COL_NAME).data()
        model.index(r, COL_BALANCE).data()
    assert len(rows_read) == 3 and len(summaries_read) == 3  # read with the page, once


def test_loan_columns_are_not_sortable(qtbot, main_window, people) -> None:
    page = main_window.clients
    header = page.header
    for col in LOAN_COLUMNS:
        page.header.set_column_shown(col, True)
    header.setSortIndicator(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert page._sort == "name" and page._descending
    header.setSortIndicator(COL_BALANCE, Qt.SortOrder.AscendingOrder)  # as a click does
    assert header.sortIndicatorSection() == COL_NAME
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert page._sort == "name" and page._descending


def test_shown_columns_are_remembered_with_the_header_state(qtbot, main_window, ui_ctx) -> None:
    from crm.ui.app import build_window

    page = main_window.clients
    page.header.set_column_shown(COL_MATURITY, True)
    main_window.save_layout()
    state = ui_ctx.settings.value("window/columns")
    assert saved_section_count(state) == COLUMN_COUNT

    again = build_window(ui_ctx)
    qtbot.addWidget(again)
    assert not again.clients.header.isSectionHidden(COL_MATURITY)
    assert again.clients.header.isSectionHidden(COL_BALANCE)
    assert again.clients.model.loans_shown


def test_a_state_saved_before_the_loan_columns_keeps_them_hidden(qtbot, main_window) -> None:
    old = QTableView()
    qtbot.addWidget(old)
    old.setModel(QStandardItemModel(1, 8, old))
    old.horizontalHeader().resizeSection(1, 140)
    state = old.horizontalHeader().saveState()
    assert saved_section_count(state) == 8

    header = main_window.clients.header
    assert header.restoreState(state)
    assert header.sectionSize(1) == 140  # what the old state said still holds
    assert all(header.isSectionHidden(c) for c in LOAN_COLUMNS)
    assert [header.visualIndex(c) for c in LOAN_COLUMNS] == [3, 4, 5]
    assert not main_window.clients.model.loans_shown
    assert saved_section_count(QByteArray(b"not a header state")) is None
    assert saved_section_count(state.data()[:30]) is None  # cut short
