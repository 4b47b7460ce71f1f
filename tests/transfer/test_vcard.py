"""vCard 3.0 read back by vobject, khard and abook (issue 11, Exports: vCard)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from crm.cli import main
from crm.domain.client_form import ClientDraft, clean_client
from crm.domain.enums import ClientKind
from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.transfer.export import ExportOptions
from crm.services.transfer.service import TransferService
from tests.transfer.conftest import TODAY, insert_clean

NOTE = 'a, b; c\\d\n第二行 "引号"'


def _en(_c: str, t: str) -> str:
    return t


@pytest.fixture
def vcf(book, clock, tmp_path: Path) -> Path:
    drafts = [
        ClientDraft(
            name="李 小龍",
            phones=["13812345678", "13912345678", "010-6512 3456", "+44 7911 123456"],
            notes=NOTE,
            address="人民路1号, 2楼; 东门",
            tags=["老客户", "a,b"],
        ),
        ClientDraft(
            name="兴隆, 超市",
            kind=ClientKind.COMPANY,
            business_name="兴隆; 有限公司",
            phones=["021-6512 3456"],
        ),
        ClientDraft(name="John Smith", phones=["+1 650 253 0000"]),
        ClientDraft(name="欧阳娜娜", phones=["13712345678"]),
    ]
    insert_clean(book, [clean_client(d, TODAY) for d in drafts], clock)
    ids = ClientQuery(book).ids(ClientFilter())
    out = tmp_path / "c.vcf"
    TransferService(book).export(ids, out, ExportOptions(format="vcf", unmasked=True), _en)
    return out


def _cards(path: Path) -> dict[str, object]:
    import vobject

    return {c.fn.value: c for c in vobject.readComponents(path.read_text(encoding="utf-8"))}


def test_uid_rev_and_every_phone_typed(vcf: Path) -> None:
    cards = _cards(vcf)
    li = cards["李 小龍"]
    uids = {c.uid.value for c in cards.values()}  # type: ignore[attr-defined]
    assert len(uids) == 4 and all(u.startswith("urn:uuid:") for u in uids)
    assert li.rev.value.startswith("2026-")  # type: ignore[attr-defined]
    tels = [(t.value, t.params["TYPE"]) for t in li.contents["tel"]]  # type: ignore[attr-defined]
    assert tels == [
        ("13812345678", ["CELL", "VOICE"]),
        ("13912345678", ["CELL", "VOICE"]),
        ("01065123456", ["HOME", "VOICE"]),
        ("+447911123456", ["CELL", "VOICE"]),
    ]
    shop = cards["兴隆, 超市"]
    assert [t.params["TYPE"] for t in shop.contents["tel"]] == [["WORK", "VOICE"]]  # type: ignore[attr-defined]


def test_escaping_reads_back_exactly(vcf: Path) -> None:
    raw = vcf.read_text(encoding="utf-8")
    assert "NOTE:a\\, b\\; c\\\\d\\n" in raw
    cards = _cards(vcf)
    li = cards["李 小龍"]
    assert li.note.value == NOTE  # type: ignore[attr-defined]
    assert li.adr.value.street == "人民路1号, 2楼; 东门"  # type: ignore[attr-defined]
    assert set(li.categories.value) == {"老客户", "a", "b"}  # type: ignore[attr-defined]
    shop = cards["兴隆, 超市"]
    assert shop.org.value == ["兴隆; 有限公司"]  # type: ignore[attr-defined]
    assert shop.n.value.family == "兴隆, 超市"  # type: ignore[attr-defined]


def test_names_split_without_a_leading_space(vcf: Path) -> None:
    cards = _cards(vcf)
    n = cards["李 小龍"].n.value  # type: ignore[attr-defined]
    assert (n.family, n.given) == ("李", "小龍")
    n = cards["John Smith"].n.value  # type: ignore[attr-defined]
    assert (n.family, n.given) == ("Smith", "John")
    n = cards["欧阳娜娜"].n.value  # type: ignore[attr-defined]
    assert (n.family, n.given) == ("欧阳", "娜娜")


def test_cli_vcard_is_unmasked_by_default_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*args: str) -> int:
        return main(["--data-dir", str(tmp_path), "--lang", "en", *args])

    assert run("add", "--name", "张伟", "--phone", "13812345678") == 0
    capsys.readouterr()
    assert run("export", "--out", str(tmp_path / "a.vcf")) == 0
    assert "full phone numbers" in capsys.readouterr().err
    assert "TEL;TYPE=CELL,VOICE:13812345678" in (tmp_path / "a.vcf").read_text()
    assert run("export", "--masked", "--out", str(tmp_path / "b.vcf")) == 0
    assert "138****5678" in (tmp_path / "b.vcf").read_text()
    assert run("export", "--out", str(tmp_path / "c.csv")) == 0
    assert "13812345678" not in (tmp_path / "c.csv").read_text(encoding="utf-8-sig")


def _split_cards(vcf: Path, folder: Path) -> int:
    folder.mkdir()
    text = vcf.read_bytes().decode("utf-8")
    cards = [c + "END:VCARD\r\n" for c in text.split("END:VCARD\r\n") if c.strip()]
    for i, c in enumerate(cards):
        (folder / f"{i}.vcf").write_text(c, encoding="utf-8", newline="")
    return len(cards)


@pytest.mark.skipif(shutil.which("khard") is None, reason="khard is not installed")
def test_khard_uses_every_card(vcf: Path, tmp_path: Path) -> None:
    n = _split_cards(vcf, tmp_path / "book")
    conf = tmp_path / "khard.conf"
    conf.write_text(
        f"[addressbooks]\n[[book]]\npath = {tmp_path / 'book'}\n[general]\neditor = true\n"
        "merge_editor = true\n"
    )
    out = subprocess.run(
        ["khard", "-c", str(conf), "list", "--parsable"],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert len(out.stdout.strip().splitlines()) == n == 4, out.stderr
    shown = subprocess.run(
        ["khard", "-c", str(conf), "phone", "--parsable", "李"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    for number in ("13812345678", "13912345678", "01065123456", "+447911123456"):
        assert number in shown


@pytest.mark.skipif(shutil.which("abook") is None, reason="abook is not installed")
def test_abook_keeps_a_mobile_and_a_landline(vcf: Path) -> None:
    out = subprocess.run(
        ["abook", "--convert", "--informat", "vcard", "--infile", str(vcf),
         "--outformat", "abook", "--outfile", "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    assert out.count("name=") == 4
    # abook has one slot per kind (mobile, phone, workphone): it keeps the last mobile.
    assert "mobile=+447911123456" in out
    assert "phone=01065123456" in out and "workphone=02165123456" in out
