"""Starting the GUI: language, one instance per book, opening the book, the main window.

The start-up path imports only Qt, sqlite3 and our light modules, so the first page of clients
paints quickly; sqlmodel, pypinyin and the validators load on a background thread afterwards.
"""

from __future__ import annotations

import gc
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from crm import config
from crm.domain.clock import Clock, SystemClock
from crm.services.facade import Services
from crm.store.errors import BookDamaged, BookError
from crm.ui.context import UiContext
from crm.ui.i18n import SETTING_KEY, install_translators, remove_translators, resolve_language
from crm.ui.main_window import MainWindow
from crm.ui.single_instance import SingleInstance, ask_owner_to_raise

if TYPE_CHECKING:
    from crm.ui.reminders.install import Background
    from crm.ui.transfer.safekeeping import AutoBackup

DEMO_CLIENTS = 300


def open_settings(folder: Path) -> QSettings:
    return QSettings(str(config.settings_path(folder)), QSettings.Format.IniFormat)


def build_window(ctx: UiContext) -> MainWindow:
    """The main window with its first page of clients loaded, ready to show."""
    window = MainWindow(ctx)
    window.clients.load_first_page_now(window.first_paint.later)
    return window


def show_failure(exc: BaseException, parent: QWidget | None) -> None:
    """The one failure path of work off the GUI thread: what went wrong, in one dialog."""
    if isinstance(exc, BookError):
        text = exc.message.render(QCoreApplication.translate)
    else:
        sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: keep the traceback
        text = QCoreApplication.translate("App", "Something went wrong: {error}").format(
            error=str(exc) or type(exc).__name__
        )
    from PySide6.QtWidgets import QMessageBox  # here: its type costs ~2 ms to make at start-up

    QMessageBox.critical(parent, QCoreApplication.translate("App", "Prism"), text)


def warm_imports() -> None:
    """Load what the first edit or selection needs while the officer is still looking (run
    on the task runner)."""

    import stdnum.cn.ric  # the ID number's check digit (crm.domain.identity)
    import stdnum.cn.uscc  # noqa: F401

    import crm.domain.identity
    import crm.domain.lunar
    import crm.domain.phones
    import crm.services.clients  # noqa: F401


def _open_book(folder: Path, clock: Clock) -> Services:
    """Open the book; if a crash damaged it, offer the newest good backup (see safekeeping)."""
    from crm.store.errors import PassphraseNeeded

    try:
        return Services.open(folder, clock)
    except PassphraseNeeded:  # a protected book: its passphrase, then the same open
        from crm.ui.security.unlock import ask_to_unlock

        if not ask_to_unlock(folder):
            raise
        return _open_book(folder, clock)
    except BookDamaged:
        from crm.ui.transfer.safekeeping import offer_restore

        if not offer_restore(folder, clock):
            raise
        return Services.open(folder, clock)


def run_gui(
    data_dir: str | None = None,
    demo: bool = False,
    language: str | None = None,
    clock: Clock | None = None,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Prism")
    app.setOrganizationName("Prism")
    app.setApplicationDisplayName("Prism 棱镜")
    from crm.ui.sidebar import icon

    app.setWindowIcon(icon("prism"))  # windows, the tray and the About box
    demo_dir = Path(tempfile.mkdtemp(prefix="prism-demo-")) if demo else None
    folder = demo_dir or config.data_dir(data_dir)
    settings = open_settings(folder)
    chosen = language or settings.value(SETTING_KEY)
    translators = install_translators(resolve_language(str(chosen) if chosen else None))

    instance = SingleInstance(folder)
    if not instance.acquire():
        if ask_owner_to_raise(folder):
            return 0
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            None,
            QCoreApplication.translate("App", "Prism is already open"),
            QCoreApplication.translate(
                "App", "Another Prism has this book open ({path}). Use that window."
            ).format(path=str(folder)),
        )
        return 1
    try:
        services = _open_book(folder, clock or SystemClock())
    except BookError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "Prism cannot open the book"),
            exc.message.render(QCoreApplication.translate),
        )
        instance.release()
        return 1
    if demo:
        services.demo.fill(DEMO_CLIENTS, seed=7)

    ctx = UiContext.build(services, settings)
    ctx.runner.failed.connect(lambda exc: show_failure(exc, holder["window"]))
    holder: dict[str, MainWindow] = {"window": build_window(ctx)}

    def relaunch(new_language: str) -> None:
        # Every widget is built with tr(); rebuilding the window is simpler and surer than
        # retranslating each one in place.
        nonlocal translators
        old = holder["window"]
        old.save_layout()
        remove_translators(translators)
        translators = install_translators(resolve_language(new_language))
        window = build_window(ctx)
        window.language_change_requested.connect(relaunch)
        holder["window"] = window
        if locks:  # the lock lives with its window: the new one gets its own
            lock_window()
        window.show()
        old.hide()
        old.deleteLater()

    window = holder["window"]
    window.language_change_requested.connect(relaunch)
    instance.raise_requested.connect(lambda: holder["window"].bring_to_front())
    window.show()
    # Built after the first paint, with what else start-up does not show (its modules too).
    backups: list[AutoBackup] = []
    background: list[Background] = []
    locks: list[object] = []

    def lock_window() -> None:
        from crm.ui.security.app_lock import install_app_lock

        locks[:] = [install_app_lock(holder["window"], folder, settings)]  # protected only

    def after_first_paint() -> None:
        # What start-up built lives as long as the app: out of every later full collection.
        gc.freeze()
        gc.enable()  # `crm` turns it off for the start (crm/cli.py)
        instance.listen()
        ctx.runner.run(warm_imports)
        from crm.ui.reminders.install import start_background

        background.append(start_background(ctx, lambda: holder["window"]))
        lock_window()
        if not demo:
            from crm.ui.transfer.safekeeping import AutoBackup

            backups.append(AutoBackup(ctx.services.safekeeping, ctx.runner))
            backups[0].start()

    window.first_paint.later(after_first_paint)
    try:
        return app.exec()
    finally:
        for b in background:
            b.stop()
        idle = ctx.close()  # let workers still reading the book end first
        for auto in backups:  # none when the app quit before its first paint
            auto.at_exit()
        services.close(workers_idle=idle)
        instance.release()
        remove_translators(translators)  # the process may go on (tests, an embedding caller)
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
