"""Puts loans into the main window: the Loans sidebar section and the client pane's Loans tab.

The main window builds one ``LoansUi(window)`` after the client book; other areas (a
maturity pop-up, the brief) show a loan with :meth:`LoansUi.open_loan`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

from crm.ui.lazy_page import LazyPage

if TYPE_CHECKING:
    from crm.ui.loans.actions import LoanActions
    from crm.ui.loans.client_tab import ClientLoansTab
    from crm.ui.loans.loans_page import LoansPage
    from crm.ui.main_window import MainWindow


class LoansUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        clients = window.clients
        self._actions: LoanActions | None = None
        # Built (and its modules imported) when first shown: start-up paints the Profile tab.
        self._tab = clients.pane_slot.add_tab(self.tr("Loans"), self._build_tab)
        self._page = LazyPage(self._build_page)  # built when first shown
        # Right under Clients: the loan book is the officer's other daily list.
        below_clients = window.stack.indexOf(clients) + 1
        window.add_section("loans", self.tr("Loans"), self._page, below_clients)

    @property
    def actions(self) -> LoanActions:
        if self._actions is None:
            from crm.ui.loans.actions import LoanActions

            clients = self.window.clients
            self._actions = LoanActions(self.ctx, clients.undo_stack, clients.toast, self)
        return self._actions

    def _build_tab(self) -> ClientLoansTab:
        from crm.ui.loans.client_tab import ClientLoansTab

        return ClientLoansTab(self.actions)

    @property
    def tab(self) -> ClientLoansTab:
        return self._tab.page()

    def _build_page(self) -> LoansPage:
        from crm.ui.loans.loans_page import LoansPage

        return LoansPage(self.ctx, self.open_loan, self.window.open_client)

    @property
    def page(self) -> LoansPage:
        return cast("LoansPage", self._page.page())

    def open_loan(self, loan_id: int, client_id: int | None = None) -> None:
        """Show the loan in its client's Loans tab (the client book brought forward). Without
        ``client_id`` the loan's client is read first, through the runner."""
        if client_id is None:
            loans = self.ctx.services.loans
            self.ctx.runner.run(
                lambda: loans.get(loan_id).client_id,
                lambda cid: self.open_loan(loan_id, cid),
                # Deleted meanwhile: there is nothing to open.
                on_error=lambda exc: isinstance(exc, LookupError),
                owner=self,
            )
            return
        self.tab.select_loan(loan_id)
        self.window.open_client(client_id)
        self.window.clients.pane.show_tab(self._tab)
