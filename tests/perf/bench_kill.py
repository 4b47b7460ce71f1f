"""kill -9 during `crm add`: nothing committed is lost, no folder is stranded, no book damaged.

    uv run python tests/perf/bench_kill.py [--runs 300] [--fresh-every 10] [--max-delay 5.0]

Each run starts `crm add` in a data folder and SIGKILLs it after a random delay (0 to
--max-delay seconds, seeded); a fresh folder every --fresh-every runs, so kills also land in
the very first `crm add` (the book being created). After each run the folder is opened as
the next Prism would: a book that cannot be opened is "stranded", a client whose `crm add`
had exited 0 before the kill and is missing is "lost", a failed integrity check an
"integrity failure". tests/hardening/test_first_start.py runs a short loop of this.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class KillFigures:
    runs: int = 0
    killed: int = 0
    committed: int = 0
    lost: int = 0
    stranded: int = 0
    integrity_failures: int = 0
    refused: int = 0  # `crm add` exited non-zero on its own (e.g. the folder was stranded)
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"runs {self.runs}, killed {self.killed}, committed {self.committed}, "
            f"lost {self.lost}, stranded {self.stranded}, "
            f"integrity failures {self.integrity_failures}, refused {self.refused}"
        )


def _add(folder: Path, name: str, delay: float) -> tuple[bool, bool, str]:
    """(exited 0 before the kill, killed, stderr) of one `crm add`."""
    env = {**os.environ, "LANGUAGE": "en", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "crm", "--data-dir", str(folder), "add", "--name", name],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        proc.wait(delay)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        assert proc.stderr is not None
        proc.stderr.close()
        return False, True, ""
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stderr.close()
    return proc.returncode == 0, False, err


def _verify(path: Path, committed: set[str], figures: KillFigures) -> None:
    from crm.store.book import Book
    from crm.store.errors import BookError
    from crm.store.recovery import check_book

    if not path.exists():
        if committed:
            figures.lost += len(committed)
        return
    try:
        book = Book.open(path, create=False)
    except BookError as exc:
        figures.stranded += 1
        figures.problems.append(f"stranded: {exc}")
        return
    try:
        names = {r[0] for r in book.reader().execute("SELECT name FROM client")}
    finally:
        book.close()
    missing = committed - names
    figures.lost += len(missing)
    if missing:
        figures.problems.append(f"lost: {sorted(missing)[:5]}")
    result = check_book(path)
    if not result.ok:
        figures.integrity_failures += 1
        figures.problems.append(f"integrity: {result.problems[:2]}")


def kill_loop(
    runs: int, *, fresh_every: int, max_delay: float, seed: int = 12, base: Path | None = None
) -> KillFigures:
    rng = random.Random(seed)
    figures = KillFigures()
    own = base is None
    root = Path(tempfile.mkdtemp(prefix="prism-kill-")) if base is None else base
    try:
        committed: set[str] = set()
        folder = root
        for run in range(runs):
            if run % fresh_every == 0:
                folder = root / f"series-{run // fresh_every}"
                committed = set()
            name = f"客户{run}"
            ok, killed, err = _add(folder, name, rng.uniform(0.0, max_delay))
            figures.runs += 1
            figures.killed += killed
            if ok:
                committed.add(name)
                figures.committed += 1
            elif not killed:
                figures.refused += 1
                figures.problems.append(f"refused: {err.strip()[-300:]}")
            _verify(folder / "prism.db", committed, figures)
    finally:
        if own:
            shutil.rmtree(root, ignore_errors=True)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--fresh-every", type=int, default=10)
    parser.add_argument("--max-delay", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    started = time.perf_counter()
    figures = kill_loop(
        args.runs, fresh_every=args.fresh_every, max_delay=args.max_delay, seed=args.seed
    )
    print(figures.line())
    print(f"{time.perf_counter() - started:.0f} s")
    for problem in figures.problems[:20]:
        print("  " + problem)
    bad = figures.lost or figures.stranded or figures.integrity_failures or figures.refused
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
