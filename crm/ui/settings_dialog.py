"""Settings: the interface language (later issues add their own groups here)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from crm.ui.i18n import LANGUAGES, SETTING_KEY


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("Follow the system"), "system")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        current = str(settings.value(SETTING_KEY) or "system")
        self.language_box.setCurrentIndex(max(self.language_box.findData(current), 0))
        self._initial = current
        self.form = QFormLayout()
        self.form.addRow(self.tr("Language"), self.language_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def language(self) -> str:
        return str(self.language_box.currentData())

    @property
    def language_changed(self) -> bool:
        return self.language() != self._initial

    def accept(self) -> None:
        self.settings.setValue(SETTING_KEY, self.language())
        self.settings.sync()
        super().accept()
