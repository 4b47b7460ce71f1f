"""The client book page: search box, filters, the lazy list and the detail pane.

Searches, tag counts, the detail pane and archiving run through the task runner. The list's
pages of rows (100 by id, ~1 ms) are read where the view asks for them, as the first
screenful at start-up is: a row drawn blank while a worker fetches it would flicker on every
scroll, for no gain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Change, Initiator, Topic
from crm.domain.enums import ClientKind, ClientStatus
from crm.services.client_query import PARTNER_FILTER, ClientFilter, ClientRow
from crm.ui.clients.archive_command import ArchiveCommand
from crm.ui.clients.columns import client_table
from crm.ui.clients.empty_hint import EmptyHint
from crm.ui.clients.model import COL_NAME, SORT_KEYS, ClientTableModel
from crm.ui.clients.pane_slot import PaneSlot
from crm.ui.context import UiContext
from crm.ui.tasks import LatestOnly
from crm.ui.toast import Toast

if TYPE_CHECKING:
    from crm.services.clients import ClientDetail, ClientService
    from crm.ui.clients.detail import ClientPane


class ClientsPage(QWidget):
    #: the id of the client now shown in the pane (None: nothing selected)
    client_selected = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = ctx.services.client_query
        self._known_tags: list[str] = []  # for the form's completer, from the tag filter's load
        self.undo_stack = QUndoStack(self)
        self._sort = "rank"
        self._descending = False
        self._pending_select: int | None = None

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name, pinyin (zhangsan), initials (zs), phone digits, shop, tag")
        )
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for s in ClientStatus:
            self.status_filter.addItem(s.label.render(QCoreApplication.translate), s.value)
        self.status_filter.addItem(
            ClientKind.PARTNER.label.render(QCoreApplication.translate), PARTNER_FILTER
        )
        self.tag_filter = QComboBox()
        self.tag_filter.addItem(self.tr("All tags"), None)
        self.tag_filter.setMinimumContentsLength(8)
        self.archived = QCheckBox(self.tr("Archived"))
        self.archived.setToolTip(self.tr("Show archived clients, to restore them"))
        self.new_button = QPushButton(self.tr("New client"))
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.tag_filter)
        bar.addWidget(self.archived)
        bar.addWidget(self.new_button)

        services = ctx.services
        # The loan service is loaded the first time a loan column is shown, not at start-up.
        self.model = ClientTableModel(
            self.query.rows, self, lambda ids: services.loans.summaries(ids)
        )
        self.model.today = ctx.clock.today
        self.table, self.header = client_table(self.model)
        self.header.sort_requested.connect(self._sort_changed)
        self._empty_hint: EmptyHint | None = None  # made when the list is first empty

        self.pane_slot = PaneSlot(self._make_pane)
        self.pane_slot.hide()  # until a client is selected
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.pane_slot)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)
        self.toast = Toast(self)

        self.searcher = LatestOnly(ctx.runner, self)
        self.searcher.finished.connect(self._apply_ids)
        self.search.textChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.tag_filter.currentIndexChanged.connect(self.refresh)
        self.archived.toggled.connect(self.refresh)
        self.new_button.clicked.connect(self.new_client)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        ctx.notifier.changed.connect(self._on_change)
        # Counting tags over the whole book takes ~0.1 s at 100,000 clients: off the GUI thread.
        self.tag_loader = LatestOnly(ctx.runner, self)
        self.tag_loader.finished.connect(self._apply_tags)
        self._tags_timer = QTimer(self, singleShot=True, interval=0)
        self._tags_timer.timeout.connect(lambda: self.tag_loader.submit(self.query.tags))
        self._add_actions()

    # -- actions -------------------------------------------------------------------------------

    def _add_actions(self) -> None:
        # Del archives (restores in the archive view); Enter/Return on the list opens the
        # client. Ctrl+F and Ctrl+N are the main window's menu shortcuts.
        self.archive_action = QAction(self.tr("Archive"), self)
        self.archive_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.archive_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.archive_action.triggered.connect(self.archive_selected)
        self.table.addAction(self.archive_action)
        # A shortcut, not an event filter: a filter would take every event of the table
        # through Python (scrolling included).
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.edit_current)
        self.table.addAction(self.open_action)
        self.search.returnPressed.connect(self._focus_first_row)

    @property
    def pane(self) -> ClientPane:
        """The selected client's pane (built now if no client was selected yet)."""
        return self.pane_slot.page()

    def _make_pane(self) -> ClientPane:
        from crm.ui.clients.detail import ClientPane

        pane = ClientPane(self.ctx)
        pane.edit_requested.connect(self.edit_client)
        pane.archive_requested.connect(lambda cid: self.archive([cid]))
        pane.restore_requested.connect(lambda cid: self.restore([cid]))
        return pane

    @property
    def clients(self) -> ClientService:
        return self.ctx.services.clients

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_first_row(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def new_client(self) -> None:
        self._open_dialog(None)

    def _open_dialog(self, detail: ClientDetail | None) -> None:
        from crm.ui.clients.dialog import ClientDialog

        dialog = ClientDialog(self.ctx, detail, self._known_tags, self)
        if dialog.exec() and detail is None and dialog.saved_id is not None:
            self.select_client(dialog.saved_id)

    def edit_current(self) -> None:
        client_id = self.current_id()
        if client_id is not None:
            self.edit_client(client_id)

    def edit_client(self, client_id: int) -> None:
        """Read the client off the GUI thread, then open the form on what was read."""
        clients = self.clients
        self.ctx.runner.run(lambda: clients.get(client_id), self._open_dialog, owner=self)

    def selected_ids(self) -> list[int]:
        return [self.model.client_id(r) for r in self._selected_rows()]

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.client_id(index.row()) if index.isValid() else None

    def archive_selected(self) -> None:
        rows = self._selected_rows()
        if not rows:
            return
        ids = [self.model.client_id(r) for r in rows]
        self._push(ids, self._row_names(rows), restore=self.archived.isChecked())

    def archive(self, ids: list[int]) -> None:
        self._push(ids, self._names(ids), restore=False)

    def restore(self, ids: list[int]) -> None:
        self._push(ids, self._names(ids), restore=True)

    def _names(self, ids: list[int]) -> list[str]:
        return self._row_names([r for r in (self.model.row_of(i) for i in ids[:3]) if r >= 0])

    def _row_names(self, rows: list[int]) -> list[str]:
        """The names the list shows in these rows; the first three are all the text needs
        (and rows on screen are read already)."""
        names = (self.model.index(r, COL_NAME).data() for r in rows[:3])
        return [str(n) for n in names if n]

    def _push(self, ids: list[int], names: list[str], restore: bool) -> None:
        command = ArchiveCommand(self, ids, names, restore)
        self.undo_stack.push(command)
        if restore:
            text = self.tr("Restored {n} client(s): {names}")
        else:
            text = self.tr("Archived {n} client(s): {names}")
        self.toast.show_message(
            text.format(n=len(ids), names="、".join(names[:3])),
            self.tr("Undo"),
            self.undo_stack.undo,
        )

    def set_archived(
        self, ids: list[int], archived: bool, initiator: Initiator = Initiator.USER
    ) -> None:
        """Archive (or restore) off the GUI thread: thousands at once take a while."""
        clients = self.clients
        write = clients.archive if archived else clients.restore
        self.ctx.runner.run(lambda: write(ids, initiator), on_error=self._not_changed, owner=self)

    def _not_changed(self, exc: BaseException) -> bool:
        from crm.store.errors import BookError

        if not isinstance(exc, BookError):
            return False  # a bug: the runner's one failure path shows it
        from PySide6.QtWidgets import QMessageBox  # its type is made when first needed

        QMessageBox.warning(
            self, self.tr("Not changed"), exc.message.render(QCoreApplication.translate)
        )
        return True

    # -- list ----------------------------------------------------------------------------------

    @property
    def empty_hint(self) -> EmptyHint:
        """What an empty list says; built the first time the list is empty (a book with
        clients, the usual start, never pays for it)."""
        if self._empty_hint is None:
            self._empty_hint = EmptyHint(self.table)
        return self._empty_hint

    def current_filter(self) -> ClientFilter:
        return ClientFilter(
            text=self.search.text(),
            status=self.status_filter.currentData(),
            tag=self.tag_filter.currentData(),
            archived=self.archived.isChecked(),
        )

    def refresh(self) -> None:
        """Re-run the search off the GUI thread; the newest answer replaces the list."""
        f, sort, desc = self.current_filter(), self._sort, self._descending
        self.searcher.submit(lambda: self.query.ids(f, sort, desc))

    def load_first_page_now(self, later: Callable[[Callable[[], object], int], None]) -> None:
        """At start-up: the first screenful synchronously, so the first paint shows clients;
        the rest of the ids (100,000 of them take ~20 ms) and the tag counts are read by a
        worker right after that paint (``later``): read during it, their Python held the GIL
        the paint needed (~35 ms of a cold start)."""
        first = self.query.ids(self.current_filter(), self._sort, self._descending, limit=200)
        self._apply_ids(first)
        if len(first) == 200:
            self.count_label.clear()  # the count comes with the rest of the list
            later(self.refresh, 0)
        later(self._tags_timer.start, 0)

    def _apply_ids(self, ids: object) -> None:
        assert isinstance(ids, list)
        keep = self._pending_select if self._pending_select is not None else self.current_id()
        self._pending_select = None
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("{n} clients").format(n=f"{len(ids):,}"))
        if not ids or self._empty_hint is not None:
            f = self.current_filter()
            filtered = bool(f.text.strip() or f.status or f.tag or f.archived)
            self.empty_hint.update_for(len(ids), filtered)
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self._select_row(row)
        else:
            self._show_in_pane(None)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, COL_NAME)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def select_client(self, client_id: int) -> None:
        """Show this client, clearing filters that would hide them."""
        row = self.model.row_of(client_id)
        if row >= 0:
            self._select_row(row)
            return
        self._pending_select = client_id
        query = self.query
        self.ctx.runner.run(
            lambda: query.rows([client_id]).get(client_id), self._show_hidden, owner=self
        )

    def _show_hidden(self, row: ClientRow | None) -> None:
        """Clear the filters hiding the client to select, and show the archive if they are in it."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.status_filter.setCurrentIndex(0)
        self.tag_filter.setCurrentIndex(0)
        self.archived.setChecked(bool(row and row.archived_at))
        self.refresh()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_in_pane(self.model.client_id(current.row()) if current.isValid() else None)

    def _show_in_pane(self, client_id: int | None) -> None:
        """The pane stands beside the list only while it shows someone: with nothing selected
        the list has the whole width (the pane's columns would only hold a hint)."""
        self.pane_slot.setVisible(client_id is not None)
        if client_id is not None or self.pane_slot.built:
            self.pane.set_client(client_id)
        self.client_selected.emit(client_id)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = SORT_KEYS[column] if column >= 0 else "rank"
        self._descending = order == Qt.SortOrder.DescendingOrder and column >= 0
        self.refresh()

    def _on_change(self, change: Change) -> None:
        # Always shown first and kept in step (not a lazy page): the pane follows on its own.
        if not change.touches({Topic.CLIENT}):
            if change.touches({Topic.LOAN}):
                self.model.refresh_loans()  # the loan columns, if shown, read again
            return
        self.model.refresh_rows()
        self.refresh()
        self._tags_timer.start()

    def _apply_tags(self, tags: object) -> None:
        assert isinstance(tags, list)
        self._known_tags = [t for t, _n in tags]
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for tag, n in tags:
            self.tag_filter.addItem(f"{tag} ({n})", tag)
        index = self.tag_filter.findData(current)
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)
