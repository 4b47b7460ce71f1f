"""Puts the dashboard into the main window: one sidebar section, built when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm.ui.lazy_page import LazyPage

if TYPE_CHECKING:
    from crm.ui.dashboard.page import DashboardPage
    from crm.ui.main_window import MainWindow


def dashboard_section(window: MainWindow) -> LazyPage[DashboardPage]:
    """The section's page for ``window.add_section``: the dashboard's modules load on first
    show, so start-up imports none of them."""

    def build() -> DashboardPage:
        from crm.ui.dashboard.page import DashboardPage

        return DashboardPage(window.ctx, window.open_client)

    return LazyPage(build)
