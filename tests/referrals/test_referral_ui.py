"""pytest-qt on the referral widgets: tree and top models, the tab, the dialog, the network."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from crm.domain.enums import ClientKind, ClientStatus
from crm.services.clients import ClientService
from crm.services.referrals import ReferralService
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
    model.set_tree(ReferralService(clients.book).tree(chen))
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
    model.set_rows(ReferralService(clients.book).top_referrers(10))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.columnCount() == 7  # with "amount lent"
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
    pane.show_tab(ui.tab)
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
    dialog.referred_by.search_and_pick_first("王芳")  # the search answers from the runner
    qtbot.waitUntil(lambda: dialog.referred_by.client_id() is not None)
    assert dialog.referred_by.client_id() == wang
    # checked off the GUI thread
    qtbot.waitUntil(lambda: bool(dialog.field_error("referred_by")))
    assert "王姐 ← 李总 ← 陈会长" in dialog.field_error("referred_by")
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
    qtbot.waitUntil(lambda: dialog.referred_by.client_id() is not None)
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
    view.set_forest(ReferralService(clients.book).forest())
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
    forest = ReferralService(book).forest()
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


def test_tab_reloads_for_people_shown_and_new_links_below_them(qtbot, main_window) -> None:
    service = main_window.clients.clients
    _chen, li, wang = _trio(service)
    other = service.add(draft("赵六"))
    ui = main_window.referrals
    pane = main_window.clients.pane
    main_window.open_client(li)
    qtbot.waitUntil(lambda: pane.client_id == li)
    pane.show_tab(ui.tab)
    qtbot.waitUntil(lambda: "1 directly and 0 indirectly" in ui.tab.summary.text())
    reloads: list[int] = []
    original = ui.tab.reload
    ui.tab.reload = lambda: (reloads.append(1), original())

    def settle() -> None:
        main_window.ctx.runner.wait_for_all()
        qtbot.wait(50)  # deliver the answers

    d = service.get(other).draft
    d.notes = "不相干"
    service.update(other, d)  # nobody shown, and not linked under anyone shown
    settle()
    assert reloads == []
    d.referred_by_id = wang  # now below 王芳, who is in 李明's tree
    service.update(other, d)
    qtbot.waitUntil(lambda: "1 directly and 1 indirectly" in ui.tab.summary.text())
    assert reloads
    reloads.clear()
    w = service.get(wang).draft
    w.form_of_address = "王小姐"  # someone shown
    service.update(wang, w)
    settle()
    assert reloads


def test_referrals_page_follows_the_book_when_shown_again(qtbot, main_window) -> None:
    service = main_window.clients.clients
    _trio(service)
    page = main_window.show_section("referrals")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    main_window.show_section("clients")
    first = service.add(draft("甲"))
    service.add(draft("乙", referred_by_id=first))
    assert page.model.rowCount() == 2  # hidden: nothing read until shown
    main_window.show_section("referrals")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_picker_labels_a_client_set_by_id(qtbot, ui_ctx, clients: ClientService) -> None:
    from crm.ui.referrals.picker import ReferrerPicker

    chen, _li, _wang = _trio(clients)
    picker = ReferrerPicker(ui_ctx.services, ui_ctx.runner)
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.changed, timeout=1000) as blocker:
        picker.set_client(chen)
    assert blocker.args == [chen]
    qtbot.waitUntil(lambda: "陈建国" in picker.edit.text())
    assert picker.edit.text().endswith(f"#{chen}")


def test_network_nodes_carry_the_risk_badge(qtbot, main_window) -> None:
    service = main_window.clients.clients
    chen, li, _wang = _trio(service)
    page = main_window.show_section("referrals")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: chen in page.network.nodes)
    assert not page.network.nodes[li].label.text().startswith("▲")
    main_window.ctx.services.risks.add(li, "经营下滑")  # severity 2: ▲▲
    qtbot.waitUntil(lambda: page.network.badges.get(li, 0) > 0)
    qtbot.waitUntil(lambda: li in page.network.nodes)
    node = page.network.nodes[li]
    assert node.label is not None and node.label.text().startswith("▲▲ ")
    assert "Risk signals open: 1" in node.toolTip()
    assert not page.network.nodes[chen].label.text().startswith("▲")
