"""The `crm` command: the GUI by default, subcommands for scripts and quick work.

Subcommands live in ``crm/commands/<area>.py`` and use the same services as the GUI. A
command loads no Qt (messages are translated from the .ts files, crm/translations.py) and
builds its parser from modules that import no services, so `crm add` starts about as fast
as `crm --version` (tests/perf/bench_cli.py).

Every error is one line on stderr: exit 1 for bad input or data (the command ran and
refused), exit 2 for usage (the command line itself is wrong).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from crm import config
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
    "crm.commands.history",
    "crm.commands.resources",
    "crm.commands.greetings",
    "crm.commands.stats",
    "crm.commands.demo",
    "crm.commands.security",
)

DATA_DIR_HELP = f"folder holding the book (default: ${config.DATA_DIR_ENV} or the user data folder)"
LANG_HELP = "interface language, e.g. zh_CN or en"
PASSPHRASE_FD_HELP = "read a protected book's passphrase (one line) from file descriptor N"


class UsageError(Exception):
    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog
        self.message = message


class CliParser(argparse.ArgumentParser):
    """argparse whose errors reach :func:`parse`, which makes them one line:
    ``crm add: <what> (see crm add --help)``."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(self.prog, message)


def usage_error(prog: str, message: str) -> NoReturn:
    print(f"{prog}: {message} (see {prog} --help)", file=sys.stderr)
    raise SystemExit(2)


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser with the commands of ``modules`` (all by default); with none, only the
    options before a subcommand, which is all that opening the GUI needs."""
    import importlib

    parser = CliParser(prog="crm", description="Prism (棱镜): the loan officer's client book.")
    parser.add_argument("--version", action=_VersionAction)  # the version is read only here
    parser.add_argument("--data-dir", help=DATA_DIR_HELP)
    parser.add_argument("--demo", action="store_true", help="open the GUI on a throwaway demo book")
    parser.add_argument("--lang", help=LANG_HELP)
    parser.add_argument("--passphrase-fd", type=int, metavar="N", help=PASSPHRASE_FD_HELP)
    # `crm --json list` as well as `crm list --json`; its own dest, as a subcommand's own
    # --json default (False) would otherwise overwrite it.
    parser.add_argument("--json", dest="json_first", action="store_true", help=argparse.SUPPRESS)
    if not modules:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    _everywhere(parser)
    return parser


def _everywhere(parser: argparse.ArgumentParser) -> None:
    """Let ``--data-dir`` and ``--lang`` come after the subcommand too (`crm add --data-dir D
    ...`): each subcommand takes them with a SUPPRESS default, so one given before the
    subcommand is kept unless repeated after it. Each subcommand also records its prog, for
    the one-line error about an unknown option."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        seen: set[int] = set()
        for sub in action.choices.values():
            if id(sub) in seen:
                continue
            seen.add(id(sub))
            # A subcommand that declares one of them itself (report --lang) keeps its own.
            own = set(sub._option_string_actions)
            if "--data-dir" not in own:
                sub.add_argument("--data-dir", default=argparse.SUPPRESS, help=DATA_DIR_HELP)
            if "--lang" not in own:
                sub.add_argument("--lang", default=argparse.SUPPRESS, help=LANG_HELP)
            if "--passphrase-fd" not in own:
                sub.add_argument(
                    "--passphrase-fd", type=int, metavar="N", default=argparse.SUPPRESS,
                    help=PASSPHRASE_FD_HELP,
                )  # fmt: skip
            sub.set_defaults(prog_=sub.prog)
            _everywhere(sub)


#: The modules registering each command, so that `crm add` imports and builds only its own
#: module's parsers (all of them cost ~60 ms of every command). `restore` is two modules'
#: (clients, then the backup's restore wrapped around it). A test holds this to what the
#: modules register (tests/cli/test_gui_start_parse.py).
_CLIENTS, _TRANSFER = "crm.commands.clients", "crm.commands.transfer"
COMMAND_MODULES_OF: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("add", "edit", "list", "show", "archive"), (_CLIENTS,)),
    "restore": (_CLIENTS, _TRANSFER),
    **dict.fromkeys(
        ("notes", "note", "asked", "log", "promise", "keep", "due", "promises", "brief"),
        ("crm.commands.relationship",),
    ),
    **dict.fromkeys(("reminders", "reminder", "thanked", "ics"), ("crm.commands.reminders",)),
    "referrals": ("crm.commands.referrals",),
    **dict.fromkeys(("calc", "need", "needs", "loan", "loans"), ("crm.commands.loans",)),
    **dict.fromkeys(("docs", "doc", "missing", "check-in"), ("crm.commands.post_loan",)),
    **dict.fromkeys(("risk", "risks", "relate", "turnover"), ("crm.commands.risks",)),
    **dict.fromkeys(("export", "import", "backup", "check"), (_TRANSFER,)),
    "history": ("crm.commands.history",),
    **dict.fromkeys(("resources", "resource"), ("crm.commands.resources",)),
    **dict.fromkeys(("greeting", "no-greetings", "greetings-ok"), ("crm.commands.greetings",)),
    **dict.fromkeys(("stats", "report"), ("crm.commands.stats",)),
    "demo": ("crm.commands.demo",),
    **dict.fromkeys(("protect", "unprotect"), ("crm.commands.security",)),
}
#: The options before a subcommand that take a value as the next word.
TOP_OPTIONS_WITH_VALUE = frozenset({"--data-dir", "--lang", "--passphrase-fd"})


def modules_needed(words: Sequence[str]) -> tuple[str, ...]:
    """The command modules that parsing ``words`` needs: none for the GUI's start (``crm``,
    ``crm --data-dir D``) or ``--version``; a known command's own; all of them for help, a
    mistyped command or anything in doubt (an abbreviated option): the whole parser decides."""
    expect_value = False
    for word in words:
        if expect_value:
            expect_value = False
        elif word in ("-h", "--help", "--"):
            return COMMAND_MODULES
        elif word in TOP_OPTIONS_WITH_VALUE:
            expect_value = True
        elif not word.startswith("-"):
            return COMMAND_MODULES_OF.get(word, COMMAND_MODULES)
    return ()


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(modules_needed(words))
    try:
        args, extras = parser.parse_known_args(words)
    except UsageError as exc:
        # An unknown option is the likelier mistake than what argparse noticed first
        # (`crm add --nme X` is missing --name because --name was misspelt).
        sub = _subparser(parser, exc.prog)
        unknown = _unknown_option(sub, words) or _unknown_command(sub, exc.message)
        usage_error(exc.prog, unknown or exc.message)
    if extras:
        prog = getattr(args, "prog_", "crm")
        sub = _subparser(parser, prog)
        word = extras[0]
        usage_error(prog, _unknown_option(sub, extras) or f"unexpected argument {word!r}")
    return args


def _unknown_option(parser: argparse.ArgumentParser, words: list[str]) -> str | None:
    """The first ``--option`` among ``words`` that ``parser`` does not know, said with the
    closest one it knows; None when there is none."""
    import difflib

    known = _options_of(parser)
    for word in words:
        if word == "--":
            break
        if not word.startswith("--"):
            continue
        option = word.split("=", 1)[0]
        if any(k.startswith(option) for k in known):  # argparse takes unique prefixes
            continue
        close = difflib.get_close_matches(option, known, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]}?" if close else ""
        return f"unknown option {option}{hint}"
    return None


def _unknown_command(parser: argparse.ArgumentParser, message: str) -> str | None:
    """``unknown command 'lst'; did you mean list?`` instead of argparse's list of them all."""
    import difflib
    import re

    m = re.match(r"argument (COMMAND|ACTION): invalid choice: '([^']*)'", message)
    if m is None:
        return None
    names = [n for a in parser._actions if isinstance(a, argparse._SubParsersAction)
             for n in a.choices]  # fmt: skip
    close = difflib.get_close_matches(m.group(2), names, n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unknown command {m.group(2)!r}{hint}"


def _subparser(parser: argparse.ArgumentParser, prog: str) -> argparse.ArgumentParser:
    stack = [parser]
    while stack:
        p = stack.pop()
        if p.prog == prog:
            return p
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                stack += list(action.choices.values())
    return parser


def _options_of(parser: argparse.ArgumentParser) -> list[str]:
    return [o for a in parser._actions for o in a.option_strings if o.startswith("--")]


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        import crm

        print(f"Prism {crm.__version__}")
        parser.exit()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, so a closed pipe is seen now and not at exit
        return code
    except BrokenPipeError:
        # `crm list | head -2`: the reader has all it wanted. Point stdout at devnull so the
        # interpreter's final flush does not complain, and end quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0


def _main(argv: Sequence[str] | None) -> int:
    args = parse(argv)
    if args.command is None:
        import gc

        # Start-up builds some 200,000 objects and frees few: the collector's ~60 passes over
        # them meanwhile are wasted (~9 ms). run_gui turns it back on after the first paint.
        gc.disable()
        try:
            from crm.ui.app import run_gui

            return run_gui(data_dir=args.data_dir, demo=args.demo, language=args.lang)
        finally:
            gc.enable()
    return _run_command(args)


def _run_command(args: argparse.Namespace) -> int:
    from crm.commands.base import CliContext, CommandError
    from crm.domain.errors import ValidationErrors
    from crm.store.errors import BookError
    from crm.translations import cli_translate

    folder = config.data_dir(args.data_dir)
    translate = cli_translate(folder, args.lang)  # reads nothing until a message is shown
    json_out = bool(getattr(args, "json", False) or args.json_first)
    ctx = CliContext(
        data_dir=folder, translate=translate, json=json_out, passphrase_fd=args.passphrase_fd
    )

    def fail(text: str) -> int:
        print(f"crm: {text}", file=sys.stderr)
        return 1

    try:
        return int(args.handler(args, ctx))
    except CommandError as exc:
        message = exc.message
        text = message.render(translate) if isinstance(message, Msg) else str(message)
        if exc.exit_code == 2:  # a usage problem reads like argparse's own
            prog = getattr(args, "prog_", "crm")
            print(f"{prog}: {text} (see {prog} --help)", file=sys.stderr)
            return 2
        return fail(text)
    except BookError as exc:
        return fail(exc.message.render(translate))
    except ValidationErrors as exc:
        return fail("; ".join(e.message.render(translate) for e in exc.errors))
    except LookupError as exc:  # ClientNotFound and kin carry a Msg
        found = getattr(exc, "message", None)
        return fail(found.render(translate) if isinstance(found, Msg) else str(exc))
    except BrokenPipeError:
        raise
    except Exception as exc:  # a read that met a damaged page, a full disk ...: one line
        from crm.store.errors import environment_error, sqlite_error

        # Only SQLite's errors are the book's: an OSError here is about some other file.
        err = environment_error(exc, config.book_path(folder)) if sqlite_error(exc) else None
        if err is not None:
            return fail(err.message.render(translate))
        if isinstance(exc, OSError):  # a file that cannot be read or written: which and why
            where = f"{exc.filename}: " if exc.filename else ""
            return fail(f"{where}{exc.strerror or exc}")
        raise  # a bug: the traceback is what a report needs
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
