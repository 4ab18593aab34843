"""Preferences: what the user changes is saved and reaches the timer; Cancel changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.core.settings import RANGES, Settings
from lowback_timer.ui.preferences import PreferencesDialog
from lowback_timer.ui.settings_store import load_settings
from tests.ui.helpers import open_window


def test_ok_saves_the_choices_and_the_timer_uses_them(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    store = window.store
    dialog = window.open_preferences()
    dialog.sounds.setChecked(False)
    dialog.volume.setValue(30)
    dialog.pacer.setChecked(False)
    dialog.breath_out.setValue(7.5)
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.accept()
    saved = load_settings(store)
    assert (saved.muted, saved.volume, saved.pacer, saved.breath_out_s, saved.language) == (
        True,
        0.3,
        False,
        7.5,
        "ja",
    )
    assert window.timer_page.sounds.muted and window.timer_page.sounds.volume == 0.3
    window.start_routine()
    assert window.timer_page.pacer.isHidden()


def test_cancel_changes_nothing(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    store = window.store
    before = window.settings
    dialog = window.open_preferences()
    dialog.speech.setChecked(True)
    dialog.prepare.setValue(20)
    dialog.reject()
    assert window.settings == before == load_settings(store)


def test_the_dialog_offers_only_values_in_range(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.breath_in.setValue(100)
    dialog.prepare.setValue(0)
    chosen = dialog.settings()
    assert chosen.breath_in_s == RANGES["breath_in_s"][1]
    assert chosen.prepare_s == RANGES["prepare_s"][0]


def test_a_longer_get_ready_is_in_the_routine_and_its_total(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    before = window.routine.total_s
    dialog = window.open_preferences()
    dialog.prepare.setValue(10)
    dialog.accept()
    assert window.routine.total_s == before + 5 * len(window.routine.items)
    window.start_routine()
    session = window.timer_page.session
    assert session is not None and session.steps[0].duration_s == 10
    assert session.routine_remaining() == pytest.approx(window.routine.total_s, abs=1)
