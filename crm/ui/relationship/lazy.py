"""A pane tab that reloads only when seen: selection moves with the arrow keys through many
clients, and a hidden tab need not query for each of them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

from crm.ui.book_page import BookPage
from crm.ui.context import UiContext

#: Change topics that can alter what a relationship tab shows.
TOPICS = frozenset({"client", "note", "interaction", "promise", "resource", "setting"})


class LazyClientTab(BookPage):
    topics = TOPICS

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.notifier, parent)
        self.client_id: int | None = None

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.mark_dirty()

    def _on_change(self, topic: str, ids: Iterable[int]) -> None:
        ids = frozenset(ids)
        if topic in self.topics and (not ids or self.client_id in ids):
            self.mark_dirty()
