"""Archiving clients as an undoable step of the client book page (Ctrl+Z restores)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from crm.domain.changes import Initiator

if TYPE_CHECKING:
    from crm.ui.clients.page import ClientsPage


class ArchiveCommand(QUndoCommand):
    """Archive on redo, restore on undo: Ctrl+Z brings archived clients back."""

    def __init__(self, page: ClientsPage, ids: list[int], names: list[str], restore: bool):
        super().__init__()
        self.page, self.ids, self.names, self.restore = page, ids, names, restore
        self._initiator = Initiator.USER  # the first redo is the officer's own archive
        self.setText(
            QCoreApplication.translate("ClientsPage", "Restore {names}")
            if restore
            else QCoreApplication.translate("ClientsPage", "Archive {names}")
        )
        self.setText(self.text().format(names="、".join(names[:3])))

    def redo(self) -> None:
        self.page.set_archived(self.ids, not self.restore, self._initiator)
        self._initiator = Initiator.UNDO  # every later redo comes from the undo stack

    def undo(self) -> None:
        self.page.set_archived(self.ids, self.restore, Initiator.UNDO)
