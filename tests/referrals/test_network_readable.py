"""The network at 500 clients (issue 10): names never overlap, a legend says what colours and
sizes mean, and it opens on the selected client's tree."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsSimpleTextItem


def test_network_at_500_clients(qtbot, main_window) -> None:
    services = main_window.ctx.services
    services.demo.fill(500, seed=7)
    forest = services.referrals.forest()
    leaf = max(forest.parent)  # someone referred by someone
    main_window.show_section("clients")
    main_window.clients.select_client(leaf)
    qtbot.waitUntil(lambda: main_window.clients.current_id() == leaf, timeout=5000)
    page = main_window.show_section("referrals")
    page.tabs.setCurrentIndex(1)
    view = page.network
    qtbot.waitUntil(lambda: view.forest is not None, timeout=10000)
    assert "●" in page.legend.text()
    # framed on the selected client's tree, the client ringed
    assert view._focus_ring is not None
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(view.nodes[leaf].pos())
    view.zoom(8.0)  # every name that has room shows
    shown = [
        i.sceneBoundingRect().adjusted(1, 1, -1, -1)
        for i in view.scene().items()
        if isinstance(i, QGraphicsSimpleTextItem) and i.isVisible()
    ]
    assert len(shown) > 20
    overlaps = [(a, b) for n, a in enumerate(shown) for b in shown[n + 1 :] if a.intersects(b)]
    assert not overlaps
