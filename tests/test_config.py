"""Where files live (crm/config.py)."""

from __future__ import annotations

from pathlib import Path

from crm import config


def test_the_default_data_folder_is_known_by_its_name_first(tmp_path: Path) -> None:
    # is_default_data_dir answers "no" from the folder's name alone (sparing platformdirs'
    # import at a start with --data-dir): that holds only while the default ends in APP_NAME.
    default = config._default_data_dir()
    assert default.name == config.APP_NAME
    assert config.is_default_data_dir(default)
    assert not config.is_default_data_dir(tmp_path / "elsewhere")
    assert not config.is_default_data_dir(tmp_path / config.APP_NAME)
    assert config.settings_path(tmp_path) == tmp_path / "settings.ini"
