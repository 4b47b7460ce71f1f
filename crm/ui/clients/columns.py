"""The client list's header: right-click it to show or hide columns.

Which columns are shown is part of the header's state, which the main window saves and
restores (``window/columns``). The loan columns are hidden by default; a state saved before
they existed would show them (Qt gives sections a saved state does not know default
settings), so :meth:`ClientHeader.restoreState` hides the columns that state did not have.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from crm.ui.clients.model import (
    COL_BALANCE,
    COL_BUSINESS,
    COL_LAST_CONTACT,
    COL_MATURITY,
    COL_NAME,
    COL_NEXT_REPAYMENT,
    COL_PHONE,
    COL_UPDATED,
    LOAN_COLUMNS,
    SORT_KEYS,
    ClientTableModel,
)
from crm.ui.tables import read_only_table

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

#: Widths of the always-there columns, from the name on (the last one stretches).
WIDTHS = (110, 110, 110, 170, 150, 100, 90)
#: Widths the loan columns get the first time they are shown.
LOAN_WIDTHS = {COL_BALANCE: 110, COL_NEXT_REPAYMENT: 170, COL_MATURITY: 95}
_VERSION_MARKER = 0xFF


def saved_section_count(state: QByteArray | bytes) -> int | None:
    """How many sections a ``QHeaderView.saveState()`` holds (None: not a state we can read).

    Qt 6 writes, big-endian as QDataStream does: marker, version, orientation, sort order,
    sort section, sort shown, visual indices, logical indices, hidden bits, hidden sizes,
    length, section count, ... Read with ``struct``: QDataStream's Python type costs ~2 ms to
    create, at every start.
    """
    data = state.data() if isinstance(state, QByteArray) else bytes(state)
    at = 0

    def take(fmt: str) -> tuple[int, ...]:
        nonlocal at
        values = struct.unpack_from(fmt, data, at)
        at += struct.calcsize(fmt)
        return values

    try:
        if take(">ii") != (_VERSION_MARKER, 0):
            return None
        take(">iii?")  # orientation, sort order, sort section, sort shown
        for _ in range(2):  # visual and logical indices
            (n,) = take(">I")
            take(f">{n}i")
        (bits,) = take(">I")
        take(f">{(bits + 7) // 8}B")  # the hidden sections' bits
        (n,) = take(">I")
        take(f">{2 * n}i")  # hidden section sizes: logical index → size
        _length, count = take(">ii")
    except struct.error:  # cut short
        return None
    return count if count >= 0 else None


class ClientHeader(QHeaderView):
    """The horizontal header of the client list, with its column menu."""

    #: whether any loan column is on screen now (the model reads loan summaries only then)
    loan_columns_shown = Signal(bool)
    #: the officer asked to sort by a sortable column (-1: back to the search's rank)
    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self.show_menu)
        # Hiding or showing a section resizes it (to 0 and back), so columns hidden or shown
        # by code pass here too; the menu and a restored state announce on their own.
        self.sectionResized.connect(lambda *_a: self._announce())
        self._shown: bool | None = None
        self._sorted: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self.sortIndicatorChanged.connect(self._sort_indicator_changed)

    def _sort_indicator_changed(self, col: int, order: Qt.SortOrder) -> None:
        """A click on a sortable column sorts; on a loan column the indicator stays put (the
        loan figures are computed a page at a time: they cannot order the whole book)."""
        if col >= len(SORT_KEYS):
            self.blockSignals(True)
            self.setSortIndicator(*self._sorted)
            self.blockSignals(False)
            return
        self._sorted = (col, order)
        self.sort_requested.emit(col, order)

    def hide_loan_columns(self, columns: Sequence[int] = LOAN_COLUMNS) -> None:
        """The default: loan columns hidden, with the widths they get when first shown, and
        placed after the phone, where a 1366-pixel screen still shows them beside the pane."""
        after = self.visualIndex(COL_PHONE)
        for col in columns:
            if col < self.count():
                after += 1
                self.moveSection(self.visualIndex(col), after)
                self.resizeSection(col, LOAN_WIDTHS[col])
                self.hideSection(col)
        self._announce()

    def loans_visible(self) -> bool:
        return any(col < self.count() and not self.isSectionHidden(col) for col in LOAN_COLUMNS)

    def _announce(self) -> None:
        shown = self.loans_visible()
        if shown != self._shown:
            self._shown = shown
            self.loan_columns_shown.emit(shown)

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview) -> bool:
        """Qt's restore, then the loan columns hidden again if the state predates them."""
        state = QByteArray(bytes(state)) if not isinstance(state, QByteArray) else state
        known = saved_section_count(state)
        restored = super().restoreState(state)
        self._sorted = (self.sortIndicatorSection(), self.sortIndicatorOrder())
        self.hide_loan_columns([c for c in LOAN_COLUMNS if known is None or c >= known])
        return restored

    # -- the menu ------------------------------------------------------------------------------

    def column_actions(self) -> list[QAction]:
        """One checkable action per column, in the order the columns stand on screen."""
        from PySide6.QtGui import QAction  # made when the menu is first asked for, not at start

        model = self.model()
        actions = []
        for visual in range(self.count()):
            col = self.logicalIndex(visual)
            title = model.headerData(col, Qt.Orientation.Horizontal) if model else None
            action = QAction(str(title or col), self)
            action.setCheckable(True)
            action.setChecked(not self.isSectionHidden(col))
            action.setEnabled(col != COL_NAME)  # the list always names its clients
            action.setData(col)
            action.toggled.connect(lambda on, c=col: self.set_column_shown(c, on))
            actions.append(action)
        return actions

    def set_column_shown(self, col: int, shown: bool) -> None:
        self.setSectionHidden(col, not shown)
        if shown and self.sectionSize(col) < 30:
            self.resizeSection(col, LOAN_WIDTHS.get(col, 100))
        self._announce()  # hiding the stretched last section resizes nothing Qt reports

    def menu(self) -> QMenu:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        for action in self.column_actions():
            action.setParent(menu)
            menu.addAction(action)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        self.menu().exec(self.mapToGlobal(pos))


def client_table(model: ClientTableModel) -> tuple[QTableView, ClientHeader]:
    """The list's view over the model: whole rows selected, read-only, compact rows, the
    column header with its menu and the loan columns hidden."""
    header = ClientHeader()
    table = read_only_table(model, name="clientTable", many=True, header=header)
    header.setSectionsMovable(True)
    header.setSectionsClickable(True)
    header.setHighlightSections(True)  # as the default header of a QTableView
    header.setStretchLastSection(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    for col, width in enumerate(WIDTHS):
        header.resizeSection(col, width)
    header.loan_columns_shown.connect(model.set_loans_shown)
    header.hide_loan_columns()
    # The officer asks "when did I last talk to them", not "when was the record edited":
    # Last contact stands after the business (on screen beside the pane at 1366 pixels), and
    # Updated waits in the column menu.
    header.moveSection(header.visualIndex(COL_LAST_CONTACT), header.visualIndex(COL_BUSINESS) + 1)
    header.resizeSection(COL_LAST_CONTACT, 90)
    header.hideSection(COL_UPDATED)
    return table, header
