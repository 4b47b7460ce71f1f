"""Choosing who referred a client: type to search the book (same search as the list)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from crm.services.client_query import ClientFilter, ClientRow
from crm.services.facade import Services
from crm.ui.clients.model import status_label
from crm.ui.tasks import LatestOnly, TaskRunner

SUGGESTIONS = 12


def _row_text(row: ClientRow) -> str:
    what = status_label(row.kind, row.status)
    parts = [row.name, what]
    if row.business_name:
        parts.append(row.business_name)
    return " · ".join(parts) + f"  #{row.id}"


class ReferrerPicker(QWidget):
    """A search box whose pick is a client id; ``changed`` fires with the id or None.

    Searches run through the task runner, newest answer only; the label of a client set by
    id (the edit form opening) is read the same way.
    """

    changed = Signal(object)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._id: int | None = None
        self._ids: list[int] = []
        # Set by search_and_pick_first: take the best match when the answer comes.
        self._pick_first = False
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
        self.completer.activated.connect(self._picked)
        self.searcher = LatestOnly(runner, self)
        self.searcher.finished.connect(self._found)
        self.labeller = LatestOnly(runner, self)
        self.labeller.finished.connect(self._labelled)
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
        """Pick ``client_id``, shown as ``text`` (None: the client's list line, read for it)."""
        if text is None and client_id is not None:
            query = self.services.client_query
            self.labeller.submit(lambda: (client_id, query.rows([client_id]).get(client_id)))
            text = str(client_id)  # until the answer comes
        self.edit.setText(text or "")
        if client_id != self._id:
            self._id = client_id
            self.changed.emit(client_id)

    def _labelled(self, answer: tuple[int, ClientRow | None]) -> None:
        client_id, row = answer
        if client_id == self._id and row is not None and self.edit.text() == str(client_id):
            self.edit.setText(_row_text(row))

    def _search(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self._pick_first = False
            self.set_client(None, "")
            return
        query = self.services.client_query
        self.searcher.submit(lambda: query.search(ClientFilter(text=text), limit=SUGGESTIONS))

    def _found(self, rows: list[ClientRow]) -> None:
        self._ids = [r.id for r in rows]
        self.suggestions.setStringList([_row_text(r) for r in rows])
        if self._pick_first:
            self._pick_first = False
            if rows:
                self.set_client(self._ids[0], self.suggestions.stringList()[0])
        elif rows:
            self.completer.complete()

    def _picked(self, text: str) -> None:
        lines = self.suggestions.stringList()
        if text in lines:  # every line ends in its client's id, so each is unique
            row = lines.index(text)
            if row < len(self._ids):
                self.set_client(self._ids[row], text)

    def search_and_pick_first(self, text: str) -> None:
        """Type ``text`` and take the best match when the search answers (keyboard users;
        tests wait for ``changed``)."""
        self.edit.setText(text)
        self._pick_first = True
        self._search()
