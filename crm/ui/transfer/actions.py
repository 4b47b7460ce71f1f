"""File menu entries: Export…, Import…, Back up now, Restore…, Check the book.

Everything that reads or copies the book runs on the task runner; a restore disables the main
window until the book is back (nothing may read the book while its file is replaced).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from crm.ui.tasks import Task

if TYPE_CHECKING:
    from crm.services.safekeeping import BackupInfo, BookCheck, RestoreResult
    from crm.ui.main_window import MainWindow
    from crm.ui.transfer.export_dialog import ExportDialog


class TransferActions(QObject):
    """The menu entries and what they do; owned by the main window."""

    # A backup made by "Back up now" (its path).
    backed_up = Signal(object)
    # A restore has ended: True when the book was replaced.
    restored = Signal(bool)
    # The check's answer (a dict: ok, problems, clients), after it was shown.
    checked = Signal(object)

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

    # -- export / import -----------------------------------------------------------------------

    def export(self) -> Task:
        """Find the current list's ids on the runner, then ask what to export."""
        page = self.window.clients
        f, sort, descending = page.current_filter(), page._sort, page._descending
        selected = page.selected_ids()
        query = self.ctx.services.client_query
        return self.ctx.runner.run(
            lambda: query.ids(f, sort, descending),
            lambda ids: self._export(ids, selected),
            owner=self,
        )

    def _export(self, list_ids: Sequence[int], selected_ids: Sequence[int]) -> None:
        dialog = self.export_dialog(list_ids, selected_ids)
        if dialog.exec():
            self.window.clients.toast.show_message(dialog.done_message)
        dialog.deleteLater()

    def export_dialog(
        self, list_ids: Sequence[int], selected_ids: Sequence[int] = ()
    ) -> ExportDialog:
        from crm.ui.transfer.export_dialog import ExportDialog

        return ExportDialog(self.ctx, list_ids, selected_ids, self.window)

    def import_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialog types made when first used

        from crm.ui.transfer.import_dialog import ImportDialog

        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import clients from"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv *.txt)"),
            # Qt's own dialog, in Prism's language (qtbase's translation is loaded with ours);
            # the system's follows the desktop's language instead.
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if not path:
            return
        dialog = ImportDialog(self.ctx, self.window)
        if dialog.load(Path(path)) and dialog.exec() and dialog.summary is not None:
            self.window.clients.toast.show_message(dialog.summary_text())
        dialog.deleteLater()  # the window owns it: without this, every preview stays in memory

    # -- backups -------------------------------------------------------------------------------

    def back_up(self) -> Task:
        """A backup on the runner; a toast names it, a warning says why there is none."""
        return self.ctx.runner.run(
            self.ctx.services.safekeeping.back_up,
            self._backed_up,
            on_error=lambda exc: self._refused(self.tr("No backup made"), exc),
            owner=self,
        )

    def _backed_up(self, dest: Path) -> None:
        self.window.clients.toast.show_message(
            self.tr("Backed up to {file}.").format(file=dest.name)
        )
        self.backed_up.emit(dest)

    def restore(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore from backup"),
            str(self.ctx.services.safekeeping.backups_folder),
            self.tr("Prism backups (*.db)"),
        )
        if path:
            self.restore_from(Path(path))

    def restore_from(self, source: Path, confirm: bool = True) -> Task | None:
        """Ask, then restore on the runner with the window disabled; None when not asked to."""
        safekeeping = self.ctx.services.safekeeping
        when = safekeeping.taken_at(source)
        date = f"{when:%Y-%m-%d %H:%M}" if when else source.name
        if confirm and not self.ask(
            self.tr("Restore the book?"),
            self.tr(
                "Replace the book with the backup of {date}? The book as it is now is backed "
                "up first, so this can be undone by restoring that backup."
            ).format(date=date),
        ):
            return None
        self.window.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def ended() -> None:
            QApplication.restoreOverrideCursor()
            self.window.setEnabled(True)

        def done(result: RestoreResult) -> None:
            ended()
            text = self.tr("Restored the backup of {date}.").format(date=date)
            if result.previous is not None:
                text += " " + self.tr("The book as it was is kept as {file}.").format(
                    file=result.previous.name
                )
            if result.other_passphrase:
                text += " " + self.tr("The book now opens with the backup's passphrase.")
            self.window.clients.toast.show_message(text)
            self.restored.emit(True)

        def failed(exc: BaseException) -> bool:
            ended()
            other = _passphrase_asked(exc, source)
            if other is not None:  # the backup has a passphrase the book's does not open
                if self.ask_backup_passphrase(source, other):
                    self.restore_from(source, confirm=False)  # emits restored itself
                else:
                    self.restored.emit(False)
                return True
            handled = self._refused(self.tr("Not restored"), exc)
            self.restored.emit(False)
            return handled

        return self.ctx.runner.run(
            lambda: safekeeping.restore(source), done, on_error=failed, owner=self
        )

    def check(self) -> Task:
        """Check the book on the runner (a full integrity check), then say how it went."""
        safekeeping = self.ctx.services.safekeeping
        return self.ctx.runner.run(
            lambda: (safekeeping.check(), safekeeping.newest_backup()),
            lambda answer: self._checked(*answer),
            owner=self,
        )

    def _checked(self, result: BookCheck, newest: BackupInfo | None) -> None:
        report = {"ok": result.ok, "problems": result.problems, "clients": result.clients}
        last = (
            self.tr("Newest backup: {date}.").format(date=f"{newest.taken_at:%Y-%m-%d %H:%M}")
            if newest is not None
            else self.tr("There is no backup yet.")
        )
        if result.ok:
            self.inform(
                self.tr("Check the book"),
                self.tr("The book passed its check ({n} clients).").format(n=result.clients)
                + "\n"
                + last,
            )
        else:
            self._warn(
                self.tr("Check the book"),
                self.tr("The book is damaged: {problem}").format(
                    problem="; ".join(result.problems[:3])
                )
                + "\n"
                + last,
            )
        self.checked.emit(report)

    def _refused(self, title: str, exc: BaseException) -> bool:
        """A book error or a file problem is told in a warning; anything else is a bug for
        the runner's failure path."""
        from crm.store.errors import BookError

        if not isinstance(exc, BookError | OSError):
            return False
        self._warn(title, _text(exc))
        return True

    def ask_backup_passphrase(self, source: Path, other: bool) -> bool:
        """Ask for the backup's passphrase until it opens the backup; False when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        from crm.services.security import WrongPassphrase

        label = (
            self.tr(
                "This backup was protected with another passphrase than the book's. "
                "The backup's passphrase:"
            )
            if other
            else self.tr("This backup is protected by a passphrase. The backup's passphrase:")
        )
        while True:
            text, ok = QInputDialog.getText(
                self.window, self.tr("Restore from backup"), label, QLineEdit.EchoMode.Password
            )
            if not ok:
                return False
            try:
                self.ctx.services.security.unlock_backup(source, text)
                return True
            except WrongPassphrase:
                label = self.tr(
                    "Wrong passphrase. A forgotten passphrase cannot be recovered. "
                    "The backup's passphrase:"
                )

    # -- questions (tests replace these) -------------------------------------------------------

    def ask(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        reply = QMessageBox.question(self.window, title, text)
        return reply == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.window, title, text)

    def _warn(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, title, text)


def _passphrase_asked(exc: BaseException, source: Path) -> bool | None:
    """For a restore refused for want of the backup's passphrase: True when the book has
    another one, False when the book is plain; None for any other refusal."""
    from crm.services.security import OtherPassphrase, PassphraseNeeded

    if not isinstance(exc, OtherPassphrase | PassphraseNeeded) or exc.path is None:
        return None
    if Path(exc.path).resolve() != Path(source).resolve():
        return None  # the book's own passphrase is missing: not the backup's to ask
    return isinstance(exc, OtherPassphrase)


def _text(exc: BaseException) -> str:
    message = getattr(exc, "message", None)
    if message is not None and hasattr(message, "render"):
        return str(message.render(QCoreApplication.translate))
    return str(exc)
