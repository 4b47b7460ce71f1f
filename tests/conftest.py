"""Shared fixtures: real books in tmp_path, a fixed clock, offscreen Qt, the real main window."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests see the English source strings unless they install a translation themselves.
os.environ["LANGUAGE"] = "en"

import pytest

from crm.domain.clock import FixedClock
from crm.store.book import Book

NOW = dt.datetime(2026, 11, 29, 9, 30)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "prism.db"


@pytest.fixture
def book(book_path: Path) -> Iterator[Book]:
    b = Book.open(book_path)
    yield b
    b.close()


@pytest.fixture
def clients(book: Book, clock: FixedClock):
    from crm.services.clients import ClientService

    return ClientService(book, clock)


@pytest.fixture
def ui_ctx(qapp, book: Book, clock: FixedClock, tmp_path: Path):
    from PySide6.QtCore import QSettings, QThreadPool

    from crm.ui.context import UiContext

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    from crm.services.facade import Services

    ctx = UiContext.build(Services(book, clock), settings)
    yield ctx
    # Searches and reminder loads may still run on pool threads; let them end before the
    # book fixture closes the connections they use.
    ctx.close()
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def main_window(qtbot, ui_ctx):
    from crm.ui.app import build_window

    window = build_window(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
