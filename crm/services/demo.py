"""A realistic, deterministic demo book: the same seed gives the same clients.

The clients go in through the client write path's bulk form (``executemany``, the same side
effects as the add dialog) in one transaction; later record kinds add a step to :func:`steps`,
run in that transaction, so a demo book always shows every feature the product has.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from crm.domain.changes import Initiator, Topic
from crm.domain.client_form import Birthday, CleanClient, CleanPhone
from crm.domain.clock import Clock, SystemClock
from crm.domain.enums import Calendar, ClientKind, ClientStatus, Gender
from crm.domain.lunar import month_days
from crm.store.book import Book

# Weighted toward the commonest surnames, with the polyphonic and compound ones pinyin gets
# wrong on its own (曾 zeng, 单 shan, 解 xie, 仇 qiu, 区 ou, 查 zha, 朴 piao, 覃 qin, 翟 zhai ...).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤单解仇区查朴翟乐缪柏"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "长孙", "令狐")
GIVEN_MALE = [
    "伟",
    "强",
    "磊",
    "军",
    "勇",
    "杰",
    "涛",
    "斌",
    "超",
    "明",
    "刚",
    "平",
    "辉",
    "鹏",
    "华",
    "飞",
    "鑫",
    "波",
    "宁",
    "建国",
    "建华",
    "志强",
    "志明",
    "俊杰",
    "海涛",
    "晓东",
    "文博",
    "浩然",
    "子轩",
    "宇航",
    "国庆",
    "德福",
    "永刚",
    "卫东",
    "振华",
    "家豪",
    "天佑",
    "立新",
    "红军",
    "春生",
]
GIVEN_FEMALE = [
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "艳",
    "娟",
    "霞",
    "秀英",
    "桂英",
    "玉兰",
    "婷婷",
    "雪",
    "慧",
    "佳",
    "琳",
    "颖",
    "倩",
    "丹",
    "萍",
    "红梅",
    "晓燕",
    "海燕",
    "凤英",
    "美玲",
    "雅琴",
    "思雨",
    "欣怡",
    "梦瑶",
    "诗涵",
    "淑珍",
    "春梅",
    "秋菊",
    "小红",
    "丽华",
    "素芬",
    "翠兰",
    "金凤",
]
INDUSTRIES = (
    ("餐饮", ("饭店", "面馆", "火锅店", "小吃店", "烧烤店")),
    ("零售", ("超市", "便利店", "水果店", "烟酒店", "母婴店")),
    ("建材", ("建材店", "五金店", "瓷砖行", "灯饰城")),
    ("服装", ("服装店", "鞋店", "布艺店")),
    ("汽修", ("汽修厂", "洗车行", "轮胎店")),
    ("农业", ("种植合作社", "养殖场", "茶园", "果园")),
    ("物流", ("货运部", "快递站")),
    ("美容", ("美发店", "美容院", "美甲店")),
    ("制造", ("机械厂", "包装厂", "印刷厂", "家具厂")),
)
SHOP_WORDS = [
    "兴隆",
    "福满",
    "鑫源",
    "顺发",
    "金诚",
    "好再来",
    "老街",
    "阿婆",
    "一品",
    "德盛",
    "宏达",
    "和记",
    "四季",
    "新城",
    "同心",
]
TAGS = (
    ("老客户", 0.25),
    ("转介绍", 0.15),
    ("优质客户", 0.1),
    ("需跟进", 0.15),
    ("经营贷", 0.2),
    ("消费贷", 0.1),
    ("市场商户", 0.12),
    ("VIP", 0.04),
    ("征信瑕疵", 0.03),
)
STATUSES = (
    (ClientStatus.PROSPECT, 0.3),
    (ClientStatus.APPLYING, 0.1),
    (ClientStatus.BORROWER, 0.35),
    (ClientStatus.FORMER_BORROWER, 0.2),
    (ClientStatus.DECLINED, 0.05),
)
MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
]
DISTRICTS = ("110105", "310104", "440305", "330106", "510107", "420106", "320102", "610113")
STREETS = [
    "人民路",
    "解放路",
    "中山路",
    "建设路",
    "和平街",
    "新华路",
    "朝阳路",
    "滨江大道",
    "长江路",
    "幸福里",
]
CITIES = [
    "北京市朝阳区",
    "上海市徐汇区",
    "深圳市南山区",
    "杭州市西湖区",
    "成都市武侯区",
    "武汉市武昌区",
]


@dataclass(frozen=True)
class DemoContext:
    """What a fill step gets: the write connection, the seeded generator, the new clients."""

    conn: sqlite3.Connection
    rng: random.Random
    client_ids: list[int]
    clock: Clock


FillStep = Callable[[DemoContext], None]


def _weighted(rng: random.Random, pairs: tuple[tuple[object, float], ...]) -> object:
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def _id_number(rng: random.Random, birth: dt.date, male: bool) -> str:
    body = f"{rng.choice(DISTRICTS)}{birth:%Y%m%d}{rng.randint(10, 99)}"
    body += str(rng.randrange(1, 10, 2) if male else rng.randrange(0, 10, 2))
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
    return body + check


def fake_client(rng: random.Random, today: dt.date, client_id: int | None = None) -> CleanClient:
    """A made-up client; given the id they will get, most have a form of address too."""
    male = rng.random() < 0.55
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.01 else rng.choice(SURNAMES)
    given = rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)
    name = surname + given
    r = rng.random()
    kind = (
        ClientKind.PERSON
        if r < 0.45
        else ClientKind.SOLE_PROPRIETOR
        if r < 0.9
        else ClientKind.COMPANY
    )
    birth = today - dt.timedelta(days=rng.randint(22 * 365, 65 * 365))
    birthday: Birthday | None = None
    id_number = None
    if rng.random() < 0.85:
        if rng.random() < 0.35:
            # Many clients keep their lunar birthday; a few fall in a leap month or on the 30th.
            month = rng.randint(1, 12)
            day = rng.randint(1, 29) if rng.random() < 0.97 else 30
            year: int | None = birth.year if rng.random() < 0.5 else None
            if day == 30 and year is not None and month_days(year, month) < 30:
                year = None  # that lunar month had 29 days; such a client knows no year
            birthday = Birthday(Calendar.LUNAR, month, day, year)
        else:
            birthday = Birthday(Calendar.SOLAR, birth.month, birth.day, birth.year)
            if rng.random() < 0.6:
                id_number = _id_number(rng, birth, male)
    phones = [f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 99_999_999):08d}"]
    if rng.random() < 0.15:
        phones.append(f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 99_999_999):08d}")
    business = industry = None
    if kind is not ClientKind.PERSON:
        industry, shops = rng.choice(INDUSTRIES)
        business = f"{rng.choice(SHOP_WORDS)}{rng.choice(shops)}"
        if kind is ClientKind.COMPANY:
            business = f"{rng.choice(CITIES)[:2]}{business}有限公司"
    tags = tuple(str(t) for t, p in TAGS if rng.random() < p)
    gender = None if kind is ClientKind.COMPANY else (Gender.MALE if male else Gender.FEMALE)
    return CleanClient(
        name=business if kind is ClientKind.COMPANY and business else name,
        kind=kind,
        gender=gender,
        birthday=None if kind is ClientKind.COMPANY else birthday,
        phones=tuple(CleanPhone(f"+86{p}", p) for p in phones),
        wechat=f"wx_{rng.randint(100000, 9999999)}" if rng.random() < 0.6 else None,
        id_number=id_number,
        business_name=business,
        industry=industry,
        uscc=None,
        address=f"{rng.choice(CITIES)}{rng.choice(STREETS)}{rng.randint(1, 300)}号",
        status=ClientStatus(str(_weighted(rng, STATUSES))),
        tags=tags,
        notes="",
        form_of_address=None if client_id is None else _address_as(name, kind, gender, client_id),
    )


def _address_as(name: str, kind: ClientKind, gender: Gender | None, cid: int) -> str | None:
    """How the officer addresses a client (张总, 李姐), from the surname, by kind and gender;
    the id varies the title, and two in five have none (just the name)."""
    if kind is ClientKind.COMPANY or cid % 5 < 2:
        return None
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]
    female = gender is Gender.FEMALE
    if kind is ClientKind.SOLE_PROPRIETOR and cid % 3 > 0:
        return surname + ("老板" if female else "总")
    return (
        surname + (("阿姨", "女士", "姐", "姐") if female else ("叔", "师傅", "哥", "哥"))[cid % 4]
    )


def steps() -> list[FillStep]:
    """Each area's demo step, in order, run inside the same transaction as the clients."""
    from crm.services import demo_loans, demo_referrals, demo_relationship, demo_reminders

    fills = [demo_referrals.fill, demo_relationship.fill, demo_reminders.fill, demo_loans.fill]
    from crm.services import demo_post_loan  # after the loans it follows

    return [*fills, demo_post_loan.fill]


class DemoService:
    """Fills a book with the demo: the clients through the one client write path
    (:func:`crm.services.clients.write_clients`), then each area's step, all in ONE
    transaction."""

    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def fill(self, clients: int, seed: int = 1) -> list[int]:
        """Add ``clients`` fake clients (and every later record kind); returns their ids."""
        from crm.services.clients import write_clients
        from crm.store.queries.clients import next_id

        rng = random.Random(seed)
        now = self.clock.now()
        with self.book.write() as conn:
            # Made knowing the ids they will get (form of address), so written once.
            first = next_id(conn)
            fakes = [fake_client(rng, now.date(), first + n) for n in range(clients)]
            created = [now - dt.timedelta(minutes=rng.randint(0, 5 * 365 * 24 * 60)) for _ in fakes]
            written = write_clients(conn, fakes, [], now=now, created=created)
            ctx = DemoContext(conn, rng, written.new_ids, self.clock)
            for step in steps():
                step(ctx)
        self.book.changes.publish(Topic.BOOK, written.new_ids, Initiator.DEMO)
        return written.new_ids


def fill_demo(book: Book, clients: int, seed: int = 1, clock: Clock | None = None) -> list[int]:
    """Transitional: ``DemoService(book, clock).fill(clients, seed)`` for callers not yet on
    ``Services.demo`` (the GUI's --demo start, tests and benchmarks of other areas)."""
    return DemoService(book, clock).fill(clients, seed)
