"""`crm referrals`: a client's chain and tree, top referrers, sources, thank-yous due.

Also the ``--referred-by`` and ``--source`` options of `crm add` / `crm edit`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from crm.commands.base import (
    MORE,
    CliContext,
    UsageProblem,
    add_json_flag,
    add_limit_flag,
    print_limited,
    say,
)
from crm.domain.enums import ClientKind, ClientStatus
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.referrals import NOT_RECORDED, ReferralSource, chain_text

if TYPE_CHECKING:
    from crm.domain.client_form import ClientDraft
    from crm.services.referral_links import Person

NO_REFERRERS = QT_TRANSLATE_NOOP("cli", "Nobody in the book has referred anyone yet.")
NO_CLIENTS = QT_TRANSLATE_NOOP("cli", "The book has no clients yet.")
NO_THANKS = QT_TRANSLATE_NOOP(
    "cli", "No thank-yous waiting: every referrer whose client borrows has been thanked."
)

#: Deeper than this, tree lines stop indenting further (a 10,000-deep chain stays printable).
MAX_INDENT = 24


def add_referral_options(p: argparse.ArgumentParser, *, editing: bool) -> None:
    p.add_argument(
        "--referred-by",
        metavar="CLIENT",
        help="who referred them: client id or unambiguous name"
        + (" ('none' clears it)" if editing else ""),
    )
    p.add_argument(
        "--source",
        choices=[s.value for s in ReferralSource],
        help="how they came, when not referred by someone in the book",
    )


def apply_referral_args(draft: ClientDraft, args: argparse.Namespace, ctx: CliContext) -> None:
    if args.source:
        draft.source = ReferralSource(args.source)
    ref = args.referred_by
    if ref is None:
        return
    if ref.strip().lower() in ("none", "-", ""):
        draft.referred_by_id = None
        return
    draft.referred_by_id = ctx.services.clients.resolve(ref)


def _person_json(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "address_as": p.form_of_address,
        "kind": p.kind,
        "status": p.status,
        "archived": p.archived,
    }


def _person_text(ctx: CliContext, p: Person) -> str:
    if p.kind == ClientKind.PARTNER:
        what = ctx.text(ClientKind.PARTNER.label)
    else:
        what = ctx.text(ClientStatus(p.status).label)
    text = f"{p.label} · {what}"
    if p.label != p.name:
        text = f"{p.name} ({p.label}) · {what}"
    if p.archived:
        text += " · " + ctx.text(QT_TRANSLATE_NOOP("cli", "archived"))
    return text


def cmd_client(ctx: CliContext, ref: str, limit: int | None = None) -> int:
    services = ctx.services
    client_id = services.clients.resolve(ref)
    q = services.referrals
    chain = q.chain(client_id)
    tree = q.tree(client_id)
    assert tree is not None
    _referrer, source = q.referrer_source(client_id)
    if ctx.json:
        ctx.print_json(
            {
                "client": _person_json(tree.root),
                "source": source,
                "chain": [_person_json(p) for p in chain],
                "chain_text": chain_text([p.label for p in chain]),
                "direct": tree.direct,
                "indirect": tree.indirect,
                "descendants": [
                    {**_person_json(n.person), "referred_by": n.parent_id, "depth": n.depth}
                    for n in tree.nodes
                ],
            }
        )
        return 0
    ctx.print(_person_text(ctx, tree.root))
    if len(chain) > 1:
        line = QT_TRANSLATE_NOOP("cli", "Chain: {chain}").with_(
            chain=chain_text([p.label for p in chain])
        )
    else:
        label = ctx.text(ReferralSource(source).label) if source else ctx.text(NOT_RECORDED)
        line = QT_TRANSLATE_NOOP("cli", "Not referred by anyone in the book (source: {source}).")
        line = line.with_(source=label)
    ctx.print(ctx.text(line))
    ctx.print(
        ctx.text(
            QT_TRANSLATE_NOOP("cli", "Brought {direct} directly and {indirect} indirectly.").with_(
                direct=tree.direct, indirect=tree.indirect
            )
        )
    )
    # Depth-first, iteratively: (node id, prefix for its children, line prefix).
    stack: list[tuple[int, str, str]] = []
    kids = tree.children.get(tree.root.id, [])
    people = {n.person.id: n.person for n in tree.nodes}
    for i, kid in reversed(list(enumerate(kids))):
        last = i == len(kids) - 1
        stack.append((kid, "   " if last else "│  ", "└─ " if last else "├─ "))
    shown = 0
    while stack:
        node, child_prefix, line_prefix = stack.pop()
        if limit is not None and shown >= limit:
            ctx.print(ctx.text(MORE.with_(n=len(tree.nodes) - shown)))
            break
        ctx.print(line_prefix + _person_text(ctx, people[node]))
        shown += 1
        kids = tree.children.get(node, [])
        if len(child_prefix) >= MAX_INDENT * 3:
            child_prefix = child_prefix[:-3]
        for i, kid in reversed(list(enumerate(kids))):
            last = i == len(kids) - 1
            stack.append(
                (
                    kid,
                    child_prefix + ("   " if last else "│  "),
                    child_prefix + ("└─ " if last else "├─ "),
                )
            )
    return 0


def cmd_top(ctx: CliContext, n: int) -> int:
    if n < 1:
        raise UsageProblem(QT_TRANSLATE_NOOP("cli", "--top needs a number of 1 or more."))
    top = ctx.services.referrals.top_referrers(n)
    if ctx.json:
        ctx.print_json(
            [
                {
                    "rank": i,
                    **_person_json(t.person),
                    "direct": t.direct,
                    "indirect": t.indirect,
                    "borrowers_direct": t.borrowers_direct,
                    "borrowers_total": t.borrowers_total,
                    # None until Prism records loans (ReferralService.lent_to).
                    "amount_lent": str(t.amount_lent) if t.amount_lent is not None else None,
                }
                for i, t in enumerate(top, 1)
            ]
        )
        return 0
    if not top:
        say(ctx, NO_REFERRERS)
        return 0
    header = QT_TRANSLATE_NOOP("cli", "rank  direct  indirect  borrowers  referrer")
    ctx.print(ctx.text(header))
    for i, t in enumerate(top, 1):
        ctx.print(
            f"{i:>4}  {t.direct:>6}  {t.indirect:>8}  {t.borrowers_total:>9}  "
            + _person_text(ctx, t.person)
        )
    return 0


def cmd_sources(ctx: CliContext) -> int:
    shares = ctx.services.referrals.share_by_source()
    if ctx.json:
        ctx.print_json(
            [
                {
                    "source": s.source.value if s.source else None,
                    "clients": s.clients,
                    "share": round(s.share, 4),
                }
                for s in shares
            ]
        )
        return 0
    if not shares:
        say(ctx, NO_CLIENTS)
    for s in shares:
        label = ctx.text(s.source.label) if s.source else ctx.text(NOT_RECORDED)
        ctx.print(f"{s.share:>6.1%}  {s.clients:>7}  {label}")
    return 0


def cmd_thanks(ctx: CliContext, limit: int | None) -> int:
    due = ctx.services.thanks.open_for()[:limit] if ctx.json else ctx.services.thanks.open_for()
    if ctx.json:
        ctx.print_json(
            [
                {
                    "id": d.id,
                    "referrer": _person_json(d.referrer),
                    "client": _person_json(d.referred),
                    "became_borrower_on": d.became_borrower_on.isoformat(),
                }
                for d in due
            ]
        )
        return 0
    if not due:
        say(ctx, NO_THANKS)
        return 0
    lines = []
    for d in due:
        line = QT_TRANSLATE_NOOP(
            "cli", "{id}: thank {referrer} for {client} (a borrower since {date})"
        ).with_(
            id=d.id,
            referrer=d.referrer.label,
            client=d.referred.label,
            date=d.became_borrower_on.isoformat(),
        )
        lines.append(ctx.text(line))
    print_limited(ctx, lines, limit)
    return 0


def cmd_referrals(args: argparse.Namespace, ctx: CliContext) -> int:
    chosen = [
        x
        for x in (args.client, args.top, args.sources or None, args.thanks or None)
        if x is not None
    ]
    if len(chosen) != 1:
        raise UsageProblem(
            QT_TRANSLATE_NOOP("cli", "Give one of: a CLIENT, --top N, --sources or --thanks.")
        )
    if args.client:
        return cmd_client(ctx, args.client, args.limit)
    if args.top is not None:
        return cmd_top(ctx, args.top)
    if args.sources:
        return cmd_sources(ctx)
    return cmd_thanks(ctx, args.limit)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "referrals", help="who referred whom: a client's chain and tree, or top referrers"
    )
    p.add_argument("client", nargs="?", help="client id or unambiguous name")
    p.add_argument("--top", type=int, metavar="N", help="the N best referrers")
    p.add_argument("--sources", action="store_true", help="share of the book by source")
    p.add_argument("--thanks", action="store_true", help="thank-yous not yet given")
    add_limit_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_referrals)
