"""Maintaining resources/translations/prism_zh_CN.ts.

    uv run python packaging/translations.py update         # lupdate over crm/ (keeps translations)
    uv run python packaging/translations.py missing        # list what has no translation yet
    uv run python packaging/translations.py fill FILE.json # {"Context": {"source": "译文"}}
    uv run python packaging/translations.py compile DIR    # .qm files for a package build

Every call takes a lock, so several people (or helpers) can update and fill at once.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
TS_FILE = TS_DIR / "prism_zh_CN.ts"


def _tool(name: str) -> str:
    import PySide6

    return str(Path(PySide6.__file__).resolve().parent / name)


@contextmanager
def _locked() -> Iterator[None]:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    with (TS_DIR / ".lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "crm").rglob("*.py"))


def lupdate(ts: Path, *, no_obsolete: bool = False) -> None:
    args = [_tool("lupdate"), "-silent", "-locations", "none", *sources(), "-ts", str(ts)]
    if no_obsolete:
        args.insert(1, "-no-obsolete")
    subprocess.run(args, check=True, cwd=ROOT)


def messages(ts: Path) -> Iterator[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            yield name, msg.findtext("source") or "", msg


def is_finished(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or not (tr.text or "").strip():
        return False
    return tr.get("type") not in ("unfinished", "obsolete", "vanished")


def missing(ts: Path = TS_FILE) -> list[tuple[str, str]]:
    return [(c, s) for c, s, m in messages(ts) if not is_finished(m) and _live(m)]


def _live(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    return tr is None or tr.get("type") not in ("obsolete", "vanished")


def fill(table: dict[str, dict[str, str]], ts: Path = TS_FILE) -> int:
    tree = ET.parse(ts)
    done = 0
    for ctx in tree.getroot().iter("context"):
        wanted = table.get(ctx.findtext("name") or "", {})
        for msg in ctx.iter("message"):
            text = wanted.get(msg.findtext("source") or "")
            if text is None:
                continue
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.text = text
            tr.attrib.pop("type", None)
            done += 1
    ET.indent(tree)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return done


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command = argv[0]
    with _locked():
        if command == "update":
            lupdate(TS_FILE, no_obsolete="--no-obsolete" in argv)
            print(f"{len(missing())} message(s) without a translation")
        elif command == "missing":
            out = {}
            for context, source in missing():
                out.setdefault(context, {})[source] = ""
            print(json.dumps(out, ensure_ascii=False, indent=2))
        elif command == "fill":
            table = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
            done = fill(table)
            lupdate(TS_FILE)  # back to lupdate's own layout, so diffs show only real changes
            print(f"filled {done} message(s); {len(missing())} still missing")
        elif command == "compile":
            out_dir = Path(argv[1])
            out_dir.mkdir(parents=True, exist_ok=True)
            for ts in sorted(TS_DIR.glob("*.ts")):
                qm = out_dir / ts.with_suffix(".qm").name
                subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        else:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
