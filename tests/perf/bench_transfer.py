"""Export/import speed against floors measured in the same run.

    uv run python tests/perf/bench_transfer.py --clients 100000

csv: our export (masking on, formula-safe cells, labels) against the plain ``csv`` module
writing the same columns from one plain query. xlsx: our formatted export (rustpy-xlsxwriter)
against two floors writing the same rows, prepared in advance with no formats: rustpy-xlsxwriter
(the floor of our writer) and xlsxwriter (constant_memory, ``write_row``; the writer before);
beside them the export's cells' query alone. SQLite computes every xlsx cell and the export runs
the next chunk's query on a helper thread while the writer writes, so with a free second core
the export takes about the floor plus the part of the query that needs the GIL (turning rows
into Python objects), less than query + floor.

Measured 2026-11-30, 100,000 clients, 2 cores shared with other sessions: xlsx export 11.99 s
with xlsxwriter -> 4.41 s with rustpy-xlsxwriter fed by Python converters (its floor 1.28 s)
-> cells from SQL with the read-ahead: 2.97 s (floor 1.34 s, query alone 1.43 s) with the
machine nearly idle; at load ~2-3 3.71 s (floor 1.30 s) where the converters' version gave
6.42 s (floor 1.30 s). ``crm export`` on a 100,000-client book, start-up included (farm-bench,
median of 7, nearly idle): 2.69 s with ``python -m crm`` (the converters' version 4.18 s in
turn with it), 2.84 s through ``uv run crm``.
Reading: our reader (with the zip-bomb/entity scan) against bare python-calamine.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from crm.domain.clock import SystemClock
from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.transfer import rows as R
from crm.services.transfer.export import ExportOptions
from crm.services.transfer.reader import read_table
from crm.services.transfer.service import TransferService
from crm.store.book import Book

PLAIN_SQL = """
SELECT c.name, c.kind, c.gender,
       (SELECT group_concat(national, '; ') FROM client_phone p WHERE p.client_id = c.id),
       c.id_number, c.birth_year, c.birth_month, c.birth_day, c.wechat, c.business_name,
       c.industry, c.uscc, c.address, c.status,
       (SELECT group_concat(tag, '、') FROM client_tag t WHERE t.client_id = c.id),
       c.notes, c.form_of_address, c.cadence_days, c.created_at
FROM client c WHERE c.archived_at IS NULL ORDER BY c.name_pinyin, c.id
"""


def _en(_c: str, t: str) -> str:
    return t


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def run(clients: int, runs: int, xlsx: bool = True) -> dict[str, float]:
    from crm.services.demo import fill_demo

    folder = Path(tempfile.mkdtemp(prefix="prism-bench-"))
    book = Book.open(folder / "prism.db")
    fill_demo(book, clients, seed=1, clock=SystemClock())
    out: dict[str, float] = {}

    def ours_csv() -> None:
        ids = ClientQuery(book).ids(ClientFilter(), sort="name")
        TransferService(book).export(ids, folder / "o.csv", ExportOptions(format="csv"), _en)

    def floor_csv() -> None:
        with (folder / "f.csv").open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["h"] * 19)
            w.writerows(book.reader().execute(PLAIN_SQL))

    out["csv_ours"] = median(ours_csv, runs)
    out["csv_floor"] = median(floor_csv, runs)
    if xlsx:
        import xlsxwriter

        def ours_xlsx() -> None:
            ids = ClientQuery(book).ids(ClientFilter(), sort="name")
            TransferService(book).export(ids, folder / "o.xlsx", ExportOptions(format="xlsx"), _en)

        ids = ClientQuery(book).ids(ClientFilter(), sort="name")
        chunks = R.typed_rows(book.reader(), ids, ExportOptions().columns, False, _en)
        prepared = [row for chunk in chunks for row in chunk]
        prepared = [[v.isoformat() if hasattr(v, "isoformat") else v for v in r] for r in prepared]

        def floor_xlsx() -> None:
            wb = xlsxwriter.Workbook(str(folder / "f.xlsx"), {"constant_memory": True})
            ws = wb.add_worksheet()
            for i, r in enumerate(prepared):
                ws.write_row(i, 0, r)
            wb.close()

        keys = [f"c{i}" for i in range(len(prepared[0]))] if prepared else ["c0"]
        records = [dict(zip(keys, r, strict=True)) for r in prepared]

        def floor_rust() -> None:
            from rustpy_xlsxwriter import FastExcel

            FastExcel(folder / "r.xlsx").sheet("Sheet1", records).save()

        from crm.services.transfer.export import _labels
        from crm.store.queries import transfer as Q

        cols = ExportOptions().columns
        query = Q.xlsx_query(cols, False, _labels(cols, _en), "Lunar", "leap")

        def query_xlsx() -> None:  # the export's cells alone (it runs them beside the writer)
            for start in range(0, len(ids), R.CHUNK):
                Q.xlsx_cells(book.reader(), query, ids[start : start + R.CHUNK])

        out["xlsx_ours"] = median(ours_xlsx, max(1, runs // 2))
        out["xlsx_query"] = median(query_xlsx, max(1, runs // 2))
        out["xlsx_floor"] = median(floor_xlsx, max(1, runs // 2))
        out["xlsx_floor_rust"] = median(floor_rust, max(1, runs // 2))
        from python_calamine import CalamineWorkbook

        def read_ours() -> None:
            read_table(folder / "o.xlsx")

        def read_floor() -> None:
            wb = CalamineWorkbook.from_path(str(folder / "o.xlsx"))
            wb.get_sheet_by_index(0).to_python()

        out["read_ours"] = median(read_ours, max(1, runs // 2))
        out["read_floor"] = median(read_floor, max(1, runs // 2))
    book.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-xlsx", action="store_true")
    args = parser.parse_args()
    r = run(args.clients, args.runs, not args.no_xlsx)
    print(f"clients: {args.clients:,}  (medians of {args.runs} runs)")
    print(f"csv export   {r['csv_ours']:.3f} s   floor (plain query + csv module) "
          f"{r['csv_floor']:.3f} s   ratio {r['csv_ours'] / r['csv_floor']:.2f}")  # fmt: skip
    if "xlsx_ours" in r:
        x_ratio = r["xlsx_ours"] / r["xlsx_floor"]
        print(f"xlsx export  {r['xlsx_ours']:.3f} s   floor (xlsxwriter write_row, prepared) "
              f"{r['xlsx_floor']:.3f} s   ratio {x_ratio:.2f}")  # fmt: skip
        if "xlsx_floor_rust" in r:
            rust = r["xlsx_floor_rust"]
            print(f"             floor (rustpy-xlsxwriter, prepared dicts) {rust:.3f} s   "
                  f"ratio {r['xlsx_ours'] / rust:.2f}")  # fmt: skip
            print(f"             its cells' query alone {r['xlsx_query']:.3f} s   "
                  f"query + rust floor {r['xlsx_query'] + rust:.3f} s")  # fmt: skip
        r_ratio = r["read_ours"] / r["read_floor"]
        print(f"xlsx read    {r['read_ours']:.3f} s   floor (bare calamine) "
              f"{r['read_floor']:.3f} s   ratio {r_ratio:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
