"""Puts reminders into the app: the Today page in the main window, and (from run_gui) the
minute check with its pop-ups and the tray icon."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from crm.ui.context import UiContext
from crm.ui.lazy_page import LazyPage

if TYPE_CHECKING:
    from crm.services.reminders.engine import Reminder
    from crm.ui.main_window import MainWindow
    from crm.ui.reminders.today_page import TodayPage
    from crm.ui.reminders.tray import Tray

SECTION = "today"


class RemindersUi(QObject):
    """The Today page; it becomes the page shown when the first load finds something due.

    The page is built after the first paint (the client list is what start-up shows): its
    modules and widgets cost start-up ~25 ms the officer would wait for and not see."""

    loaded = Signal(int)  # the page's ``loaded``: how many need attention now

    def __init__(
        self, window: MainWindow, log_contact: Callable[[int, QWidget], object] | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        relationship = window.relationship

        def build() -> TodayPage:
            from crm.ui.reminders.today_page import TodayPage

            page = TodayPage(
                window.ctx,
                window.open_client,
                log_contact,
                # The relationship kit (forms, the brief) is built when a reminder is picked.
                kit=lambda: relationship.kit,
                show_due=lambda: window.show_section("due"),
            )
            page.loaded.connect(self.loaded)
            return page

        self._lazy = LazyPage(build)
        window.add_section(SECTION, self.tr("Today"), self._lazy, position=0)
        self._first = True
        self.loaded.connect(self._loaded)
        # Once the officer has gone to a section, the first answer must not pull them away.
        # Listening from the first event loop turn: building and laying out the window moves
        # the current row too, and that is not the officer.
        QTimer.singleShot(0, lambda: window.sidebar.currentRowChanged.connect(self._navigated))
        # Nor once they have picked a client (the list is the first page: no row change), or
        # started a search (pulled away mid-word, the next keystrokes went nowhere).
        window.clients.client_selected.connect(self._picked)
        window.clients.search.textChanged.connect(self._navigated)
        window.first_paint.later(self._first_load)

    def _first_load(self) -> None:
        # The page's modules are imported on a worker first (~30 ms): built and loaded on
        # the GUI thread right after, where the officer may already be typing a search.
        self.window.ctx.runner.run(
            _import_today_page, lambda _done: self.page.refresh(), owner=self
        )

    @property
    def page(self) -> TodayPage:
        """The Today page, built now if it was not yet."""
        return self._lazy.page()

    @property
    def built(self) -> bool:
        return self._lazy.built

    def refresh_hidden(self) -> None:
        """After a change: a built page not on screen reloads (a shown one follows the book
        itself); one not built yet loads when it is."""
        if self.built and not self._lazy.isVisible():
            self.page.refresh()

    def _navigated(self, _row_or_text: object) -> None:
        self._first = False

    def _picked(self, client_id: int | None) -> None:
        if client_id is not None:
            self._first = False

    def _loaded(self, due: int) -> None:
        if self._first and due:
            self.window.show_section(SECTION)
        self._first = False


def _import_today_page() -> None:
    import crm.ui.reminders.today_page  # noqa: F401


class Background(QObject):
    """The minute check and, where the platform has one, the tray icon (with close-to-tray)."""

    def __init__(
        self, ctx: UiContext, window: Callable[[], MainWindow], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        # Built after the first paint (run_gui starts it): their modules load then.
        from crm.ui.reminders.popups import ReminderPopups
        from crm.ui.reminders.tray import Tray

        self.tray: Tray | None = None
        if Tray.available():
            self.tray = Tray(ctx.settings, window, lambda: self.open_reminder(None), self)
            self.tray.show()
        self.popups = ReminderPopups(
            ctx, self.open_reminder, self.tray.icon if self.tray else None, parent=self
        )

    def start(self) -> None:
        self.popups.start()

    def stop(self) -> None:
        self.popups.stop()
        if self.tray is not None:
            self.tray.icon.hide()

    def open_reminder(self, reminder: Reminder | None) -> None:
        """A pop-up was clicked: that client, or the Today view when it stood for several."""
        w = self.window()
        if reminder is not None and reminder.occurrence.client_id:
            w.open_client(reminder.occurrence.client_id)
            return
        w.show_section(SECTION)
        if reminder is not None:
            w.reminders.page.select_key(reminder.key)
        w.bring_to_front()


def start_background(ctx: UiContext, window: Callable[[], MainWindow]) -> Background:
    background = Background(ctx, window)
    background.start()
    return background
