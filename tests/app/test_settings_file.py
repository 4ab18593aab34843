"""A settings file Qt's reader would abort on is set aside before Qt reads it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from lowback_timer.app.controller import APPLICATION, ORGANIZATION, SET_ASIDE, open_store
from lowback_timer.app.settings_file import problem_with, settings_path
from tests.processes import run_app

# Makes Qt's INI reader throw std::bad_alloc: the process aborts (status 134).
CRAFTED = b"[General]\nunrelated_key=@Variant(\\0\\0\\0\\v\\x7f\\xff\\xff\\xff)\n"


def test_the_path_is_where_qsettings_keeps_the_settings() -> None:
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    assert settings_path(ORGANIZATION, APPLICATION) == Path(QSettings().fileName())


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (CRAFTED, "it holds a value of a kind the app never writes"),
        (b"[General]\nx=" + b"a" * 70_000, "it is larger than 64 KiB"),
        (b"[General]\nvolume=0.5\nnote=@@not a type\n", None),
    ],
)
def test_what_qt_must_not_read(tmp_path: Path, data: bytes, problem: str | None) -> None:
    path = tmp_path / "lowback-timer.conf"
    path.write_bytes(data)
    assert problem_with(path) == problem


def test_a_crafted_file_is_set_aside_and_the_app_starts_clean() -> None:
    path = settings_path(ORGANIZATION, APPLICATION)
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(CRAFTED)
    store = open_store()
    note = str(store.property(SET_ASIDE))
    assert "could not be used" in note and str(path) in note
    assert not path.exists()
    (moved,) = path.parent.glob(f"{path.name}.broken-*")
    assert moved.read_bytes() == CRAFTED  # kept, never deleted
    assert store.allKeys() == []


def test_the_command_line_survives_a_crafted_file(tmp_path: Path) -> None:
    """`plan` reads the settings too; without the guard this process aborts with status 134."""
    config = tmp_path / "config" / ORGANIZATION
    config.mkdir(parents=True)
    (config / f"{APPLICATION}.conf").write_bytes(CRAFTED)
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = run_app("plan", "--lang", "en", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Routine for the desk")
    assert list(config.glob(f"{APPLICATION}.conf.broken-*"))


def test_the_app_tells_of_a_file_set_aside_on_its_start(qapp: object) -> None:
    """The app names itself before its window (`application()`), then opens the store once:
    the store that reaches the home screen carries the note (it was opened twice, and the
    second opening had nothing left to say)."""
    from lowback_timer.ui.app import application

    path = settings_path(ORGANIZATION, APPLICATION)
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(CRAFTED)
    application()
    assert path.exists()  # naming the app reads nothing
    note = str(open_store().property(SET_ASIDE))
    assert "could not be used" in note and str(path) in note
