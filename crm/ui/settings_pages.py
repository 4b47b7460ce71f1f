"""The settings tabs each area contributes, in the order they appear after "General"."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from crm.ui.context import UiContext


def settings_pages(ctx: UiContext) -> list[tuple[str, QWidget]]:
    """(title, page) pairs; a page is a QWidget with ``save()``. One line per area."""
    pages: list[tuple[str, QWidget]] = []
    from crm.ui.relationship.settings_page import KeepInTouchPage

    keep_in_touch = KeepInTouchPage(ctx)
    pages.append((keep_in_touch.title, keep_in_touch))
    from crm.ui.reminders.settings_page import reminder_settings_pages

    services = ctx.services
    pages += reminder_settings_pages(
        services.reminders,
        services.greetings,
        ctx.runner,
        ctx.settings,
        data_dir=services.book_path.parent,
    )
    from crm.ui.post_loan.settings_page import PapersAndChecksPage

    papers = PapersAndChecksPage(ctx)
    pages.append((papers.title, papers))
    from crm.ui.security.settings_page import SecurityPage

    security = SecurityPage(ctx)
    pages.append((security.title, security))
    return pages
