"""`crm docs`, `doc`, `missing`, `check-in`: a loan application's papers and the 贷后 checks.

CLIENT is an id or a name that matches one client. Without ``--loan``, the papers are those of
the client's application in progress (else their newest loan). Bad input ends in one line,
exit 1, nothing written.
"""

from __future__ import annotations

import argparse

from crm.commands.base import CliContext, CommandError, add_json_flag
from crm.commands.loan_records import _date, _saving, _whole
from crm.domain.messages import QT_TRANSLATE_NOOP

ONE_MARK = QT_TRANSLATE_NOOP("cli", "Say one of --received, --missing or --expires DATE.")
MARKED = QT_TRANSLATE_NOOP("cli", "{item}: {state}.")
LOGGED = QT_TRANSLATE_NOOP("cli", "Logged as a contact ({id}).")
UNKNOWN_KIND = QT_TRANSLATE_NOOP("cli", "Unknown kind {value!r}: use one of {choices}.")
YES_NO = QT_TRANSLATE_NOOP("cli", "--funds-ok {value!r}: say yes or no.")
DOCS_HEAD = QT_TRANSLATE_NOOP("cli", "Loan {id} · {product} · {name}")
NEXT_CHECKS = QT_TRANSLATE_NOOP("cli", "Next checks:")
LATE = QT_TRANSLATE_NOOP("cli", "late")


def _loan_of(ctx: CliContext, client: str, loan: str | None) -> int:
    checklists = ctx.services.checklists
    client_id = ctx.services.clients.resolve(client)
    if loan is None:
        return checklists.loan_for(client_id)
    loan_id = _whole("--loan", loan)
    assert loan_id is not None
    if ctx.services.loans.get(loan_id).client_id != client_id:
        from crm.commands.loan_records import OTHER_CLIENTS_LOAN

        raise CommandError(OTHER_CLIENTS_LOAN.with_(id=loan_id, client=client))
    return loan_id


def cmd_docs(args: argparse.Namespace, ctx: CliContext) -> int:
    sheet = ctx.services.checklists.checklist(_loan_of(ctx, args.client, args.loan))
    if ctx.json:
        ctx.print_json(
            {
                "loan_id": sheet.loan_id,
                "client_id": sheet.client_id,
                "product": sheet.product,
                "items": [
                    {
                        "item": i.item,
                        "state": i.state.value,
                        "received_on": i.on_date.isoformat() if i.on_date else None,
                        "expires_on": i.expires_on.isoformat() if i.expires_on else None,
                        "note": i.note,
                        "how": i.how,
                    }
                    for i in sheet.items
                ],
                "missing": [i.item for i in sheet.missing],
            }
        )
        return 0
    ctx.print(
        ctx.text(DOCS_HEAD.with_(id=sheet.loan_id, product=sheet.product, name=sheet.client_name))
    )
    for i in sheet.items:
        mark = "✓" if i.state.value == "received" else "✗"
        when = i.expires_on or i.on_date
        parts = [f"{mark} {i.item}", ctx.text(i.state.label)]
        if when is not None:
            parts.append(when.isoformat())
        if i.note:
            parts.append(i.note)
        ctx.print("  ".join(parts))
    return 0


def cmd_doc(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.domain.post_loan import DocState

    chosen = [args.received, args.missing, args.expires is not None]
    if sum(chosen) != 1:
        raise CommandError(ONE_MARK)
    loan_id = _loan_of(ctx, args.client, args.loan)
    state = DocState.MISSING if args.missing else DocState.RECEIVED
    on = _date("--on", args.on)
    expires = _date("--expires", args.expires)
    checklists = ctx.services.checklists
    name = _saving(
        ctx,
        lambda: checklists.mark(
            loan_id, args.item, state, on=on, expires_on=expires, note=args.note
        ),
    )
    item = next(i for i in checklists.checklist(loan_id).items if i.item == name)
    if ctx.json:
        ctx.print_json({"loan_id": loan_id, "item": name, "state": item.state.value})
    else:
        ctx.print(ctx.text(MARKED.with_(item=name, state=ctx.text(item.state.label))))
    return 0


def cmd_missing(args: argparse.Namespace, ctx: CliContext) -> int:
    loan_id = _loan_of(ctx, args.client, args.loan)
    checklists = ctx.services.checklists
    sheet = checklists.checklist(loan_id)
    text = sheet.message(ctx.translate)
    logged = checklists.log_sent(loan_id, translate=ctx.translate) if args.sent else None
    if ctx.json:
        ctx.print_json(
            {
                "loan_id": loan_id,
                "missing": [i.item for i in sheet.missing],
                "message": text,
                "contact_id": logged,
            }
        )
        return 0
    ctx.print(text)
    if logged is not None:
        ctx.print()
        ctx.print(ctx.text(LOGGED.with_(id=logged)))
    return 0


def cmd_check_in(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.domain.post_loan import CheckKind

    loan_id = _whole("LOAN_ID", args.loan)
    assert loan_id is not None
    try:
        kind = CheckKind(args.kind)
    except ValueError:
        raise CommandError(
            UNKNOWN_KIND.with_(value=args.kind, choices=", ".join(CheckKind))
        ) from None
    funds: bool | None = None
    if args.funds_ok is not None:
        answer = args.funds_ok.strip().lower()
        if answer not in ("yes", "no", "y", "n", "是", "否"):
            raise CommandError(YES_NO.with_(value=args.funds_ok))
        funds = answer in ("yes", "y", "是")
    on = _date("--on", args.on)
    post = ctx.services.post_loan
    new_id = _saving(
        ctx,
        lambda: post.check_in(
            loan_id,
            kind,
            on=on,
            funds_ok=funds,
            findings=args.note or "",
            evidence=args.evidence or "",
        ),
    )
    client_id = ctx.services.loans.get(loan_id).client_id
    due = [d for d in post.due_for_client(client_id) if d.loan_id == loan_id]
    if ctx.json:
        ctx.print_json(
            {
                "id": new_id,
                "loan_id": loan_id,
                "next": [{"kind": d.kind.value, "due_on": d.due_on.isoformat()} for d in due],
            }
        )
        return 0
    ctx.print(str(new_id))
    ctx.print(ctx.text(NEXT_CHECKS))
    today = ctx.clock.today()
    for d in due:
        late = f"  ({ctx.text(LATE)})" if d.late(today) else ""
        ctx.print(f"  {d.due_on.isoformat()}  {ctx.text(d.kind.label)}{late}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("docs", help="a loan application's papers: received, missing, expired")
    p.add_argument("client", metavar="CLIENT", help="client id or name")
    p.add_argument("--loan", metavar="LOAN_ID", help="default: the application in progress")
    add_json_flag(p)
    p.set_defaults(handler=cmd_docs)

    p = sub.add_parser("doc", help="mark one paper received, missing or expiring")
    p.add_argument("client", metavar="CLIENT", help="client id or name")
    p.add_argument("item", metavar="ITEM", help="the paper, as the product's list names it")
    p.add_argument("--received", action="store_true", help="it came in (on --on, default today)")
    p.add_argument("--missing", action="store_true", help="still to come")
    p.add_argument("--expires", metavar="DATE", help="received, valid until DATE")
    p.add_argument("--on", metavar="DATE", help="the day it came in (default today)")
    p.add_argument("--loan", metavar="LOAN_ID", help="default: the application in progress")
    p.add_argument("--note")
    add_json_flag(p)
    p.set_defaults(handler=cmd_doc)

    p = sub.add_parser("missing", help='the "what is still missing" message to send the client')
    p.add_argument("client", metavar="CLIENT", help="client id or name")
    p.add_argument("--loan", metavar="LOAN_ID", help="default: the application in progress")
    p.add_argument("--sent", action="store_true", help="you sent it: log it as a contact")
    add_json_flag(p)
    p.set_defaults(handler=cmd_missing)

    p = sub.add_parser("check-in", help="record a post-loan check (贷后) on a disbursed loan")
    p.add_argument("loan", metavar="LOAN_ID")
    p.add_argument("--kind", required=True, metavar="visit|call|use-of-funds")
    p.add_argument("--funds-ok", metavar="yes|no", help="funds used as agreed")
    p.add_argument("--note", help="what you found")
    p.add_argument("--evidence", help="photos taken, invoices seen ...")
    p.add_argument("--on", metavar="DATE", help="default today")
    add_json_flag(p)
    p.set_defaults(handler=cmd_check_in)
