"""`crm demo`: fill a book with realistic, deterministic fake clients."""

from __future__ import annotations

import argparse
import time

from crm.commands.base import CliContext, add_json_flag
from crm.domain.messages import QT_TRANSLATE_NOOP


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:

    started = time.perf_counter()
    ids = ctx.services.demo.fill(args.clients, seed=args.seed)
    seconds = time.perf_counter() - started
    if ctx.json:
        ctx.print_json({"added": len(ids), "seconds": round(seconds, 2)})
    else:
        ctx.print(
            ctx.text(
                QT_TRANSLATE_NOOP("cli", "Added {n} demo clients in {seconds:.1f} s.").with_(
                    n=len(ids), seconds=seconds
                )
            )
        )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="fill the book with realistic fake clients")
    p.add_argument("--clients", type=int, default=300, help="how many (default 300)")
    p.add_argument("--seed", type=int, default=1, help="same seed, same clients")
    add_json_flag(p)
    p.set_defaults(handler=cmd_demo)
