"""The passphrase prompt when Prism starts on a protected book."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_to_unlock(folder: Path, parent: QWidget | None = None) -> bool:
    """Ask for the passphrase until it opens the book; False when the officer cancels.
    A wrong one says so in the prompt; after five in a row each try waits longer."""
    from crm.services import security

    label = QCoreApplication.translate("Security", "This book is protected. Passphrase:")
    while True:
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("Security", "Unlock the book"),
            label,
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        try:
            security.unlock(folder, text)
            return True
        except security.WrongPassphrase:
            label = QCoreApplication.translate(
                "Security",
                "Wrong passphrase. A forgotten passphrase cannot be recovered. Passphrase:",
            )
