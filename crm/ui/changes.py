"""Bridges a book's change bus to a Qt signal delivered on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from crm.domain.changes import Change
from crm.services.facade import Services


class ChangeNotifier(QObject):
    """Emits ``changed(Change)`` after any service commits a write to the book."""

    changed = Signal(object)  # crm.domain.changes.Change
    _relay = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued: a write finishing on a worker thread still reaches widgets on the GUI thread.
        self._relay.connect(self._emit, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = services.changes.subscribe(self._relay.emit)

    def _emit(self, change: Change) -> None:
        self.changed.emit(change)

    def close(self) -> None:
        self._unsubscribe()
