"""The window locks when the operating system locks the session.

Linux for real: a private D-Bus daemon stands in for the desktop's buses and ``dbus-send``
emits the screen saver's and logind's signals. Windows' and macOS's decoding are pure
functions, tested here on any platform.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow

from crm.ui.security import session_lock
from crm.ui.security.session_lock import (
    MAC_LOCKED_KEY,
    MSG,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    SessionLockWatcher,
    is_session_lock,
    read_msg,
)

_names = itertools.count()


class _Bus:
    def __init__(self, address: str, pid: int) -> None:
        from PySide6.QtDBus import QDBusConnection

        self.address = address
        self.pid = pid
        self.name = f"prism-test-{os.getpid()}-{next(_names)}"
        self.connection = QDBusConnection.connectToBus(address, self.name)
        assert self.connection.isConnected()

    def signal(self, path: str, member: str, *args: str) -> None:
        subprocess.run(
            ["dbus-send", f"--bus={self.address}", "--type=signal", path, member, *args],
            check=True,
            timeout=10,
        )

    def close(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(self.name)
        os.kill(self.pid, signal.SIGTERM)


def _start_bus() -> _Bus:
    out = subprocess.run(
        ["dbus-daemon", "--session", "--print-address=1", "--print-pid=1", "--fork"],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    ).stdout.split()
    return _Bus(out[0], int(out[1]))


@pytest.fixture
def buses(qapp) -> Iterator[tuple[_Bus, _Bus]]:
    """A session bus and a stand-in for the system bus (each a private dbus-daemon)."""
    if not (shutil.which("dbus-daemon") and shutil.which("dbus-send")):
        pytest.skip("dbus-daemon / dbus-send not installed (apt-get install dbus)")
    session, system = _start_bus(), _start_bus()
    yield session, system
    session.close()
    system.close()


@pytest.fixture
def window(qtbot, monkeypatch) -> QMainWindow:
    win = QMainWindow()
    win.setCentralWidget(QLabel("张三 138 0013 8000"))
    qtbot.addWidget(win)
    win.show()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("", False))  # prompt left open
    return win


def _lock(window: QMainWindow, tmp_path: Path, watcher: SessionLockWatcher):  # type: ignore[no-untyped-def]
    from crm.ui.security.app_lock import AppLock

    return AppLock(window, tmp_path, idle_minutes=10, session=watcher)


def test_the_screen_saver_locking_locks_the_window(qtbot, buses, window, tmp_path, caplog) -> None:
    import logging

    caplog.set_level(logging.DEBUG, logger=session_lock.__name__)
    session, system = buses
    watcher = SessionLockWatcher(
        window, platform="linux", session_bus=session.connection, system_bus=system.connection
    )
    lock = _lock(window, tmp_path, watcher)
    qtbot.waitUntil(lambda: "logind has no session" in caplog.text, timeout=5000)
    assert "no session-lock notifications" not in caplog.text  # every call took its arguments
    iface = "org.freedesktop.ScreenSaver"
    session.signal("/org/freedesktop/ScreenSaver", f"{iface}.ActiveChanged", "boolean:false")
    qtbot.wait(300)
    assert not lock.locked  # the screen saver going away is no reason to lock
    session.signal("/org/freedesktop/ScreenSaver", f"{iface}.ActiveChanged", "boolean:true")
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert not window.centralWidget().isVisible()


def test_gnome_screen_saver_locks_too(qtbot, buses, window, tmp_path) -> None:
    session, system = buses
    watcher = SessionLockWatcher(
        window, platform="linux", session_bus=session.connection, system_bus=system.connection
    )
    lock = _lock(window, tmp_path, watcher)
    session.signal("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", "boolean:true")
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)


def test_logind_locking_our_session_locks_the_window(qtbot, buses, window, tmp_path) -> None:
    """``loginctl lock-session``: logind's Lock on the system bus. Without logind (as here)
    Prism cannot tell its session apart and any session's Lock locks; once logind named ours,
    another session's Lock does not."""
    session, system = buses
    watcher = SessionLockWatcher(
        window, platform="linux", session_bus=session.connection, system_bus=system.connection
    )
    lock = _lock(window, tmp_path, watcher)
    system.signal("/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session.Lock")
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)

    lock.unlock()

    class Reply:
        def arguments(self) -> list[str]:
            return ["/org/freedesktop/login1/session/_33"]

    watcher.own_session(Reply())
    system.signal("/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session.Lock")
    qtbot.wait(300)
    assert not lock.locked
    system.signal("/org/freedesktop/login1/session/_33", "org.freedesktop.login1.Session.Lock")
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)


def test_no_bus_is_no_error(qtbot, window, tmp_path) -> None:
    from PySide6.QtDBus import QDBusConnection

    # A connection by a name never connected: what sessionBus()/systemBus() give where there
    # is no bus. (Connecting to a missing address instead hung in a long run: QtDBus's
    # connection thread was still busy with an earlier test's bus.)
    absent = QDBusConnection("prism-test-absent")
    assert not absent.isConnected()
    watcher = SessionLockWatcher(window, platform="linux", session_bus=absent, system_bus=absent)
    lock = _lock(window, tmp_path, watcher)
    assert not lock.locked


def _msg(hwnd: int, message: int, wparam: int) -> MSG:
    return MSG(hwnd=hwnd, message=message, wParam=wparam, lParam=0, time=0, pt_x=0, pt_y=0)


def test_windows_session_lock_message_is_decoded() -> None:
    msg = _msg(0x1234, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert read_msg(ctypes.addressof(msg)) == (0x1234, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert is_session_lock(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert not is_session_lock(WM_WTSSESSION_CHANGE, 8)  # WTS_SESSION_UNLOCK
    assert not is_session_lock(0x0010, WTS_SESSION_LOCK)  # WM_CLOSE


def test_windows_filter_calls_back_for_its_window_only(qapp) -> None:
    calls: list[str] = []
    native = session_lock._WindowsSessionFilter(0x1234, lambda: calls.append("lock"))
    other = _msg(0x9999, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    ours = _msg(0x1234, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    unlock = _msg(0x1234, WM_WTSSESSION_CHANGE, 8)
    for m in (other, unlock):
        assert native.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(m)) == (False, 0)
    assert calls == []
    native.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(ours))
    native.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(ours))
    assert calls == ["lock"]


def test_macos_screen_lock_is_polled_on_the_heartbeat(qtbot, window, tmp_path) -> None:
    states: list[dict[str, object] | None] = [{}, {MAC_LOCKED_KEY: True}, None]
    info: list[dict[str, object] | None] = [None]
    watcher = SessionLockWatcher(window, platform="darwin", mac_reader=lambda: info[0])
    lock = _lock(window, tmp_path, watcher)
    info[0] = states[0]
    lock.beat()
    assert not lock.locked
    info[0] = states[1]
    lock.beat()
    assert lock.locked
    lock.unlock()
    lock.beat()  # still the same lock: the officer unlocked Prism meanwhile, no second lock
    assert not lock.locked
    info[0] = states[2]
    lock.beat()
    info[0] = states[1]
    lock.beat()
    assert lock.locked
