"""A command line is parsed with only the parsers it needs: none to open the GUI, its own
module's for a command; the same answers as the whole parser, without importing and building
every command's parser first (~60 ms of each start)."""

from __future__ import annotations

import gc

import pytest

from crm import cli

GUI_STARTS = [
    [],
    ["--data-dir", "/tmp/book"],
    ["--data-dir=/tmp/book", "--lang", "en"],
    ["--lang", "zh_CN", "--demo"],
    ["--passphrase-fd", "3", "--data-dir", "/tmp/book"],
    ["--json"],
]


@pytest.mark.parametrize("words", GUI_STARTS)
def test_a_gui_start_parses_as_the_whole_parser_does(words: list[str]) -> None:
    assert cli.modules_needed(words) == ()
    whole = cli.build_parser().parse_args(words)
    assert cli.parse(words) == whole


@pytest.mark.parametrize(
    "words",
    [
        ["--help"],
        ["-h"],
        ["--data", "D"],  # an abbreviation: only the whole parser knows what it means
        ["--", "list"],
        ["lst"],
    ],
)
def test_help_a_mistyped_command_or_anything_in_doubt_goes_to_the_whole_parser(
    words: list[str],
) -> None:
    assert cli.modules_needed(words) == cli.COMMAND_MODULES


def test_each_command_word_names_the_module_that_registers_it() -> None:
    import argparse
    import importlib

    registered: dict[str, tuple[str, ...]] = {}
    for module in cli.COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        importlib.import_module(module).register(sub)
        for word in sub.choices:
            registered[word] = (*registered.get(word, ()), module)
    assert registered == cli.COMMAND_MODULES_OF


@pytest.mark.parametrize(
    "words",
    [
        ["list"],
        ["--data-dir", "D", "add", "--name", "王芳", "--phone", "13800138000"],
        ["add", "--data-dir", "D", "--name", "王芳", "--tag", "商会"],
        ["show", "1"],
        ["restore", "王芳"],
        ["restore", "--backup", "b.db"],
        ["--lang", "en", "reminders", "--limit", "5"],
        ["loan", "show", "1"],
        ["export", "--out", "x.csv", "--unmasked"],
        ["risks"],
        ["due", "--limit", "3"],
    ],
)
def test_a_command_parses_with_its_module_alone_as_with_every_module(words: list[str]) -> None:
    command = next(w for w in words if w in cli.COMMAND_MODULES_OF)
    assert cli.modules_needed(words) == cli.COMMAND_MODULES_OF[command]
    assert _plain(cli.parse(words)) == _plain(cli.build_parser().parse_known_args(words)[0])


def _plain(args: object) -> dict[str, object]:
    """The parsed values, a handler by its name (a wrapped one is a new closure per parser)."""
    values = dict(vars(args))
    handler = values.get("handler")
    values["handler"] = getattr(handler, "__qualname__", handler)
    return values


def test_a_mistake_before_any_command_is_still_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    for words in (["--bogus"], ["--data-dir"], ["--data-dir", "-x"]):
        with pytest.raises(SystemExit) as stop:
            cli.parse(words)
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("crm: "), err
    with pytest.raises(SystemExit):
        cli.parse(["--version"])
    assert capsys.readouterr().out.startswith("Prism ")


def test_the_gui_starts_with_the_collector_off_and_ends_with_it_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import crm.ui.app

    seen: list[bool] = []

    def run_gui(**_: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(crm.ui.app, "run_gui", run_gui)
    assert gc.isenabled()
    assert cli.main(["--data-dir", "/nonexistent/prism"]) == 0
    assert seen == [False]
    assert gc.isenabled()
