"""CLI start-up benchmark: whole `crm` processes against `crm --version` in the same run.

    uv run python tests/perf/bench_cli.py [--clients 1000] [--runs 15] [--against DIR]

Prints the median wall time of each command, from spawn to exit, and its ratio to
`crm --version` (the target for `crm add` and `crm list` is within 3x), beside the bare
interpreter (`python -c pass`). Runs are interleaved so that a busy machine slows every
command alike. As on a user's machine the bytecode is cached (PYTHONDONTWRITEBYTECODE is
dropped for the children) and the pinyin table is built (one warm-up round); what building it
costs once per pypinyin version is printed at the end.

``--against DIR`` runs the same commands, interleaved, from another checkout's ``crm``
package (e.g. ``git archive <commit> | tar -x -C DIR``) on a book that checkout made: a
before/after comparison under the same load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ("crm add", "crm list")


def crm_command() -> list[str]:
    """The installed `crm` script (what a user types), else ``python -m crm``."""
    script = Path(sys.executable).parent / ("crm.exe" if sys.platform == "win32" else "crm")
    return [str(script)] if script.exists() else [sys.executable, "-m", "crm"]


def child_env(checkout: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    # This workplace sets PYTHONDONTWRITEBYTECODE, which would make every start compile our
    # modules (and sqlalchemy's) afresh; a user's machine caches bytecode.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["LANGUAGE"] = "en"
    if checkout is not None:  # the `crm` script's own folder comes first, then this
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(checkout), env.get("PYTHONPATH")]))
    return env


def timed(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - t0) * 1000


def commands(crm: list[str], data: Path, tag: str) -> dict[str, Callable[[], list[str]]]:
    book = ["--data-dir", str(data)]
    counter = iter(range(10**6))

    def add() -> list[str]:
        i = next(counter)
        return [*crm, *book, "add", "--name", f"王建{tag}{i}", "--phone", f"139{i:08d}"]

    return {
        "python -c pass (interpreter alone)": lambda: [sys.executable, "-c", "pass"],
        "crm --version": lambda: [*crm, "--version"],
        "crm add --name N --phone P": add,
        "crm list": lambda: [*crm, *book, "list"],
        "crm show 1": lambda: [*crm, *book, "show", "1"],
        "crm reminders": lambda: [*crm, *book, "reminders"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    crm = crm_command()
    work = Path(tempfile.mkdtemp(prefix="prism-bench-cli-"))
    sides = {"this checkout": child_env(None)}
    if args.against:
        sides[f"against {args.against}"] = child_env(args.against.resolve())
    try:
        runs: dict[str, dict[str, Callable[[], list[str]]]] = {}
        for n, (side, env) in enumerate(sides.items()):
            data = work / f"book{n}"
            subprocess.run(
                [*crm, "--data-dir", str(data), "demo", "--clients", str(args.clients)],
                check=True,
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
            )
            runs[side] = commands(crm, data, str(n))
            for argv in runs[side].values():  # warm-up: bytecode, pinyin table
                timed(argv(), env)
        times = {side: {label: [] for label in runs[side]} for side in sides}
        for _ in range(args.runs):
            for label in runs["this checkout"]:
                for side, env in sides.items():
                    times[side][label].append(timed(runs[side][label](), env))

        print(
            f"Prism CLI benchmark: {args.clients:,} clients, median of {args.runs} interleaved "
            f"runs, whole processes ({Path(crm[0]).name})"
        )
        for side, by_label in times.items():
            print(f"\n{side}:")
            version = statistics.median(by_label["crm --version"])
            for label, ts in by_label.items():
                med = statistics.median(ts)
                target = "  target <= 3x" if label.startswith(TARGETS) else ""
                print(
                    f"  {label:<38} {med:8.1f} ms  (min {min(ts):7.1f})   "
                    f"x{med / version:5.2f} of --version{target}"
                )

        # Once per pypinyin version and user: the pinyin table, built from pypinyin.
        build = (
            "import sys; from pathlib import Path; from crm.domain import pinyin_table as p;"
            "p.load_or_build(Path(sys.argv[1]), p.pypinyin_version())"
        )
        first = timed([sys.executable, "-c", build, str(work / "pinyin.bin")], child_env(None))
        print(f"\n{'first run only: build the pinyin table':<40} {first:8.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
