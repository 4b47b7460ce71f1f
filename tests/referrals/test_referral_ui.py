"""pytest-qt on the referral widgets: tree and top models, the tab, the dialog, the network."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from crm.domain.enums import ClientKind, ClientStatus
from crm.services.clients import ClientService
from crm.services.referral_network import load_forest
from crm.services.referrals import ReferralQuery
from crm.ui.referrals.network import NetworkView
from crm.ui.referrals.style import ARCHIVED_COLOUR
from crm.ui.referrals.top_model import TopReferrersModel
from crm.ui.referrals.tree_model import ClientIdRole, ReferralTreeModel
from tests.helpers import draft

# Offscreen Qt cannot raise windows or grab the keyboard (opening a client, a completer popup).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def _trio(clients: ClientService) -> tuple[int, int, int]:
    chen = clients.add(draft("陈建国", form_of_address="陈会长", kind=ClientKind.PARTNER))
    li = clients.add(draft("李明", form_of_address="李总", referred_by_id=chen))
    wang = clients.add(draft("王芳", form_of_address="王姐", referred_by_id=li))
    return chen, li, wang


def test_tree_model_passes_modeltester_and_greys_archived(
    qtmodeltester, clients: ClientService
) -> None:
    chen, li, wang = _trio(clients)
    clients.add(draft("赵六", referred_by_id=chen))
    clients.archive([li])
    model = ReferralTreeModel()
    model.set_tree(ReferralQuery(clients.book).tree(chen))
    qtmodeltester.check(model)
    root = model.root_index()
    assert model.rowCount(root) == 2
    li_index = next(
        model.index(r, 0, root)
        for r in range(2)
        if model.index(r, 0, root).data(ClientIdRole) == li
    )
    assert li_index.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(ARCHIVED_COLOUR)
    assert model.index(li_index.row(), 2, root).data() == "1"  # brought 王姐
    assert model.index(0, 0, li_index).data(ClientIdRole) == wang
    model.set_tree(None)
    qtmodeltester.check(model)


def test_top_model_passes_modeltester(qtmodeltester, clients: ClientService) -> None:
    _trio(clients)
    model = TopReferrersModel()
    model.set_rows(ReferralQuery(clients.book).top_referrers(10))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.columnCount() == 6  # no "amount lent" until loans exist
    assert model.index(0, 1).data() == "陈建国（陈会长）"


def test_client_tab_shows_chain_tree_and_thanks(qtbot, main_window) -> None:
    service = main_window.clients.clients
    chen, li, wang = _trio(service)
    d = service.get(wang).draft
    d.status = ClientStatus.BORROWER
    service.update(wang, d)
    service.archive([chen])
    ui = main_window.referrals
    pane = main_window.clients.pane
    main_window.open_client(li)
    qtbot.waitUntil(lambda: pane.client_id == li)
    pane.tabs.setCurrentWidget(ui.tab)
    qtbot.waitUntil(lambda: "李总" in ui.tab.chain.text() or "李明" in ui.tab.chain.text())
    assert "陈会长" in ui.tab.chain.text() and "line-through" in ui.tab.chain.text()
    assert "1 directly and 0 indirectly" in ui.tab.summary.text()
    assert ui.tab.model.rowCount(ui.tab.model.root_index()) == 1
    from PySide6.QtWidgets import QPushButton

    thank = [b for b in ui.tab.findChildren(QPushButton) if b.objectName() == "thankButton"]
    assert len(thank) == 1


def test_dialog_refuses_a_cycle_and_keeps_input(qtbot, clients: ClientService, ui_ctx) -> None:
    from crm.ui.clients.dialog import ClientDialog

    chen, _li, wang = _trio(clients)
    dialog = ClientDialog(ui_ctx, clients.get(chen))
    qtbot.addWidget(dialog)
    dialog.notes.setPlainText("会长的备注")
    dialog.referred_by.search_and_pick_first("王芳")
    assert dialog.referred_by.client_id() == wang
    error = dialog.errors["referred_by"]
    qtbot.waitUntil(lambda: not error.isHidden())  # checked off the GUI thread
    assert "王姐 ← 李总 ← 陈会长" in error.text()
    assert not dialog.save_button.isEnabled()
    dialog.save()
    assert dialog.result() == 0
    assert dialog.notes.toPlainText() == "会长的备注"
    assert clients.get(chen).draft.referred_by_id is None


def test_dialog_saves_a_referrer_and_source_follows(qtbot, clients: ClientService, ui_ctx) -> None:
    from crm.ui.clients.dialog import ClientDialog

    chen, _li, _wang = _trio(clients)
    dialog = ClientDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("新客户")
    dialog.referred_by.search_and_pick_first("陈建国")
    assert dialog.source.currentData() == "referral" and not dialog.source.isEnabled()
    dialog.save()
    assert dialog.saved_id is not None
    assert clients.get(dialog.saved_id).draft.referred_by_id == chen


def test_network_view_click_opens_client_and_greys_archived(qtbot, clients: ClientService) -> None:
    chen, li, _wang = _trio(clients)
    clients.archive([li])
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.set_forest(load_forest(clients.book))
    assert set(view.nodes) >= {chen, li}
    archived = view.nodes[li]
    assert archived.pen().style() == Qt.PenStyle.DashLine
    node = view.nodes[chen]
    point = view.mapFromScene(node.scenePos())
    with qtbot.waitSignal(view.client_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [chen]
    before = view.transform().m11()
    view.zoom(2.0)
    assert view.transform().m11() > before


def test_network_collapses_small_trees_at_5000(qtbot, book, clock) -> None:
    from crm.services.demo import fill_demo

    fill_demo(book, 5_000, seed=5, clock=clock)
    forest = load_forest(book)
    view = NetworkView()
    qtbot.addWidget(view)
    view.set_forest(forest, node_budget=400)
    info = view.layout_info
    assert info.expanded[0] == forest.roots[0]  # the largest tree first
    assert info.collapsed  # the rest collapsed into their roots
    drawn = sum(forest.tree_size(r) for r in info.expanded)
    assert drawn <= 400 + forest.tree_size(forest.roots[0])
    assert len(view.nodes) == drawn + len(info.collapsed)


def test_referrals_page_loads_and_opens_client(qtbot, main_window) -> None:
    service = main_window.clients.clients
    chen, _li, _wang = _trio(service)
    page = main_window.show_section("referrals")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert "came by referral" in page.share_summary.text()
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: chen in page.network.nodes)
    page._activated(page.model.index(0, 1))
    qtbot.waitUntil(lambda: main_window.clients.pane.client_id == chen)
