"""A birthday entry: none, solar or lunar; year optional; leap month for lunar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from crm.domain.client_form import Birthday
from crm.domain.enums import Calendar

NO_YEAR = 1899  # the spin box's minimum, shown as "year unknown"


class BirthdayEdit(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = QComboBox()
        self.calendar.addItem(self.tr("None"), None)
        self.calendar.addItem(self.tr("Solar"), Calendar.SOLAR.value)
        self.calendar.addItem(self.tr("Lunar"), Calendar.LUNAR.value)
        self.year = QSpinBox()
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText(self.tr("Year unknown"))
        self.year.setValue(NO_YEAR)
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.month.setSuffix(self.tr(" mo."))
        self.day = QSpinBox()
        self.day.setRange(1, 31)
        self.day.setSuffix(self.tr(" day"))
        self.leap = QCheckBox(self.tr("Leap month"))
        self.year.setAccessibleName(self.tr("Birth year"))
        self.month.setAccessibleName(self.tr("Birth month"))
        self.day.setAccessibleName(self.tr("Birth day"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        layout.addWidget(self.year)
        layout.addWidget(QLabel("-"))
        layout.addWidget(self.month)
        layout.addWidget(QLabel("-"))
        layout.addWidget(self.day)
        layout.addWidget(self.leap)
        layout.addStretch()
        for w in (self.year, self.month, self.day):
            w.valueChanged.connect(self.changed)
        self.calendar.currentIndexChanged.connect(self._sync)
        self.leap.toggled.connect(self.changed)
        self._sync()

    def _sync(self) -> None:
        kind = self.calendar.currentData()
        for w in (self.year, self.month, self.day):
            w.setEnabled(kind is not None)
        self.leap.setVisible(kind == Calendar.LUNAR.value)
        self.day.setMaximum(30 if kind == Calendar.LUNAR.value else 31)
        self.changed.emit()

    def value(self) -> Birthday | None:
        kind = self.calendar.currentData()
        if kind is None:
            return None
        year = None if self.year.value() == NO_YEAR else self.year.value()
        leap = kind == Calendar.LUNAR.value and self.leap.isChecked()
        return Birthday(Calendar(kind), self.month.value(), self.day.value(), year, leap)

    def set_value(self, b: Birthday | None) -> None:
        if b is None:
            self.calendar.setCurrentIndex(0)
            return
        self.calendar.setCurrentIndex(self.calendar.findData(b.calendar.value))
        self.year.setValue(b.year or NO_YEAR)
        self.month.setValue(b.month)
        self.day.setValue(b.day)
        self.leap.setChecked(b.leap)
