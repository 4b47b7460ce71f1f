"""A view of the book that reads only when it is seen.

A hidden page or tab need not query for every change (or, for a pane tab, for every client the
arrow keys pass over): it notes that it is out of date and reloads when next shown.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from crm.domain.changes import Change, Topic
from crm.ui.changes import ChangeNotifier


class BookPage(QWidget):
    #: The kinds of record that can alter what this view shows.
    topics: frozenset[Topic] = frozenset()

    def __init__(self, notifier: ChangeNotifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty = True
        notifier.changed.connect(self._on_change)

    def mark_dirty(self) -> None:
        """Out of date: reload now if shown, else when next shown."""
        self._dirty = True
        if self.isVisible():
            self.reload_now()

    def _on_change(self, change: Change) -> None:
        if self.concerns(change):
            self.mark_dirty()

    def concerns(self, change: Change) -> bool:
        """Whether ``change`` can alter this view; pages about one client narrow it."""
        return change.touches(self.topics)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload_now()

    def reload_now(self) -> None:
        self._dirty = False
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError
