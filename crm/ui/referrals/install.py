"""Puts referrals into the main window: the Referrals sidebar page and the client pane tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from crm.ui.referrals.page import ReferralsPage
from crm.ui.referrals.tab import ReferralsTab

if TYPE_CHECKING:
    from crm.ui.main_window import MainWindow


class ReferralsUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.tab = ReferralsTab(window.ctx, window.open_client)
        window.clients.pane.add_tab(self.tab, self.tr("Referrals"))
        self.page = ReferralsPage(window.ctx, window.open_client)
        window.add_section("referrals", self.tr("Referrals"), self.page)


def install_referrals(window: MainWindow) -> ReferralsUi:
    ui = ReferralsUi(window)
    window.referrals_ui = ui  # type: ignore[attr-defined]
    return ui
