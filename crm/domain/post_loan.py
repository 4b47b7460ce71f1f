"""After the money goes out: the vocabularies and pure rules of documents and post-loan checks.

No book, no Qt: the services hand in rows and settings; the rules here say which items are
still missing, what the message to the client says, when each check falls due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

# --- documents ----------------------------------------------------------------------------


class DocState(StrEnum):
    RECEIVED = "received"
    MISSING = "missing"
    EXPIRED = "expired"  # derived: received with an expiry date now passed

    @property
    def label(self) -> Msg:
        return _DOC_LABELS[self]


_DOC_LABELS = {
    DocState.RECEIVED: QT_TRANSLATE_NOOP("PostLoan", "received"),
    DocState.MISSING: QT_TRANSLATE_NOOP("PostLoan", "missing"),
    DocState.EXPIRED: QT_TRANSLATE_NOOP("PostLoan", "expired"),
}

#: item -> how the client gets it, in the officer's words (data the officer edits, so Chinese).
_HOW = {
    "身份证": "本人身份证原件，我当面复印核对",
    "户口本": "户口本首页和本人页原件",
    "婚姻证明": "结婚证原件；单身的去民政局开未婚证明，离异的带离婚证",
    "营业执照": "营业执照正本或副本原件",
    "近6个月经营流水": "对公或经营用个人卡，手机银行导出近6个月流水或到柜台打印盖章",
    "经营场所租赁合同": "店铺或厂房的租赁合同原件，自有的带产权证明",
    "财务报表": "最近一年和最近一期的资产负债表、利润表，盖公章",
    "房产证": "不动产权证书原件",
    "共有人书面同意抵押": "房产所有共有人签字的同意抵押书面声明，需本人到场或公证",
    "收入证明": "单位开具并盖章的收入证明（我可以发模板给您）",
    "近6个月工资流水": "工资卡近6个月流水，手机银行可导出",
    "用途证明": "购车、装修、教育等的合同或发票",
}

_BUSINESS = (
    "身份证",
    "户口本",
    "婚姻证明",
    "营业执照",
    "近6个月经营流水",
    "经营场所租赁合同",
    "财务报表",
)
_CONSUMER = ("身份证", "收入证明", "近6个月工资流水", "用途证明")


def _items(names: Sequence[str]) -> list[dict[str, str]]:
    return [{"item": n, "how": _HOW.get(n, "")} for n in names]


#: The checklist per product: the defaults the officer edits (Settings, or the book's JSON).
DEFAULT_TEMPLATES: dict[str, list[dict[str, str]]] = {
    "经营贷": _items(_BUSINESS),
    # The co-owners' consent is the item most often missed: listed right after the deed.
    "抵押贷": _items((*_BUSINESS, "房产证", "共有人书面同意抵押")),
    "消费贷": _items(_CONSUMER),
    "信用贷": _items(("身份证", "收入证明", "近6个月工资流水")),
}
#: A product without a template of its own.
FALLBACK_TEMPLATE: list[dict[str, str]] = _items(("身份证",))


@dataclass(frozen=True, slots=True)
class DocItem:
    item: str
    how: str
    state: DocState
    on_date: dt.date | None = None  # received on
    expires_on: dt.date | None = None
    note: str = ""


def doc_state(
    stored: str | None, expires_on: dt.date | None, today: dt.date, *, lent: bool = False
) -> DocState:
    """The item's state today: none recorded is missing, except on a loan already lent (the
    papers were in for the bank to pay out, before Prism kept the list); received with an
    expiry past is expired."""
    if stored is None and lent:
        return DocState.RECEIVED
    if stored != DocState.RECEIVED:
        return DocState.MISSING
    if expires_on is not None and expires_on < today:
        return DocState.EXPIRED
    return DocState.RECEIVED


def find_item(template: Sequence[Mapping[str, str]], typed: str) -> str | None:
    """The template's item the officer typed (trimmed; case and full/half-width digits
    ignored), or None."""
    want = _fold(typed)
    for entry in template:
        if _fold(entry["item"]) == want:
            return entry["item"]
    return None


def _fold(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", text).strip().casefold()


MISSING_GREETING = QT_TRANSLATE_NOOP(
    "PostLoan", "{address}, your {product} application still needs these papers:"
)
MISSING_RENEW = QT_TRANSLATE_NOOP("PostLoan", "(expired on {date}, please bring a new one)")
MISSING_CLOSING = QT_TRANSLATE_NOOP(
    "PostLoan",
    "Once these are in, I can send the application up the same day. Any question, just message me.",
)
NOTHING_MISSING = QT_TRANSLATE_NOOP(
    "PostLoan", "{address}, every paper for your {product} application is in. Thank you!"
)


def missing_message(address: str, product: str, items: Sequence[DocItem]) -> list[Msg | str]:
    """The lines of the "what is still missing" message, to render and join with newlines:
    the officer's greeting, one numbered line per missing or expired item with how to get it,
    the closing. Every paper in: a thank-you instead."""
    todo = [i for i in items if i.state is not DocState.RECEIVED]
    if not todo:
        return [NOTHING_MISSING.with_(address=address, product=product)]
    lines: list[Msg | str] = [MISSING_GREETING.with_(address=address, product=product)]
    for n, item in enumerate(todo, start=1):
        line = f"{n}. {item.item}"
        if item.how:
            line += f"：{item.how}"
        lines.append(line)
        if item.state is DocState.EXPIRED and item.expires_on is not None:
            lines.append(MISSING_RENEW.with_(date=item.expires_on.isoformat()))
    lines.append(MISSING_CLOSING)
    return lines


# --- post-loan checks ---------------------------------------------------------------------


class CheckKind(StrEnum):
    USE_OF_FUNDS = "use-of-funds"
    VISIT = "visit"
    CALL = "call"

    @property
    def label(self) -> Msg:
        return _CHECK_LABELS[self]


_CHECK_LABELS = {
    CheckKind.USE_OF_FUNDS: QT_TRANSLATE_NOOP("PostLoan", "use-of-funds check"),
    CheckKind.VISIT: QT_TRANSLATE_NOOP("PostLoan", "visit"),
    CheckKind.CALL: QT_TRANSLATE_NOOP("PostLoan", "call"),
}

#: Days: the use-of-funds check after disbursement, then visits and calls every N days.
DEFAULT_SCHEDULE: dict[str, dict[str, int]] = {
    "经营贷": {"use-of-funds": 15, "visit": 90, "call": 30},
    "消费贷": {"use-of-funds": 30, "visit": 90, "call": 30},
    "抵押贷": {"use-of-funds": 15, "visit": 90, "call": 30},
    "信用贷": {"use-of-funds": 30, "visit": 90, "call": 30},
}
FALLBACK_SCHEDULE = {"use-of-funds": 30, "visit": 90, "call": 30}
#: While a risk signal is open: visits and calls at most this far apart.
TIGHTENED = {"visit": 30, "call": 15}


def intervals(
    schedules: Mapping[str, Mapping[str, int]], product: str, at_risk: bool
) -> dict[CheckKind, int]:
    """The product's days per kind of check, tightened while a signal is open."""
    found = {**FALLBACK_SCHEDULE, **schedules.get(product, {})}
    out = {kind: int(found[kind.value]) for kind in CheckKind}
    if at_risk:
        for key, days in TIGHTENED.items():
            kind = CheckKind(key)
            out[kind] = min(out[kind], days)
    return out


@dataclass(frozen=True, slots=True)
class DueCheck:
    loan_id: int
    kind: CheckKind
    due_on: dt.date

    def late(self, today: dt.date) -> bool:
        return self.due_on < today


def due_checks(
    loan_id: int,
    disbursed_on: dt.date,
    every: Mapping[CheckKind, int],
    last: Mapping[CheckKind, dt.date],
) -> list[DueCheck]:
    """The next check of each kind: the use-of-funds check once (N days after the money went
    out, until one is recorded), visits and calls N days after the last one (or after the
    disbursement)."""
    out = []
    if CheckKind.USE_OF_FUNDS not in last:
        days = every[CheckKind.USE_OF_FUNDS]
        out.append(DueCheck(loan_id, CheckKind.USE_OF_FUNDS, disbursed_on + dt.timedelta(days)))
    for kind in (CheckKind.VISIT, CheckKind.CALL):
        since = last.get(kind, disbursed_on)
        out.append(DueCheck(loan_id, kind, since + dt.timedelta(days=every[kind])))
    return out
