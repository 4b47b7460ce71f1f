"""What the loan dialogs share: a reason under each field, dates that may be left out, and
the rules of a form.

- Save calls the service; a refusal puts each field's one-line reason under that field (the
  line's room is kept while empty, so the form does not jump), keeps everything typed and
  leaves Save enabled. After a refusal the form re-checks as the officer types.
- Esc, Cancel or the window's close button on a form with changes asks before discarding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QMessageBox,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm.domain.errors import FieldError, ValidationErrors
from crm.store.errors import BookError
from crm.ui.loans.look import ERROR_STYLE, say

GENERAL = ""  # the key of problems of no one field


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def keep_room(label: QWidget) -> None:
    """The widget keeps its room in the layout while hidden."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.setMinimumHeight(label.fontMetrics().height())


class ErrorLine(QLabel):
    """A field's one-line reason, under it; empty but holding its room when all is well."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"error_{key or 'general'}")
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(self.fontMetrics().height())


def under(*parts: QWidget | QLayout) -> QVBoxLayout:
    """A field and what goes under it (its reason), tight together."""
    column = QVBoxLayout()
    column.setSpacing(2)
    column.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    return column


class DateField:
    """A date that may be left out: its check box is the form row's label (☑ Disbursed on),
    the date beside it is used only when checked."""

    def __init__(self, label: str, default: dt.date, checked: bool = False) -> None:
        self.check = QCheckBox(label)
        self.edit = QDateEdit(qdate(default))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(checked)
        self.check.setChecked(checked)
        self.check.toggled.connect(self.edit.setEnabled)

    def value(self) -> dt.date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))

    def state(self) -> tuple[bool, str]:
        return self.check.isChecked(), self.edit.date().toString("yyyy-MM-dd")

    def watch(self, slot: Callable[[], None]) -> None:
        self.check.toggled.connect(lambda _on: slot())
        self.edit.dateChanged.connect(lambda _d: slot())


class DayField:
    """A day of the month that may be left out (the repayment day: else the disbursement's)."""

    def __init__(self, label: str) -> None:
        self.check = QCheckBox(label)
        self.edit = QSpinBox()
        self.edit.setRange(1, 31)
        self.edit.setValue(20)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)

    def value(self) -> int | None:
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: int | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setValue(value)

    def state(self) -> tuple[bool, int]:
        return self.check.isChecked(), self.edit.value()

    def watch(self, slot: Callable[[], None]) -> None:
        self.check.toggled.connect(lambda _on: slot())
        self.edit.valueChanged.connect(lambda _v: slot())


class FieldDialog(QDialog):
    """A form whose Save calls :meth:`save` (a service call) and whose refusals go under the
    fields. Subclasses register each field's :class:`ErrorLine` in :attr:`errors`, call
    :meth:`mark_clean` once filled, and call :meth:`edited` when anything changes."""

    #: :meth:`check` can judge the form without the book: after a refusal, reasons follow
    #: what is typed. Without it they stay until the next Save.
    live_check = False

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: object = None
        self.errors: dict[str, QLabel] = {}
        self.general = ErrorLine(GENERAL)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._initial: object = None
        self._refused = False  # a Save was refused: re-check as the officer types

    def error_line(self, key: str, *aliases: str) -> ErrorLine:
        line = ErrorLine(key)
        for name in (key, *aliases):
            self.errors[name] = line
        return line

    # -- what subclasses give ------------------------------------------------------------------

    def save(self) -> object:
        """Write through the service; raise ValidationErrors (or a BookError) to refuse."""
        raise NotImplementedError

    def check(self) -> None:
        """Re-check without writing (after a refusal, as the officer types)."""

    def snapshot(self) -> object:
        """Everything typed, to tell whether the form has changes."""
        raise NotImplementedError

    def reason(self, error: FieldError) -> str:
        """The line shown for ``error``; subclasses word some differently."""
        return say(error.message)

    # -- behaviour -----------------------------------------------------------------------------

    def mark_clean(self) -> None:
        self._initial = self.snapshot()

    def dirty(self) -> bool:
        return self.snapshot() != self._initial

    def edited(self) -> None:
        if not (self.live_check and self._refused):
            return
        try:
            self.check()
        except ValidationErrors as exc:
            self.show_errors(exc.errors)
        else:
            self.show_errors([])

    def show_errors(self, errors: Iterable[FieldError], general: str = "") -> None:
        """Each field's first reason under it; reasons of no shown field in the general line."""
        texts: dict[int, str] = {}
        lines: dict[int, QLabel] = {}
        leftovers = [general] if general else []
        for error in errors:
            line = self.errors.get(error.field)
            if line is None:
                leftovers.append(self.reason(error))
            elif id(line) not in texts:
                texts[id(line)] = self.reason(error)
                lines[id(line)] = line
        for line in {id(line): line for line in self.errors.values()}.values():
            text = texts.get(id(line), "")
            line.setText(text)
            if not isinstance(line, ErrorLine):  # the calculator form's own lines hide
                line.setVisible(bool(text))
        self.general.setText("\n".join(dict.fromkeys(leftovers)))
        self._fit()

    def _fit(self) -> None:
        """Grow (never shrink) to a reason longer than its reserved line: Qt does not resize
        a shown window for its wrapped labels, it squeezes them."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        need = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if need > self.height():
            self.resize(self.width(), need)

    def accept(self) -> None:
        try:
            self.result_value = self.save()
        except ValidationErrors as exc:
            self._refused = True
            self.show_errors(exc.errors)
            return
        except (BookError, LookupError) as exc:
            message = getattr(exc, "message", None)
            self.show_errors([], say(message) if message is not None else str(exc))
            return
        super().accept()

    def reject(self) -> None:
        if self.dirty() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes?"),
            self.tr("Close this form and lose what you typed?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
