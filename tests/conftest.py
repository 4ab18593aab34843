import gc
import inspect
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from lowback_timer.core.content import Content
from lowback_timer.core.loader import load_content

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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that start a process (the app, a command, Python) as slow."""
    sources: dict[object, bool] = {}
    for item in items:
        function = getattr(item, "function", None)
        if function is None:
            continue
        if function not in sources:
            try:
                text = inspect.getsource(function)
            except (OSError, TypeError):
                text = ""
            sources[function] = any(
                word in text for word in ("subprocess.", "App(", "lowback_timer(", "run_app(")
            )
        if sources[function]:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _no_speech_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test starts the speech engine's child process unless it asks to: the app's voice
    (Preferences asks it) is one that never answers and is never given up on."""
    from lowback_timer.app import speech

    monkeypatch.setattr(speech, "_shared", None)
    monkeypatch.setattr(speech, "make_voice", lambda: speech.Voice((), answer_s=None))


@pytest.fixture(autouse=True)
def _qt_garbage_freed_here() -> Iterator[None]:
    """A test's cycles of Qt objects are freed on the main thread as it ends: left to the
    garbage collector, they may be freed on the next test's history-writer thread, where
    Qt refuses to stop their timers ("Timers cannot be stopped from another thread")."""
    yield
    if any(t.name == "history-writer" for t in threading.enumerate()):
        gc.collect(1)  # (the young generations: the test's own objects; a full one is slow)


@pytest.fixture(autouse=True)
def _no_real_user_files() -> None:
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's data folder for the `history` commands (--csv, --summary): this test's own."""
    from lowback_timer.commands import history_csv

    folder = tmp_path / "data" / "lowback-timer"
    monkeypatch.setattr(history_csv, "default_data_dir", lambda: folder)
    return folder


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture(params=["en", "ja"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Each language in turn, its translations installed (English again afterwards)."""
    from lowback_timer.app.translations import install_translators

    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    install_translators(qapp, "en")
