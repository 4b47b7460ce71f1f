"""Done on a reminder that stands for a record: the contact form that closes it.

A promise is kept by telling the client, and a keep-in-touch reminder is answered by getting in
touch: Done asks how (the relationship area's contact form, named for the client) and saves
through ``ReminderService.done(occurrence, how)``, the same write as ``crm keep`` and
``crm log``, so My promises and Due for contact agree with Today at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crm.domain.messages import Msg
from crm.services.interactions import InteractionDraft
from crm.services.reminders.occurrence import Occurrence
from crm.ui.clients.naming import show_client
from crm.ui.context import UiContext
from crm.ui.relationship.dialogs import InteractionDialog


def ask_how_done(
    ctx: UiContext, occ: Occurrence, render: Callable[[Msg], str], parent: QWidget
) -> int | None:
    """Ask how the promise was kept or the client reached; the logged contact's id, or None
    when cancelled."""
    name = str(occ.title.params.get("name", ""))
    if occ.occasion == "promise":
        title = QCoreApplication.translate("TodayPage", "Keep promise")
        text = occ.title.params.get("text", "")
        summary = QCoreApplication.translate("TodayPage", "Done: {promise}").format(promise=text)
    else:
        title = None
        summary = ""

    def save(draft: InteractionDraft) -> int | None:
        return ctx.services.reminders.done(occ, draft)

    dialog = InteractionDialog(save, ctx.clock.now(), title=title, summary=summary, parent=parent)
    show_client(dialog, name)
    try:
        if not dialog.exec():
            return None
        value = dialog.result_value
        return value if isinstance(value, int) else None
    finally:
        # Deleted on the GUI thread now: left to the cycle collector, which may run on a task
        # runner thread, its widgets would be destroyed there.
        dialog.deleteLater()
