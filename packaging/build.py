"""Build Prism's frozen folder (PyInstaller, not one-file) and the package for this platform.

    uv run --group packaging python packaging/build.py [--dist DIR] [--work DIR] [--no-package]

Steps: write ``crm/_version.py`` from pyproject.toml (the frozen build has neither pyproject nor
package metadata); compile the translations (.qm) into a staging folder; render the app icon
(resources/icons/prism.svg) to .png, .ico and .icns with QtSvg; run PyInstaller on
packaging/prism.spec; then package: Linux a tarball with a .desktop installer, Windows the Inno
Setup installer (if ``iscc`` is on PATH), macOS the .app (the .dmg: packaging/macos/build_dmg.sh).
Prints the folder's size and the time taken.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import struct
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICON_SVG = ROOT / "resources" / "icons" / "prism.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns entries by type: PNG data at the pixel size given (the @2x types reuse a size).
ICNS_TYPES = (
    ("icp4", 16),
    ("icp5", 32),
    ("icp6", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic09", 512),
    ("ic10", 1024),
    ("ic11", 32),
    ("ic12", 64),
    ("ic13", 256),
    ("ic14", 512),
)


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from crm import version_from_pyproject

    found = version_from_pyproject(ROOT / "pyproject.toml")
    if not found:
        raise SystemExit("no [project] version in pyproject.toml")
    return found


def write_version_module(ver: str) -> Path:
    target = ROOT / "crm" / "_version.py"
    doc = '"""Written by packaging/build.py from pyproject.toml; not in git."""'
    target.write_text(f'{doc}\n\nversion = "{ver}"\n', encoding="utf-8")
    return target


def compile_translations(out: Path) -> list[Path]:
    subprocess.run(
        [sys.executable, str(PACKAGING / "translations.py"), "compile", str(out)], check=True
    )
    found = sorted(out.glob("*.qm"))
    if not found:
        raise SystemExit("lrelease wrote no .qm file")
    return found


# -- icons --------------------------------------------------------------------------------------


def render_pngs(svg: Path, sizes: set[int]) -> dict[int, bytes]:
    """The SVG as PNG bytes at each size, drawn by QtSvg (no other imaging library needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # QPainter needs one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG QtSvg can draw")
    out: dict[int, bytes] = {}
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")
        buf.close()
        out[size] = bytes(data.data())
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG-compressed images (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        png = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: each entry a type, its length and PNG data."""
    body = b"".join(
        kind.encode() + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(stage: Path, svg: Path = ICON_SVG) -> dict[str, Path]:
    pngs = render_pngs(svg, {*ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    made = {
        "png": stage / "prism.png",
        "ico": stage / "prism.ico",
        "icns": stage / "prism.icns",
    }
    made["png"].write_bytes(pngs[256])
    made["ico"].write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    made["icns"].write_bytes(icns_bytes(pngs))
    return made


def windows_version_info(ver: str, target: Path) -> None:
    """The version resource of Prism.exe (Explorer's Details tab)."""
    nums = [int(p) for p in ver.split(".")[:4] if p.isdigit()]
    nums += [0] * (4 - len(nums))
    t = tuple(nums)
    target.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={t}, prodvers={t}),
  kids=[StringFileInfo([StringTable('040904B0', [
    StringStruct('CompanyName', 'Prism'),
    StringStruct('FileDescription', 'Prism client book'),
    StringStruct('FileVersion', '{ver}'),
    StringStruct('ProductName', 'Prism'),
    StringStruct('ProductVersion', '{ver}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])]
)
""",
        encoding="utf-8",
    )


# -- build and package --------------------------------------------------------------------------


def stage_inputs(stage: Path, ver: str) -> None:
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    (stage / "version.txt").write_text(ver, encoding="utf-8")
    write_version_module(ver)
    compile_translations(stage / "translations")
    make_icons(stage)
    if sys.platform == "win32":
        windows_version_info(ver, stage / "version_info.txt")


def run_pyinstaller(dist: Path, work: Path, stage: Path) -> None:
    env = dict(os.environ, PRISM_STAGE=str(stage))
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    cmd += ["--distpath", str(dist), "--workpath", str(work / "pyinstaller")]
    subprocess.run([*cmd, str(PACKAGING / "prism.spec")], check=True, env=env, cwd=ROOT)


def settle_translations(folder: Path) -> None:
    """A shipped .qm is used only if no older than its .ts (crm/ui/i18n.py): make sure, whatever
    times the copy kept, so the frozen program never tries to compile one (no lrelease in it)."""
    now = time.time()
    for qm in folder.rglob("crm/_resources/translations/*.qm"):
        os.utime(qm, (now, now))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def linux_tarball(app: Path, stage: Path, dist: Path, ver: str) -> Path:
    shutil.copy2(stage / "prism.png", app / "prism.png")
    for name in ("prism.desktop", "install.sh"):
        shutil.copy2(PACKAGING / "linux" / name, app / name)
    (app / "install.sh").chmod(0o755)
    arch = platform.machine() or "unknown"
    target = dist / f"prism-{ver}-linux-{arch}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(app, arcname="Prism")
    return target


def windows_installer(app: Path, stage: Path, dist: Path, ver: str) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    fallback = default / "Inno Setup 6" / "ISCC.exe"
    if iscc is None and fallback.exists():
        iscc = str(fallback)
    if iscc is None:
        print("iscc not found: the installer was not built (install Inno Setup 6)")
        return None
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={ver}",
            f"/DSourceDir={app}",
            f"/DIconFile={stage / 'prism.ico'}",
            f"/O{dist}",
            str(PACKAGING / "windows" / "prism.iss"),
        ],
        check=True,
    )
    return dist / f"prism-{ver}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder")
    parser.add_argument("--no-package", action="store_true", help="the folder only")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    t0 = time.perf_counter()
    ver = version()
    stage = work / "stage"
    stage_inputs(stage, ver)
    run_pyinstaller(dist, work, stage)
    app = dist / "Prism"
    settle_translations(dist)
    built = time.perf_counter() - t0
    print(f"Prism {ver}: {app} ({folder_size(app) / 1e6:.1f} MB) built in {built:.0f} s")
    if args.no_package:
        return 0
    if sys.platform.startswith("linux"):
        print(f"package: {linux_tarball(app, stage, dist, ver)}")
    elif sys.platform == "win32":
        made = windows_installer(app, stage, dist, ver)
        if made:
            print(f"package: {made}")
    elif sys.platform == "darwin":
        print(f"app: {dist / 'Prism.app'} (the .dmg: packaging/macos/build_dmg.sh)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
