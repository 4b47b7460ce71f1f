"""Every dialog about a client names that client: in its title and in a line at its top.

A dialog opened with the name at hand calls :func:`show_client`; one opened from a client id
alone calls :func:`name_later`, which reads the name through the task runner (a read never
runs on the GUI thread) and names the dialog when it is back, a moment after it opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QDialog, QLabel

if TYPE_CHECKING:
    from crm.ui.context import UiContext

_BASE_TITLE = "_base_title"
HEADER_NAME = "dialogClient"


def show_client(dialog: QDialog, name: str, header: bool = True) -> None:
    """Title "<what> — <name>" and (``header``: unless a line of the dialog's own names them
    already) the name in bold at the top of the dialog."""
    if not name:
        return
    base = dialog.property(_BASE_TITLE)
    if not isinstance(base, str):
        base = dialog.windowTitle()
        dialog.setProperty(_BASE_TITLE, base)
    dialog.setWindowTitle(f"{base} — {name}" if base else name)
    if not header:
        return
    label = dialog.findChild(QLabel, HEADER_NAME)
    if label is None:
        layout = dialog.layout()
        if not isinstance(layout, QBoxLayout):
            return  # the title still names them
        label = QLabel()
        label.setObjectName(HEADER_NAME)
        label.setStyleSheet("font-size: 15px; font-weight: 600;")
        layout.insertWidget(0, label)
    label.setText(name)


def name_later(dialog: QDialog, ctx: UiContext, client_id: int) -> None:
    """Read the client's name off the GUI thread, then :func:`show_client` it."""
    query = ctx.services.client_query

    def read() -> str:
        row = query.rows([client_id]).get(client_id)
        return row.name if row is not None else ""

    ctx.runner.run(read, lambda name: show_client(dialog, name), owner=dialog)


def name_client(dialog: QDialog, ctx: UiContext, client_id: int, name: str = "") -> None:
    """:func:`show_client` when the caller knows the name, else :func:`name_later`."""
    if name:
        show_client(dialog, name)
    else:
        name_later(dialog, ctx, client_id)
