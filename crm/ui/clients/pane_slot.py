"""Where the client pane stands beside the list, built the first time a client is selected.

With nothing selected the pane is hidden (the list has the whole width), so start-up, which
selects no one, need not build it: its modules and widgets cost ~16 ms of a cold start the
officer would wait for and not see. Tabs other areas add wait here until the pane exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

from crm.ui.lazy_page import LazyPage

if TYPE_CHECKING:
    from crm.ui.clients.detail import ClientPane

T = TypeVar("T", bound=QWidget)


class PaneSlot(LazyPage["ClientPane"]):
    """A :class:`LazyPage` for the pane (built when shown or asked for), keeping the tabs
    added before it was built."""

    def __init__(self, make: Callable[[], ClientPane], parent: QWidget | None = None) -> None:
        self._make = make
        self._waiting: list[tuple[str, LazyPage[QWidget]]] = []
        super().__init__(self._build, parent)

    def _build(self) -> ClientPane:
        pane = self._make()
        for title, tab in self._waiting:
            pane.adopt_tab(tab, title)
        self._waiting.clear()
        return pane

    def page(self) -> ClientPane:
        first = not self.built
        pane = super().page()
        if first and self.isVisible():
            pane.show()  # now: added to a shown slot, it would show one event-loop turn late
        return pane

    def add_tab(self, title: str, build: Callable[[], T]) -> LazyPage[T]:
        """A tab of the pane, built (and its modules imported) when first shown or asked for;
        a built tab follows the selected client."""
        tab: LazyPage[T] = LazyPage(lambda: self.page().for_client(build()))
        if self.built:
            self.page().adopt_tab(tab, title)
        else:
            self._waiting.append((title, tab))  # type: ignore[arg-type]
        return tab
