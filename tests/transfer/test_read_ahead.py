"""The export's read-ahead: the next chunk's query runs while the caller writes this one, and
nothing is left running (or holding the connection) when the caller stops."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from crm.domain.client_form import ClientDraft, clean_client
from crm.services.transfer import rows as R
from crm.services.transfer.export import ExportCancelled, ExportOptions
from crm.services.transfer.service import TransferService
from tests.transfer.conftest import TODAY, insert_clean


def _threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "export-read-ahead"]


def test_chunks_arrive_in_order_with_their_ids() -> None:
    got = list(R.read_ahead(lambda part: sum(part), list(range(12)), chunk=5))
    assert got == [([0, 1, 2, 3, 4], 10), ([5, 6, 7, 8, 9], 35), ([10, 11], 21)]
    assert list(R.read_ahead(lambda part: 1, [], chunk=5)) == []
    assert not _threads()


def test_the_next_chunk_is_fetched_while_this_one_is_used_and_no_further() -> None:
    calls: list[Sequence[int]] = []
    second = threading.Event()

    def fetch(part: Sequence[int]) -> int:
        calls.append(part)
        if len(calls) == 2:
            second.set()
        return len(part)

    it = R.read_ahead(fetch, list(range(20)), chunk=5)
    assert next(it) == ([0, 1, 2, 3, 4], 5)
    assert second.wait(5)  # fetched before the caller asked for it
    threading.Event().wait(0.05)
    assert len(calls) == 2  # one ahead, never more
    it.close()
    assert not _threads()


def test_an_error_in_the_query_is_raised_to_the_caller() -> None:
    def fetch(part: Sequence[int]) -> int:
        if part[0] >= 5:
            raise RuntimeError("disk I/O error")
        return 0

    it = R.read_ahead(fetch, list(range(12)), chunk=5)
    assert next(it)[1] == 0
    with pytest.raises(RuntimeError, match="disk I/O error"):
        next(it)
    assert not _threads()


def test_a_cancelled_export_leaves_no_thread_behind(book, clock, tmp_path: Path) -> None:
    ids = insert_clean(
        book, [clean_client(ClientDraft(name=f"客户{i}"), TODAY) for i in range(12)], clock
    )

    def progress(done: int, total: int) -> bool:
        return False  # cancel at the first chunk

    with pytest.raises(ExportCancelled):
        TransferService(book, clock).export(
            ids, tmp_path / "x.xlsx", ExportOptions(format="xlsx"), lambda _c, t: t, progress
        )
    assert not _threads() and not (tmp_path / "x.xlsx").exists()
    # The reader is free again: the next export runs on it.
    TransferService(book, clock).export(
        ids, tmp_path / "x.xlsx", ExportOptions(format="xlsx"), lambda _c, t: t
    )
    assert (tmp_path / "x.xlsx").exists()
