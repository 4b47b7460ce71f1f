"""The operating system's session lock (the officer pressed Win+L, closed the lid with "lock on
close", the screen saver locked): :class:`SessionLockWatcher` emits ``locked`` and the app lock
locks too, so a laptop unlocked by someone else later does not show the book.

Per platform, with no extra dependency:

- Linux and the BSDs: D-Bus through QtDBus. On the session bus the screen saver's
  ``ActiveChanged(true)`` (``org.freedesktop.ScreenSaver``: KDE, Xfce and others;
  ``org.gnome.ScreenSaver``: GNOME); on the system bus systemd-logind's ``Lock`` of our session
  (``loginctl lock-session``, and what desktops ask logind for on lid close). No bus, no QtDBus:
  nothing (logged at debug), the idle and wake-from-sleep locks still hold.
- Windows: ``WTSRegisterSessionNotification`` on the window, and a native event filter that
  catches ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK``.
- macOS: ``CGSessionCopyCurrentDictionary``'s ``CGSSessionScreenIsLocked``, polled on the app
  lock's heartbeat (a notification observer would need pyobjc or an Objective-C block via
  ctypes; a poll every few seconds is enough for a screen that is already locked).

The decoding parts are pure functions, tested on every platform.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

# --- Windows: the message and its decoding -------------------------------------------------
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0


class MSG(ctypes.Structure):
    """Win32's MSG, with explicit widths so it is the same layout on any platform's ctypes
    (WPARAM/LPARAM are pointer-sized, UINT/DWORD/LONG 32 bits)."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_int32),
        ("pt_y", ctypes.c_int32),
    ]


def read_msg(address: int) -> tuple[int, int, int]:
    """(hwnd, message, wParam) of the MSG at ``address`` (what Qt hands a native filter)."""
    msg = MSG.from_address(address)
    return int(msg.hwnd or 0), int(msg.message), int(msg.wParam)


def is_session_lock(message: int, wparam: int) -> bool:
    return message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK


# --- macOS: the session dictionary ----------------------------------------------------------
MAC_LOCKED_KEY = "CGSSessionScreenIsLocked"


def mac_screen_locked(info: Mapping[str, object] | None) -> bool:
    """The key is present (and true) only while the screen is locked."""
    return bool(info and info.get(MAC_LOCKED_KEY))


class EdgeDetector:
    """True once per change from unlocked to locked (a poll sees the same lock many times)."""

    def __init__(self) -> None:
        self.was_locked = False

    def __call__(self, locked_now: bool) -> bool:
        rising = locked_now and not self.was_locked
        self.was_locked = locked_now
        return rising


@cache
def _mac_libraries() -> tuple[Any, Any]:  # pragma: no cover - macOS only
    """CoreFoundation and CoreGraphics through ctypes, typed once (no pyobjc)."""
    from ctypes import c_bool, c_char_p, c_uint32, c_void_p, cdll

    cf = cdll.LoadLibrary("/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation")
    cg = cdll.LoadLibrary("/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics")
    cg.CGSessionCopyCurrentDictionary.restype = c_void_p
    cf.CFStringCreateWithCString.restype = c_void_p
    cf.CFStringCreateWithCString.argtypes = [c_void_p, c_char_p, c_uint32]
    cf.CFDictionaryGetValue.restype = c_void_p
    cf.CFDictionaryGetValue.argtypes = [c_void_p, c_void_p]
    cf.CFBooleanGetValue.restype = c_bool
    cf.CFBooleanGetValue.argtypes = [c_void_p]
    cf.CFRelease.argtypes = [c_void_p]
    return cf, cg


def _mac_session_info() -> dict[str, object] | None:  # pragma: no cover - macOS only
    """``{MAC_LOCKED_KEY: bool}`` from CoreGraphics; None when there is no GUI session."""
    cf, cg = _mac_libraries()
    info = cg.CGSessionCopyCurrentDictionary()
    if not info:
        return None
    key = cf.CFStringCreateWithCString(None, MAC_LOCKED_KEY.encode(), 0x08000100)  # UTF-8
    try:
        value = cf.CFDictionaryGetValue(info, key)
        return {MAC_LOCKED_KEY: bool(value) and bool(cf.CFBooleanGetValue(value))}
    finally:
        cf.CFRelease(key)
        cf.CFRelease(info)


# --- the watcher ----------------------------------------------------------------------------
SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")
LOGIND = "org.freedesktop.login1"


def _slot(signature: str) -> Any:
    """Qt's SLOT() string; PySide6 takes it as str at run time though its stubs say bytes."""
    from PySide6.QtCore import SLOT

    return SLOT(signature)


class SessionLockWatcher(QObject):
    """``locked`` when the operating system locks the session. :meth:`poll` is called on the
    app lock's heartbeat (macOS). ``session_bus``/``system_bus`` (QDBusConnection) are for tests:
    by default the desktop's own buses."""

    locked = Signal()

    def __init__(
        self,
        window: QWidget,
        *,
        platform: str = sys.platform,
        session_bus: Any = None,
        system_bus: Any = None,
        mac_reader: Callable[[], Mapping[str, object] | None] | None = None,
    ) -> None:
        super().__init__(window)
        self.platform = platform
        self._own_session = ""  # logind's object path of our session, once known
        self._mac_edge = EdgeDetector()
        self._mac_reader = mac_reader or _mac_session_info
        self._native: _WindowsSessionFilter | None = None
        try:
            if platform == "win32":
                self._watch_windows(window)
            elif platform != "darwin":
                self._watch_dbus(session_bus, system_bus)
        except Exception:  # a missing bus or API must never keep the window from opening
            log.debug("no session-lock notifications", exc_info=True)

    def poll(self) -> None:
        if self.platform != "darwin":
            return
        try:
            info = self._mac_reader()
        except Exception:  # pragma: no cover - a framework missing on an odd macOS
            log.debug("CGSessionCopyCurrentDictionary failed", exc_info=True)
            return
        if self._mac_edge(mac_screen_locked(info)):
            self.locked.emit()

    # Linux: D-Bus ------------------------------------------------------------------------
    def _watch_dbus(self, session_bus: Any, system_bus: Any) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusMessage

        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        if session.isConnected():
            for interface in SCREEN_SAVERS:  # any path: /ScreenSaver, /org/gnome/ScreenSaver...
                session.connect(
                    "",
                    "",
                    interface,
                    "ActiveChanged",
                    self,
                    _slot("screen_saver_active(bool)"),
                )
        else:
            log.debug("no D-Bus session bus: no screen-saver lock")
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        if not system.isConnected():
            log.debug("no D-Bus system bus: no logind lock")
            return
        # Every session's Lock reaches us; ours is told apart once logind says which it is
        # (until then, or without logind, any Lock locks: locking too often is the safe side).
        system.connect(
            "", "", f"{LOGIND}.Session", "Lock", self, _slot("logind_lock(QDBusMessage)")
        )
        ask = QDBusMessage.createMethodCall(
            LOGIND, "/org/freedesktop/login1", f"{LOGIND}.Manager", "GetSession"
        )
        ask.setArguments(["auto"])  # logind: "auto" = the caller's own session
        system.callWithCallback(
            ask,
            self,
            _slot("own_session(QDBusMessage)"),
            _slot("no_session(QDBusError)"),
            timeout=2000,
        )

    @Slot(bool)
    def screen_saver_active(self, active: bool) -> None:
        if active:
            self.locked.emit()

    @Slot("QDBusMessage")
    def logind_lock(self, message: Any) -> None:
        if not self._own_session or message.path() == self._own_session:
            self.locked.emit()

    @Slot("QDBusMessage")
    def own_session(self, reply: Any) -> None:
        args = reply.arguments()
        if args:
            path = args[0]
            self._own_session = path.path() if hasattr(path, "path") else str(path)

    @Slot("QDBusError")
    def no_session(self, error: Any) -> None:
        log.debug("logind has no session for Prism: %s", error.message())

    # Windows -----------------------------------------------------------------------------
    def _watch_windows(self, window: QWidget) -> None:  # pragma: no cover - Windows only
        wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]  # Windows-only API
        hwnd = int(window.winId())
        if not wtsapi.WTSRegisterSessionNotification(
            ctypes.c_void_p(hwnd), NOTIFY_FOR_THIS_SESSION
        ):
            log.debug("WTSRegisterSessionNotification failed")
            return
        native = _WindowsSessionFilter(hwnd, self.locked.emit)
        app = QApplication.instance()
        assert app is not None
        app.installNativeEventFilter(native)
        self._native = native

        def stop() -> None:  # a closure: it runs while the window (and self) goes away
            app.removeNativeEventFilter(native)
            wtsapi.WTSUnRegisterSessionNotification(ctypes.c_void_p(hwnd))

        window.destroyed.connect(stop)
        app.aboutToQuit.connect(stop)


class _WindowsSessionFilter(QAbstractNativeEventFilter):
    def __init__(self, hwnd: int, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self.hwnd = hwnd
        self.on_lock = on_lock

    def nativeEventFilter(self, eventType: Any, message: int) -> object:
        if bytes(eventType).startswith(b"windows") and message:
            hwnd, msg, wparam = read_msg(int(message))
            if hwnd == self.hwnd and is_session_lock(msg, wparam):
                self.on_lock()
        return False, 0
