"""Peak memory and time of a whole import (read, check, commit) of a big csv, in a fresh process.

    uv run python tests/perf/bench_transfer_import.py --rows 100000 --columns 20

Issue 12 item 6: any import stays under 300 MB at 100,000 rows x 20 columns. The file has the
columns an officer's sheet has (name, phone, ID number, birthday, notes...) plus filler
columns up to ``--columns``; the peak is the process's maximum resident set (VmHWM on Linux),
the interpreter and libraries included.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def make_csv(path: Path, rows: int, columns: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    head = ["姓名", "手机", "性别", "生日", "地址", "备注", "标签", "微信"]
    head += [f"其他{i}" for i in range(max(0, columns - len(head)))]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(head[:columns])
        for n in range(rows):
            row = [
                rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                f"13{n:09d}",
                rng.choice("男女"),
                f"19{rng.randint(50, 99)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"某某市人民路{rng.randint(1, 999)}号",
                "老客户，经营小超市，" * rng.randint(1, 3),
                rng.choice(["老客户", "商会", ""]),
                f"wx{n}",
            ]
            row += [f"值{n % 97}" for _ in range(max(0, columns - len(row)))]
            out.writerow(row[:columns])


def _peak_mb() -> float:
    """This process's peak resident set. On Linux VmHWM, which belongs to this program's own
    memory map: ru_maxrss also carries the parent's peak across fork/exec (a test run's 500 MB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: str, folder: str) -> None:
    from crm.domain.clock import SystemClock
    from crm.services.transfer.fields import suggest_mapping
    from crm.services.transfer.service import TransferService
    from crm.store.book import Book

    def en(_c: str, t: str) -> str:
        return t

    book = Book.open(Path(folder) / "prism.db")
    service = TransferService(book, SystemClock())
    t0 = time.perf_counter()
    table = service.read_file(Path(path))
    t1 = time.perf_counter()
    preview = service.preview(table, suggest_mapping(table.headers, en), en)
    t2 = time.perf_counter()
    summary = service.commit(preview, skip_bad=True)
    t3 = time.perf_counter()
    book.close()
    peak_mb = _peak_mb()
    print(json.dumps({"read_s": round(t1 - t0, 2), "check_s": round(t2 - t1, 2),
                      "commit_s": round(t3 - t2, 2), "added": summary.added,
                      "peak_mb": round(peak_mb)}))  # fmt: skip


def make_xlsx(csv_path: Path, path: Path) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet()
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        for r, row in enumerate(csv.reader(fh)):
            for c, value in enumerate(row):
                ws.write_string(r, c, value)
    wb.close()


def run(rows: int, columns: int, xlsx: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "big.csv"
        make_csv(src, rows, columns)
        if xlsx:
            make_xlsx(src, Path(tmp) / "big.xlsx")
            src = Path(tmp) / "big.xlsx"
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(src), tmp],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
        result = json.loads(out.stdout.strip().splitlines()[-1])
        result["file_mb"] = round(src.stat().st_size / 2**20, 1)
        return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--columns", type=int, default=20)
    parser.add_argument("--xlsx", action="store_true", help="the same rows as an xlsx")
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    r = run(args.rows, args.columns, args.xlsx)
    kind = "xlsx" if args.xlsx else "csv"
    print(f"{kind}, {args.rows:,} rows x {args.columns} columns ({r['file_mb']} MB): "
          f"peak {r['peak_mb']} MB (limit 300); read {r['read_s']} s, "
          f"check {r['check_s']} s, commit {r['commit_s']} s, "
          f"added {r['added']:,}")  # fmt: skip


if __name__ == "__main__":
    main()
