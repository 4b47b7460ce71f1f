"""Opening the GUI parses only the options before a subcommand: the same answer as the whole
parser, without building every subcommand's parser first (~60 ms of each start)."""

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
    assert cli.names_no_command(words)
    whole = cli.build_parser().parse_args(words)
    assert cli.parse(words) == whole


@pytest.mark.parametrize(
    "words",
    [
        ["list"],
        ["--data-dir", "D", "add", "--name", "王芳"],
        ["--help"],
        ["-h"],
        ["--data", "D"],  # an abbreviation: only the whole parser knows what it means
        ["--", "list"],
        ["lst"],
    ],
)
def test_anything_that_may_be_a_command_or_help_goes_to_the_whole_parser(
    words: list[str],
) -> None:
    assert not cli.names_no_command(words)


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
