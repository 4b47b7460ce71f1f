"""Risk signals: the kinds an officer records by hand or Prism detects, how serious each is,
and the pure rules of detection (turnover slipping, contact details changing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.domain.risk_badge import badge_text as badge_text


class RiskKind(StrEnum):
    CONTACT_CHANGED = "contact-changed"  # 联系方式变更
    SLOW_REPLIES = "slow-replies"  # 回复变慢
    BUSINESS_DOWN = "business-down"  # 经营下滑
    LITIGATION = "litigation"  # 涉诉/被执行
    BIG_SPENDING = "big-spending"  # 大额消费
    EXTENSION_REQUEST = "extension-request"  # 申请延期
    GUARANTOR_CHANGE = "guarantor-change"  # 担保人变化
    OTHER = "other"
    # Detected only:
    REPAYMENT_OVERDUE = "repayment-overdue"
    NO_ANSWER = "no-answer"

    @property
    def label(self) -> Msg:
        return _LABELS[self]

    @property
    def severity(self) -> int:
        """1 watch, 2 serious, 3 acute: the Risks page lists the worst first."""
        return _SEVERITY.get(self, 1)


_LABELS = {
    RiskKind.CONTACT_CHANGED: QT_TRANSLATE_NOOP("Risk", "Contact details changed"),
    RiskKind.SLOW_REPLIES: QT_TRANSLATE_NOOP("Risk", "Replies slowing down"),
    RiskKind.BUSINESS_DOWN: QT_TRANSLATE_NOOP("Risk", "Business slipping"),
    RiskKind.LITIGATION: QT_TRANSLATE_NOOP("Risk", "Sued or under enforcement"),
    RiskKind.BIG_SPENDING: QT_TRANSLATE_NOOP("Risk", "Large spending"),
    RiskKind.EXTENSION_REQUEST: QT_TRANSLATE_NOOP("Risk", "Asked to delay repayment"),
    RiskKind.GUARANTOR_CHANGE: QT_TRANSLATE_NOOP("Risk", "Guarantor changed"),
    RiskKind.OTHER: QT_TRANSLATE_NOOP("Risk", "Other"),
    RiskKind.REPAYMENT_OVERDUE: QT_TRANSLATE_NOOP("Risk", "Repayment overdue"),
    RiskKind.NO_ANSWER: QT_TRANSLATE_NOOP("Risk", "No answer for longer than the cadence"),
}
_SEVERITY = {
    RiskKind.LITIGATION: 3,
    RiskKind.REPAYMENT_OVERDUE: 3,
    RiskKind.BUSINESS_DOWN: 2,
    RiskKind.CONTACT_CHANGED: 2,
    RiskKind.EXTENSION_REQUEST: 2,
    RiskKind.NO_ANSWER: 2,
}
#: What the officer types on the command line, as the issue's list spells it.
CHINESE_NAMES = {
    "联系方式变更": RiskKind.CONTACT_CHANGED,
    "回复变慢": RiskKind.SLOW_REPLIES,
    "经营下滑": RiskKind.BUSINESS_DOWN,
    "涉诉": RiskKind.LITIGATION,
    "被执行": RiskKind.LITIGATION,
    "涉诉/被执行": RiskKind.LITIGATION,
    "大额消费": RiskKind.BIG_SPENDING,
    "申请延期": RiskKind.EXTENSION_REQUEST,
    "担保人变化": RiskKind.GUARANTOR_CHANGE,
    "其他": RiskKind.OTHER,
}
#: The kinds an officer records by hand (the detected-only ones open themselves).
MANUAL_KINDS = tuple(
    k for k in RiskKind if k not in (RiskKind.REPAYMENT_OVERDUE, RiskKind.NO_ANSWER)
)


def parse_kind(typed: str) -> RiskKind | None:
    text = typed.strip()
    if text in CHINESE_NAMES:
        return CHINESE_NAMES[text]
    lowered = text.lower()
    return RiskKind(lowered) if lowered in RiskKind._value2member_map_ else None


# --- detection rules ------------------------------------------------------------------------

#: Phone or WeChat changed this many times within CONTACT_WINDOW days: a signal.
CONTACT_CHANGES = 2
CONTACT_WINDOW = 90
#: A month's turnover this far under its previous 6 months' average: a signal.
TURNOVER_DROP = 0.30


@dataclass(frozen=True, slots=True)
class TurnoverStats:
    months: int
    average6: float | None  # yuan: the 6 months before the latest
    latest: float | None
    latest_month: str | None
    cv: float | None  # coefficient of variation of all months
    drop: float | None  # latest against average6 (0.35 = 35% down)
    peak_months: tuple[int, ...]  # calendar months well above the mean: a seasonality hint


def turnover_stats(rows: Sequence[tuple[str, int]]) -> TurnoverStats:
    """(month, fen) rows of one client, any order."""
    import statistics  # only the profile's figures need it, not the GUI's start-up

    ordered = sorted(rows)
    values = [fen / 100 for _, fen in ordered]
    if not values:
        return TurnoverStats(0, None, None, None, None, None, ())
    latest = values[-1]
    prev = values[-7:-1]
    avg6 = sum(prev) / len(prev) if prev else None
    mean = statistics.fmean(values)
    cv = statistics.pstdev(values) / mean if len(values) >= 3 and mean > 0 else None
    drop = (avg6 - latest) / avg6 if avg6 else None
    by_month: dict[int, list[float]] = {}
    for (month, _), v in zip(ordered, values, strict=True):
        by_month.setdefault(int(month[5:7]), []).append(v)
    peaks: tuple[int, ...] = ()
    if len(values) >= 12 and mean > 0:
        peaks = tuple(
            sorted(m for m, vs in by_month.items() if statistics.fmean(vs) >= mean * 1.25)
        )
    return TurnoverStats(len(values), avg6, latest, ordered[-1][0], cv, drop, peaks)


def turnover_drop(rows: Sequence[tuple[str, int]]) -> float | None:
    """How far the latest month is under the average of the (up to) 6 before it (0.35: 35%
    down), when at least 3 came before; else None. Detection runs this for every client with
    turnover, so it does only this (no volatility, no season)."""
    if len(rows) < 4:
        return None
    ordered = sorted(rows)
    before = [fen for _, fen in ordered[-7:-1]]
    average = sum(before) / len(before)
    return (average - ordered[-1][1]) / average if average > 0 else None


def turnover_down(rows: Sequence[tuple[str, int]]) -> bool:
    """At least 3 months before the latest, and the latest 30%+ under their average."""
    drop = turnover_drop(rows)
    return drop is not None and drop >= TURNOVER_DROP


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
