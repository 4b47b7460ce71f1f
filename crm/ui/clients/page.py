"""The client book page: search box, filters, the lazy list and the detail pane."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Change, Topic
from crm.domain.enums import ClientKind, ClientStatus
from crm.services.client_query import PARTNER_FILTER, ClientFilter, ClientQuery
from crm.ui.clients.model import COL_NAME, SORT_KEYS, ClientTableModel
from crm.ui.context import UiContext
from crm.ui.tasks import LatestOnly
from crm.ui.toast import Toast


class _ArchiveCommand(QUndoCommand):
    """Archive on redo, restore on undo: Ctrl+Z brings archived clients back."""

    def __init__(self, page: ClientsPage, ids: list[int], names: list[str], restore: bool):
        super().__init__()
        self.page, self.ids, self.names, self.restore = page, ids, names, restore
        self.setText(
            QCoreApplication.translate("ClientsPage", "Restore {names}")
            if restore
            else QCoreApplication.translate("ClientsPage", "Archive {names}")
        )
        self.setText(self.text().format(names="、".join(names[:3])))

    def redo(self) -> None:
        self.page.set_archived(self.ids, not self.restore)

    def undo(self) -> None:
        self.page.set_archived(self.ids, self.restore)


class ClientsPage(QWidget):
    #: the id of the client now shown in the pane (None: nothing selected)
    client_selected = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = ClientQuery(ctx.book)
        self._service = None  # ClientService, imported on first use (pulls in sqlmodel)
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

        self.model = ClientTableModel(self.query.rows, self)
        self.model.today = ctx.clock.today
        self.table = QTableView()
        self.table.setObjectName("clientTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        for col, width in enumerate((110, 110, 110, 170, 150, 100, 90)):
            header.resizeSection(col, width)

        from crm.ui.clients.detail import ClientPane

        self.pane = ClientPane(self._lazy_service, self)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.pane)
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
        self.pane.edit_requested.connect(self.edit_client)
        self.pane.archive_requested.connect(lambda cid: self.archive([cid]))
        self.pane.restore_requested.connect(lambda cid: self.restore([cid]))
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
        self.table.installEventFilter(self)
        self.search.returnPressed.connect(self._focus_first_row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.edit_current()
            return True
        return super().eventFilter(watched, event)

    def _lazy_service(self):
        if self._service is None:
            from crm.services.clients import ClientService

            self._service = ClientService(self.ctx.book, self.ctx.clock)
        return self._service

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_first_row(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def new_client(self) -> None:
        from crm.ui.clients.dialog import ClientDialog

        dialog = ClientDialog(
            self._lazy_service(), None, self._known_tags(), self, runner=self.ctx.runner
        )
        if dialog.exec() and dialog.saved_id is not None:
            self.select_client(dialog.saved_id)

    def edit_current(self) -> None:
        client_id = self.current_id()
        if client_id is not None:
            self.edit_client(client_id)

    def edit_client(self, client_id: int) -> None:
        from crm.ui.clients.dialog import ClientDialog

        ClientDialog(
            self._lazy_service(), client_id, self._known_tags(), self, runner=self.ctx.runner
        ).exec()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.client_id(r) for r in rows]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.client_id(index.row()) if index.isValid() else None

    def archive_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if self.archived.isChecked():
            self.restore(ids)
        else:
            self.archive(ids)

    def archive(self, ids: list[int]) -> None:
        self._push(ids, restore=False)

    def restore(self, ids: list[int]) -> None:
        self._push(ids, restore=True)

    def _push(self, ids: list[int], restore: bool) -> None:
        names = [r.name for r in self.query.rows(ids).values()]
        command = _ArchiveCommand(self, ids, names, restore)
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

    def set_archived(self, ids: list[int], archived: bool) -> None:
        from crm.store.errors import BookError

        service = self._lazy_service()
        try:
            service.archive(ids) if archived else service.restore(ids)
        except BookError as exc:
            QMessageBox.warning(
                self, self.tr("Not changed"), exc.message.render(QCoreApplication.translate)
            )

    # -- list ----------------------------------------------------------------------------------

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

    def load_first_page_now(self) -> None:
        """At start-up: the first screenful synchronously, so the first paint shows clients;
        the rest of the ids (100,000 of them take ~20 ms) arrive from a worker right after."""
        first = self.query.ids(self.current_filter(), self._sort, self._descending, limit=200)
        self._apply_ids(first)
        if len(first) == 200:
            self.refresh()
        self._tags_timer.start()

    def _apply_ids(self, ids: object) -> None:
        assert isinstance(ids, list)
        keep = self._pending_select if self._pending_select is not None else self.current_id()
        self._pending_select = None
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("{n} clients").format(n=f"{len(ids):,}"))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self._select_row(row)
        else:
            self.pane.set_client(None)
            self.client_selected.emit(None)

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
        archived = self.query.rows([client_id]).get(client_id)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.status_filter.setCurrentIndex(0)
        self.tag_filter.setCurrentIndex(0)
        self.archived.setChecked(bool(archived and archived.archived_at))
        self.refresh()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        client_id = self.model.client_id(current.row()) if current.isValid() else None
        self.pane.set_client(client_id)
        self.client_selected.emit(client_id)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = SORT_KEYS[column] if column >= 0 else "rank"
        self._descending = order == Qt.SortOrder.DescendingOrder and column >= 0
        self.refresh()

    def _on_change(self, change: Change) -> None:
        if not change.touches({Topic.CLIENT}):
            return
        self.model.refresh_rows()
        self.refresh()
        self.pane.refresh()
        self._tags_timer.start()

    def _known_tags(self) -> list[str]:
        return [t for t, _n in self.query.tags()]

    def _apply_tags(self, tags: object) -> None:
        assert isinstance(tags, list)
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for tag, n in tags:
            self.tag_filter.addItem(f"{tag} ({n})", tag)
        index = self.tag_filter.findData(current)
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)
