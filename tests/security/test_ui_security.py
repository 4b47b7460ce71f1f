"""Settings → Security, and the passphrase prompt at start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

from crm.store import crypto
from tests.helpers import draft


@pytest.fixture(autouse=True)
def _forget_keys():
    yield
    crypto._keys.clear()


def test_protect_and_unprotect_from_the_settings_page(qtbot, ui_ctx, tmp_path: Path) -> None:
    from crm.ui.security.settings_page import SecurityPage

    services = ui_ctx.services
    services.clients.add(draft("张三"))
    services.clients.add(draft("李四"))
    page = SecurityPage(ui_ctx)
    qtbot.addWidget(page)
    assert "cannot be recovered" in " ".join(w.text() for w in page.findChildren(type(page.state)))
    assert page.protect_button.isVisibleTo(page) and not page.unprotect_button.isVisibleTo(page)
    page.passphrase.setText("a long passphrase")
    page.again.setText("a long passphrase")
    page.protect()
    path = services.book_path
    assert path.read_bytes()[:16] != crypto.SQLITE_MAGIC
    assert page.unprotect_button.isVisibleTo(page)
    # The same services go on reading and writing the now encrypted book.
    services.clients.add(draft("王五"))
    conn = services.book.reader()
    assert conn.execute("SELECT count(*) FROM client").fetchone()[0] == 3

    from PySide6.QtWidgets import QMessageBox

    qtbot_yes = QMessageBox.StandardButton.Yes
    import unittest.mock as mock

    with mock.patch.object(QMessageBox, "question", return_value=qtbot_yes):
        page.unprotect()
    assert path.read_bytes()[:16] == crypto.SQLITE_MAGIC
    assert services.book.reader().execute("SELECT count(*) FROM client").fetchone()[0] == 3


def test_start_asks_for_the_passphrase(qapp, tmp_path: Path, monkeypatch) -> None:
    from crm.domain.clock import SystemClock
    from crm.services.facade import Services
    from crm.store import protect
    from crm.ui.app import _open_book

    services = Services.open(tmp_path)
    services.clients.add(draft("赵六"))
    services.close()
    protect.protect(tmp_path / "prism.db", "open sesame")
    crypto._keys.clear()
    answers = iter([("wrong one", True), ("open sesame", True)])
    labels: list[str] = []

    def get_text(parent, title, label, echo):  # type: ignore[no-untyped-def]
        labels.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    opened = _open_book(tmp_path, SystemClock())
    try:
        assert opened.book.reader().execute("SELECT count(*) FROM client").fetchone()[0] == 1
    finally:
        opened.close()
    assert "Wrong passphrase" in labels[1]


def test_idle_window_locks_and_the_passphrase_unlocks(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QLabel, QMainWindow

    from crm.services.facade import Services
    from crm.store import protect
    from crm.ui.security.app_lock import AppLock
    from crm.ui.security.clipboard import copy_sensitive

    Services.open(tmp_path).close()
    protect.protect(tmp_path / "prism.db", "open sesame")
    window = QMainWindow()
    window.setCentralWidget(QLabel("张三 138 0013 8000"))
    qtbot.addWidget(window)
    window.show()
    lock = AppLock(window, tmp_path, idle_minutes=10)
    assert lock.timer.interval() == 600_000
    answers = iter([("nope", True), ("open sesame", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: next(answers))
    lock.lock()
    assert lock.locked and not window.centralWidget().isVisible()
    qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
    assert window.centralWidget().isVisible()

    from PySide6.QtGui import QGuiApplication

    copy_sensitive("138 0013 8000", clear_after_ms=50)
    assert QGuiApplication.clipboard().text() == "138 0013 8000"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)


def test_waking_from_sleep_locks_at_once(qtbot, tmp_path: Path, monkeypatch) -> None:
    """A closed lid: the heartbeat finds the wall clock far past it on waking and locks,
    without waiting for the idle minutes (a laptop taken while asleep opens locked)."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    from crm.ui.security.app_lock import AppLock

    now = [1_000_000.0]
    window = QMainWindow()
    window.setCentralWidget(QLabel("张三"))
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("", False))  # prompt left open
    lock = AppLock(window, tmp_path, idle_minutes=10, wall_clock=lambda: now[0])
    now[0] += 15
    lock.beat()  # an ordinary beat
    assert not lock.locked
    now[0] += 3 * 3600  # the lid was closed for three hours
    lock.beat()
    assert lock.locked and not window.centralWidget().isVisible()


def test_the_idle_minutes_are_set_on_the_security_page(qtbot, ui_ctx) -> None:
    from crm.ui.security.app_lock import SETTING_KEY
    from crm.ui.security.settings_page import SecurityPage

    page = SecurityPage(ui_ctx)
    qtbot.addWidget(page)
    assert page.idle_minutes.value() == 10
    page.idle_minutes.setValue(3)
    page.save()
    assert int(ui_ctx.settings.value(SETTING_KEY)) == 3


_RELAUNCH = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from crm.ui.app import run_gui
from crm.ui.main_window import MainWindow
from crm.ui.security.app_lock import AppLock

QInputDialog.getText = lambda *a: ("open sesame", True)
app = QApplication(sys.argv)
seen = []

def shown():
    return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())

def change_language():
    seen.append(shown().findChild(AppLock) is not None)
    shown().language_change_requested.emit("zh_CN")

def check_and_quit():
    seen.append(shown().findChild(AppLock) is not None)
    app.quit()

QTimer.singleShot(1500, change_language)
QTimer.singleShot(3000, check_and_quit)
run_gui(data_dir=sys.argv[1], language="en")
print("locked before and after:", seen)
"""


def test_the_lock_follows_the_window_a_language_change_rebuilds(tmp_path: Path) -> None:
    """Changing the language rebuilds the window; the app lock lived with the old one, so the
    new window went unlocked until the next start. (Its own process: the whole GUI runs.)"""
    import os
    import subprocess
    import sys

    from crm.services.facade import Services
    from crm.store import protect

    Services.open(tmp_path).close()
    protect.protect(tmp_path / "prism.db", "open sesame")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _RELAUNCH, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert "locked before and after: [True, True]" in done.stdout, done.stdout + done.stderr
