"""Settings → "Keep in touch": how many days between contacts, by client status."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from crm.domain.enums import ClientStatus
from crm.services.cadence import MAX_DAYS, MIN_DAYS, cadence_defaults, save_cadence_defaults
from crm.store.book import Book


class KeepInTouchPage(QWidget):
    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.title = self.tr("Keep in touch")
        current = cadence_defaults(book.reader())
        form = QFormLayout(self)
        hint = QLabel(
            self.tr(
                "A client is due for contact when this many days have passed since you last "
                "talked. A client's own setting (in their form) wins over these."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.boxes: dict[str, QSpinBox] = {}
        for status in ClientStatus:
            box = QSpinBox()
            box.setRange(MIN_DAYS, MAX_DAYS)
            box.setSuffix(self.tr(" days"))
            box.setValue(current[status.value])
            box.setObjectName(f"cadence_{status.value}")
            form.addRow(status.label.render(QCoreApplication.translate), box)
            self.boxes[status.value] = box

    def save(self) -> None:
        values = {s: b.value() for s, b in self.boxes.items()}
        if values != cadence_defaults(self.book.reader()):
            save_cadence_defaults(self.book, values)
