"""What every window and page is handed: the open book, its change signal, the clock, prefs.

Passed explicitly (no globals), so tests build one around a temporary book and a fixed clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from crm.domain.clock import Clock
from crm.store.book import Book
from crm.ui.changes import ChangeNotifier


@dataclass
class UiContext:
    book: Book
    notifier: ChangeNotifier
    clock: Clock
    settings: QSettings
