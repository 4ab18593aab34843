import os

import pytest
from PySide6.QtCore import QSettings

# Tests run headless wherever they run; CI and screenshots under Xvfb set QT_QPA_PLATFORM=xcb.
# (Read when the QApplication is made, so importing QtCore first is fine.)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _own_user_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test reads and writes its own user settings (`lowback-timer plan` and `session`
    read QSettings()), autostart and cache folders: never the developer's, nor another
    test's."""
    folder = str(tmp_path_factory.mktemp("user-settings"))
    monkeypatch.setenv("XDG_CONFIG_HOME", folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    for scope_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(scope_format, QSettings.Scope.UserScope, folder)
