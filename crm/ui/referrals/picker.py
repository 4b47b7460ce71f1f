"""Choosing who referred a client: type to search the book (same search as the list)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from crm.services.client_query import ClientFilter, ClientRow
from crm.services.facade import Services
from crm.ui.clients.model import status_label
from crm.ui.tasks import TaskRunner

SUGGESTIONS = 12


def _row_text(row: ClientRow) -> str:
    what = status_label(row.kind, row.status)
    parts = [row.name, what]
    if row.business_name:
        parts.append(row.business_name)
    return " · ".join(parts) + f"  #{row.id}"


class ReferrerPicker(QWidget):
    """A search box whose pick is a client id; ``changed`` fires with the id or None."""

    changed = Signal(object)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        # The referrals helper's signature; the runner is theirs to use (reads off the GUI
        # thread), this minimal edit only stops the form handing the picker a book.
        super().__init__(parent)
        self.query = services.client_query
        self._id: int | None = None
        self._ids: list[int] = []
        self.edit = QLineEdit()
        self.edit.setObjectName("referredBy")
        self.edit.setPlaceholderText(self.tr("Not referred — type a name, pinyin or phone to pick"))
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setToolTip(self.tr("Not referred by anyone"))
        self.clear_button.clicked.connect(lambda: self.set_client(None, ""))
        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._picked)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._search)
        self.edit.textEdited.connect(lambda _t: self._timer.start())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)

    def client_id(self) -> int | None:
        return self._id

    def set_client(self, client_id: int | None, text: str | None = None) -> None:
        if text is None and client_id is not None:
            row = self.query.rows([client_id]).get(client_id)
            text = _row_text(row) if row else str(client_id)
        self.edit.setText(text or "")
        if client_id != self._id:
            self._id = client_id
            self.changed.emit(client_id)

    def _search(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self.set_client(None, "")
            return
        rows = self.query.search(ClientFilter(text=text), limit=SUGGESTIONS)
        self._ids = [r.id for r in rows]
        self.suggestions.setStringList([_row_text(r) for r in rows])
        if rows:
            self.completer.complete()

    def _picked(self, index: QModelIndex) -> None:
        row = index.row()
        if 0 <= row < len(self._ids):
            self.set_client(self._ids[row], index.data())

    def search_and_pick_first(self, text: str) -> None:
        """Type ``text`` and take the best match (keyboard users; tests)."""
        self.edit.setText(text)
        self._search()
        if self._ids:
            self.set_client(self._ids[0], self.suggestions.stringList()[0])
