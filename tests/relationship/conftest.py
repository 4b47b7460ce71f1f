"""Fixtures of the relationship tests: the services over the shared book and clock."""

from __future__ import annotations

import pytest


@pytest.fixture
def notes(book, clock):
    from crm.services.notes import NoteService

    return NoteService(book, clock)


@pytest.fixture
def interactions(book, clock):
    from crm.services.interactions import InteractionService

    return InteractionService(book, clock)


@pytest.fixture
def promises(book, clock):
    from crm.services.promises import PromiseService

    return PromiseService(book, clock)
