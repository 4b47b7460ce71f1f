"""The Loans section on the real main window: where it sits, what it lists, its filters and
summary, and how it opens a loan or its client."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from crm.domain.loan_status import LoanStatus
from tests.helpers import draft
from tests.loans.conftest import loan

D = dt.date  # today is 2026-11-29 (tests/conftest.py)
# Offscreen Qt cannot raise a window (opening a client brings the window forward).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def ui(qtbot, main_window):
    from crm.ui.loans.area import LoansUi

    ui = LoansUi(main_window)
    # The Today page's first answer may bring Today forward: let it come before the test.
    qtbot.waitUntil(lambda: not main_window.ctx.runner.busy)
    qtbot.wait(20)
    return ui


@pytest.fixture
def book_loans(ui) -> dict[str, int]:
    """Two clients' loans maturing in 4, 11 and 52 days, an application and an overdue one."""
    services = ui.ctx.services
    wang = services.clients.add(draft("王建国"))
    li = services.clients.add(draft("李娜"))
    add = services.loans.add
    ids = {
        "soon": add(wang, loan(LoanStatus.DISBURSED, disbursed_on=D(2025, 12, 3))),
        "month": add(li, loan(LoanStatus.DISBURSED, disbursed_on=D(2025, 12, 10))),
        "later": add(wang, loan(LoanStatus.DISBURSED, disbursed_on=D(2026, 1, 20))),
        "applied": add(li, loan(LoanStatus.APPLIED, product="消费贷")),
        "overdue": add(wang, loan(LoanStatus.DISBURSED, disbursed_on=D(2026, 6, 1), months=24)),
    }
    services.loans.change_status(ids["overdue"], LoanStatus.OVERDUE, D(2026, 11, 20))
    return ids | {"wang": wang, "li": li}


def _page(qtbot, ui):
    page = ui.window.show_section("loans")
    assert page is ui.page
    # The page is built on first show and shown by the next event loop turn.
    qtbot.waitUntil(lambda: page.isVisible() and page.loaded and not page.loader.busy)
    return page


def _ids(page) -> list[int]:
    return [line.id for line in page.model.lines()]


def _filter(qtbot, page, **kwargs) -> list[int]:
    page.set_filter(**kwargs)
    qtbot.waitUntil(lambda: not page.loader.busy)
    return _ids(page)


def test_section_sits_under_clients_and_pane_has_the_tab(ui) -> None:
    window = ui.window
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles.index("Loans") == titles.index("Clients") + 1
    pane = window.clients.pane
    assert pane.tabs.tabText(pane.tab_index(ui.tab)) == "Loans"
    assert not ui._page.built  # built when first shown


def test_filters_and_summary(qtbot, ui, book_loans) -> None:
    page = _page(qtbot, ui)
    ids = book_loans
    # The first view: what matures within 30 days, soonest first.
    qtbot.waitUntil(lambda: _ids(page) == [ids["soon"], ids["month"]])
    assert page.maturing_filter.currentData() == 30
    assert _filter(qtbot, page, maturing_within_days=7) == [ids["soon"]]
    assert _filter(qtbot, page, maturing_within_days=90) == [
        ids["soon"],
        ids["month"],
        ids["later"],
    ]
    everything = _filter(qtbot, page)
    assert sorted(everything) == sorted(v for k, v in ids.items() if k not in ("wang", "li"))
    summary = page.summary.text()
    assert "Loans: 5" in summary and "Overdue: 1" in summary
    assert "Maturing within 30 days: 2" in summary
    assert _filter(qtbot, page, status=LoanStatus.OVERDUE) == [ids["overdue"]]
    assert _filter(qtbot, page, product="消费贷") == [ids["applied"]]
    assert page.product_filter.findData("消费贷") > 0
    assert _filter(qtbot, page, status=LoanStatus.REPAID) == []
    assert page.empty.isVisible() and "No loan matches" in page.empty.text()
    # Remembered for next time.
    assert ui.ctx.settings.value("loans/section/status") == "repaid"


def test_section_follows_the_book(qtbot, ui, book_loans) -> None:
    page = _page(qtbot, ui)
    _filter(qtbot, page)
    before = page.model.rowCount()
    services = ui.ctx.services
    services.loans.add(book_loans["li"], loan(LoanStatus.APPROVED))
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1)
    services.clients.archive([book_loans["li"]])  # archived clients' loans are not listed
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1 - 3)


def test_enter_opens_the_loan_in_its_clients_tab(qtbot, ui, book_loans) -> None:
    page = _page(qtbot, ui)
    ids = book_loans
    qtbot.waitUntil(lambda: ids["month"] in _ids(page))
    assert page.select_loan(ids["month"])
    assert page.open_loan_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    window, tab = ui.window, ui.tab
    assert window.stack.currentWidget() is window.clients
    qtbot.waitUntil(lambda: window.clients.pane.client_id == ids["li"])
    assert window.clients.pane.tabs.currentIndex() == window.clients.pane.tab_index(tab)
    qtbot.waitUntil(lambda: tab.current() is not None and tab.current().id == ids["month"])


def test_double_click_and_open_client(qtbot, ui, book_loans) -> None:
    page = _page(qtbot, ui)
    ids = book_loans
    _filter(qtbot, page)
    assert page.select_loan(ids["later"])
    page.open_current_client()
    qtbot.waitUntil(lambda: ui.window.clients.pane.client_id == ids["wang"])
    ui.window.show_section("loans")
    assert page.select_loan(ids["applied"])
    index = page.table.currentIndex()
    rect = page.table.visualRect(index)
    # A double-click on an item view needs the press before it.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: ui.window.clients.pane.client_id == ids["li"])
    qtbot.waitUntil(lambda: ui.tab.current() is not None and ui.tab.current().id == ids["applied"])


def test_open_loan_by_id_reads_its_client(qtbot, ui, book_loans) -> None:
    ui.open_loan(book_loans["overdue"])
    qtbot.waitUntil(lambda: ui.window.clients.pane.client_id == book_loans["wang"])
    qtbot.waitUntil(lambda: ui.tab.current() is not None)
    assert ui.tab.current().id == book_loans["overdue"]
    ui.open_loan(999_999)  # deleted meanwhile: nothing happens, no error dialog
    qtbot.wait(50)


def test_sorting_by_a_column_and_back(qtbot, ui, book_loans) -> None:
    from crm.ui.loans.loans_model import Col

    page = _page(qtbot, ui)
    _filter(qtbot, page)
    by_maturity = _ids(page)

    def shown() -> list[int]:
        proxy = page.proxy
        return [
            page.model.line_at(proxy.mapToSource(proxy.index(r, 0)).row()).id
            for r in range(proxy.rowCount())
        ]

    page.table.sortByColumn(Col.STATUS, Qt.SortOrder.AscendingOrder)
    statuses = [page.model.line_at(page.model.row_of(i)).row.status for i in shown()]
    assert statuses[0] is LoanStatus.APPLIED and statuses[-1] is LoanStatus.OVERDUE
    page.table.sortByColumn(Col.DAYS, Qt.SortOrder.AscendingOrder)
    assert shown()[:2] == [book_loans["soon"], book_loans["month"]]
    assert shown()[-1] == book_loans["applied"]  # no maturity: last
    page.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    assert shown() == by_maturity
