"""Validation errors that carry a translatable message for one form field."""

from __future__ import annotations

from collections.abc import Iterable

from crm.domain.messages import Msg


class FieldError(ValueError):
    """One field's value was refused; ``message`` says what is wrong and how to fix it."""

    def __init__(self, field: str, message: Msg) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ValidationErrors(ValueError):
    """Every field error of a form at once, so the user can fix them all in one pass."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: list[FieldError] = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))
