"""Demo relationship memory: notes, contacts, promises and shared resources for every client.

Written in our own words: the small talk a loan officer actually keeps track of (a child's
高考, a shop being renovated, a mother in hospital, weekend fishing). Some notes are talking
points, some are dated ahead, some promises are already late, so every part of the feature
shows up in a fresh demo book. Written through the bulk forms of the services' own inserts
(``insert_notes`` ...), whose side effects (search document, last contact) run once for all
the demo clients at the end, so 100,000 clients stay quick.
"""

from __future__ import annotations

import datetime as dt

from crm.domain.relationship_enums import Channel, NoteCategory
from crm.services.demo import DemoContext
from crm.services.interactions import InteractionDraft, insert_interactions
from crm.services.memory_base import Touched
from crm.services.notes import NoteDraft, insert_notes
from crm.services.promises import PromiseDraft, insert_promises
from crm.services.resources import ResourceDraft, insert_resource, insert_shares
from crm.store.queries import relationship as q
from crm.store.queries import resources as resource_queries

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


def fill(ctx: DemoContext) -> None:
    """Add this area's demo records for ``ctx.client_ids`` using ``ctx.conn`` and ``ctx.rng``."""
    if not ctx.client_ids:
        return
    conn, rng = ctx.conn, ctx.rng
    r = rng.random
    now = ctx.clock.now().replace(microsecond=0)
    today = now.date()
    first, last = ctx.client_ids[0], ctx.client_ids[-1]
    clients = q.clients_created(conn, first, last)
    # The same draft for the same words (a few hundred of them): 100,000s of rows stay quick.
    note_drafts: dict[tuple[int, str | None, bool], NoteDraft] = {}
    contact_drafts: dict[tuple[int, dt.date | None], InteractionDraft] = {}
    n_notes, n_contacts, n_promises = len(NOTES), len(CONTACTS), len(PROMISES)
    notes: list[tuple[int, NoteDraft, dt.datetime]] = []
    contacts: list[tuple[int, InteractionDraft, dt.datetime]] = []
    promises: list[tuple[int, PromiseDraft, dt.datetime]] = []
    minute = dt.timedelta(minutes=1)
    day = dt.timedelta(days=1)
    for cid, created in clients:
        age_days = max((now - dt.datetime.fromisoformat(created)).days, 1)
        for _ in range(1 + int(r() * 2.2)):
            pick = int(r() * n_notes)
            category, text, ahead, ask = NOTES[pick]
            event = None
            # Most such notes carry no date the officer wrote down; a quarter do.
            if ahead is not None and r() < 0.25:
                event = (today + day * (1 + int(r() * ahead))).isoformat()
            made = now - day * int(r() * age_days)
            flag = ask and r() < 0.6
            note = note_drafts.get((pick, event, flag))
            if note is None:
                on = dt.date.fromisoformat(event) if event else None
                note = NoteDraft(text, NoteCategory(category), on, flag)
                note_drafts[(pick, event, flag)] = note
            notes.append((cid, note, made))
        if r() < 0.92:
            span = min(age_days, 240) * 24 * 60
            # About half were contacted lately, so the due list is long but not everyone.
            recent = min(span, 12 * 24 * 60) if r() < 0.5 else span
            for k in range(1 + int(r() * 2.6)):
                pick = int(r() * n_contacts)
                when = now - minute * (60 + int(r() * (recent if k == 0 else span)))
                channel, summary, step = CONTACTS[pick]
                # A next step is due a week after the contact.
                due = when.date() + day * 7 if step else None
                contact = contact_drafts.get((pick, due))
                if contact is None:
                    contact = InteractionDraft(Channel(channel), summary, None, step or "", due)
                    contact_drafts[(pick, due)] = contact
                contacts.append((cid, contact, when))  # recorded when it happened
        if r() < 0.12:
            text = PROMISES[int(r() * n_promises)]
            made_at = now - minute * int(r() * 10 * 24 * 60)
            # A good officer keeps most promises; a few are still open, some of them late.
            kept = None
            if r() < 0.8:
                kept_at = made_at + minute * int(r() * 2 * 24 * 60)
                kept = kept_at if kept_at < now else None
            promises.append((cid, PromiseDraft(text, kept_at=kept), made_at))

    touched = Touched()
    insert_notes(conn, notes, touched)
    insert_interactions(conn, contacts, touched, kept_by=now)  # next steps past: kept
    insert_promises(conn, promises, touched)
    touched.apply(conn)  # last contact and the search documents, once for every client
    _resources(ctx, now, today)


def _resources(ctx: DemoContext, now: dt.datetime, today: dt.date) -> None:
    conn, rng = ctx.conn, ctx.rng
    if resource_queries.count(conn):
        return  # a second demo run into the same book keeps one directory
    ids = [insert_resource(conn, ResourceDraft(*resource), now) for resource in RESOURCES]
    sample = rng.sample(ctx.client_ids, min(len(ctx.client_ids), max(3, len(ctx.client_ids) // 20)))
    insert_shares(
        conn,
        [
            (rng.choice(ids), cid, today - dt.timedelta(days=rng.randint(1, 300)), "")
            for cid in sample
        ],
        now,
    )
