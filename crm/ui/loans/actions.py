"""What the officer does with loans and needs records, wherever the button is: open a form
and save through the service, change a status, delete with one question and an Undo (the
client book's undo stack and toast), show a loan's schedule in the calculator.

Writes are single quick transactions and run on the GUI thread, as the other forms' do. The
forms are filled from rows the views already loaded (through the runner), so opening one reads
nothing on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from crm.domain.loan_status import DEFAULT_PRODUCTS, LoanStatus
from crm.services.facade import Services
from crm.services.loan_views import LoanRow, NeedRow
from crm.store.errors import BookError
from crm.ui.clients.naming import name_later, show_client
from crm.ui.context import UiContext
from crm.ui.loans import look
from crm.ui.toast import Toast, shorten
from crm.ui.undo import UndoableDelete


def loan_label(row: LoanRow) -> str:
    """A loan in a few words: 经营贷 300,000.00."""
    return f"{row.product} {look.money(row.amount)}"


class LoanActions(QObject):
    def __init__(
        self, ctx: UiContext, undo_stack: QUndoStack, toast: Toast, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.toast = toast
        #: The product list as last read by a view (the forms offer it); the defaults before.
        self.products: list[str] = list(DEFAULT_PRODUCTS)

    @property
    def services(self) -> Services:
        return self.ctx.services

    @property
    def today(self) -> dt.date:
        return self.ctx.clock.today()

    # -- loans ---------------------------------------------------------------------------------

    def new_loan(self, client_id: int, client_name: str, parent: QWidget | None) -> int | None:
        from crm.ui.loans.loan_dialog import LoanDialog

        loans = self.services.loans
        dialog = LoanDialog(
            mode="new",
            products=self.products,
            today=self.today,
            save=lambda draft: loans.add(client_id, draft),
            validate=loans.validate,
            context=client_name,
            parent=parent,
        )
        show_client(dialog, client_name, header=False)
        return dialog.result_value if dialog.exec() else None  # type: ignore[return-value]

    def edit_loan(self, row: LoanRow, parent: QWidget | None) -> bool:
        from crm.ui.loans.loan_dialog import LoanDialog

        loans = self.services.loans
        dialog = LoanDialog(
            mode="edit",
            products=self._with(row.product),
            today=self.today,
            save=lambda draft: loans.update(row.id, draft),
            validate=loans.validate,
            start=row.draft(),
            context=row.client_name,
            parent=parent,
        )
        show_client(dialog, row.client_name, header=False)
        return bool(dialog.exec())

    def renew(self, row: LoanRow, parent: QWidget | None) -> int | None:
        """A 续贷: a new application on the old loan's terms, linked to it."""
        from crm.ui.loans.loan_dialog import LoanDialog

        start = replace(
            row.draft(),
            status=LoanStatus.APPLIED,
            applied_on=self.today,
            disbursed_on=None,
            maturity_on=None,
            renewal_of_id=None,
            note="",
            overdue_amount=None,
        )
        loans = self.services.loans
        context = self.tr("{client}: renews {loan}, maturity {maturity}").format(
            client=row.client_name,
            loan=loan_label(row),
            maturity=look.when(row.maturity_on) or "—",
        )
        dialog = LoanDialog(
            mode="renew",
            products=self._with(row.product),
            today=self.today,
            save=lambda draft: loans.renew(row.id, draft),
            validate=loans.validate,
            start=start,
            context=context,
            parent=parent,
        )
        show_client(dialog, row.client_name, header=False)
        return dialog.result_value if dialog.exec() else None  # type: ignore[return-value]

    def change_status(self, row: LoanRow, parent: QWidget | None) -> bool:
        from crm.ui.loans.status_dialog import LoanStatusDialog, StatusStep

        loans = self.services.loans

        def save(step: StatusStep) -> None:
            loans.change_status(
                row.id, step.to, step.on, maturity=step.maturity, amount=step.amount, note=step.note
            )

        dialog = LoanStatusDialog(row, self.today, save, parent)
        show_client(dialog, row.client_name)
        return bool(dialog.exec())

    def delete_loan(self, row: LoanRow, parent: QWidget | None) -> bool:
        loans, label = self.services.loans, loan_label(row)
        return self._delete(
            parent,
            self.tr("Delete this loan of {client}?\n\n{loan}, {status}").format(
                client=row.client_name, loan=label, status=look.status_text(row.status)
            ),
            self.tr("Deleted loan: {loan}").format(loan=label),
            lambda: loans.delete(row.id),
            lambda: loans.restore(row.id),
        )

    def show_schedule(self, row: LoanRow, parent: QWidget | None) -> None:
        """The loan's own schedule in the calculator (its terms, as recorded)."""
        from crm.ui.loans.calculator import open_calculator

        open_calculator(parent.window() if parent is not None else None, self.ctx, row.terms)

    # -- needs ---------------------------------------------------------------------------------

    def record_need(self, client_id: int, parent: QWidget | None) -> int | None:
        from crm.ui.loans.need_dialog import NeedDialog

        needs = self.services.needs
        dialog = NeedDialog(
            self.today,
            lambda draft: needs.add(client_id, draft),
            needs.validate,
            self.products,
            parent=parent,
        )
        name_later(dialog, self.ctx, client_id)
        return dialog.result_value if dialog.exec() else None  # type: ignore[return-value]

    def edit_need(self, need: NeedRow, parent: QWidget | None) -> bool:
        from crm.ui.loans.need_dialog import NeedDialog

        needs = self.services.needs
        dialog = NeedDialog(
            self.today,
            lambda draft: needs.update(need.id, draft),
            needs.validate,
            self.products,
            need,
            parent,
        )
        name_later(dialog, self.ctx, need.client_id)
        return bool(dialog.exec())

    def delete_need(self, need: NeedRow, parent: QWidget | None) -> bool:
        needs = self.services.needs
        return self._delete(
            parent,
            self.tr("Delete this needs record?\n\n{date}: {purpose}").format(
                date=need.recorded_on.isoformat(), purpose=need.purpose
            ),
            self.tr("Deleted need: {purpose}").format(purpose=shorten(need.purpose)),
            lambda: needs.delete(need.id),
            lambda: needs.restore(need.id),
        )

    # -- helpers -------------------------------------------------------------------------------

    def _with(self, product: str) -> list[str]:
        return self.products if product in self.products else [*self.products, product]

    def _delete(
        self,
        parent: QWidget | None,
        question: str,
        done: str,
        delete: Callable[[], None],
        restore: Callable[[], None],
    ) -> bool:
        answer = QMessageBox.question(
            parent,
            self.tr("Delete"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            delete()
        except (BookError, LookupError) as exc:
            message = getattr(exc, "message", None)
            text = look.say(message) if message is not None else str(exc)
            QMessageBox.warning(parent, self.tr("Not changed"), text)
            return False
        self.undo_stack.push(UndoableDelete(done, delete, restore, already_deleted=True))
        self.toast.show_message(done, self.tr("Undo"), self.undo_stack.undo)
        return True
