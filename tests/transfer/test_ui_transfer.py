"""The export dialog, the import preview and the trash, driven as the officer would."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import draft


def test_export_dialog_writes_the_current_list_masked(
    qtbot, main_window, clients, tmp_path
) -> None:
    for i in range(5):
        clients.add(draft(f"客户{i}", phones=[f"1380000000{i}"]))
    qtbot.waitUntil(lambda: main_window.clients.model.rowCount() == 5)
    lists: list[list[int]] = []  # the current list's ids, found on the task runner
    main_window.transfer._export = lambda ids, _selected: lists.append(list(ids))  # type: ignore[method-assign]
    main_window.transfer.export()
    qtbot.waitUntil(lambda: bool(lists))
    dialog = main_window.transfer.export_dialog(lists[0])
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    out = tmp_path / "list.csv"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(out)
    text = out.read_text(encoding="utf-8-sig")
    assert text.count("\n") == 6 and "138****0000" in text


def test_unmasked_asks_once(qtbot, ui_ctx) -> None:
    from crm.ui.transfer.export_dialog import ExportDialog

    dialog = ExportDialog(ui_ctx, [], [])
    qtbot.addWidget(dialog)
    asked: list[str] = []
    dialog.ask = lambda title, text: asked.append(title) or False  # type: ignore[method-assign]
    dialog.unmasked.setChecked(True)
    assert not dialog.unmasked.isChecked() and len(asked) == 1
    dialog.ask = lambda title, text: asked.append(title) or True  # type: ignore[method-assign]
    dialog.unmasked.setChecked(True)
    dialog.unmasked.setChecked(False)
    dialog.unmasked.setChecked(True)
    assert dialog.unmasked.isChecked() and len(asked) == 2


def test_import_dialog_maps_previews_and_imports(
    qtbot, qtmodeltester, ui_ctx, clients, tmp_path
) -> None:
    from crm.ui.transfer.import_dialog import ImportDialog

    clients.add(draft("老张", phones=["13812345678"]))
    p = tmp_path / "in.csv"
    p.write_text(
        "姓名,手机,备注\n老张,13812345678,\n小李,139,\n小王,13900000000,好\n", encoding="gb18030"
    )
    dialog = ImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.load(p)
    assert dialog.mapping() == ["name", "phones", "notes"]
    dialog.check_rows()
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 3
    assert not dialog.import_button.isEnabled()  # a bad row: not without "skip bad"
    dialog.skip_bad.setChecked(True)
    assert dialog.import_button.isEnabled()
    report = tmp_path / "report.csv"
    dialog.save_report(report).wait(10)
    qtbot.waitUntil(report.exists)
    assert "3,手机" in report.read_text(encoding="utf-8-sig")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.run_import()
    assert (dialog.summary.added, dialog.summary.skipped, dialog.summary.bad) == (1, 1, 1)


def test_import_refuses_hostile_file_with_reason(qtbot, ui_ctx, tmp_path) -> None:
    from crm.ui.transfer.import_dialog import ImportDialog

    p = tmp_path / "bad.csv"
    p.write_bytes("name\nCafé\n".encode("cp1252"))
    dialog = ImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    warned: list[str] = []
    dialog.warn = lambda title, text: warned.append(text)  # type: ignore[method-assign]
    assert not dialog.load(p)
    assert "encoding" in warned[0]


def test_trash_restores_and_deletes_after_asking_twice(
    qtbot, qtmodeltester, main_window, clients
) -> None:
    from crm.ui.transfer.trash_page import TrashPage

    a = clients.add(draft("甲"))
    b = clients.add(draft("乙"))
    clients.archive([a, b])
    page = main_window.show_section("trash")
    assert isinstance(page, TrashPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    qtmodeltester.check(page.model)
    questions: list[str] = []
    answers = iter([True, False, True, True])
    page.ask = lambda title, text: questions.append(title) or next(answers)  # type: ignore[method-assign]
    page.table.selectRow(0)
    page.delete_selected()  # yes, then no: nothing deleted
    assert len(questions) == 2 and page.model.rowCount() == 2
    page.delete_selected()  # yes, yes
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.restore_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert clients.book.reader().execute("SELECT count(*) FROM client").fetchone()[0] == 1


def test_back_up_now_and_check(qtbot, main_window, tmp_path: Path) -> None:
    with qtbot.waitSignal(main_window.transfer.backed_up, timeout=10_000) as backed_up:
        main_window.transfer.back_up()  # on the task runner
    made = backed_up.args[0]
    assert made is not None and made.exists()
    shown: list[str] = []
    main_window.transfer.inform = lambda title, text: shown.append(text)  # type: ignore[method-assign]
    with qtbot.waitSignal(main_window.transfer.checked, timeout=10_000) as checked:
        main_window.transfer.check()
    assert checked.args[0]["ok"]
    assert "passed" in shown[0]


def test_vcard_is_unmasked_by_default_and_says_so(qtbot, ui_ctx) -> None:
    from crm.ui.transfer.export_dialog import ExportDialog

    dialog = ExportDialog(ui_ctx, [], [])
    qtbot.addWidget(dialog)
    dialog.ask = lambda title, text: False  # type: ignore[method-assign]
    assert not dialog.options().unmasked
    dialog.format.setCurrentIndex(dialog.format.findData("vcf"))
    assert dialog.options().unmasked and "vCard" in dialog.hint.text()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert not dialog.options().unmasked  # the other formats keep the officer's choice


def test_excel_csv_is_offered_and_written(qtbot, ui_ctx, tmp_path) -> None:
    from crm.ui.transfer.export_dialog import ExportDialog

    dialog = ExportDialog(ui_ctx, [], [])
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("excel-csv"))
    assert dialog.options().format == "excel-csv" and dialog.encoding.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(tmp_path / "x.csv")
    assert (tmp_path / "x.csv").exists()


def test_import_preview_says_what_is_not_imported(qtbot, ui_ctx, tmp_path) -> None:
    from crm.ui.transfer.import_dialog import ImportDialog

    src = Path(__file__).parent / "fixtures" / "title_multi_sheet.xlsx"
    dialog = ImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.load(src)
    dialog.set_mapping(3, None)  # 微信 → (ignore)
    dialog.check_rows()
    text = dialog.summary_label.text()
    assert "微信" in text and "贷款" in text
    assert dialog.save_report_button.isEnabled()
