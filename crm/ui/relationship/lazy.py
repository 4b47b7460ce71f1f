"""A pane tab that reloads only when seen: selection moves with the arrow keys through many
clients, and a hidden tab need not query for each of them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from crm.domain.changes import Change, Topic
from crm.ui.book_page import BookPage
from crm.ui.context import UiContext

#: Change topics that can alter what a relationship tab shows.
TOPICS = frozenset(
    {Topic.CLIENT, Topic.NOTE, Topic.INTERACTION, Topic.PROMISE, Topic.RESOURCE, Topic.CADENCE}
)


class LazyClientTab(BookPage):
    topics = TOPICS

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.notifier, parent)
        self.client_id: int | None = None

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.mark_dirty()

    def concerns(self, change: Change) -> bool:
        return change.touches(self.topics) and change.about(self.client_id)
