"""The relationship actions every tab and page shares: open a form for a client, save through
a service, delete with one question and an Undo (the client page's undo stack and toast).

Forms are handed the row the tab or page already shows (no read on the GUI thread); the one
form that needs more (sharing a resource: the directory) reads it through the runner first.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from crm.domain.changes import Topic
from crm.domain.relationship_enums import Channel, TimelineKind
from crm.services.interactions import InteractionDraft
from crm.services.notes import NoteRow
from crm.services.promises import PromiseRow
from crm.services.resources import ResourceDraft, ResourceRow
from crm.store.errors import BookError
from crm.ui.clients.naming import name_client, name_later, show_client
from crm.ui.context import UiContext
from crm.ui.relationship import dialogs
from crm.ui.toast import Toast, shorten
from crm.ui.undo import UndoableDelete

#: The kinds of record a tab can delete (and undo).
DELETABLE = (TimelineKind.NOTE, TimelineKind.INTERACTION, TimelineKind.PROMISE_MADE)
#: Change topics that can alter what a client pane tab of this area shows.
CLIENT_TAB_TOPICS = frozenset(
    {Topic.CLIENT, Topic.NOTE, Topic.INTERACTION, Topic.PROMISE, Topic.RESOURCE, Topic.CADENCE}
)


class _SoftDeleting(Protocol):
    """What :meth:`RelationshipKit.delete` needs of a service."""

    def delete(self, record_id: int, /) -> None: ...

    def restore(self, record_id: int, /) -> None: ...


class RelationshipKit(QObject):
    def __init__(
        self, ctx: UiContext, undo_stack: QUndoStack, toast: Toast, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.toast = toast
        self.notes = ctx.services.notes
        self.interactions = ctx.services.interactions
        self.promises = ctx.services.promises
        self.resources = ctx.services.resources

    @property
    def today(self) -> dt.date:
        return self.ctx.clock.today()

    # -- forms ---------------------------------------------------------------------------------

    def log_contact(
        self, client_id: int, parent: QWidget | None = None, *, name: str = ""
    ) -> int | None:
        """``name``: the client, for the form's title (when the caller knows it)."""
        dialog = dialogs.InteractionDialog(
            lambda d: self.interactions.log(client_id, d), self.ctx.clock.now(), parent=parent
        )
        name_client(dialog, self.ctx, client_id, name)
        return _saved_id(dialog)

    def add_note(self, client_id: int, parent: QWidget | None = None) -> int | None:
        dialog = dialogs.NoteDialog(
            lambda d: self.notes.add(client_id, d), self.today, parent=parent
        )
        name_later(dialog, self.ctx, client_id)
        return _saved_id(dialog)

    def edit_note(self, note: NoteRow, parent: QWidget | None = None) -> None:
        dialog = dialogs.NoteDialog(
            lambda d: self.notes.update(note.id, d), self.today, note, parent=parent
        )
        name_later(dialog, self.ctx, note.client_id)
        _saved(dialog)

    def mark_asked(self, note: NoteRow, parent: QWidget | None = None) -> bool:
        def save(value: tuple[str, Channel | None, bool]) -> object:
            answer, channel, follow_up = value
            return self.notes.mark_asked(note.id, answer, log_channel=channel, follow_up=follow_up)

        dialog = dialogs.AskedDialog(save, note, parent=parent)
        name_later(dialog, self.ctx, note.client_id)
        return _saved(dialog)

    def make_promise(
        self, client_id: int, parent: QWidget | None = None, *, name: str = ""
    ) -> int | None:
        def save(value: tuple[str, dt.date]) -> int:
            return self.promises.make(client_id, value[0], value[1])

        dialog = dialogs.PromiseDialog(save, self.promises.default_due(), parent=parent)
        name_client(dialog, self.ctx, client_id, name)
        return _saved_id(dialog)

    def keep_promise(self, promise: PromiseRow, parent: QWidget | None = None) -> int | None:
        """Keeping a promise is telling the client: log that contact."""

        def save(draft: InteractionDraft) -> int:
            return self.promises.keep(promise.id, draft)

        dialog = dialogs.InteractionDialog(
            save,
            self.ctx.clock.now(),
            title=self.tr("Keep promise"),
            summary=self.tr("Done: {promise}").format(promise=promise.text),
            parent=parent,
        )
        show_client(dialog, promise.client_name)
        return _saved_id(dialog)

    def share_resource(self, client_id: int, parent: QWidget | None = None) -> None:
        """Read the directory off the GUI thread, then ask which resource was shared."""

        def ask(resources: list[ResourceRow]) -> None:
            def save(value: tuple[int, dt.date, str]) -> int:
                return self.resources.share(value[0], client_id, value[1], value[2])

            dialog = dialogs.ShareDialog(save, resources, self.today, parent=parent)
            name_later(dialog, self.ctx, client_id)
            _saved(dialog)

        self.ctx.runner.run(self.resources.all, ask, owner=parent or self)

    def edit_resource(self, row: ResourceRow | None, parent: QWidget | None = None) -> None:
        """Edit ``row``, or add a resource when None."""

        def save(draft: ResourceDraft) -> object:
            if row is None:
                return self.resources.add(draft)
            self.resources.update(row.id, draft)
            return row.id

        _saved(dialogs.ResourceDialog(save, row, parent=parent))

    # -- deleting ------------------------------------------------------------------------------

    def delete(
        self, kind: TimelineKind, record_id: int, text: str, parent: QWidget | None = None
    ) -> bool:
        """Delete a note, contact or promise (``text``: its words) after one question, with an
        Undo in the toast and on the undo stack."""
        if kind is TimelineKind.NOTE:
            service: _SoftDeleting = self.notes
            question, done = self.tr("Delete this note?\n\n{text}"), self.tr("Deleted note: {text}")
        elif kind is TimelineKind.INTERACTION:
            service = self.interactions
            question = self.tr("Delete this contact record?\n\n{text}")
            done = self.tr("Deleted contact: {text}")
        elif kind is TimelineKind.PROMISE_MADE:
            service = self.promises
            question = self.tr("Delete this promise?\n\n{text}")
            done = self.tr("Deleted promise: {text}")
        else:
            raise ValueError(kind)
        answer = QMessageBox.question(
            parent,
            self.tr("Delete"),
            question.format(text=text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        done = done.format(text=shorten(text))
        command = UndoableDelete(
            done, lambda: service.delete(record_id), lambda: service.restore(record_id)
        )
        try:
            self.undo_stack.push(command)
        except BookError as exc:
            QMessageBox.warning(
                parent, self.tr("Not changed"), exc.message.render(QCoreApplication.translate)
            )
            return False
        self.toast.show_message(done, self.tr("Undo"), self.undo_stack.undo)
        return True


def _saved(dialog: dialogs.FormDialog) -> bool:
    """Run a form; True when it was saved.

    The form is deleted on the GUI thread as soon as it is closed: left to Python's cycle
    collector, which may run on a task runner thread, its widgets would be destroyed there.
    """
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()


def _saved_id(dialog: dialogs.FormDialog) -> int | None:
    """The id Save returned (the new record's), or None when the form was cancelled."""
    if not _saved(dialog):
        return None
    value = dialog.result_value  # still there: deleteLater waits for the event loop
    return value if isinstance(value, int) else None
