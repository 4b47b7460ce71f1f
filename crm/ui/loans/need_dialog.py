"""The needs record: what the client says the money is for, the need behind it, how much,
when, what worries them, and which products were talked about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm.domain.loan_form import NeedDraft
from crm.services.loan_views import NeedRow
from crm.ui.loans.dialog_base import FieldDialog, pydate, qdate, under
from crm.ui.loans.inputs import MoneyEdit, grouped


def _box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(58)
    return box


class NeedDialog(FieldDialog):
    live_check = True

    def __init__(
        self,
        today: dt.date,
        save: Callable[[NeedDraft], object],
        validate: Callable[[NeedDraft], object],
        products: Sequence[str] = (),
        need: NeedRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Record a need") if need is None else self.tr("Edit need")
        super().__init__(title, parent)
        self.setMinimumWidth(520)
        self._save, self._validate = save, validate
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("What they say the money is for, e.g. 进货"))
        self.real_need = _box(self.tr("The need behind it, e.g. 旺季备货资金缺口, 回款周期60天"))
        self.amount = MoneyEdit()
        self.amount.setPlaceholderText(self.tr("optional, e.g. 30万"))
        self.timing = QLineEdit()
        self.timing.setPlaceholderText(self.tr("e.g. 2027-03, 春节前"))
        self.concerns = _box(self.tr("What worries them, e.g. 怕利息高, 不想抵押房子"))
        self.products = QLineEdit()
        self.products.setPlaceholderText(self.tr("e.g. 经营贷, 信用贷"))
        self.products.setCompleter(QCompleter(list(products), self))
        self.recorded_on = QDateEdit(qdate(today))
        self.recorded_on.setCalendarPopup(True)
        self.recorded_on.setDisplayFormat("yyyy-MM-dd")

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(6)
        rows = (
            (self.tr("Stated purpose"), self.purpose, "purpose"),
            (self.tr("Real need"), self.real_need, "real_need"),
            (self.tr("Amount (yuan)"), self.amount, "amount"),
            (self.tr("Timing"), self.timing, "timing"),
            (self.tr("Concerns"), self.concerns, "concerns"),
            (self.tr("Products discussed"), self.products, "products"),
            (self.tr("Recorded on"), self.recorded_on, "recorded_on"),
        )
        for label, widget, key in rows:
            form.addRow(label, under(widget, self.error_line(key)))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

        if need is not None:
            self.purpose.setText(need.purpose)
            self.real_need.setPlainText(need.real_need)
            self.amount.setText(grouped(need.amount) if need.amount is not None else "")
            self.timing.setText(need.timing)
            self.concerns.setPlainText(need.concerns)
            self.products.setText(need.products)
            self.recorded_on.setDate(qdate(need.recorded_on))
        for edit in (self.purpose, self.amount, self.timing, self.products):
            edit.textChanged.connect(lambda _t: self.edited())
        for box in (self.real_need, self.concerns):
            box.textChanged.connect(self.edited)
        self.recorded_on.dateChanged.connect(lambda _d: self.edited())
        self.mark_clean()
        self.purpose.setFocus()

    def draft(self) -> NeedDraft:
        return NeedDraft(
            purpose=self.purpose.text(),
            real_need=self.real_need.toPlainText(),
            amount=self.amount.value(),  # NaN for what is no number: the service says so
            timing=self.timing.text(),
            concerns=self.concerns.toPlainText(),
            products=self.products.text(),
            recorded_on=pydate(self.recorded_on.date()),
        )

    def save(self) -> object:
        return self._save(self.draft())

    def check(self) -> None:
        self._validate(self.draft())

    def snapshot(self) -> object:
        return (
            self.purpose.text(),
            self.real_need.toPlainText(),
            self.amount.text(),
            self.timing.text(),
            self.concerns.toPlainText(),
            self.products.text(),
            self.recorded_on.date().toString("yyyy-MM-dd"),
        )
