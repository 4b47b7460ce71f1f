"""What every subcommand shares: the services on the open book, the clock, output and errors.

Imported when the parser is built (even for `crm --version`), so it imports no services and
no store: those load when a command first asks for ``ctx.services``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm import config
from crm.domain.clock import Clock, SystemClock
from crm.domain.messages import Msg, Translate

if TYPE_CHECKING:
    from crm.services.facade import Services
    from crm.store.book import Book

Handler = Callable[[argparse.Namespace, "CliContext"], int]


class CommandError(Exception):
    """Ends the command with a one-line reason on stderr and exit code 1."""

    def __init__(self, message: Msg | str) -> None:
        self.message = message
        super().__init__(str(message))


@dataclass
class CliContext:
    data_dir: Path
    translate: Translate
    clock: Clock = field(default_factory=SystemClock)
    json: bool = False

    @cached_property
    def services(self) -> Services:
        """The one services object, on the book opened on first use."""
        from crm.services.facade import Services

        return Services(self.book, self.clock)

    @cached_property
    def book(self) -> Book:
        # TRANSITIONAL: commands move to ctx.services; this stays the book under it.
        from crm.store.book import Book

        return Book.open(config.book_path(self.data_dir))

    def close(self) -> None:
        """Close the book if the command opened it."""
        if "book" in self.__dict__:
            self.book.close()

    def text(self, message: Msg) -> str:
        return message.render(self.translate)

    def print(self, line: str = "") -> None:
        print(line)

    def print_json(self, value: Any) -> None:
        json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
