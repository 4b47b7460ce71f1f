"""Views of the book that read only when they are seen: THE base of every page or tab that
follows the book.

A hidden page or tab need not query for every change (or, for a pane tab, for every client the
arrow keys pass over): it notes that it is out of date and reloads when next shown. A subclass
names the :attr:`BookPage.topics` it shows, overrides :meth:`BookPage.reload` and reads through
:meth:`BookPage.fetch` (the task runner, newest answer only). :class:`ClientView` is the same
for a view of one client (the client pane's tabs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from crm.domain.changes import Change, Topic
from crm.ui.changes import ChangeNotifier
from crm.ui.tasks import TaskRunner

T = TypeVar("T")


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

    def fetch(
        self,
        runner: TaskRunner,
        read: Callable[[], T],
        show: Callable[[T], object],
        key: object | None = None,
    ) -> None:
        """Run ``read`` (service calls) off the GUI thread, then ``show`` its answer here, unless
        this view is gone or a newer fetch with the same ``key`` (default: the view; else an
        object the view owns) has started since. Failures take the runner's one path."""
        runner.run(read, show, owner=self, latest=self if key is None else key)


class ClientView(BookPage):
    """A view of one client: told of the selection with :meth:`set_client`, and only out of
    date when a change may concern that client."""

    def __init__(self, notifier: ChangeNotifier, parent: QWidget | None = None) -> None:
        super().__init__(notifier, parent)
        self.client_id: int | None = None

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.mark_dirty()

    def concerns(self, change: Change) -> bool:
        return change.touches(self.topics) and change.about(self.client_id)
