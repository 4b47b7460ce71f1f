"""The small forms of the 贷后 tab: record a check, add a signal, close one, relate someone,
enter a month's turnover. Each returns what was typed; the tab calls the service."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crm.domain.post_loan import CheckKind
from crm.domain.related import PartyRole
from crm.domain.risk import MANUAL_KINDS, RiskKind
from crm.ui.i18n import render


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.form.addRow(self.buttons)
        self.setMinimumWidth(380)


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


@dataclass(frozen=True)
class CheckInput:
    loan_id: int
    kind: CheckKind
    on: dt.date
    funds_ok: bool | None
    findings: str
    evidence: str


class CheckDialog(_Form):
    def __init__(self, loans: list[tuple[int, str]], today: dt.date, parent: QWidget | None = None):
        super().__init__(self.tr("Record a post-loan check"), parent)
        self.loan = QComboBox()
        for loan_id, text in loans:
            self.loan.addItem(text, loan_id)
        self.kind = QComboBox()
        for kind in CheckKind:
            self.kind.addItem(render(kind.label), kind.value)
        self.on = _date_edit(today)
        self.funds = QComboBox()
        self.funds.addItem(self.tr("Not asked"), None)
        self.funds.addItem(self.tr("Yes, as agreed"), True)
        self.funds.addItem(self.tr("No"), False)
        self.findings = QPlainTextEdit()
        self.findings.setFixedHeight(70)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(self.tr("Photos, invoices, contracts seen …"))
        self.form.addRow(self.tr("Loan"), self.loan)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Funds used as agreed"), self.funds)
        self.form.addRow(self.tr("Findings"), self.findings)
        self.form.addRow(self.tr("Evidence"), self.evidence)
        self.finish()

    def value(self) -> CheckInput:
        return CheckInput(
            int(self.loan.currentData()),
            CheckKind(self.kind.currentData()),
            _day(self.on),
            self.funds.currentData(),
            self.findings.toPlainText(),
            self.evidence.text(),
        )


class SignalDialog(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record a risk signal"), parent)
        self.kind = QComboBox()
        for kind in MANUAL_KINDS:
            self.kind.addItem(render(kind.label), kind.value)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.form.addRow(self.tr("Signal"), self.kind)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish()

    def value(self) -> tuple[RiskKind, str]:
        return RiskKind(self.kind.currentData()), self.note.toPlainText()


class RelateDialog(_Form):
    def __init__(self, others: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a related party"), parent)
        self.role = QComboBox()
        for role in PartyRole:
            self.role.addItem(render(role.label), role.value)
        self.other = QComboBox()
        self.other.setEditable(True)
        for cid, name in others:
            self.other.addItem(name, cid)
        self.other.setCurrentIndex(-1)
        line = self.other.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("A client, or the name of someone else"))
        self.note = QLineEdit()
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Who"), self.other)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish()

    def value(self) -> tuple[PartyRole, int | None, str, str]:
        text = self.other.currentText().strip()
        index = self.other.findText(text)
        other = self.other.itemData(index) if index >= 0 else None
        return PartyRole(self.role.currentData()), other, "" if other else text, self.note.text()


class TurnoverDialog(_Form):
    def __init__(self, month: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Monthly turnover"), parent)
        self.month = QLineEdit(month)
        self.month.setPlaceholderText("2026-10")
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 100_000_000)
        self.amount.setDecimals(2)
        self.amount.setGroupSeparatorShown(True)
        self.form.addRow(self.tr("Month"), self.month)
        self.form.addRow(self.tr("Turnover (yuan)"), self.amount)
        self.finish()

    def value(self) -> tuple[str, str]:
        return self.month.text(), f"{self.amount.value():.2f}"
