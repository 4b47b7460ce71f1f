"""What the 贷后 tab's buttons do: each write is one small record, made on the spot through
the area's service and refused with a one-line reason in a message box."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTableView

from crm.domain.errors import ValidationErrors
from crm.domain.loan_form import render as render_nested
from crm.domain.post_loan import DocState
from crm.ui.i18n import render
from crm.ui.post_loan.tab_widgets import render_msg

if TYPE_CHECKING:
    from crm.ui.post_loan.client_tab import ClientAfterLoanTab


class AfterLoanActions(QObject):
    def __init__(self, tab: ClientAfterLoanTab) -> None:
        super().__init__(tab)
        self.tab = tab

    def _try(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except (ValidationErrors, LookupError) as exc:
            if isinstance(exc, ValidationErrors):
                text = "\n".join(
                    render_nested(e.message, lambda c, t: render_msg(c, t)) for e in exc.errors
                )
            else:
                found = getattr(exc, "message", None)
                text = render(found) if found is not None else str(exc)
            QMessageBox.warning(self.tab, self.tr("Not saved"), text)
            return False
        return True

    def add_signal(self) -> None:
        from crm.ui.post_loan.dialogs import SignalDialog

        if self.tab.client_id is None:
            return
        dialog = SignalDialog(self.tab)
        if dialog.exec():
            kind, note = dialog.value()
            cid = self.tab.client_id
            self._try(lambda: self.tab.ctx.services.risks.add(cid, kind, note=note))

    def _selected(self, table: QTableView) -> int:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def close_signal(self) -> None:
        row = self._selected(self.tab.signals)
        if self.tab.data is None or row < 0 or not self.tab.data.signals[row].open:
            return
        signal = self.tab.data.signals[row]
        note, ok = QInputDialog.getText(
            self.tab, self.tr("Close the signal"), self.tr("Why is it closed?")
        )
        if ok:
            self._try(lambda: self.tab.ctx.services.risks.close(signal.id, note))

    def no_answer(self) -> None:
        if self.tab.client_id is not None:
            cid = self.tab.client_id
            self._try(
                lambda: self.tab.ctx.services.risks.log_no_answer(
                    cid, translate=QCoreApplication.translate
                )
            )

    def mark(self, state: DocState, expires: dt.date | None = None) -> None:
        row = self._selected(self.tab.docs)
        if self.tab.data is None or self.tab.data.checklist is None or row < 0:
            return
        sheet = self.tab.data.checklist
        item = sheet.items[row].item
        self._try(
            lambda: self.tab.ctx.services.checklists.mark(
                sheet.loan_id, item, state, expires_on=expires
            )
        )

    def mark_expiry(self) -> None:
        text, ok = QInputDialog.getText(
            self.tab, self.tr("Valid until"), self.tr("Expiry date (YYYY-MM-DD)")
        )
        if not ok:
            return
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError:
            QMessageBox.warning(self.tab, self.tr("Not saved"), self.tr("That is not a date."))
            return
        self.mark(DocState.RECEIVED, day)

    def copy_missing(self) -> None:
        if self.tab.data is not None and self.tab.data.checklist is not None:
            text = self.tab.data.checklist.message(render_msg)
            QGuiApplication.clipboard().setText(text)

    def log_sent(self) -> None:
        if self.tab.data is not None and self.tab.data.checklist is not None:
            loan_id = self.tab.data.checklist.loan_id
            self._try(
                lambda: self.tab.ctx.services.checklists.log_sent(
                    loan_id, translate=QCoreApplication.translate
                )
            )

    def record_check(self) -> None:
        from crm.ui.post_loan.dialogs import CheckDialog

        if self.tab.data is None:
            return
        loans = sorted({d.loan_id for d in self.tab.data.due})
        if not loans:
            QMessageBox.information(
                self.tab, self.tr("Post-loan checks"), self.tr("No disbursed loan to check.")
            )
            return
        dialog = CheckDialog([(i, f"#{i}") for i in loans], self.tab.ctx.clock.today(), self.tab)
        if dialog.exec():
            v = dialog.value()
            self._try(
                lambda: self.tab.ctx.services.post_loan.check_in(
                    v.loan_id,
                    v.kind,
                    on=v.on,
                    funds_ok=v.funds_ok,
                    findings=v.findings,
                    evidence=v.evidence,
                )
            )

    def relate(self) -> None:
        from crm.ui.post_loan.dialogs import RelateDialog

        if self.tab.client_id is None:
            return
        dialog = RelateDialog([], self.tab)
        if dialog.exec():
            role, other, name, note = dialog.value()
            cid = self.tab.client_id
            related = self.tab.ctx.services.related
            clients = self.tab.ctx.services.clients

            def write() -> None:
                other_id = other
                other_name = name
                if other_id is None and name:
                    with contextlib.suppress(LookupError):  # not a client: a name
                        other_id, other_name = clients.resolve(name), ""
                related.relate(
                    cid, role, other_client_id=other_id, other_name=other_name, note=note
                )

            self._try(write)

    def add_turnover(self) -> None:
        from crm.ui.post_loan.dialogs import TurnoverDialog

        if self.tab.client_id is None:
            return
        last = self.tab.ctx.clock.today().replace(day=1) - dt.timedelta(days=1)
        dialog = TurnoverDialog(f"{last.year:04d}-{last.month:02d}", self.tab)
        if dialog.exec():
            month, amount = dialog.value()
            cid = self.tab.client_id
            services = self.tab.ctx.services

            def write() -> None:
                services.related.record_turnover(cid, [(month, Decimal(amount))])

            if self._try(write):
                self.tab.ctx.runner.run(
                    lambda: services.risks.detect([cid]), lambda _ids: None, owner=self
                )
