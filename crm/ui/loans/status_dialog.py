"""Move a loan one step along its life, dated: approved, disbursed, extended (to a new
maturity), overdue (since, how much), repaid, declined.

Only the steps the loan's status allows are offered; the service still has the last word (the
loan may have moved meanwhile, the date may be before its last step) and its reason shows
under the field it is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm.domain.loan_status import NEXT, LoanStatus
from crm.services.loan_views import LoanRow
from crm.ui.loans import look
from crm.ui.loans.dialog_base import DateField, FieldDialog, pydate, qdate, under
from crm.ui.loans.inputs import MoneyEdit


@dataclass(frozen=True)
class StatusStep:
    """What the form asks the service for (``LoanService.change_status``)."""

    to: LoanStatus
    on: dt.date
    maturity: dt.date | None
    amount: Decimal | None
    note: str


class LoanStatusDialog(FieldDialog):
    def __init__(
        self,
        row: LoanRow,
        today: dt.date,
        save: Callable[[StatusStep], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change status"), parent)
        self.setMinimumWidth(460)
        self.row = row
        self._save = save
        heading = QLabel(
            self.tr("{product} {amount}: now {status}").format(
                product=row.product,
                amount=look.yuan(row.amount),
                status=look.status_text(row.status),
            )
        )
        heading.setObjectName("statusHeading")
        heading.setStyleSheet("font-weight: 600;")
        self.to = QComboBox()
        for status in look.ORDER:
            if status in NEXT[row.status]:
                self.to.addItem(look.status_text(status), status.value)
        self.explain = QLabel()
        self.explain.setStyleSheet(look.HINT_STYLE)
        self.explain.setWordWrap(True)
        self.on = QDateEdit(qdate(today))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.maturity = DateField(self.tr("New maturity"), row.maturity_on or today)
        self.amount = MoneyEdit()
        self.amount.setPlaceholderText(self.tr("optional"))
        self.amount_label = QLabel(self.tr("Amount overdue"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. 客户资金周转困难, 已约下周面谈"))

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(6)
        form.addRow(self.tr("New status"), under(self.to, self.explain, self.error_line("status")))
        form.addRow(self.tr("On"), under(self.on, self.error_line("on")))
        form.addRow(self.maturity.check, under(self.maturity.edit, self.error_line("maturity")))
        form.addRow(self.amount_label, under(self.amount, self.error_line("amount")))
        form.addRow(self.tr("Note"), under(self.note, self.error_line("note")))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

        self.to.currentIndexChanged.connect(lambda _i: self._chosen())
        self.to.currentIndexChanged.connect(lambda _i: self.edited())
        self.on.dateChanged.connect(lambda _d: self.edited())
        self.maturity.watch(self.edited)
        self.amount.textChanged.connect(lambda _t: self.edited())
        if self.to.count() == 0:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.show_errors(
                [],
                self.tr("A loan that is {status} has no further step.").format(
                    status=look.status_text(row.status)
                ),
            )
        self._chosen()
        self.mark_clean()
        self.to.setFocus()

    def chosen(self) -> LoanStatus | None:
        data = self.to.currentData()
        return LoanStatus(data) if data else None

    def choose(self, status: LoanStatus) -> None:
        self.to.setCurrentIndex(self.to.findData(status.value))

    def _chosen(self) -> None:
        to, current = self.chosen(), self.row.status
        new_maturity = to is LoanStatus.EXTENDED
        first_disbursement = to is LoanStatus.DISBURSED and current is LoanStatus.APPROVED
        self.maturity.check.setText(
            self.tr("New maturity") if new_maturity else self.tr("Maturity")
        )
        self.maturity.check.setEnabled(new_maturity or first_disbursement)
        if not (new_maturity or first_disbursement):
            self.maturity.check.setChecked(False)
        overdue = to is LoanStatus.OVERDUE
        self.amount.setEnabled(overdue)
        self.amount_label.setEnabled(overdue)
        self.explain.setText(self._explanation(to, current))

    def _explanation(self, to: LoanStatus | None, current: LoanStatus) -> str:
        if to is LoanStatus.APPROVED:
            return self.tr("The bank approved the application.")
        if to is LoanStatus.DISBURSED and current is LoanStatus.APPROVED:
            return self.tr(
                "Paid out on this date. Unless you tick a maturity, it is this date + the term."
            )
        if to is LoanStatus.DISBURSED:
            return self.tr("The client caught up: the overdue is cleared.")
        if to is LoanStatus.EXTENDED:
            return self.tr("Tick the new maturity date the bank agreed.")
        if to is LoanStatus.OVERDUE:
            return self.tr("A repayment was missed: overdue since this date.")
        if to is LoanStatus.REPAID:
            return self.tr("Paid back in full: the loan is closed.")
        if to is LoanStatus.DECLINED:
            return self.tr("The application was declined: it is closed.")
        return ""

    def step(self) -> StatusStep | None:
        to = self.chosen()
        if to is None:
            return None
        amount = self.amount.value() if to is LoanStatus.OVERDUE else None
        return StatusStep(
            to=to,
            on=pydate(self.on.date()),
            maturity=self.maturity.value(),
            amount=amount,
            note=self.note.text(),
        )

    def save(self) -> object:
        step = self.step()
        return self._save(step) if step is not None else None

    def snapshot(self) -> object:
        return (
            self.to.currentIndex(),
            self.on.date().toString("yyyy-MM-dd"),
            self.maturity.state(),
            self.amount.text(),
            self.note.text(),
        )
