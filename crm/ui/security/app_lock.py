"""The app lock: after N idle minutes (default 10) a protected book's window hides client data
behind a passphrase prompt; the right passphrase shows it again.

Idle = no key press, mouse button or wheel anywhere in the application (an application-wide
event filter that looks only at those few event types). The machine going to sleep (a closed
lid) locks too: a heartbeat notices the wall clock jump past it on waking, whatever the
platform (Qt has no portable "resumed" signal). The session locking (Win+L, the screen
saver, logind's lock on lid close) locks at once: :mod:`crm.ui.security.session_lock`.
Only a protected book locks: a plain book has no passphrase to ask for. While locked,
:attr:`AppLock.locked` is True for pop-ups that must not show names.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMainWindow

from crm.ui.security.session_lock import SessionLockWatcher

DEFAULT_IDLE_MINUTES = 10
HEARTBEAT_MS = 15_000
# A heartbeat this late means the machine slept (lid closed) rather than a busy event loop.
SLEPT_AFTER_S = 60.0
SETTING_KEY = "security/lock_after_minutes"
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


_locked_now = [False]  # for pop-ups, which know no window: one app, one lock


def is_locked() -> bool:
    """Is an app lock hiding client data right now (pop-ups then show no names)?"""
    return _locked_now[0]


class AppLock(QObject):
    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        folder: Path,
        idle_minutes: int,
        wall_clock: Callable[[], float] = time.time,
        session: SessionLockWatcher | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, idle_minutes) * 60_000)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()
        self._wall_clock = wall_clock
        self._last_beat = wall_clock()
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.beat)
        self.heartbeat.start()
        self.session = session or SessionLockWatcher(window)
        self.session.locked.connect(self.lock)

    def beat(self) -> None:
        """Lock if the wall clock jumped well past the last beat: the machine slept."""
        now = self._wall_clock()
        slept = now - self._last_beat > HEARTBEAT_MS / 1000 + SLEPT_AFTER_S
        self._last_beat = now
        self.session.poll()  # macOS asks whether the screen is locked; elsewhere nothing
        if slept:
            self.lock()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in _INPUT:
            self.timer.start()  # restarts the idle count
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        _locked_now[0] = True
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        self.locked_changed.emit(True)
        QTimer.singleShot(0, self.ask)

    def ask(self) -> None:
        """The prompt, until the right passphrase (closing it leaves the window locked; the
        next click on the window asks again)."""
        from crm.services import security

        label = self.tr("Prism is locked. Passphrase:")
        while self.locked:
            text, ok = QInputDialog.getText(
                self.window, self.tr("Prism is locked"), label, QLineEdit.EchoMode.Password
            )
            if not ok:
                return
            try:
                security.unlock(self.folder, text)
            except security.WrongPassphrase:
                label = self.tr("Wrong passphrase. Passphrase:")
                continue
            self.unlock()

    def unlock(self) -> None:
        self.locked = False
        _locked_now[0] = False
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        self.locked_changed.emit(False)
        self.timer.start()


def install_app_lock(window: QMainWindow, folder: Path, settings: QSettings) -> AppLock | None:
    """The lock for a protected book's window; None for a plain book."""
    from crm.services import security

    if not security.is_protected(folder):
        return None
    try:
        minutes = int(str(settings.value(SETTING_KEY, DEFAULT_IDLE_MINUTES)))
    except ValueError:
        minutes = DEFAULT_IDLE_MINUTES
    return AppLock(window, folder, minutes)
