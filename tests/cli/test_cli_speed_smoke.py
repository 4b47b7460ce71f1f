"""The CLI loads no Qt, translates like the GUI, and reads the language only when it speaks.

How quick it is is measured by tests/perf/bench_cli.py, never by a timed test; the smoke run
here only keeps that script working.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crm import translations
from crm.cli import main
from crm.commands.base import CliContext
from crm.domain.messages import QT_TRANSLATE_NOOP

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys, crm.cli
code = crm.cli.main(sys.argv[1:])
loaded = [m for m in ('PySide6', 'shiboken6', 'xml.etree.ElementTree')
          if m in sys.modules]
print('loaded:' + ','.join(loaded), file=sys.stderr)
sys.exit(code)
"""


def run_child(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


def loaded(done: subprocess.CompletedProcess[str]) -> list[str]:
    line = [x for x in done.stderr.splitlines() if x.startswith("loaded:")][-1]
    return [m for m in line.removeprefix("loaded:").split(",") if m]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("book")
    done = run_child("--data-dir", str(folder), "add", "--name", "曾国藩", "--phone", "13812345678")
    assert done.returncode == 0, done.stderr
    assert loaded(done) == []  # the first command, the book created: still no Qt
    return folder


@pytest.mark.parametrize(
    "command",
    [["add", "--name", "单雄信", "--phone", "13912345678"], ["list"], ["show", "1"], ["reminders"]],
    ids=["add", "list", "show", "reminders"],
)
def test_commands_load_no_qt_and_no_translations(data: Path, command: list[str]) -> None:
    done = run_child("--data-dir", str(data), *command)
    assert done.returncode == 0, done.stderr
    # A command that succeeds renders no message: the .ts file stays unread.
    assert loaded(done) == []


def test_an_error_in_chinese_loads_no_qt(data: Path) -> None:
    done = run_child("--data-dir", str(data), "--lang", "zh_CN", "show", "99999")
    assert done.returncode == 1
    assert done.stderr.startswith("crm: 没有编号为 99999 的客户。")
    assert "PySide6" not in loaded(done)


def _qt_translate(language: str):
    from crm.ui.i18n import load_translators

    translators = load_translators(language)

    def translate(context: str, text: str) -> str:
        for t in translators:
            out = t.translate(context, text)
            if out:
                return out
        return text

    return translate, translators


def test_every_string_translates_as_the_qt_translator_does(tmp_path: Path) -> None:
    qt, _keep = _qt_translate("zh_CN")
    ours = translations.CliTranslator(tmp_path, "zh_CN")
    table = translations.load_table("zh_CN")
    assert len(table) > 500
    different = [(c, s) for (c, s) in table if ours(c, s) != qt(c, s)]
    assert not different, different[:10]
    assert ours("nowhere", "Not a known string") == qt("nowhere", "Not a known string")
    assert translations.load_table("en") == {}


def test_a_rendered_error_equals_the_qt_rendering(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    qt, _keep = _qt_translate("zh_CN")
    argv = ["--data-dir", str(tmp_path), "--lang", "zh_CN", "add", "--name", "甲", "--phone", "123"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    message = QT_TRANSLATE_NOOP(
        "Validation", "A Chinese mobile number has 11 digits; you entered {count}."
    ).with_(count=3)
    assert err == f"crm: {message.render(qt)}\n"
    assert "11 位" in err  # in Chinese, not the English source
    # A client that is not there: the error path outside validation.
    assert main(["--data-dir", str(tmp_path), "--lang", "zh_CN", "show", "42"]) == 1
    shown = capsys.readouterr().err
    assert shown.startswith("crm: ") and shown.isascii() is False


def test_the_saved_language_is_read_from_the_gui_settings(qapp, tmp_path: Path) -> None:
    from PySide6.QtCore import QByteArray, QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/geometry", QByteArray(bytes(range(40))))
    settings.setValue("window/state", "50% done; a=b, c")
    settings.setValue(translations.SETTING_KEY, "zh_CN")
    settings.sync()
    assert translations.saved_language(tmp_path) == "zh_CN"
    settings.setValue(translations.SETTING_KEY, "system")
    settings.sync()
    assert translations.saved_language(tmp_path) == "system"
    (tmp_path / "settings.ini").write_text("this is [not an ini file", encoding="utf-8")
    assert translations.saved_language(tmp_path) is None
    assert translations.saved_language(tmp_path / "missing") is None


def test_the_language_is_chosen_by_the_same_rules_as_the_gui(
    qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from crm.ui.i18n import resolve_language as gui

    def cli(choice: str | None) -> str:
        return translations.resolve_language(choice, translations.system_locale_name)

    for env in ({"LANGUAGE": "zh_CN:en"}, {"LANG": "en_US.UTF-8"}, {"LC_ALL": "zh_TW.UTF-8"}):
        for key in ("LANGUAGE", "LC_ALL", "LANG", "LC_MESSAGES"):
            monkeypatch.delenv(key, raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        for choice in (None, "", "system", "zh_CN", "zh", "en", "en_US", "ZH_tw"):
            assert cli(choice) == gui(choice), (env, choice)
    # The CLI takes the saved choice when --lang is not given, and reads it on first use.
    (tmp_path / "settings.ini").write_text("[ui]\nlanguage=zh_CN\n", encoding="utf-8")
    translate = translations.CliTranslator(tmp_path, None)
    (tmp_path / "settings.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    assert translate.language == "en"
    assert translate("cli", "Prism") == "Prism"


def test_the_context_gives_one_services_object_on_one_book(tmp_path: Path) -> None:
    ctx = CliContext(data_dir=tmp_path, translate=lambda c, t: t)
    services = ctx.services
    assert services is ctx.services and services.book is ctx.book
    assert services.clock is ctx.clock
    ctx.close()
    CliContext(data_dir=tmp_path / "never", translate=lambda c, t: t).close()  # opened nothing
    assert not (tmp_path / "never").exists()


@pytest.mark.perf
def test_cli_benchmark_runs_small() -> None:
    done = subprocess.run(
        [sys.executable, "tests/perf/bench_cli.py", "--clients", "30", "--runs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for label in ("crm --version", "crm add", "crm list", "of --version", "pinyin table"):
        assert label in done.stdout, done.stdout
