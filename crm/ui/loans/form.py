"""The calculator's inputs: amount, rate (a year or 月息 a month), term, method, upfront fee.

Each field's problem shows under it in one line and the text stays as typed; the amount and
the fee get their thousands separators once the officer moves on, if they are valid.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import MAX_MONTHS, LoanTerms, annual_from_monthly
from crm.ui.i18n import render
from crm.ui.loans import texts as T
from crm.ui.loans.inputs import NOT_A_NUMBER, MoneyEdit, grouped, parse_number

ANNUAL, MONTHLY = 0, 1
QUICK_TERMS = (12, 24, 36, 60)
FIELDS = ("amount", "rate", "months", "fee")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _note(style: str) -> QLabel:
    label = QLabel()
    label.setStyleSheet(style)
    label.setWordWrap(True)
    # Full field width: a wrapping label otherwise picks a narrow column.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setVisible(False)
    return label


def _column(*parts: QWidget | QLayout) -> QVBoxLayout:
    """A field and what goes under it (switches, hints, its one-line reason): hidden notes
    take no room, as empty form rows would."""
    column = QVBoxLayout()
    column.setSpacing(4)
    for part in parts:
        if isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    return column


class LoanForm(QGroupBox):
    #: Any input changed: the window recalculates.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The loan"))
        self.amount = MoneyEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 300,000 or 30万"))
        self.rate = QLineEdit()
        self.rate.setAlignment(_RIGHT)
        self.rate.setPlaceholderText(self.tr("e.g. 4.35"))
        self.annual_unit = QPushButton(self.tr("% a year"))
        self.annual_unit.setToolTip(self.tr("The nominal annual rate, as a bank quotes it"))
        self.monthly_unit = QPushButton(self.tr("月息 % a month"))
        self.monthly_unit.setToolTip(
            self.tr("月息: the rate a month, as consumer products quote it (0.5 = 6% a year)")
        )
        self.unit = QButtonGroup(self)
        for button, unit_id in ((self.annual_unit, ANNUAL), (self.monthly_unit, MONTHLY)):
            button.setCheckable(True)
            self.unit.addButton(button, unit_id)
        self.annual_unit.setChecked(True)
        self.months = QSpinBox()
        self.months.setRange(1, MAX_MONTHS)
        self.months.setValue(12)
        self.months.setSuffix(self.tr(" months"))
        self.months.setAlignment(_RIGHT)
        self.months.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        quick = QHBoxLayout()
        quick.setSpacing(4)
        self.quick_terms: dict[int, QToolButton] = {}
        years = (self.tr("1 year"), self.tr("2 years"), self.tr("3 years"), self.tr("5 years"))
        for count, text in zip(QUICK_TERMS, years, strict=True):
            # Tool buttons: a push button's style minimum (80 px) would not fit four here.
            term = QToolButton()
            term.setText(text)
            term.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            term.setToolTip(T.months(count))
            term.setCheckable(True)  # shows which term is set; clicking sets it
            term.clicked.connect(lambda _checked=False, n=count: self._set_term(n))
            quick.addWidget(term)
            self.quick_terms[count] = term
        self.method = QComboBox()
        self.method.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # As narrow as the column: the longest name shows in full in the open list.
        self.method.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.method.setMinimumContentsLength(10)
        for m in RepaymentMethod:
            self.method.addItem(render(m.label), m.value)
        self.fee = MoneyEdit()
        self.fee.setPlaceholderText("0")
        self.fee.setToolTip(
            self.tr("Taken at disbursement: the client receives the amount less the fee.")
        )

        self.errors = {key: _note("color: #b91c1c;") for key in FIELDS}
        for key, label in self.errors.items():
            label.setObjectName(f"error_{key}")
        self.rate_hint = _note("color: #4b5563;")
        self.rate_warning = _note("color: #b45309;")
        self.amount.acceptable = lambda: not self.errors["amount"].isVisible()
        self.fee.acceptable = lambda: not self.errors["fee"].isVisible()

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        units = QHBoxLayout()
        units.setSpacing(4)
        units.addWidget(self.annual_unit, 1)
        units.addWidget(self.monthly_unit, 1)
        e = self.errors
        form.addRow(self.tr("Amount (yuan)"), _column(self.amount, e["amount"]))
        rate = _column(self.rate, units, self.rate_hint, e["rate"], self.rate_warning)
        form.addRow(self.tr("Rate"), rate)
        form.addRow(self.tr("Term"), _column(self.months, quick, e["months"]))
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Upfront fee (yuan)"), _column(self.fee, e["fee"]))

        for edit in (self.amount, self.rate, self.fee):
            edit.textChanged.connect(self.changed)
        self.months.valueChanged.connect(self._mark_quick_term)
        self.months.valueChanged.connect(self.changed)
        self._mark_quick_term(self.months.value())
        self.method.currentIndexChanged.connect(self.changed)
        self.unit.idToggled.connect(self._unit_toggled)

    def _set_term(self, months: int) -> None:
        self.months.setValue(months)
        self._mark_quick_term(months)  # a second click must not leave its button unchecked

    def _mark_quick_term(self, months: int) -> None:
        for count, button in self.quick_terms.items():
            button.setChecked(count == months)

    def _unit_toggled(self, _unit_id: int, checked: bool) -> None:
        if checked:  # the other button's "unchecked" is the same change
            self.changed.emit()

    def field_names(self) -> dict[str, str]:
        return {
            "amount": self.tr("Amount"),
            "rate": self.tr("Rate"),
            "months": self.tr("Term"),
            "fee": self.tr("Upfront fee"),
        }

    # -- values ---------------------------------------------------------------------------

    def selected_method(self) -> RepaymentMethod:
        return RepaymentMethod(self.method.currentData())

    def monthly(self) -> bool:
        return self.unit.checkedId() == MONTHLY

    def choose(self, method: RepaymentMethod | None) -> None:
        if method is not None:
            self.method.setCurrentIndex(self.method.findData(method.value))

    def set_terms(self, terms: LoanTerms) -> None:
        """Fill the inputs (a loan's own figures); the rate is shown as a year's."""
        self.amount.setText(grouped(terms.amount))
        self.annual_unit.setChecked(True)
        self.rate.setText(str(terms.annual_rate))
        self.months.setValue(terms.months)
        self.choose(terms.method)
        self.fee.setText(grouped(terms.fee) if terms.fee else "")

    def terms(self) -> tuple[LoanTerms, list[str]]:
        """The loan as typed (NaN where a field holds no number, so the domain's validation
        says so in its words) and the required fields still blank."""
        amount, rate, fee = self.amount.value(), parse_number(self.rate.text()), self.fee.value()
        blank = [key for key, value in (("amount", amount), ("rate", rate)) if value is None]
        annual = NOT_A_NUMBER if rate is None else rate
        if self.monthly():
            annual = annual_from_monthly(annual)
        terms = LoanTerms(
            amount=NOT_A_NUMBER if amount is None else amount,
            annual_rate=annual,
            months=self.months.value(),
            method=self.selected_method(),
            fee=Decimal(0) if fee is None else fee,
        )
        return terms, blank

    # -- feedback -------------------------------------------------------------------------

    def show_problems(
        self, problems: Mapping[str, str], annual: Decimal, warnings: Sequence[str]
    ) -> None:
        """Each field's reason under it; under the rate, the typed rate in the other unit
        (月息 0.5 = 6.00% a year) and the legal-ceiling warning."""
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        hint = ""
        if "rate" not in problems and annual.is_finite():
            if self.monthly():
                hint = self.tr("= {rate} a year").format(rate=T.exact_percent(annual))
            else:
                hint = self.tr("= 月息 {rate} a month").format(rate=T.exact_percent(annual / 12))
        self.rate_hint.setText(hint)
        self.rate_hint.setVisible(bool(hint))
        self.rate_warning.setText("\n".join(warnings))
        self.rate_warning.setVisible(bool(warnings))
