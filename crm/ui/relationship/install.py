"""Puts relationship memory into the main window: pane tabs, sidebar pages, Ctrl+L, settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from crm.ui.lazy_page import LazyPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from crm.ui.main_window import MainWindow
    from crm.ui.relationship.brief_tab import BriefTab
    from crm.ui.relationship.due_page import DuePage
    from crm.ui.relationship.kit import RelationshipKit
    from crm.ui.relationship.notes_tab import NotesTab
    from crm.ui.relationship.promises_page import PromisesPage
    from crm.ui.relationship.resources_page import ResourcesPage
    from crm.ui.relationship.timeline_tab import TimelineTab

LOG_CONTACT_KEYS = "Ctrl+L"


class RelationshipUi(QObject):
    """Owns the kit and builds the widgets (its methods give lupdate a context for titles).

    The kit, the pane tabs and the sidebar pages are built (and their modules imported) when
    first needed: start-up shows none of them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        page = window.clients
        self.ctx = window.ctx
        self._kit: RelationshipKit | None = None
        self._brief = page.pane_slot.add_tab(self.tr("Brief"), self._build_brief)
        self._notes = page.pane_slot.add_tab(self.tr("Notes"), self._build_notes)
        self._timeline = page.pane_slot.add_tab(self.tr("History"), self._build_timeline)
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

    @property
    def kit(self) -> RelationshipKit:
        if self._kit is None:
            from crm.ui.relationship.kit import RelationshipKit

            page = self.page
            self._kit = RelationshipKit(self.ctx, page.undo_stack, page.toast, self)
        return self._kit

    def _build_brief(self) -> BriefTab:
        from crm.ui.relationship.brief_tab import BriefTab

        return BriefTab(self.kit)

    def _build_notes(self) -> NotesTab:
        from crm.ui.relationship.notes_tab import NotesTab

        return NotesTab(self.kit)

    def _build_timeline(self) -> TimelineTab:
        from crm.ui.relationship.timeline_tab import TimelineTab

        return TimelineTab(self.kit)

    @property
    def brief(self) -> BriefTab:
        return self._brief.page()

    @property
    def notes(self) -> NotesTab:
        return self._notes.page()

    @property
    def timeline(self) -> TimelineTab:
        return self._timeline.page()

    def log_contact_with(self, client_id: int, parent: QWidget) -> int | None:
        """Log a contact with this client (Today's rows, pop-ups): the kit's form."""
        return self.kit.log_contact(client_id, parent)

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
