"""Demo relationship memory: notes, contacts, promises and shared resources for every client.

Written in our own words: the small talk a loan officer actually keeps track of (a child's
高考, a shop being renovated, a mother in hospital, weekend fishing). Some notes are talking
points, some are dated ahead, some promises are already late, so every part of the feature
shows up in a fresh demo book. Bulk inserts with executemany; the search index documents are
assembled from per-text pieces cached by text, so 100,000 clients stay quick.
"""

from __future__ import annotations

import datetime as dt

from crm.domain.grams import SEPARATOR, index_text
from crm.domain.relationship_enums import Channel, NoteCategory
from crm.domain.workdays import default_promise_due
from crm.services.demo import DemoContext

_F, _B, _H, _I, _O = (
    NoteCategory.FAMILY.value,
    NoteCategory.BUSINESS.value,
    NoteCategory.HEALTH.value,
    NoteCategory.INTERESTS.value,
    NoteCategory.OTHER.value,
)
# (category, text, days until the event or None, worth asking next time)
NOTES: tuple[tuple[str, str, int | None, bool], ...] = (
    (_F, "女儿明年六月高考，想考师范，最近压力大", 200, True),
    (_F, "儿子这个月考驾照科目三，有点紧张", 20, True),
    (_F, "孩子在读初三，周末要接送补课", None, False),
    (_F, "大儿子下个月结婚，在老家摆酒", 25, True),
    (_F, "老婆刚生了二胎，是个女儿", None, True),
    (_F, "老父亲腿脚不便，每月要回老家两趟", None, False),
    (_F, "女儿在杭州读大学，学的会计", None, False),
    (_B, "门店在重新装修，预计下月重新开业", 30, True),
    (_B, "准备在城东开第二家分店，还在看铺面", None, True),
    (_B, "旺季在中秋前后，要提前备货，资金会紧", 60, False),
    (_B, "刚换了供货商，进货价降了一成", None, False),
    (_B, "厂里新上了一条生产线，订单排到年底", None, True),
    (_B, "铺面租约明年三月到期，房东想涨租", 100, True),
    (_B, "店里招了两个新店员，人手宽松了", None, False),
    (_H, "母亲上个月住院做了心脏支架，在恢复期", None, True),
    (_H, "自己腰椎间盘突出，不能久坐", None, True),
    (_H, "爱人在调理身体，准备要孩子", None, False),
    (_H, "体检查出血糖偏高，在控制饮食", None, False),
    (_I, "爱钓鱼，周末常去水库夜钓", None, False),
    (_I, "喜欢喝普洱茶，店里常备好茶", None, False),
    (_I, "跑马拉松，报了明年的半马", 90, True),
    (_I, "象棋下得好，常去老年活动中心", None, False),
    (_I, "喜欢自驾游，国庆刚去了川西", None, True),
    (_O, "想给孩子在学区买房，在比较几个小区", None, True),
    (_O, "打算明年换车，看中一款新能源", None, False),
    (_O, "不喜欢早上打电话，最好下午联系", None, False),
    (_O, "微信回复慢，重要的事直接打电话", None, False),
)
CONTACTS: tuple[tuple[str, str, str | None], ...] = (
    (Channel.PHONE.value, "电话回访，经营正常，暂无新的资金需求", None),
    (Channel.PHONE.value, "提醒本月还款日，客户说已存好钱", None),
    (Channel.PHONE.value, "问了孩子考试的情况，聊得挺开心", None),
    (Channel.WECHAT.value, "微信发了新出的经营贷利率说明", "等客户看完再约时间面谈"),
    (Channel.WECHAT.value, "节日问候，顺便问了店里生意", None),
    (Channel.WECHAT.value, "客户发来半年流水截图，需要补齐三月份", "提醒补三月流水"),
    (Channel.VISIT.value, "上门看了新装修的门店，客流不错", None),
    (Channel.VISIT.value, "贷后走访，资金用于进货，与申请用途一致", None),
    (Channel.VISIT.value, "到厂里看了新生产线，订单情况良好", "下周整理走访报告"),
    (Channel.BRANCH.value, "来网点面签，材料齐全", None),
    (Channel.BRANCH.value, "来网点咨询展期，说明了条件和所需材料", "准备展期申请材料清单"),
    (Channel.OTHER.value, "在商会活动上碰面，简单聊了几句", None),
    (Channel.PHONE.value, "客户问提前还款有没有违约金，已解答", None),
    (Channel.WECHAT.value, "客户转介绍了一位做餐饮的朋友", "联系被介绍的朋友"),
)
PROMISES = (
    "确认展期政策后回复客户",
    "问清楚提前还款的手续费",
    "把新产品的利率和期限发给客户",
    "帮客户查一下征信报告的异议处理流程",
    "打听一下装修贷的额度上限",
    "把所需材料清单整理好发微信",
    "约信贷部同事一起上门评估",
    "确认抵押物评估需要多少天",
)
RESOURCES = (
    ("老周装修队", "装修", "周师傅 139****2288", "做过好几家门店，报价实在，工期守时"),
    ("王会计代账", "财税", "王会计 微信 wangkj88", "小微企业代账、汇算清缴，收费合理"),
    ("小微企业税费减免说明", "政策", "网点资料架", "今年的减税降费要点，一页纸讲清楚"),
    ("创业担保贷款指引", "产品", "人社局窗口", "符合条件的个体户可申请贴息"),
    ("刘律师", "法律", "刘律师 137****6650", "合同纠纷、租赁纠纷咨询"),
    ("城东冷链仓储", "物流", "仓储部 0571-8****123", "餐饮和生鲜商户可以按月租库位"),
    ("子女教育金规划讲座", "理财", "网点每月第二个周六", "给有孩子上学的客户推荐"),
)
_SURNAME_2 = ("欧阳", "司马", "诸葛", "上官", "长孙", "令狐")


#: Forms of address made from the surname, by kind and gender (None: just the name).
_ADDRESS_SQL = """
    CASE WHEN kind = 'company' OR id % 5 < 2 THEN NULL ELSE
      CASE WHEN substr(name, 1, 2) IN ('欧阳', '司马', '诸葛', '上官', '长孙', '令狐')
           THEN substr(name, 1, 2) ELSE substr(name, 1, 1) END ||
      CASE WHEN kind = 'sole_proprietor' AND id % 3 > 0
             THEN CASE WHEN gender = 'female' THEN '老板' ELSE '总' END
           WHEN gender = 'female'
             THEN CASE id % 4 WHEN 0 THEN '阿姨' WHEN 1 THEN '女士' ELSE '姐' END
           ELSE CASE id % 4 WHEN 0 THEN '叔' WHEN 1 THEN '师傅' ELSE '哥' END END
    END"""


def _stamp(value: dt.datetime) -> str:
    """sql_datetime for whole seconds, without strftime's cost (100,000s of rows)."""
    return f"{value.isoformat(' ')}.000000"


def fill(ctx: DemoContext) -> None:
    """Add this area's demo records for ``ctx.client_ids`` using ``ctx.conn`` and ``ctx.rng``."""
    if not ctx.client_ids:
        return
    conn, rng = ctx.conn, ctx.rng
    r = rng.random
    now = ctx.clock.now().replace(microsecond=0)
    today = now.date()
    first, last = ctx.client_ids[0], ctx.client_ids[-1]
    clients = conn.execute(
        "SELECT id, created_at FROM client WHERE id BETWEEN ? AND ?", (first, last)
    ).fetchall()
    grams: dict[str, str] = {}

    def g(text: str) -> str:
        got = grams.get(text)
        if got is None:
            got = grams[text] = index_text([text])
        return got

    n_notes, n_contacts, n_promises = len(NOTES), len(CONTACTS), len(PROMISES)
    notes: list[tuple[object, ...]] = []
    contacts: list[tuple[object, ...]] = []
    promises: list[tuple[object, ...]] = []
    docs: list[tuple[int, str]] = []
    minute = dt.timedelta(minutes=1)
    day = dt.timedelta(days=1)
    for cid, created in clients:
        age_days = max((now - dt.datetime.fromisoformat(created)).days, 1)
        pieces: list[str] = []
        for _ in range(1 + int(r() * 2.2)):
            category, text, ahead, ask = NOTES[int(r() * n_notes)]
            event = None
            # Most such notes carry no date the officer wrote down; a quarter do.
            if ahead is not None and r() < 0.25:
                event = (today + day * (1 + int(r() * ahead))).isoformat()
            made = _stamp(now - day * int(r() * age_days))
            notes.append((cid, category, text, event, ask and r() < 0.6, made, made))
            pieces.append(g(text))
        if r() < 0.92:
            span = min(age_days, 240) * 24 * 60
            # About half were contacted lately, so the due list is long but not everyone.
            recent = min(span, 12 * 24 * 60) if r() < 0.5 else span
            for k in range(1 + int(r() * 2.6)):
                channel, summary, step = CONTACTS[int(r() * n_contacts)]
                when = now - minute * (60 + int(r() * (recent if k == 0 else span)))
                due = (when.date() + day * 7).isoformat() if step else None
                stamp = _stamp(when)
                contacts.append((cid, stamp, channel, summary, step, due, stamp))
                pieces.append(g(summary))
                if step:
                    pieces.append(g(step))
        if r() < 0.12:
            text = PROMISES[int(r() * n_promises)]
            made_at = now - minute * int(r() * 10 * 24 * 60)
            due_on = default_promise_due(made_at.date())
            stamp = _stamp(made_at)
            # A good officer keeps most promises; a few are still open, some of them late.
            kept = None
            if r() < 0.8:
                kept_at = made_at + minute * int(r() * 2 * 24 * 60)
                kept = _stamp(kept_at) if kept_at < now else None
            promises.append((cid, text, stamp, due_on.isoformat(), stamp, kept))
            pieces.append(g(text))
        docs.append((cid, f" {SEPARATOR} ".join(pieces)))

    conn.executemany(
        "INSERT INTO life_note (client_id, category, text, event_date, ask_next_time, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        notes,
    )
    conn.executemany(
        "INSERT INTO interaction (client_id, occurred_at, channel, summary, next_step, "
        "next_step_due, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        contacts,
    )
    conn.executemany(
        "INSERT INTO promise (client_id, text, made_at, due_date, created_at, kept_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        promises,
    )
    # One statement in id order, and for a big batch the last-contact index rebuilt once
    # afterwards instead of churned row by row (0.5 s instead of 1 s at 100,000 clients).
    rebuild = len(clients) > 10_000
    if rebuild:
        conn.execute("DROP INDEX ix_client_last_contact")
    conn.execute(
        "UPDATE client SET last_contact_at = (SELECT max(occurred_at) FROM interaction i "
        "WHERE i.client_id = client.id), "
        f"form_of_address = coalesce(form_of_address, {_ADDRESS_SQL}) "
        "WHERE id BETWEEN ? AND ?",
        (first, last),
    )
    if rebuild:  # as migration 0002 defines it
        conn.execute("CREATE INDEX ix_client_last_contact ON client (archived_at, last_contact_at)")
    conn.executemany("INSERT INTO client_memory_fts (rowid, grams) VALUES (?, ?)", docs)
    _resources(ctx, _stamp(now), today)


def _resources(ctx: DemoContext, stamp: str | None, today: dt.date) -> None:
    conn, rng = ctx.conn, ctx.rng
    if conn.execute("SELECT count(*) FROM resource").fetchone()[0]:
        return  # a second demo run into the same book keeps one directory
    ids = []
    for name, category, contact, note in RESOURCES:
        cur = conn.execute(
            "INSERT INTO resource (name, category, contact, note, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (name, category, contact, note, stamp),
        )
        ids.append(cur.lastrowid)
    sample = rng.sample(ctx.client_ids, min(len(ctx.client_ids), max(3, len(ctx.client_ids) // 20)))
    conn.executemany(
        "INSERT INTO resource_share (resource_id, client_id, shared_on, note, created_at) "
        "VALUES (?, ?, ?, '', ?)",
        [
            (
                rng.choice(ids),
                cid,
                (today - dt.timedelta(days=rng.randint(1, 300))).isoformat(),
                stamp,
            )
            for cid in sample
        ],
    )
