"""The loan form: a new loan, an edit, or a renewal (续贷) of a loan.

The terms (amount, rate a year or 月息, term, method, fee) are the calculator's own inputs;
under them a one-line preview of the instalment and the annual rate the law asks for follows
every keystroke. The status is chosen for a new loan (a loan recorded late may already be
disbursed or repaid); an edit keeps it, since a status moves only by a dated status change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Literal, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.loan_form import LoanDraft
from crm.domain.loan_math import calculate
from crm.domain.loan_status import RUNNING, LoanStatus
from crm.ui.loans import look
from crm.ui.loans import texts as T
from crm.ui.loans.dialog_base import DateField, DayField, FieldDialog, keep_room, under
from crm.ui.loans.form import FIELDS, LoanForm
from crm.ui.loans.inputs import NOT_A_NUMBER, MoneyEdit, grouped, parse_number

Mode = Literal["new", "edit", "renew"]
_TEXTS = ("purpose", "guarantor", "collateral")


def _number(value: Decimal | None) -> Decimal:
    return NOT_A_NUMBER if value is None else value


class LoanDialog(FieldDialog):
    live_check = True

    def __init__(
        self,
        *,
        mode: Mode,
        products: Sequence[str],
        today: dt.date,
        save: Callable[[LoanDraft], object],
        validate: Callable[[LoanDraft], object],
        start: LoanDraft | None = None,
        context: str = "",
        parent: QWidget | None = None,
    ) -> None:
        titles = {
            "new": self.tr("New loan"),
            "edit": self.tr("Edit loan"),
            "renew": self.tr("Renew loan (续贷)"),
        }
        super().__init__(titles[mode], parent)
        self.setMinimumWidth(900)
        self.mode = mode
        self._today = today
        self._save, self._validate = save, validate
        self._renewal_of = start.renewal_of_id if start is not None and mode == "edit" else None

        self.context = QLabel(context, self)  # parented first: shown parentless, a window
        self.context.setObjectName("loanContext")
        self.context.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.context.setVisible(bool(context))
        self.product = QComboBox()
        self.product.setEditable(True)
        self.product.addItems(list(products))
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.terms = LoanForm()
        for key in FIELDS:
            self.errors[key] = self.terms.errors[key]
            keep_room(self.terms.errors[key])
        self.errors["rate_quoted_as"] = self.terms.errors["rate"]
        keep_room(self.terms.rate_hint)
        form = cast(QFormLayout, self.terms.layout())
        form.insertRow(0, self.tr("Product"), under(self.product, self.error_line("product")))

        self.status = QComboBox()
        for status in look.ORDER:
            if mode != "edit" or (start is not None and status is start.status):
                self.status.addItem(look.status_text(status), status.value)
        self.status.setEnabled(mode != "edit")
        self.applied = DateField(self.tr("Applied on"), today, checked=mode != "edit")
        self.disbursed = DateField(self.tr("Disbursed on"), today)
        self.maturity = DateField(self.tr("Maturity"), today)
        self.maturity.check.setToolTip(self.tr("Left unticked: the disbursement date + the term"))
        self.repayment_day = DayField(self.tr("Repayment day"))
        self.repayment_day.check.setToolTip(
            self.tr("Left unticked: the day of the month of the disbursement")
        )
        self.overdue = MoneyEdit()
        self.overdue.setPlaceholderText(self.tr("optional"))
        self.auto_debit = QCheckBox(self.tr("Repaid by auto-debit"))
        self.auto_debit.setChecked(True)
        dates = QFormLayout()
        dates.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        dates.setVerticalSpacing(6)
        status_column: list[QWidget] = [self.status]
        if mode == "edit":
            hint = QLabel(self.tr("Change it with “Change status…”, so it is dated."))
            hint.setStyleSheet(look.HINT_STYLE)
            status_column.append(hint)
        dates.addRow(
            self.tr("Status"),
            under(*status_column, self.error_line("status", "status_on", "renewal_of_id")),
        )
        for field, key in (
            (self.applied, "applied_on"),
            (self.disbursed, "disbursed_on"),
            (self.maturity, "maturity_on"),
            (self.repayment_day, "repayment_day"),
        ):
            dates.addRow(field.check, under(field.edit, self.error_line(key)))
        self.overdue_label = QLabel(self.tr("Overdue amount"))
        dates.addRow(self.overdue_label, under(self.overdue, self.error_line("overdue_amount")))
        dates.addRow("", self.auto_debit)
        state_box = QGroupBox(self.tr("Status and dates"))
        state_box.setLayout(dates)

        self.texts: dict[str, QLineEdit] = {}
        placeholders = {
            "purpose": self.tr("e.g. 进货周转, 门店装修"),
            "guarantor": self.tr("Who guarantees it, if anyone"),
            "collateral": self.tr("e.g. 房产证 沪(2021)…"),
        }
        for key in _TEXTS:
            self.texts[key] = QLineEdit()
            self.texts[key].setPlaceholderText(placeholders[key])
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(52)
        details = QGridLayout()
        details.setHorizontalSpacing(10)
        details.setVerticalSpacing(2)
        cells = (
            (self.tr("Purpose"), self.texts["purpose"], "purpose"),
            (self.tr("Guarantor"), self.texts["guarantor"], "guarantor"),
            (self.tr("Collateral"), self.texts["collateral"], "collateral"),
            (self.tr("Note"), self.note, "note"),
        )
        for i, (label, widget, key) in enumerate(cells):
            row, col = divmod(i, 2)
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            details.addWidget(caption, row, col * 2)
            details.addLayout(under(widget, self.error_line(key)), row, col * 2 + 1)
        details.setColumnStretch(1, 1)
        details.setColumnStretch(3, 1)
        details_box = QGroupBox(self.tr("Details"))
        details_box.setLayout(details)

        self.preview = QLabel()
        self.preview.setObjectName("loanPreview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setMinimumHeight(self.preview.fontMetrics().height() + 12)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(self.terms, 1)
        columns.addWidget(state_box, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.context)
        layout.addLayout(columns)
        layout.addWidget(details_box)
        layout.addWidget(self.preview)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

        if start is not None:
            self._fill(start)
        elif products:
            self.product.setCurrentIndex(0)
        self._status_changed(fill=False)
        self.status.currentIndexChanged.connect(lambda _i: self._status_changed())
        self._watch()
        self._refresh_preview()
        self.mark_clean()
        self.terms.amount.setFocus()

    # -- filling and reading -------------------------------------------------------------------

    def _fill(self, d: LoanDraft) -> None:
        self.product.setCurrentText(d.product)
        form = self.terms
        form.amount.setText(grouped(d.amount))
        (form.monthly_unit if d.rate_quoted_as == "monthly" else form.annual_unit).setChecked(True)
        form.rate.setText(f"{d.rate.normalize():f}")
        form.months.setValue(d.months)
        form.choose(d.method)
        form.fee.setText(grouped(d.fee) if d.fee else "")
        self.status.setCurrentIndex(max(0, self.status.findData(LoanStatus(d.status).value)))
        self.applied.set_value(d.applied_on)
        self.disbursed.set_value(d.disbursed_on)
        self.maturity.set_value(d.maturity_on)
        self.repayment_day.set_value(d.repayment_day)
        self.auto_debit.setChecked(d.auto_debit)
        self.overdue.setText(grouped(d.overdue_amount) if d.overdue_amount is not None else "")
        for key in _TEXTS:
            self.texts[key].setText(getattr(d, key))
        self.note.setPlainText(d.note)

    def selected_status(self) -> LoanStatus:
        return LoanStatus(self.status.currentData())

    def draft(self) -> LoanDraft:
        form = self.terms
        status = self.selected_status()
        overdue = self.overdue.value() if status is LoanStatus.OVERDUE else None
        fee = form.fee.value()
        return LoanDraft(
            product=self.product.currentText(),
            amount=_number(form.amount.value()),
            rate=_number(parse_number(form.rate.text())),
            months=form.months.value(),
            method=form.selected_method(),
            rate_quoted_as="monthly" if form.monthly() else "annual",
            fee=Decimal(0) if fee is None else fee,
            status=status,
            applied_on=self.applied.value(),
            disbursed_on=self.disbursed.value(),
            repayment_day=self.repayment_day.value(),
            maturity_on=self.maturity.value(),
            auto_debit=self.auto_debit.isChecked(),
            purpose=self.texts["purpose"].text(),
            guarantor=self.texts["guarantor"].text(),
            collateral=self.texts["collateral"].text(),
            renewal_of_id=self._renewal_of,
            note=self.note.toPlainText(),
            overdue_amount=overdue if self.mode != "edit" else None,
        )

    def snapshot(self) -> object:
        form = self.terms
        return (
            self.product.currentText(),
            form.amount.text(),
            form.rate.text(),
            form.monthly(),
            form.months.value(),
            form.method.currentIndex(),
            form.fee.text(),
            self.status.currentIndex(),
            self.applied.state(),
            self.disbursed.state(),
            self.maturity.state(),
            self.repayment_day.state(),
            self.auto_debit.isChecked(),
            self.overdue.text(),
            *(self.texts[key].text() for key in _TEXTS),
            self.note.toPlainText(),
        )

    # -- the form's rules ----------------------------------------------------------------------

    def save(self) -> object:
        return self._save(self.draft())

    def check(self) -> None:
        self._validate(self.draft())

    def reason(self, error: FieldError) -> str:
        blank = {
            "amount": (self.terms.amount.text(), self.tr("Type the amount.")),
            "rate": (self.terms.rate.text(), self.tr("Type the rate.")),
        }
        if error.field in blank and not blank[error.field][0].strip():
            return blank[error.field][1]
        return super().reason(error)

    def show_errors(self, errors: Iterable[FieldError], general: str = "") -> None:
        super().show_errors(errors, general)
        self._refresh_hint()
        self._refresh_preview()

    def _watch(self) -> None:
        form = self.terms
        form.changed.connect(self._changed)
        self.product.currentTextChanged.connect(lambda _t: self.edited())
        self.status.currentIndexChanged.connect(lambda _i: self.edited())
        for field in (self.applied, self.disbursed, self.maturity, self.repayment_day):
            field.watch(self.edited)
        self.auto_debit.toggled.connect(lambda _on: self.edited())
        self.overdue.textChanged.connect(lambda _t: self.edited())
        for edit in self.texts.values():
            edit.textChanged.connect(lambda _t: self.edited())
        self.note.textChanged.connect(self.edited)

    def _changed(self) -> None:
        self.edited()  # the reasons first: the preview does not repeat one shown
        self._refresh_preview()
        self._refresh_hint()

    def _status_changed(self, fill: bool = True) -> None:
        status = self.selected_status()
        overdue = status is LoanStatus.OVERDUE and self.mode != "edit"
        self.overdue.setEnabled(overdue)
        self.overdue_label.setEnabled(overdue)
        if not fill:
            return
        if status in RUNNING or status is LoanStatus.REPAID:
            self.disbursed.check.setChecked(True)  # money out: it has a date
        # A loan recorded after the fact was not applied for today: the default date goes.
        applied_today = self.applied.value() == self._today
        if status is not LoanStatus.APPLIED and applied_today and self.mode != "edit":
            self.applied.check.setChecked(False)
        elif status is LoanStatus.APPLIED:
            self.applied.check.setChecked(True)

    def _refresh_hint(self) -> None:
        """The rate in the other unit under the rate (the calculator form's own hint)."""
        terms, _blank = self.terms.terms()
        shown = {k: self.terms.errors[k].text() for k in FIELDS if self.terms.errors[k].text()}
        self.terms.show_problems(shown, terms.annual_rate, [])

    def _refresh_preview(self) -> None:
        terms, blank = self.terms.terms()
        if blank:
            self._preview(self.tr("Type the amount and the rate to see the instalment."), False)
            return
        try:
            plan = calculate(terms)
        except ValidationErrors as exc:
            first = exc.errors[0]
            shown = first.field in FIELDS and self.terms.errors[first.field].text()
            # Said under its field already (after a refused Save): not twice.
            text = self.tr("Fix the figures above to see the instalment.")
            self._preview(text if shown else self.reason(first), True)
            return
        except ArithmeticError:  # a fee within fen of the amount: beyond the maths' digits
            self._preview(self.tr("These figures cannot be worked out; check the fee."), True)
            return
        title, payments = T.payment_summary(plan)
        text = self.tr("{what}: {payments}  ·  {apr_label}: {apr}").format(
            what=look.say(title),
            payments=payments,
            apr_label=look.say(T.APR_SHORT),
            apr=T.percent(plan.apr),
        )
        self._preview(text, False)

    def _preview(self, text: str, problem: bool) -> None:
        self.preview.setText(text)
        colour = look.SOON if problem else "#1e3a8a"
        self.preview.setStyleSheet(
            f"#loanPreview {{ color: {colour}; background: #eff6ff; padding: 6px; }}"
        )
