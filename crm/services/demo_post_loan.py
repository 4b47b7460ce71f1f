"""The demo's after-the-loan step: papers of the applications in progress, post-loan checks of
running loans (most up to date, a few late), turnover of business owners (a few slipping),
related parties (guarantors, spouses, a couple of mutual guarantees), contact changes, signals
by hand, and what detection then finds, all in the demo's transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from crm.domain.post_loan import DEFAULT_TEMPLATES, FALLBACK_TEMPLATE
from crm.domain.risk import MANUAL_KINDS, RiskKind
from crm.services.risks import _open, findings, open_findings
from crm.store.book import sql_datetime
from crm.store.queries import post_loan as pq
from crm.store.queries import risks as q

if TYPE_CHECKING:
    from crm.services.demo import DemoContext

_SPOUSES = ("王芳", "李静", "张敏", "刘洋", "陈丽", "杨帆", "赵雪", "黄磊")
_NOTES = {
    RiskKind.BUSINESS_DOWN: "隔壁新开了同类店，客流少了",
    RiskKind.SLOW_REPLIES: "微信两天才回",
    RiskKind.LITIGATION: "裁判文书网查到一起买卖合同纠纷",
    RiskKind.BIG_SPENDING: "朋友圈晒了新车",
    RiskKind.EXTENSION_REQUEST: "问能不能晚一个月还",
    RiskKind.GUARANTOR_CHANGE: "担保人换了工作单位",
}


def fill(ctx: DemoContext) -> None:
    if not ctx.client_ids:
        return
    conn, rng, ids = ctx.conn, ctx.rng, ctx.client_ids
    now = ctx.clock.now()
    today = now.date()
    stamp = sql_datetime(now)
    # Papers: applications in progress, most papers in, one to three missing, some expired.
    lo, hi = min(ids), max(ids)
    pending = pq.loans_in_range(conn, lo, hi, ("applied", "approved"))
    docs = []
    for loan_id, _cid, product, _out in pending:
        items = [e["item"] for e in DEFAULT_TEMPLATES.get(product, FALLBACK_TEMPLATE)]
        missing = set(rng.sample(items, min(len(items), rng.randint(1, 3))))
        for item in items:
            if item in missing:
                continue
            got = today - dt.timedelta(days=rng.randint(1, 40))
            expires = None
            if item == "身份证" and rng.random() < 0.1:
                expires = today - dt.timedelta(days=rng.randint(1, 60))
            docs.append(
                (
                    loan_id,
                    item,
                    "received",
                    got.isoformat(),
                    expires.isoformat() if expires else None,
                    "",
                    stamp,
                )
            )
    pq.upsert_documents(conn, docs)
    # Checks: most running loans checked on time; about one in twenty late on something.
    checks: list[tuple[object, ...]] = []
    for loan_id, _cid, _product, disbursed in pq.loans_in_range(
        conn, lo, hi, ("disbursed", "extended", "overdue")
    ):
        if disbursed is None:
            continue
        out = dt.date.fromisoformat(disbursed)
        age = (today - out).days
        late = rng.random() < 0.05
        if age > 15 and not (late and age < 60):
            day = out + dt.timedelta(days=rng.randint(5, 14))
            checks.append(
                (
                    loan_id,
                    day.isoformat(),
                    "use-of-funds",
                    "资金用于进货，与合同一致",
                    int(rng.random() > 0.03),
                    "进货发票",
                    stamp,
                )
            )
        for kind, every in (("visit", 90), ("call", 30)):
            if age <= every:
                continue
            back = rng.randint(every + 5, every + 40) if late else rng.randint(0, every - 3)
            day = max(out, today - dt.timedelta(days=back))
            checks.append(
                (
                    loan_id,
                    day.isoformat(),
                    kind,
                    "经营正常" if kind == "visit" else "",
                    None,
                    "",
                    stamp,
                )
            )
    pq.insert_checks(conn, checks)
    # Turnover: one client in eight, twelve months; a few slipping 30%+ last month.
    turnover = []
    months = []
    first = today.replace(day=1)
    for back in range(12, 0, -1):
        y, m = divmod(first.year * 12 + first.month - 1 - back, 12)
        months.append(f"{y:04d}-{m + 1:02d}")
    for cid in ids:
        if rng.random() >= 0.125:
            continue
        base = rng.randint(30, 400) * 1000
        peak = rng.sample(range(1, 13), 2)
        slipping = rng.random() < 0.08
        for i, month in enumerate(months):
            level = base * (1.4 if int(month[5:]) in peak else 1.0) * rng.uniform(0.85, 1.15)
            if slipping and i == len(months) - 1:
                level = base * rng.uniform(0.4, 0.65)
            turnover.append((cid, month, int(level) * 100, stamp))
    q.upsert_turnover(conn, turnover)
    # Related parties: guarantors among the clients, spouses outside the book, a few 互保.
    parties: list[tuple[object, ...]] = []
    for cid in ids:
        r = rng.random()
        if r < 0.05:
            other = rng.choice(ids)
            if other != cid:
                parties.append((cid, other, "", "guarantor", "", stamp))
                if rng.random() < 0.04:
                    parties.append((other, cid, "", "guarantor", "", stamp))
        elif r < 0.10:
            parties.append((cid, None, rng.choice(_SPOUSES), "spouse", "", stamp))
    for values in parties:
        q.insert_party(conn, values)
    # Contact changes (as the client write path records them) and signals by hand.
    changes = []
    for cid in rng.sample(ids, max(1, len(ids) // 400)):
        for n in range(2):
            at = now - dt.timedelta(days=rng.randint(3, 80), minutes=n)
            old, new = (f"+861{rng.randint(3 * 10**9, 10**10 - 1)}" for _ in range(2))
            changes.append((cid, "phone", old, new, sql_datetime(at)))
    q.insert_contact_changes(conn, changes)
    manual = []
    for cid in rng.sample(ids, max(1, len(ids) // 150)):
        kind = rng.choice([k for k in MANUAL_KINDS if k in _NOTES])
        manual.append((cid, kind, "", _NOTES[kind]))
    opened = today - dt.timedelta(days=rng.randint(1, 30))
    signal_ids = _open(conn, manual, opened, now)
    for sid in signal_ids[: len(signal_ids) // 4]:  # a quarter already dealt with
        q.close_signal(conn, sid, today.isoformat(), "已上门核实，情况正常")
        q.insert_events(conn, [(sid, "closed", "已上门核实，情况正常", stamp)])
    open_findings(conn, findings(conn, today, None), today, now)
