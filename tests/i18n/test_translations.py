"""Chinese first: every source string has a finished zh_CN translation, placeholders intact."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]*(?:![rs])?(?::[^}]*)?\}")


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What lupdate finds in the code today, in a scratch file."""
    ts = tmp_path_factory.mktemp("ts") / "scan.ts"
    subprocess.run(
        [translations._tool("lupdate"), "-silent", *translations.sources(), "-ts", str(ts)],
        check=True,
        cwd=ROOT,
    )
    return ts


def test_every_source_string_has_a_zh_cn_translation(fresh_ts: Path) -> None:
    done = {
        (c, s): m.findtext("translation")
        for c, s, m in translations.messages(translations.TS_FILE)
        if translations.is_finished(m)
    }
    missing = [(c, s) for c, s, _m in translations.messages(fresh_ts) if (c, s) not in done]
    assert not missing, (
        f"{len(missing)} string(s) lack a zh_CN translation; run "
        "`uv run python packaging/translations.py update`, then `missing` and `fill`:\n"
        + "\n".join(f"  [{c}] {s}" for c, s in missing[:40])
    )


def test_translations_keep_the_placeholders() -> None:
    wrong = []
    for context, source, msg in translations.messages(translations.TS_FILE):
        if not translations.is_finished(msg):
            continue
        text = msg.findtext("translation") or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append(f"[{context}] {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_ui_shows_chinese_when_asked(qapp, ui_ctx) -> None:
    from crm.ui.app import build_window
    from crm.ui.i18n import install_translators, remove_translators

    translators = install_translators("zh_CN")
    try:
        window = build_window(ui_ctx)
        assert window.windowTitle() == "棱镜 — 客户簿"
        assert window.clients.new_button.text() == "新建客户"
        window.deleteLater()
    finally:
        remove_translators(translators)


def test_compiled_translations_follow_the_source_content_not_its_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two Prisms on one machine share the cache: an older .ts compiled later must not be
    read by the newer one (the cache once kept one file per name, compared by mtime)."""
    import os

    from crm import config
    from crm.ui import i18n

    def ts(text: str) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
            'language="zh_CN"><context><name>T</name><message><source>Hello</source>'
            f"<translation>{text}</translation></message></context></TS>"
        )

    src = tmp_path / "src"
    src.mkdir()
    monkeypatch.setattr(i18n, "translations_dir", lambda: src)
    monkeypatch.setattr(config, "cache_dir", lambda: tmp_path / "cache")
    new = src / "prism_zh_CN.ts"
    new.write_text(ts("新"), encoding="utf-8")
    first = i18n.qm_files("zh_CN")
    new.write_text(ts("旧"), encoding="utf-8")  # another checkout's older text, compiled later
    os.utime(new, (1, 1))
    second = i18n.qm_files("zh_CN")
    assert first != second
    assert first[0].exists() and second[0].exists()
