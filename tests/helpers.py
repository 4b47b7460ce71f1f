"""Small builders shared by tests (fixtures live in conftest.py)."""

from __future__ import annotations

from crm.domain.client_form import ClientDraft


def draft(name: str = "张伟", **fields: object) -> ClientDraft:
    """A client form as typed, for tests: ``draft("曾国藩", phones=["13812345678"])``."""
    d = ClientDraft(name=name)
    for key, value in fields.items():
        setattr(d, key, value)
    return d
