"""Deleting a record so Ctrl+Z (or the toast's Undo) brings it back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class UndoableDelete(QUndoCommand):
    """Redo deletes, undo restores. ``already_deleted``: the caller deleted before pushing (to
    see a refusal first), so the push's own first redo does nothing."""

    def __init__(
        self,
        text: str,
        delete: Callable[[], None],
        restore: Callable[[], None],
        *,
        already_deleted: bool = False,
    ) -> None:
        super().__init__(text)
        self._delete, self._restore = delete, restore
        self._skip_redo = already_deleted

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._delete()

    def undo(self) -> None:
        self._restore()
