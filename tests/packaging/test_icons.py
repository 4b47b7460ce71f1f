"""packaging/build.py draws the app icon from resources/icons/prism.svg into .png, .ico and
.icns (with QtSvg), without building anything else."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("prism_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icons_from_the_svg(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    build = build_script()
    made = build.make_icons(tmp_path)
    png = QImage(str(made["png"]))
    assert (png.width(), png.height()) == (256, 256)
    assert any(png.pixelColor(x, 128).alpha() for x in range(0, 256, 8))  # drawn, not blank

    ico = made["ico"].read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(build.ICO_SIZES))
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _p, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(ico)
        sizes.append(width or 256)
    assert sizes == list(build.ICO_SIZES)

    icns = made["icns"].read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    at, kinds = 8, []
    while at < len(icns):
        kinds.append(icns[at : at + 4].decode())
        at += struct.unpack(">I", icns[at + 4 : at + 8])[0]
    assert at == len(icns)
    assert kinds == [k for k, _ in build.ICNS_TYPES]


def test_the_svg_is_where_the_build_looks() -> None:
    assert (ROOT / "resources" / "icons" / "prism.svg").is_file()
