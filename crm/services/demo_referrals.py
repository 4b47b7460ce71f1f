"""Demo referrals, run first inside ``fill_demo``'s transaction.

A few clients become referral partners (a market association head, estate agents,
accountants); about 30% of the rest were referred, mostly by a handful of prolific referrers,
partly along chains several people deep; the others get a source. A few referred borrowers
leave a thank-you open. Referrers always come earlier in a shuffled order, so no circles
(which is why the links go in through the bulk form, ``link_referrers``, unchecked).

The partners and the borrowers owing thanks are client edits, written through THE client write
(``write_clients``/``set_statuses``) like any other edit. The referrer links are not: they
touch about every demo client: through the client write every referred borrower would owe a
thank-you (thousands open instead of a few), and every client would be written a second time.
"""

from __future__ import annotations

import datetime as dt
import random

from crm.domain.client_form import CleanClient, CleanPhone
from crm.domain.enums import ClientKind, ClientStatus, Gender
from crm.domain.referrals import ReferralSource
from crm.services.clients import set_statuses, write_clients
from crm.services.demo import GIVEN_FEMALE, GIVEN_MALE, SHOP_WORDS, SURNAMES, DemoContext
from crm.store.queries import referrals as q

REFERRED_SHARE = 0.30
#: (name, address as, business, industry, gender); the first is the busiest referrer.
PARTNERS = (
    ("陈建国", "陈会长", "城东农贸市场商会", "商会", Gender.MALE),
    ("刘婷", "刘经理", "安居房产中介", "房产中介", Gender.FEMALE),
    ("周敏", "周会计", "诚信代账事务所", "财税代理", Gender.FEMALE),
    ("赵德福", "赵会长", "建材市场商户协会", "商会", Gender.MALE),
    ("孙丽华", "孙经理", "链城房产经纪", "房产中介", Gender.FEMALE),
    ("钱志明", "钱会计", "明达财税咨询", "财税代理", Gender.MALE),
)
SOURCES = (
    (ReferralSource.WALK_IN, 0.28),
    (ReferralSource.BRANCH, 0.24),
    (ReferralSource.PHONE, 0.14),
    (ReferralSource.EVENT, 0.1),
    (ReferralSource.ONLINE, 0.12),
    (ReferralSource.OTHER, 0.05),
    (None, 0.07),  # not recorded
)
OPEN_THANKS = 6
PARTNER_TAG = "合作伙伴"


TITLES = {"商会": "会长", "房产中介": "经理", "财税代理": "会计"}


def _partner(i: int, rng: random.Random) -> CleanClient:
    name, address_as, business, industry, gender = PARTNERS[i % len(PARTNERS)]
    if i >= len(PARTNERS):  # large books: more partners, each their own person
        surname = rng.choice(SURNAMES)
        male = rng.random() < 0.5
        name = surname + rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)
        gender = Gender.MALE if male else Gender.FEMALE
        address_as = surname + TITLES[industry]
        business = f"{rng.choice(SHOP_WORDS)}{business[-4:]}"
    phone = rng.randint(0, 99_999_999)
    return CleanClient(
        name=name,
        kind=ClientKind.PARTNER,
        gender=gender,
        birthday=None,
        phones=(CleanPhone(f"+86139{phone:08d}", f"139{phone:08d}"),),
        wechat=None,
        id_number=None,
        business_name=business,
        industry=industry,
        uscc=None,
        address=None,
        status=ClientStatus.PROSPECT,
        tags=(PARTNER_TAG,),
        notes="",
        form_of_address=address_as,
        source=ReferralSource.OTHER,
    )


def fill(ctx: DemoContext) -> None:
    rng, conn = ctx.rng, ctx.conn
    order = list(ctx.client_ids)
    if not order:
        return
    rng.shuffle(order)
    n_partners = min(len(order), max(3, len(order) // 300))
    partners = order[:n_partners]
    _make_partners(ctx, partners)
    # Prolific referrers: the partners (陈会长 busiest) and about 1% of the clients.
    n_hubs = max(3, len(order) // 100)
    hubs = partners + order[n_partners : n_partners + n_hubs]
    weights = [12.0, *([4.0] * (n_partners - 1)), *([1.5] * (len(hubs) - n_partners))]
    cum: list[float] = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    sources = [s for s, _w in SOURCES]
    source_weights = [w for _s, w in SOURCES]

    updates: list[tuple[int | None, str | None, int]] = []
    recent: list[int] = []  # referred clients, newest last: picking them deepens chains
    start = n_partners + n_hubs
    for hub in hubs[n_partners:]:
        updates.append((None, _pick(rng, sources, source_weights), hub))
    for i in range(start, len(order)):
        cid = order[i]
        if rng.random() < REFERRED_SHARE * len(order) / max(len(order) - start, 1):
            r = rng.random()
            if r < 0.45 or not recent:
                referrer = hubs[_bisect(cum, rng.random() * acc)]
            elif r < 0.8:
                referrer = recent[-1 - int(rng.random() * min(len(recent), 60))]
            else:
                referrer = order[int(rng.random() * i)]
            updates.append((referrer, ReferralSource.REFERRAL.value, cid))
            recent.append(cid)
        else:
            updates.append((None, _pick(rng, sources, source_weights), cid))
    # In id order: the table's pages are then visited once each (random order is ~10x slower).
    updates.sort(key=lambda u: u[2])
    q.link_referrers(conn, updates)
    _open_thanks(ctx, updates)


def _make_partners(ctx: DemoContext, partners: list[int]) -> None:
    """Turn these clients into referral partners: each record rewritten whole (name, phone,
    the one partner tag ...), through the client write."""
    updates = [(pid, _partner(i, ctx.rng)) for i, pid in enumerate(partners)]
    if updates:
        write_clients(ctx.conn, [], updates, now=ctx.clock.now())


def _pick(
    rng: random.Random, sources: list[ReferralSource | None], weights: list[float]
) -> str | None:
    s = rng.choices(sources, weights)[0]
    return s.value if s else None


def _bisect(cum: list[float], x: float) -> int:
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _open_thanks(ctx: DemoContext, updates: list[tuple[int | None, str | None, int]]) -> None:
    """A few referred clients became borrowers lately and their referrers await thanks."""
    referred = [(ref, cid) for ref, _s, cid in updates if ref is not None]
    if not referred:
        return
    picks = ctx.rng.sample(referred, min(OPEN_THANKS, len(referred)))
    now = ctx.clock.now()
    for n, (_ref, cid) in enumerate(picks):
        # Dated over the last weeks, each a week after applying: the change to borrower is
        # what makes the client write record the thank-you owed (also for a client the demo
        # had already made a borrower).
        became = now - dt.timedelta(days=1 + n * 3)
        set_statuses(ctx.conn, {cid: ClientStatus.APPLYING}, now=became - dt.timedelta(days=7))
        set_statuses(ctx.conn, {cid: ClientStatus.BORROWER}, now=became)
