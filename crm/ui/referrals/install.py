"""Puts referrals into the main window: the Referrals sidebar page and the client pane tab."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

from crm.ui.lazy_page import LazyPage

if TYPE_CHECKING:
    from crm.ui.main_window import MainWindow
    from crm.ui.referrals.page import ReferralsPage
    from crm.ui.referrals.tab import ReferralsTab


class ReferralsUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.open_client = window.ctx, window.open_client
        self._current_client = window.clients.current_id
        self._tab = window.clients.pane_slot.add_tab(self.tr("Referrals"), self._build_tab)
        self._page = LazyPage(self._build_page)  # built when first shown
        window.add_section("referrals", self.tr("Referrals"), self._page)

    def _build_tab(self) -> ReferralsTab:
        from crm.ui.referrals.tab import ReferralsTab

        return ReferralsTab(self.ctx, self.open_client)

    @property
    def tab(self) -> ReferralsTab:
        return self._tab.page()

    def _build_page(self) -> ReferralsPage:
        from crm.ui.referrals.page import ReferralsPage

        return ReferralsPage(self.ctx, self.open_client, selected=self._current_client)

    @property
    def page(self) -> ReferralsPage:
        return cast("ReferralsPage", self._page.page())
