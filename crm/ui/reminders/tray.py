"""The system-tray icon and close-to-tray, where the platform has a tray.

Closing the main window then hides it (reminders keep popping up); the tray menu's Quit, or
File → Quit, ends Prism. Without a tray (offscreen, some Linux desktops) closing quits as usual
and pop-ups use Prism's own notice while the window is open or minimised.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStyle, QSystemTrayIcon

CLOSE_TO_TRAY_KEY = "reminders/close_to_tray"
START_AT_LOGIN_KEY = "reminders/start_at_login"


def close_to_tray(settings: QSettings) -> bool:
    return str(settings.value(CLOSE_TO_TRAY_KEY, "true")).lower() in ("true", "1")


class Tray(QObject):
    def __init__(
        self,
        settings: QSettings,
        window: Callable[[], QMainWindow],
        show_today: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.window = window
        self.quitting = False
        icon = QApplication.windowIcon()
        if icon.isNull():
            style = QApplication.style()
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.icon = QSystemTrayIcon(QIcon(icon), self)
        self.icon.setToolTip("Prism 棱镜")
        menu = QMenu()
        self._menu = menu
        open_action = QAction(self.tr("Open Prism"), menu)
        open_action.triggered.connect(self.bring_back)
        today = QAction(self.tr("Today's reminders"), menu)
        today.triggered.connect(show_today)
        quit_action = QAction(self.tr("Quit Prism"), menu)
        quit_action.triggered.connect(self.quit)
        menu.addAction(open_action)
        menu.addAction(today)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()
        QApplication.setQuitOnLastWindowClosed(not close_to_tray(self.settings))

    def bring_back(self) -> None:
        w = self.window()
        if w.isMinimized():
            w.showNormal()
        w.show()
        w.raise_()
        w.activateWindow()

    def quit(self) -> None:
        self.quitting = True
        self.window().close()
        QApplication.quit()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.bring_back()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Close
            and watched is self.window()
            and not self.quitting
            and not getattr(watched, "quitting", False)
            and self.icon.isVisible()
            and close_to_tray(self.settings)
        ):
            save = getattr(watched, "save_layout", None)
            if save is not None:
                save()
            self.window().hide()
            event.ignore()
            return True
        return False
