"""One set of terms across the UI: no zh_CN translation uses a word the glossary rules out."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from crm import config


def _avoided() -> list[tuple[str, str]]:
    text = (config.resources_dir() / "terms_zh_CN.md").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2] and not set(cells[2]) <= {"-"} and cells[2] != "不用":
            pairs += [(cells[1], bad.strip()) for bad in re.split("[/、]", cells[2])]
    return pairs


def test_translations_follow_the_glossary() -> None:
    avoided = _avoided()
    assert ("联系周期", "回访周期") in avoided
    tree = ET.parse(config.resources_dir() / "translations" / "prism_zh_CN.ts")
    wrong = [
        (m.findtext("source"), text, use)
        for m in tree.getroot().iter("message")
        for text in [m.findtext("translation") or ""]
        for use, bad in avoided
        if bad in text
    ]
    assert not wrong, wrong
