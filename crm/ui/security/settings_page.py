"""Settings → Security: protect the book with a passphrase (or take the protection off).

The page says plainly, before the officer turns it on, that a forgotten passphrase cannot be
recovered. The conversion runs on the GUI thread on purpose: every connection of the book must
be closed while the file is swapped, so no read may run meanwhile (a few seconds per 100,000
clients, behind a wait cursor).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm.store.errors import BookError
from crm.ui.context import UiContext
from crm.ui.i18n import render
from crm.ui.security.app_lock import DEFAULT_IDLE_MINUTES, SETTING_KEY

MIN_LENGTH = 8


class SecurityPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = self.tr("Security")
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        warning = QLabel(
            self.tr(
                "A forgotten passphrase cannot be recovered: there is no backdoor, and nobody "
                "(not the bank, not Prism's makers) can open the book without it. Write it "
                "down and keep it somewhere safe. Backups are encrypted with the same key; "
                "exports are not."
            )
        )
        warning.setWordWrap(True)
        layout.addWidget(warning)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.passphrase, self.again):
            edit.setMinimumWidth(320)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("The same again:"), self.again)
        layout.addLayout(form)
        self.protect_button = QPushButton(self.tr("Protect this book with a passphrase"))
        self.protect_button.clicked.connect(self.protect)
        self.unprotect_button = QPushButton(self.tr("Remove the protection"))
        self.unprotect_button.clicked.connect(self.unprotect)
        buttons = QHBoxLayout()
        buttons.addWidget(self.protect_button)
        buttons.addWidget(self.unprotect_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        lock_form = QFormLayout()
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(self.tr(" min"))
        try:
            minutes = int(str(ctx.settings.value(SETTING_KEY, DEFAULT_IDLE_MINUTES)))
        except ValueError:
            minutes = DEFAULT_IDLE_MINUTES
        self.idle_minutes.setValue(minutes)
        self.idle_minutes.setToolTip(
            self.tr(
                "A protected book's window hides client data after this many idle minutes, "
                "and at once when the computer wakes from sleep. From the next start."
            )
        )
        lock_form.addRow(self.tr("Lock after being idle for:"), self.idle_minutes)
        layout.addLayout(lock_form)
        layout.addStretch(1)
        self.form_widgets = (self.passphrase, self.again)
        self.show_state()

    def show_state(self) -> None:
        on = self.ctx.services.security.is_protected()
        self.state.setText(
            self.tr("This book is protected with a passphrase (encrypted on disk).")
            if on
            else self.tr("This book is not protected: anyone with this computer can read it.")
        )
        for w in self.form_widgets:
            w.setVisible(not on)
        self.protect_button.setVisible(not on)
        self.unprotect_button.setVisible(on)

    def protect(self) -> None:
        text = self.passphrase.text()
        if len(text) < MIN_LENGTH:
            self._say(self.tr("Use a passphrase of at least 8 characters."))
            return
        if text != self.again.text():
            self._say(self.tr("The two passphrases differ."))
            return
        self._run(lambda: self.ctx.services.security.protect(text))
        self.passphrase.clear()
        self.again.clear()

    def unprotect(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Remove the protection"),
            self.tr("Anyone with this computer will be able to read the book. Go on?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.ctx.services.security.unprotect)

    def _run(self, convert: object) -> None:
        assert callable(convert)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            convert()
        except BookError as exc:
            QApplication.restoreOverrideCursor()
            self._say(render(exc.message))
            return
        QApplication.restoreOverrideCursor()
        self.show_state()

    def _say(self, text: str) -> None:
        QMessageBox.warning(self, self.title, text)

    def save(self) -> None:
        """The idle minutes (protecting is done by its button, there and then)."""
        self.ctx.settings.setValue(SETTING_KEY, self.idle_minutes.value())
