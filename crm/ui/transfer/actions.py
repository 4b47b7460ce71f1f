"""File menu entries: Export…, Import…, Back up now, Restore…, Check the book."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from crm import config
from crm.domain.changes import Initiator, Topic

if TYPE_CHECKING:
    from crm.ui.main_window import MainWindow


class TransferActions(QObject):
    """The menu entries and what they do; owned by the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.export_action = QAction(self.tr("&Export clients…"), self)
        self.import_action = QAction(self.tr("&Import clients…"), self)
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), self)
        self.check_action = QAction(self.tr("&Check the book"), self)
        self.export_action.triggered.connect(self.export)
        self.import_action.triggered.connect(self.import_file)
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action.triggered.connect(self.restore)
        self.check_action.triggered.connect(self.check)

    def add_to(self, menu: QMenu, before: QAction | None = None) -> None:
        actions = [self.export_action, self.import_action, None, self.backup_action,
                   self.restore_action, self.check_action, None]  # fmt: skip
        for a in actions:
            if a is None:
                menu.insertSeparator(before) if before else menu.addSeparator()
            elif before:
                menu.insertAction(before, a)
            else:
                menu.addAction(a)

    @property
    def folder(self) -> Path:
        return self.ctx.book.path.parent

    # -- export / import -----------------------------------------------------------------------

    def export_dialog(self):
        from crm.ui.transfer.export_dialog import ExportDialog

        page = self.window.clients
        list_ids = page.query.ids(page.current_filter(), page._sort, page._descending)
        return ExportDialog(self.ctx, list_ids, page.selected_ids(), self.window)

    def export(self) -> None:
        dialog = self.export_dialog()
        if dialog.exec():
            self.window.clients.toast.show_message(dialog.done_message)

    def import_file(self) -> None:
        from crm.ui.transfer.import_dialog import ImportDialog

        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import clients from"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv *.txt)"),
        )
        if not path:
            return
        dialog = ImportDialog(self.ctx, self.window)
        if dialog.load(Path(path)) and dialog.exec() and dialog.summary is not None:
            self.window.clients.toast.show_message(dialog.summary_text())
        dialog.deleteLater()  # the window owns it: without this, every preview stays in memory

    # -- backups -------------------------------------------------------------------------------

    def back_up(self) -> Path | None:
        from crm.store import backup
        from crm.store.errors import BookError

        try:
            dest = backup.take_backup(
                self.ctx.book.path, config.backups_dir(self.folder), self.ctx.clock.now()
            )
        except (BookError, OSError) as exc:
            self._warn(self.tr("No backup made"), _text(exc))
            return None
        self.window.clients.toast.show_message(
            self.tr("Backed up to {file}.").format(file=dest.name)
        )
        return dest

    def restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore from backup"),
            str(config.backups_dir(self.folder)),
            self.tr("Prism backups (*.db)"),
        )
        if path:
            self.restore_from(Path(path))

    def restore_from(self, source: Path, confirm: bool = True) -> bool:
        from crm.store import backup, recovery
        from crm.store.book import Book
        from crm.store.errors import BookError

        when = backup.backup_time(source)
        date = f"{when:%Y-%m-%d %H:%M}" if when else source.name
        if confirm and not self.ask(
            self.tr("Restore the book?"),
            self.tr(
                "Replace the book with the backup of {date}? The book as it is now is backed "
                "up first, so this can be undone by restoring that backup."
            ).format(date=date),
        ):
            return False
        book = self.ctx.book
        book.close()
        try:
            result = recovery.restore_book(
                book.path, source, config.backups_dir(self.folder), self.ctx.clock.now()
            )
            Book.open(book.path)  # migrate an older backup to this Prism's schema
        except (BookError, OSError) as exc:
            self._warn(self.tr("Not restored"), _text(exc))
            return False
        book.changes.publish(Topic.BOOK, (), Initiator.RESTORE)
        text = self.tr("Restored the backup of {date}.").format(date=date)
        if result.previous is not None:
            text += " " + self.tr("The book as it was is kept as {file}.").format(
                file=result.previous.name
            )
        self.window.clients.toast.show_message(text)
        return True

    def check(self) -> dict:
        from crm.store import backup
        from crm.store.recovery import check_book

        result = check_book(self.ctx.book.path)
        report = {"ok": result.ok, "problems": result.problems, "clients": result.clients}
        newest = backup.list_backups(config.backups_dir(self.folder))
        last = (
            self.tr("Newest backup: {date}.").format(date=f"{newest[0].taken_at:%Y-%m-%d %H:%M}")
            if newest
            else self.tr("There is no backup yet.")
        )
        if report["ok"]:
            self.inform(
                self.tr("Check the book"),
                self.tr("The book passed its check ({n} clients).").format(n=report["clients"])
                + "\n"
                + last,
            )
        else:
            self._warn(
                self.tr("Check the book"),
                self.tr("The book is damaged: {problem}").format(
                    problem="; ".join(report["problems"][:3])
                )
                + "\n"
                + last,
            )
        return report

    # -- questions (tests replace these) -------------------------------------------------------

    def ask(self, title: str, text: str) -> bool:
        reply = QMessageBox.question(self.window, title, text)
        return reply == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)


def _text(exc: BaseException) -> str:
    message = getattr(exc, "message", None)
    if message is not None and hasattr(message, "render"):
        return str(message.render(QCoreApplication.translate))
    return str(exc)
