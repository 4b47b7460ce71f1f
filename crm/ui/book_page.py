"""A view of the book that reads only when it is seen.

A hidden page or tab need not query for every change (or, for a pane tab, for every client the
arrow keys pass over): it notes that it is out of date and reloads when next shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from crm.ui.changes import ChangeNotifier


class BookPage(QWidget):
    #: Change topics (crm.store.changes) that can alter what this view shows.
    topics: frozenset[str] = frozenset()

    def __init__(self, notifier: ChangeNotifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty = True
        notifier.changed.connect(self._on_change)

    def mark_dirty(self) -> None:
        """Out of date: reload now if shown, else when next shown."""
        self._dirty = True
        if self.isVisible():
            self.reload_now()

    def _on_change(self, topic: str, _ids: Iterable[int]) -> None:
        if topic in self.topics:
            self.mark_dirty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload_now()

    def reload_now(self) -> None:
        self._dirty = False
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError
