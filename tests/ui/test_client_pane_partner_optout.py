"""The client pane and list for referral partners (no loan status) and the per-client
festival-greeting opt-out on the Profile tab, as real widgets in the real main window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from crm.cli import main
from crm.domain.enums import ClientKind, ClientStatus
from crm.services.client_query import PARTNER_FILTER, ClientFilter, ClientQuery
from crm.services.clients import ClientService
from crm.services.greetings import GreetingService
from crm.ui.clients.model import COL_NAME, COL_STATUS, PARTNER_COLOUR
from tests.helpers import draft

# Opening a client may raise the window, which the offscreen platform cannot do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def _names(window) -> list[str]:
    model = window.clients.model
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def _select(qtbot, window, client_id: int) -> None:
    page = window.clients
    qtbot.waitUntil(lambda: page.model.row_of(client_id) >= 0, timeout=3000)
    page.select_client(client_id)
    qtbot.waitUntil(lambda: page.pane.shown_id == client_id, timeout=3000)


def test_partner_shows_partner_label_not_a_loan_status(
    qtbot, clients: ClientService, main_window
) -> None:
    partner = clients.add(draft("陈会长", kind=ClientKind.PARTNER))
    borrower = clients.add(draft("张伟", status=ClientStatus.BORROWER))
    clients.add(draft("李娜"))
    page = main_window.clients
    qtbot.waitUntil(lambda: len(_names(main_window)) == 3, timeout=3000)

    status_of = {
        page.model.index(r, COL_NAME).data(): page.model.index(r, COL_STATUS)
        for r in range(page.model.rowCount())
    }
    assert status_of["陈会长"].data() == "Referral partner"
    assert status_of["张伟"].data() == "Borrower"
    assert status_of["李娜"].data() == "Prospect"
    brush = status_of["陈会长"].data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == PARTNER_COLOUR

    _select(qtbot, main_window, partner)
    pane = page.pane
    assert pane.status.text() == "Referral partner"
    assert "Prospect" not in pane.status.text()
    assert PARTNER_COLOUR in pane.status.styleSheet()
    _select(qtbot, main_window, borrower)
    assert pane.status.text() == "Borrower"

    # The status filter offers partners; a loan status leaves them out.
    combo = page.status_filter
    combo.setCurrentIndex(combo.findData(PARTNER_FILTER))
    qtbot.waitUntil(lambda: _names(main_window) == ["陈会长"], timeout=3000)
    combo.setCurrentIndex(combo.findData(ClientStatus.PROSPECT.value))
    qtbot.waitUntil(lambda: _names(main_window) == ["李娜"], timeout=3000)


def test_partners_filter_and_sort_together(book, clients: ClientService) -> None:
    a = clients.add(draft("甲", kind=ClientKind.PARTNER))
    b = clients.add(draft("乙", status=ClientStatus.PROSPECT))
    c = clients.add(draft("丙", status=ClientStatus.APPLYING))
    d = clients.add(draft("丁", kind=ClientKind.PARTNER))
    q = ClientQuery(book)
    assert set(q.ids(ClientFilter(status=PARTNER_FILTER))) == {a, d}
    assert q.ids(ClientFilter(status="prospect")) == [b]
    assert q.count(ClientFilter(status="prospect")) == 1
    ordered = q.ids(ClientFilter(), sort="status")
    assert ordered[:2] == [c, b]  # applying < prospect; partners after every status
    assert set(ordered[2:]) == {a, d}
    assert set(q.ids(ClientFilter(), sort="status", descending=True)[:2]) == {a, d}


def test_opt_out_from_the_profile_tab(qtbot, clients: ClientService, book, main_window) -> None:
    wang = clients.add(draft("王芳"))
    li = clients.add(draft("李娜"))
    page = main_window.clients
    _select(qtbot, main_window, wang)
    box = page.pane.no_greetings
    assert box.isVisible() and not box.isChecked()
    today = main_window.reminders.page

    with qtbot.waitSignal(today.loaded, timeout=5000):  # the Today view refreshes
        box.click()
    greetings = GreetingService(book, clients.clock)
    assert greetings.festival_optout(wang)
    assert [c.client_id for c in greetings.candidates()] == [li]

    # Another client: its own (unset) choice; back again: still ticked, read from the book.
    _select(qtbot, main_window, li)
    assert not box.isChecked()
    _select(qtbot, main_window, wang)
    assert box.isChecked()

    box.click()
    assert not greetings.festival_optout(wang)

    # Set elsewhere (the greeting composer): the pane follows the change.
    greetings.set_festival_optout(wang, True)
    qtbot.waitUntil(box.isChecked, timeout=3000)


def test_cli_show_reports_the_opt_out(tmp_path, capsys, clock) -> None:
    from crm import config
    from crm.store.book import Book

    def show() -> dict:
        assert main(["--data-dir", str(tmp_path), "show", "王芳", "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    assert main(["--data-dir", str(tmp_path), "add", "--name", "王芳"]) == 0
    client_id = int(capsys.readouterr().out)
    assert show()["festival_optout"] is False
    book = Book.open(config.book_path(tmp_path))
    try:
        GreetingService(book, clock).set_festival_optout(client_id, True)
    finally:
        book.close()
    assert show()["festival_optout"] is True
