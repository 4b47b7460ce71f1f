"""Settings → "Keep in touch": how many days between contacts, by client status."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from crm.domain.enums import ClientStatus
from crm.services.cadence import DEFAULT_CADENCE, MAX_DAYS, MIN_DAYS
from crm.ui.context import UiContext


class KeepInTouchPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cadence = ctx.services.cadence
        self.title = self.tr("Keep in touch")
        #: The book's defaults once read (None until then: Save leaves them alone).
        self.loaded: dict[str, int] | None = None
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
            box.setValue(DEFAULT_CADENCE[status.value])
            box.setEnabled(False)  # until the book's values are in
            box.setObjectName(f"cadence_{status.value}")
            form.addRow(status.label.render(QCoreApplication.translate), box)
            self.boxes[status.value] = box
        ctx.runner.run(self.cadence.defaults, self._show, owner=self)

    def _show(self, defaults: dict[str, int]) -> None:
        self.loaded = defaults
        for status, box in self.boxes.items():
            box.setValue(defaults[status])
            box.setEnabled(True)

    def save(self) -> None:
        values = {s: b.value() for s, b in self.boxes.items()}
        if self.loaded is not None and values != self.loaded:
            self.cadence.save_defaults(values)
