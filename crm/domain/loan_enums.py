"""Closed vocabularies of loans. Values are stored and typed on the command line; labels are
translated.

Kept apart from the calculator and the (later) tables so widgets can show labels without
importing anything heavy on the GUI's start-up path.
"""

from __future__ import annotations

from enum import StrEnum

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg


class RepaymentMethod(StrEnum):
    EQUAL_INSTALMENT = "equal-instalment"  # 等额本息
    EQUAL_PRINCIPAL = "equal-principal"  # 等额本金
    INTEREST_FIRST = "interest-first"  # 先息后本
    BULLET = "bullet"  # 到期一次还本付息
    FLAT = "flat"  # 等本等息

    @property
    def label(self) -> Msg:
        return _METHOD_LABELS[self]


_METHOD_LABELS = {
    RepaymentMethod.EQUAL_INSTALMENT: QT_TRANSLATE_NOOP("Enum", "Equal instalments"),
    RepaymentMethod.EQUAL_PRINCIPAL: QT_TRANSLATE_NOOP("Enum", "Equal principal"),
    RepaymentMethod.INTEREST_FIRST: QT_TRANSLATE_NOOP("Enum", "Interest first, principal last"),
    RepaymentMethod.BULLET: QT_TRANSLATE_NOOP("Enum", "Principal and interest at maturity"),
    RepaymentMethod.FLAT: QT_TRANSLATE_NOOP("Enum", "Flat (interest on the original amount)"),
}
