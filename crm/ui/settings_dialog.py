"""Settings, one tab per area. A tab is a widget with a ``save()`` method.

The general tab (language) lives here; other areas build theirs in their own modules and are
listed in :func:`crm.ui.settings_pages.settings_pages`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, cast

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm.ui.i18n import LANGUAGES, SETTING_KEY


class SettingsPage(Protocol):
    def save(self) -> None: ...


class GeneralPage(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("Follow the system"), "system")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self._initial = str(settings.value(SETTING_KEY) or "system")
        self.language_box.setCurrentIndex(max(self.language_box.findData(self._initial), 0))
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language_box)

    def language(self) -> str:
        return str(self.language_box.currentData())

    @property
    def language_changed(self) -> bool:
        return self.language() != self._initial

    def save(self) -> None:
        self.settings.setValue(SETTING_KEY, self.language())
        self.settings.sync()


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: QSettings,
        pages: Sequence[tuple[str, QWidget]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(480)
        self.general = GeneralPage(settings)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("General"))
        self.pages: list[QWidget] = [self.general]
        for title, page in pages:
            self.tabs.addTab(page, title)
            self.pages.append(page)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def language(self) -> str:
        return self.general.language()

    @property
    def language_changed(self) -> bool:
        return self.general.language_changed

    def accept(self) -> None:
        for page in self.pages:
            cast(SettingsPage, page).save()
        super().accept()
