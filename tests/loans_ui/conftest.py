"""Fixtures for the calculator window: a bare window (no book, as for a walk-in) and the
Chinese interface for the documents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def calc(qtbot):
    from crm.ui.loans.calculator import CalculatorWindow

    window = CalculatorWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    from crm.ui.i18n import install_translators, remove_translators

    translators = install_translators("zh_CN")
    yield
    remove_translators(translators)
