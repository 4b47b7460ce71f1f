"""The main window: a sidebar of sections beside the page it shows, menus, remembered layout."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from crm import __version__
from crm.ui.clients.page import ClientsPage
from crm.ui.context import UiContext
from crm.ui.dashboard.install import dashboard_section
from crm.ui.first_paint import AFTER_FIRST_PAINT_MS, FirstPaint
from crm.ui.lazy_page import LazyPage
from crm.ui.loans.area import LoansUi
from crm.ui.post_loan.area import PostLoanUi
from crm.ui.referrals.install import ReferralsUi
from crm.ui.relationship.install import RelationshipUi
from crm.ui.reminders.install import RemindersUi
from crm.ui.sidebar import Sidebar, SidebarCounts, icon

#: The first window's size where the screen has room for it (the list, the pane and the
#: sidebar side by side); later starts restore the size the officer left.
PREFERRED_SIZE = (1200, 760)
#: Room kept for the window's title bar and frame, which the window manager adds outside
#: the geometry Qt sets (a 1366×768 laptop with a 40-pixel taskbar has 728 pixels left).
FRAME_ALLOWANCE = (16, 40)


def first_geometry(available: QRect) -> QRect:
    """The first window: the preferred size, shrunk to fit the screen's free area (taskbar
    excluded) with its frame, and centred in it."""
    width = min(PREFERRED_SIZE[0], available.width() - FRAME_ALLOWANCE[0])
    height = min(PREFERRED_SIZE[1], available.height() - FRAME_ALLOWANCE[1])
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    # The title bar sits above the geometry: keep it on screen.
    rect.moveTop(max(rect.top(), available.top() + FRAME_ALLOWANCE[1] - FRAME_ALLOWANCE[0] // 2))
    return rect


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)
    #: Set by File → Quit: closing then ends Prism instead of hiding it in the tray.
    quitting = False

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: what start-up does after the list is on screen waits here (areas queue their work)
        self.first_paint = FirstPaint(self)
        self.setWindowTitle(self.tr("Prism — client book"))
        self.setWindowIcon(icon("prism"))
        self.sidebar = Sidebar()
        self.stack = QStackedWidget()
        self._sections: dict[str, QWidget] = {}
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)

        # The areas, plugged in explicitly; each gets what it depends on.
        self.clients = ClientsPage(ctx, self)
        self.add_section("clients", self.tr("Clients"), self.clients)
        self.relationship = RelationshipUi(self)
        self.loans = LoansUi(self)
        self.post_loan = PostLoanUi(self)
        self.referrals = ReferralsUi(self)
        self.reminders = RemindersUi(self, log_contact=self.relationship.log_contact_with)
        self.add_section("dashboard", self.tr("Dashboard"), dashboard_section(self))
        self._build_menus()
        self.add_section("trash", self.tr("Trash"), LazyPage(self._trash_page))
        self.counts = SidebarCounts(ctx, self.sidebar, self.reminders)
        self.first_paint.later(self.counts.refresh, AFTER_FIRST_PAINT_MS * 2)
        self.restore_layout()

    # -- sections ------------------------------------------------------------------------------

    def _trash_page(self) -> QWidget:
        from crm.ui.transfer.trash_page import TrashPage

        return TrashPage(self.ctx)

    def add_section(self, key: str, title: str, page: QWidget, position: int = -1) -> None:
        """Add a sidebar entry and its page; ``position`` -1 appends, 0 puts it first."""
        item = self.sidebar.make_item(key, title)
        row = self.sidebar.count() if position < 0 else position
        # The page first: inserting the item may move the current row, and the stack must
        # already hold the page that row now stands for.
        self.stack.insertWidget(row, page)
        self.sidebar.insertItem(row, item)
        self._sections[key] = page
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)

    def show_section(self, key: str) -> QWidget:
        page = self._sections[key]
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        return page.page() if isinstance(page, LazyPage) else page

    def current_section(self) -> str:
        """The key of the section on screen."""
        shown = self.stack.currentWidget()
        return next(key for key, page in self._sections.items() if page is shown)

    def open_client(self, client_id: int) -> None:
        """Bring the client book forward with this client selected (pop-ups, other pages)."""
        self.show_section("clients")
        self.clients.select_client(client_id)
        self.bring_to_front()

    def new_client(self) -> None:
        self.show_section("clients")
        self.clients.new_client()

    def find_client(self) -> None:
        self.show_section("clients")
        self.clients.focus_search()

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- menus ---------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = QAction(self.tr("&New client…"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_client)
        file_menu.addAction(new)
        from crm.ui.transfer.actions import TransferActions

        self.transfer = TransferActions(self)
        self.transfer.add_to(file_menu)
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.clients.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.clients.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        find = QAction(self.tr("&Find client"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.find_client)
        edit_menu.addAction(find)
        self.reveal_action = QAction(self.tr("Show full phone numbers in the list"), self)
        self.reveal_action.setCheckable(True)
        self.reveal_action.toggled.connect(self.clients.model.set_unmasked)
        edit_menu.addAction(self.reveal_action)

        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        calculator = QAction(self.tr("Loan &calculator…"), self)
        calculator.setShortcut(QKeySequence("Ctrl+K"))  # Ctrl+L logs a contact
        calculator.triggered.connect(self.open_calculator)
        tools_menu.addAction(calculator)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Prism"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def quit(self) -> None:
        """File → Quit ends Prism, even when closing the window only hides it in the tray."""
        self.quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None and not QApplication.quitOnLastWindowClosed():
            QApplication.quit()

    def open_calculator(self) -> None:
        """The loan calculator, for walk-in questions (no client needed)."""
        from crm.ui.loans.calculator import open_calculator  # built on first use

        open_calculator(self, self.ctx)

    def open_settings(self) -> None:
        from crm.ui.settings_dialog import SettingsDialog
        from crm.ui.settings_pages import settings_pages

        dialog = SettingsDialog(self.ctx.settings, settings_pages(self.ctx), self)
        if dialog.exec() and dialog.language_changed:
            self.language_change_requested.emit(dialog.language())

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # its type is made when first needed

        QMessageBox.about(
            self,
            self.tr("About Prism"),
            self.tr(
                "Prism (棱镜) {version}\n\nA client book for loan officers: remember people, "
                "keep promises, never miss a greeting.\n\nBook: {path}"
            ).format(version=__version__, path=str(self.ctx.services.book_path)),
        )

    # -- layout memory -------------------------------------------------------------------------

    def restore_layout(self) -> None:
        s = self.ctx.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = self.screen() or QApplication.primaryScreen()
            if screen is not None:
                self.setGeometry(first_geometry(screen.availableGeometry()))
            else:
                self.resize(*PREFERRED_SIZE)
        for key, widget in (
            ("window/columns", self.clients.table.horizontalHeader()),
            ("window/splitter", self.clients.splitter),
        ):
            state = s.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                widget.restoreState(state)

    def save_layout(self) -> None:
        s = self.ctx.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/columns", self.clients.table.horizontalHeader().saveState())
        s.setValue("window/splitter", self.clients.splitter.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
