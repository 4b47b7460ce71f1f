"""The csv export computes its cells in SQL; they must equal the Python rules exactly."""

from __future__ import annotations

import csv
import io
import random
import sqlite3

from crm.domain.masking import mask_id_number, mask_phone
from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.transfer import rows as R
from crm.services.transfer.export import ExportOptions, safe_text
from crm.services.transfer.service import TransferService
from crm.store.queries.transfer import mask_digits, mask_id, safe
from tests.transfer.conftest import insert_clean, many_clean


def test_sql_masks_equal_python_masks() -> None:
    conn = sqlite3.connect(":memory:")
    rng = random.Random(5)
    samples = ["1", "12", "1234", "12345", "1234567", "12345678", "123456789", "13812345678",
               "23812345678", "01012345678", "0016502530000", "852912345678"]  # fmt: skip
    samples += ["".join(rng.choice("0123456789") for _ in range(rng.randint(1, 16)))
                for _ in range(300)]  # fmt: skip
    for d in samples:
        assert conn.execute(f"SELECT {mask_digits(':v')}", {"v": d}).fetchone()[0] == mask_phone(
            d
        ), d
    for v in ["11010519491231002X", "110105491231002", "1234", "12", "A1234567"]:
        assert conn.execute(f"SELECT {mask_id(':v')}", {"v": v}).fetchone()[0] == mask_id_number(v)
    for v in ["=1", "+86", "-", "@x", "\tx", "\rx", "'=x", "''+y", "'a", "a", "", "'"]:
        assert conn.execute(f"SELECT {safe(':v')}", {"v": v}).fetchone()[0] == safe_text(v), v


def test_csv_cells_equal_the_typed_rows(book, clock, tmp_path) -> None:
    insert_clean(book, many_clean(200), clock)
    ids = ClientQuery(book).ids(ClientFilter())
    for unmasked in (False, True):
        out = tmp_path / f"{unmasked}.csv"
        options = ExportOptions(format="csv", unmasked=unmasked)
        TransferService(book).export(ids, out, options, lambda _c, t: t)
        got = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))[1:]
        want = [
            ["" if v is None else safe_text(str(v)) if isinstance(v, str) else str(v) for v in row]
            for chunk in R.typed_rows(
                book.reader(), ids, options.columns, unmasked, lambda _c, t: t
            )
            for row in chunk
        ]
        assert got == want
