"""A sidebar page built the first time it is shown, to keep start-up to what is on screen.

The one lazy builder: what it builds is usually a :class:`crm.ui.book_page.BookPage`, which in
turn reads only when seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

P = TypeVar("P", bound=QWidget)


class LazyPage(QWidget, Generic[P]):
    """Stands in the main window's stack for a page; builds it (and imports its modules) on
    first show, or when code asks for :meth:`page`."""

    def __init__(self, build: Callable[[], P], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: P | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def page(self) -> P:
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
        return self._page

    @property
    def built(self) -> bool:
        return self._page is not None

    def showEvent(self, event: QShowEvent) -> None:
        self.page()
        super().showEvent(event)
