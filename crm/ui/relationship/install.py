"""Puts relationship memory into the main window: pane tabs, sidebar pages, Ctrl+L, settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from crm.ui.relationship.brief_tab import BriefTab
from crm.ui.relationship.due_page import DuePage
from crm.ui.relationship.kit import RelationshipKit
from crm.ui.relationship.notes_tab import NotesTab
from crm.ui.relationship.promises_page import PromisesPage
from crm.ui.relationship.resources_page import ResourcesPage
from crm.ui.relationship.timeline_tab import TimelineTab

if TYPE_CHECKING:
    from crm.ui.main_window import MainWindow

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
        self.due = DuePage(self.kit, window.open_client)
        self.promises = PromisesPage(self.kit, window.open_client)
        self.resources = ResourcesPage(self.kit, window.open_client)
        window.add_section("due", self.tr("Due for contact"), self.due)
        window.add_section("promises", self.tr("My promises"), self.promises)
        window.add_section("resources", self.tr("Resources"), self.resources)

        self.log_action = QAction(self.tr("Log contact…"), page)
        self.log_action.setShortcut(QKeySequence(LOG_CONTACT_KEYS))
        self.log_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.log_action.triggered.connect(self.log_contact)
        page.addAction(self.log_action)
        self.page = page

    def log_contact(self) -> None:
        """Ctrl+L on the client list: log a contact with the current client."""
        client_id = self.page.current_id()
        if client_id is not None:
            self.kit.log_contact(client_id, self.page)


def install_relationship(window: MainWindow) -> RelationshipUi:
    ui = RelationshipUi(window)
    window.relationship = ui  # type: ignore[attr-defined]
    return ui
