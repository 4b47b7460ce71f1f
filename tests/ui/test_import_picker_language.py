"""The import file picker speaks Prism's language: Qt's own dialog, translated with qtbase."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog


def test_import_picker_is_qts_own_dialog(main_window, monkeypatch) -> None:
    seen: dict[str, object] = {}

    def fake(*args, **kwargs):
        seen.update(kwargs)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    main_window.transfer.import_file()
    assert seen["options"] == QFileDialog.Option.DontUseNativeDialog


def test_qt_dialog_strings_have_chinese(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from crm.ui.i18n import install_translators, remove_translators

    translators = install_translators("zh_CN")
    try:
        assert QCoreApplication.translate("QFileDialog", "&Open") != "&Open"
    finally:
        remove_translators(translators)
