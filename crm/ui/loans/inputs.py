"""Reading what the officer types into the calculator: money with separators, 万, full-width
digits, a rate with or without its % sign."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

NOT_A_NUMBER = Decimal("NaN")
_TEN_THOUSAND = Decimal(10_000)


def parse_number(text: str) -> Decimal | None:
    """``None`` for a blank field, NaN for text that is no number (the domain's validation then
    says so in the field's words), else the value.

    Accepts 300,000 / 300000.00 / 30万 / ３０００００ (full width, as Chinese input methods
    type it) / 4.35% / ¥300,000 / 300000元.
    """
    cleaned = unicodedata.normalize("NFKC", text)
    for junk in (",", " ", "\u00a0", "%", "¥", "￥", "元"):
        cleaned = cleaned.replace(junk, "")
    if not cleaned:
        return None
    scale = Decimal(1)
    if cleaned.endswith("万"):
        cleaned, scale = cleaned[:-1], _TEN_THOUSAND
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return NOT_A_NUMBER
    if not value.is_finite():  # "nan", "inf" typed as words
        return NOT_A_NUMBER
    return value * scale


def grouped(value: Decimal) -> str:
    """The number as typed, with thousands separators: 300000 → 300,000; 1234.5 → 1,234.5."""
    return f"{value:,f}"


class MoneyEdit(QLineEdit):
    """A yuan amount: typed freely, shown with thousands separators once the officer moves on.

    Only a valid amount is regrouped; anything the calculator refuses stays exactly as typed,
    so the officer sees and fixes their own text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        #: Whether the calculator takes the current text (set by the window).
        self.acceptable: Callable[[], bool] = lambda: True
        self.editingFinished.connect(self.regroup)

    def value(self) -> Decimal | None:
        return parse_number(self.text())

    def regroup(self) -> None:
        value = self.value()
        if value is None or not value.is_finite() or not self.acceptable():
            return
        text = grouped(value)
        if text != self.text():
            self.setText(text)
