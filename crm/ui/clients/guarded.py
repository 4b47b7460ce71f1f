"""A form dialog that asks before dropping what was typed: Esc, Cancel and the window's close
button on a changed form ask first (an unchanged one just closes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QMessageBox


class GuardedDialog(QDialog):
    def changed(self) -> bool:
        """Whether anything was typed or chosen since the form opened (subclasses say)."""
        return False

    def cancel(self) -> None:
        """Esc or Cancel: a changed form asks before its input is dropped."""
        if self.changed() and not self.confirm_discard():
            return
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only the window's own close button asks: a close() from code (the app quitting,
        # a test ending) must never wait on a question nobody sees.
        if event.spontaneous() and self.changed() and not self.confirm_discard():
            event.ignore()
            return
        super().closeEvent(event)

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            QCoreApplication.translate("ClientDialog", "Discard what you typed?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
