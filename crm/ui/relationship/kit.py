"""The relationship actions every tab and page shares: open a form for a client, save through
a service, delete with one question and an Undo (the client page's undo stack and toast)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from crm.domain.relationship_enums import Channel
from crm.services.interactions import InteractionDraft, InteractionService
from crm.services.notes import NoteService
from crm.services.promises import PromiseService
from crm.services.resources import ResourceDraft, ResourceService
from crm.store.errors import BookError
from crm.ui.context import UiContext
from crm.ui.relationship import dialogs
from crm.ui.toast import Toast


class SoftDeleteCommand(QUndoCommand):
    """Delete on redo, restore on undo."""

    def __init__(self, text: str, delete: Callable[[], None], restore: Callable[[], None]) -> None:
        super().__init__(text)
        self._delete, self._restore = delete, restore

    def redo(self) -> None:
        self._delete()

    def undo(self) -> None:
        self._restore()


class RelationshipKit(QObject):
    def __init__(
        self, ctx: UiContext, undo_stack: QUndoStack, toast: Toast, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.toast = toast
        self.notes = NoteService(ctx.book, ctx.clock)
        self.interactions = InteractionService(ctx.book, ctx.clock)
        self.promises = PromiseService(ctx.book, ctx.clock)
        self.resources = ResourceService(ctx.book, ctx.clock)

    @property
    def today(self) -> dt.date:
        return self.ctx.clock.today()

    # -- forms ---------------------------------------------------------------------------------

    def log_contact(self, client_id: int, parent: QWidget | None = None) -> int | None:
        dialog = dialogs.InteractionDialog(
            lambda d: self.interactions.log(client_id, d), self.ctx.clock.now(), parent=parent
        )
        return dialog.result_value if dialog.exec() else None  # type: ignore[return-value]

    def add_note(self, client_id: int, parent: QWidget | None = None) -> int | None:
        dialog = dialogs.NoteDialog(
            lambda d: self.notes.add(client_id, d), self.today, parent=parent
        )
        return dialog.result_value if dialog.exec() else None  # type: ignore[return-value]

    def edit_note(self, note_id: int, parent: QWidget | None = None) -> None:
        note = self.notes.get(note_id)
        dialogs.NoteDialog(
            lambda d: self.notes.update(note_id, d), self.today, note, parent=parent
        ).exec()

    def mark_asked(self, note_id: int, parent: QWidget | None = None) -> bool:
        note = self.notes.get(note_id)

        def save(value: tuple[str, Channel | None, bool]) -> object:
            answer, channel, follow_up = value
            return self.notes.mark_asked(note_id, answer, log_channel=channel, follow_up=follow_up)

        return bool(dialogs.AskedDialog(save, note, parent=parent).exec())

    def make_promise(self, client_id: int, parent: QWidget | None = None) -> int | None:
        def save(value: tuple[str, dt.date]) -> int:
            return self.promises.make(client_id, value[0], value[1])

        dialog = dialogs.PromiseDialog(save, self.promises.default_due(), parent=parent)
        return dialog.result_value if dialog.exec() else None  # type: ignore[return-value]

    def keep_promise(self, promise_id: int, parent: QWidget | None = None) -> int | None:
        """Keeping a promise is telling the client: log that contact."""
        promise = self.promises.get(promise_id)

        def save(draft: InteractionDraft) -> int:
            return self.promises.keep(promise_id, draft)

        dialog = dialogs.InteractionDialog(
            save,
            self.ctx.clock.now(),
            title=self.tr("Keep promise"),
            summary=self.tr("Done: {promise}").format(promise=promise.text),
            parent=parent,
        )
        return dialog.result_value if dialog.exec() else None  # type: ignore[return-value]

    def share_resource(self, client_id: int, parent: QWidget | None = None) -> int | None:
        def save(value: tuple[int, dt.date, str]) -> int:
            return self.resources.share(value[0], client_id, value[1], value[2])

        dialog = dialogs.ShareDialog(save, self.resources.all(), self.today, parent=parent)
        return dialog.result_value if dialog.exec() else None  # type: ignore[return-value]

    def edit_resource(self, resource_id: int | None, parent: QWidget | None = None) -> None:
        row = next((r for r in self.resources.all(True) if r.id == resource_id), None)

        def save(draft: ResourceDraft) -> object:
            if resource_id is None:
                return self.resources.add(draft)
            self.resources.update(resource_id, draft)
            return resource_id

        dialogs.ResourceDialog(save, row, parent=parent).exec()

    # -- deleting ------------------------------------------------------------------------------

    def delete_note(self, note_id: int, parent: QWidget | None = None) -> bool:
        text = self.notes.get(note_id).text
        return self._delete(
            parent,
            self.tr("Delete this note?\n\n{text}").format(text=text),
            self.tr("Deleted note: {text}").format(text=_short(text)),
            lambda: self.notes.delete(note_id),
            lambda: self.notes.restore(note_id),
        )

    def delete_interaction(self, interaction_id: int, parent: QWidget | None = None) -> bool:
        text = self.interactions.get(interaction_id).summary
        return self._delete(
            parent,
            self.tr("Delete this contact record?\n\n{text}").format(text=text),
            self.tr("Deleted contact: {text}").format(text=_short(text)),
            lambda: self.interactions.delete(interaction_id),
            lambda: self.interactions.restore(interaction_id),
        )

    def delete_promise(self, promise_id: int, parent: QWidget | None = None) -> bool:
        text = self.promises.get(promise_id).text
        return self._delete(
            parent,
            self.tr("Delete this promise?\n\n{text}").format(text=text),
            self.tr("Deleted promise: {text}").format(text=_short(text)),
            lambda: self.promises.delete(promise_id),
            lambda: self.promises.restore(promise_id),
        )

    def _delete(
        self,
        parent: QWidget | None,
        question: str,
        done: str,
        delete: Callable[[], None],
        restore: Callable[[], None],
    ) -> bool:
        answer = QMessageBox.question(
            parent,
            self.tr("Delete"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.undo_stack.push(SoftDeleteCommand(done, delete, restore))
        except BookError as exc:
            QMessageBox.warning(
                parent, self.tr("Not changed"), exc.message.render(QCoreApplication.translate)
            )
            return False
        self.toast.show_message(done, self.tr("Undo"), self.undo_stack.undo)
        return True


def _short(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
