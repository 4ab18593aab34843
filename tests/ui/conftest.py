"""Shared UI fixtures: a throw-away settings file and the bundled content."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from lowback_timer.core.content import Content
from lowback_timer.core.loader import load_content


@pytest.fixture(autouse=True)
def _no_real_user_files() -> None:
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()
