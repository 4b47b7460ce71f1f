"""What every subcommand shares: the services on the open book, the clock, output and errors.

Imported when the parser is built (even for `crm --version`), so it imports no services and
no store: those load when a command first asks for ``ctx.services``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm.domain.clock import Clock, SystemClock
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate

if TYPE_CHECKING:
    from crm.services.facade import Services
    from crm.store.book import Book

Handler = Callable[[argparse.Namespace, "CliContext"], int]


class CommandError(Exception):
    """Ends the command with a one-line reason on stderr and exit code 1 (bad input or data)."""

    exit_code = 1

    def __init__(self, message: Msg | str) -> None:
        self.message = message
        super().__init__(str(message))


class UsageProblem(CommandError):
    """A command line argparse cannot judge (options that go together, one of several):
    one line and exit code 2, like argparse's own usage errors."""

    exit_code = 2


@dataclass
class CliContext:
    data_dir: Path
    translate: Translate
    clock: Clock = field(default_factory=SystemClock)
    json: bool = False
    passphrase_fd: int | None = None  # --passphrase-fd: where an encrypted book's comes from

    @cached_property
    def services(self) -> Services:
        """The one services object, on the book opened on first use."""
        from crm.services.facade import Services

        return Services(self.book, self.clock)

    @cached_property
    def book(self) -> Book:
        # TRANSITIONAL: commands move to ctx.services; this stays the book under it.
        from crm.commands.security import open_book  # asks for an encrypted book's passphrase

        return open_book(self)

    def close(self) -> None:
        """Close the book if the command opened it."""
        if "book" in self.__dict__:
            self.book.close()

    def text(self, message: Msg) -> str:
        return message.render(self.translate)

    def print(self, line: str = "") -> None:
        print(line)

    def print_json(self, value: Any) -> None:
        import json  # here: only --json output needs it

        json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


NO_SUCH_DATE = QT_TRANSLATE_NOOP("cli", "{option} {value}: that date does not exist.")
NOT_A_DATE = QT_TRANSLATE_NOOP(
    "cli", "{option} {value!r} is not a date: use YYYY-MM-DD (for example 2027-03-15)."
)
MORE = QT_TRANSLATE_NOOP("cli", "… and {n} more (--limit to see more).")


def parse_date(option: str, value: str | None) -> dt.date | None:
    """``value`` of ``option`` as a date (None when not given), or the command ends saying
    whether it is not a date at all or a day the calendar does not have (2027-02-30)."""
    if value is None:
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        shaped = re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None
        message = NO_SUCH_DATE if shaped else NOT_A_DATE
        raise CommandError(message.with_(option=option, value=value)) from None


def limit_value(value: str) -> int:
    """The ``type=`` of every ``--limit``: a whole number of 1 or more."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {value!r}")
    return n


def add_limit_flag(parser: argparse.ArgumentParser, default: int | None = None) -> None:
    more = f" (default {default})" if default else ""
    parser.add_argument(
        "--limit", type=limit_value, default=default, metavar="N", help=f"show at most N{more}"
    )


def print_limited(ctx: CliContext, lines: list[str], limit: int | None) -> None:
    """Print ``lines``, at most ``limit`` of them, then how many were left out."""
    shown = lines if limit is None else lines[:limit]
    for line in shown:
        ctx.print(line)
    if len(lines) > len(shown):
        ctx.print(ctx.text(MORE.with_(n=len(lines) - len(shown))))


def say(ctx: CliContext, message: Msg) -> None:
    """One translated line (an empty result, what a write did)."""
    ctx.print(ctx.text(message))
