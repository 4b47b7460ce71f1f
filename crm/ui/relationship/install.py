"""Puts relationship memory into the main window: pane tabs, sidebar pages, Ctrl+L, settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from crm.ui.lazy_page import LazyPage
from crm.ui.relationship.brief_tab import BriefTab
from crm.ui.relationship.kit import RelationshipKit
from crm.ui.relationship.notes_tab import NotesTab
from crm.ui.relationship.timeline_tab import TimelineTab

if TYPE_CHECKING:
    from crm.ui.main_window import MainWindow
    from crm.ui.relationship.due_page import DuePage
    from crm.ui.relationship.promises_page import PromisesPage
    from crm.ui.relationship.resources_page import ResourcesPage

LOG_CONTACT_KEYS = "Ctrl+L"


class RelationshipUi(QObject):
    """Owns the kit and builds the widgets (its methods give lupdate a context for titles)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        page = window.clients
        self.kit = RelationshipKit(window.ctx, page.undo_stack, page.toast, self)
        self.brief = BriefTab(self.kit)
        self.notes = NotesTab(self.kit)
        self.timeline = TimelineTab(self.kit)
        page.pane.add_tab(self.brief, self.tr("Brief"))
        page.pane.add_tab(self.notes, self.tr("Notes"))
        page.pane.add_tab(self.timeline, self.tr("History"))
        # The sidebar pages are built (and their modules imported) when first shown.
        self._due: LazyPage[DuePage] = LazyPage(self._build_due)
        self._promises: LazyPage[PromisesPage] = LazyPage(self._build_promises)
        self._resources: LazyPage[ResourcesPage] = LazyPage(self._build_resources)
        window.add_section("due", self.tr("Due for contact"), self._due)
        window.add_section("promises", self.tr("My promises"), self._promises)
        window.add_section("resources", self.tr("Resources"), self._resources)
        self.open_client = window.open_client

        self.log_action = QAction(self.tr("Log contact…"), page)
        self.log_action.setShortcut(QKeySequence(LOG_CONTACT_KEYS))
        self.log_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.log_action.triggered.connect(self.log_contact)
        page.addAction(self.log_action)
        self.page = page

    def _build_due(self) -> DuePage:
        from crm.ui.relationship.due_page import DuePage

        return DuePage(self.kit, self.open_client)

    def _build_promises(self) -> PromisesPage:
        from crm.ui.relationship.promises_page import PromisesPage

        return PromisesPage(self.kit, self.open_client)

    def _build_resources(self) -> ResourcesPage:
        from crm.ui.relationship.resources_page import ResourcesPage

        return ResourcesPage(self.kit, self.open_client)

    @property
    def due(self) -> DuePage:
        return self._due.page()

    @property
    def promises(self) -> PromisesPage:
        return self._promises.page()

    @property
    def resources(self) -> ResourcesPage:
        return self._resources.page()

    def log_contact(self) -> None:
        """Ctrl+L on the client list: log a contact with the current client."""
        client_id = self.page.current_id()
        if client_id is not None:
            self.kit.log_contact(client_id, self.page)
