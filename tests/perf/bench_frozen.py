"""The frozen program (PyInstaller folder build) beside `uv run crm` and a bare PySide6 window.

    uv run --group packaging python packaging/build.py      # once: dist/Prism
    uv run python tests/perf/bench_frozen.py [--frozen dist/Prism] [--clients 1000] [--runs 5]

Prints the folder's size (target <= 200 MB) beside the Qt and Python runtime inside it (what
any frozen PySide6 program carries) and the tarball's size, then the median cold start, a
whole process from spawn to the main window's first painted page (the moment bench.py calls
"ready"), of: a bare PySide6 window with an empty QTableView (the floor), the frozen program,
and `uv run crm` from this checkout, all on the same demo book in Chinese, interleaved so that
a busy machine slows each alike. The frozen and source runs use the frozen build's own smoke
hook (packaging/prism_smoke.py, ``PRISM_SMOKE``) to say when they painted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import CHILD_APP, START_BARE, line, median  # noqa: E402


def folder_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def runtime_mb(frozen: Path) -> float:
    """The floor for the size: what any frozen PySide6 Widgets program ships (Qt with its
    plugins and ICU data, the Python runtime and its extension modules), in this build."""
    internal = frozen / "_internal"
    parts = [internal / "PySide6", internal / "shiboken6", internal / "python3.11"]
    parts += list(internal.glob("libpython*")) + list(internal.glob("base_library.zip"))
    return sum(folder_mb(p) if p.is_dir() else p.stat().st_size / 1e6 for p in parts if p.exists())


def child_env(report: Path) -> dict[str, str]:
    env = dict(os.environ, PRISM_SMOKE=str(report), QT_QPA_PLATFORM="offscreen")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: bytecode cached
    return env


def to_first_paint(argv: list[str], env: dict[str, str]) -> float:
    """Spawn to the line "ready" on stdout, in ms; the child quits by itself after it."""
    with tempfile.TemporaryFile("w+") as err:  # Qt's offscreen notices, shown on failure
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=err, text=True, env=env, cwd=ROOT
        )
        assert proc.stdout is not None
        ready = 0.0
        for out in proc.stdout:
            if out.startswith("ready") and not ready:
                ready = (time.perf_counter() - t0) * 1000
        if proc.wait(timeout=120) != 0 or not ready:
            err.seek(0)
            raise RuntimeError(f"{argv[0]} never painted its first page:\n{err.read()[-2000:]}")
    return ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "Prism")
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    frozen = args.frozen.resolve()
    exe = frozen / ("Prism.exe" if sys.platform == "win32" else "prism")
    if not exe.exists():
        print(f"no build at {frozen}: uv run --group packaging python packaging/build.py")
        return 2
    uv = shutil.which("uv")
    work = Path(tempfile.mkdtemp(prefix="prism-bench-frozen-"))
    try:
        print(f"Prism frozen-build benchmark, {args.clients:,} clients, {args.runs} runs")
        tarballs = sorted(frozen.parent.glob("prism-*.tar.gz"))
        size = folder_mb(frozen)
        line("folder build size (MB)", size, runtime_mb(frozen), "MB", "target <= 200 MB")
        if tarballs:
            print(
                f"{'tarball ' + tarballs[-1].name:<44} {tarballs[-1].stat().st_size / 1e6:9.1f} MB"
            )

        data = work / "book"
        subprocess.run(
            [str(exe), "--data-dir", str(data), "demo", "--clients", str(args.clients)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        env = child_env(work / "smoke.json")
        book = ["--data-dir", str(data), "--lang", "zh_CN"]
        runs = {
            "bare": [sys.executable, "-c", CHILD_APP.replace("{start}", START_BARE)],
            "frozen": [str(exe), *book],
            # `uv run crm` from this checkout, through the same entry point as the build (which
            # adds only the first-paint hook to `crm`).
            "source": [uv or "uv", "run", "python", "packaging/prism_main.py", *book],
        }
        if uv is None:
            del runs["source"]
            print("uv not on PATH: `uv run crm` left out")
        for argv in runs.values():  # once each: bytecode caches, the page cache, uv's sync
            to_first_paint(argv, env)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.runs):
            for name, argv in runs.items():
                times[name].append(to_first_paint(argv, env))
        bare = median(times["bare"])
        line("bare PySide6 window to first paint (ms)", bare, bare, "ms", "the floor")
        line("frozen Prism to first page (ms)", median(times["frozen"]), bare, "ms")
        if "source" in times:
            line("uv run crm to first page (ms)", median(times["source"]), bare, "ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
