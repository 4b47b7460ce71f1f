"""A pane tab that reloads only when seen: selection moves with the arrow keys through many
clients, and a hidden tab need not query for each of them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from crm.ui.context import UiContext

#: Change topics that can alter what a relationship tab shows.
TOPICS = frozenset({"client", "note", "interaction", "promise", "resource", "setting"})


class LazyClientTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self._dirty = True
        ctx.notifier.changed.connect(self._on_change)

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self._dirty = True
        if self.isVisible():
            self.reload_now()

    def _on_change(self, topic: str, ids: Iterable[int]) -> None:
        ids = frozenset(ids)
        if topic in TOPICS and (not ids or self.client_id in ids):
            self.set_client(self.client_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload_now()

    def reload_now(self) -> None:
        self._dirty = False
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError
