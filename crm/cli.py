"""The `crm` command: the GUI by default, subcommands for scripts and quick work.

Subcommands live in ``crm/commands/<area>.py`` and use the same services as the GUI. A
command loads no Qt (messages are translated from the .ts files, crm/translations.py) and
builds its parser from modules that import no services, so `crm add` starts about as fast
as `crm --version` (tests/perf/bench_cli.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from crm import __version__, config
from crm.domain.messages import Msg

# One module per area; each defines register(subparsers). Order is the order of --help.
COMMAND_MODULES = (
    "crm.commands.clients",
    "crm.commands.relationship",
    "crm.commands.reminders",
    "crm.commands.referrals",
    "crm.commands.loans",
    "crm.commands.post_loan",
    "crm.commands.risks",
    "crm.commands.transfer",
    "crm.commands.demo",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="crm", description="Prism (棱镜): the loan officer's client book."
    )
    parser.add_argument("--version", action="version", version=f"Prism {__version__}")
    parser.add_argument(
        "--data-dir",
        help=f"folder holding the book (default: ${config.DATA_DIR_ENV} or the user data folder)",
    )
    parser.add_argument("--demo", action="store_true", help="open the GUI on a throwaway demo book")
    parser.add_argument("--lang", help="interface language, e.g. zh_CN or en")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from crm.ui.app import run_gui

        return run_gui(data_dir=args.data_dir, demo=args.demo, language=args.lang)
    return _run_command(args)


def _run_command(args: argparse.Namespace) -> int:
    from crm.commands.base import CliContext, CommandError
    from crm.store.errors import BookError
    from crm.translations import cli_translate

    folder = config.data_dir(args.data_dir)
    translate = cli_translate(folder, args.lang)  # reads nothing until a message is shown
    ctx = CliContext(data_dir=folder, translate=translate, json=getattr(args, "json", False))
    try:
        return int(args.handler(args, ctx))
    except CommandError as exc:
        message = exc.message
        text = message.render(translate) if isinstance(message, Msg) else str(message)
        print(f"crm: {text}", file=sys.stderr)
        return 1
    except BookError as exc:
        print(f"crm: {exc.message.render(translate)}", file=sys.stderr)
        return 1
    except LookupError as exc:  # ClientNotFound and kin carry a Msg
        found = getattr(exc, "message", None)
        text = found.render(translate) if isinstance(found, Msg) else str(exc)
        print(f"crm: {text}", file=sys.stderr)
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
