"""Puts the after-the-loan area into the main window: the client pane's 贷后 tab, the Risks
sidebar section (below Loans), the risk badge of the client list, and risk detection.

Detection runs on the task runner, never on the GUI thread: the whole book once soon after
start-up (after the first paint) and every few hours, and incrementally, for the clients a
committed write was about, whenever a client, loan, contact or turnover change is heard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer

from crm.domain.changes import Change, Initiator, Topic
from crm.ui.clients.model import COL_NAME
from crm.ui.lazy_page import LazyPage

if TYPE_CHECKING:
    from crm.ui.main_window import MainWindow
    from crm.ui.post_loan.badge import RiskBadgeDelegate
    from crm.ui.post_loan.client_tab import ClientAfterLoanTab
    from crm.ui.post_loan.risks_page import RisksPage

#: What can make a rule fire for the clients a write was about.
_DETECT_ON = frozenset({Topic.CLIENT, Topic.LOAN, Topic.INTERACTION, Topic.TURNOVER})
#: The whole book: this long after start-up (the first paint and warm-up go first), then again.
FIRST_SWEEP_MS = 4_000
SWEEP_EVERY_MS = 4 * 3600 * 1000


class PostLoanUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        clients = window.clients
        self._tab = clients.pane_slot.add_tab(self.tr("After the loan"), self._build_tab)
        self._page = LazyPage(self._build_page)
        window.add_section("risks", self.tr("Risks"), self._page, _row_after(window, "loans"))
        # The badge (its module and its read) after the first paint, as the app's other
        # start-up work: the list paints first, without it.
        self.badges: RiskBadgeDelegate | None = None
        window.first_paint.later(self.install_badges)
        self.ctx.notifier.changed.connect(self._on_change)
        self._sweep = QTimer(self)
        self._sweep.timeout.connect(self.detect_all)
        self._sweep.start(SWEEP_EVERY_MS)
        QTimer.singleShot(FIRST_SWEEP_MS, self, self.detect_all)

    def install_badges(self) -> None:
        from crm.ui.post_loan.badge import RiskBadgeDelegate

        if self.badges is None:
            table = self.window.clients.table
            self.badges = RiskBadgeDelegate(self.ctx, table, self)
            table.setItemDelegateForColumn(COL_NAME, self.badges)

    def _build_tab(self) -> ClientAfterLoanTab:
        from crm.ui.post_loan.client_tab import ClientAfterLoanTab

        return ClientAfterLoanTab(self.ctx)

    @property
    def tab(self) -> ClientAfterLoanTab:
        return self._tab.page()

    def _build_page(self) -> RisksPage:
        from crm.ui.post_loan.risks_page import RisksPage

        return RisksPage(self.ctx, self.open_client)

    @property
    def page(self) -> RisksPage:
        return cast("RisksPage", self._page.page())

    def open_client(self, client_id: int) -> None:
        """The client book forward with this client and their 贷后 tab shown."""
        self.window.open_client(client_id)
        self.window.clients.pane.show_tab(self._tab)

    # -- detection -------------------------------------------------------------------------

    def detect_all(self) -> None:
        services = self.ctx.services  # its risks built on the worker (see badge.refresh)
        self.ctx.runner.run(lambda: services.risks.detect(), lambda _ids: None, owner=self)

    def _on_change(self, change: Change) -> None:
        if change.initiator in (Initiator.SYSTEM, Initiator.DEMO, Initiator.RESTORE):
            return  # its own signals; a refilled book is swept whole
        if not change.client_ids or not change.touches(_DETECT_ON) or Topic.BOOK in change.topics:
            return
        ids = sorted(change.client_ids)
        services = self.ctx.services
        self.ctx.runner.run(lambda: services.risks.detect(ids), lambda _ids: None, owner=self)


def _row_after(window: MainWindow, key: str) -> int:
    """The sidebar row right under the section ``key`` (the end when there is none)."""
    from PySide6.QtCore import Qt

    for row in range(window.sidebar.count()):
        item = window.sidebar.item(row)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            return row + 1
    return -1
