"""Preferences: what the user changes is saved and reaches the timer; Cancel changes nothing."""

from __future__ import annotations

import types
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTime, QTimer
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from lowback_timer.app import speech
from lowback_timer.app.controller import read_settings
from lowback_timer.app.desktop_questions import DesktopAnswers
from lowback_timer.app.desktop_watch import DesktopWatch, IdleMonitor, MutterIdle, ScreenSaverIdle
from lowback_timer.app.do_not_disturb import DoNotDisturb, NotificationsInhibited
from lowback_timer.core.content import Content
from lowback_timer.core.routine import OVERRUN, Answers, Phase
from lowback_timer.core.settings import limits
from lowback_timer.ui.background import Background
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.preferences import PreferencesDialog
from tests.app.test_desktop_watch import desktop_process, needs_dbus, private_bus
from tests.helpers import make_controller, open_window

__all__ = ["private_bus"]  # a fixture, used by name


def test_ok_saves_the_choices_and_the_timer_uses_them(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    store = window.controller.store
    dialog = window.open_preferences()
    dialog.sounds.setChecked(False)
    dialog.volume.setValue(30)
    dialog.pacer.setChecked(False)
    dialog.breath_out.setValue(7.5)
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.accept()
    saved = read_settings(store, content)
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
    store = window.controller.store
    before = window.controller.settings
    dialog = window.open_preferences()
    dialog.speech.setChecked(True)
    dialog.prepare.setValue(20)
    dialog.reject()
    assert window.controller.settings == before == read_settings(store, content)


def test_the_dialog_offers_only_values_in_range(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    qtbot.addWidget(dialog)
    dialog.breath_in.setValue(100)
    dialog.prepare.setValue(0)
    chosen = dialog.settings()
    assert chosen.breath_in_s == limits("breath_in_s")[1]
    assert chosen.prepare_s == limits("prepare_s")[0]


def test_a_longer_get_ready_is_in_the_routine_and_its_total(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    longer = content.dose.prepare_s + 5
    dialog = window.open_preferences()
    dialog.prepare.setValue(longer)
    dialog.accept()
    routine = window.controller.routine
    assert {s.duration_s for s in routine.steps if s.phase is Phase.PREPARE} == {longer}
    assert routine.total_s <= window.controller.settings.minutes * 60 * (1 + OVERRUN)
    window.start_routine()
    session = window.timer_page.session
    assert session is not None and session.steps[0].duration_s == longer
    assert session.routine_remaining() == pytest.approx(routine.total_s, abs=1)


def test_the_get_ready_time_left_as_it_is_follows_the_content(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """Only what the user changed is stored: an untouched get-ready time is not pinned."""
    window = open_window(qtbot, content, tmp_path)
    dialog = window.open_preferences()
    assert dialog.prepare.value() == content.dose.prepare_s
    dialog.breath_sounds.setChecked(True)
    dialog.accept()
    store = window.controller.store
    assert not store.contains("prepare_s") and store.value("breath_sounds") in (True, "true")


def test_languages_come_from_the_content(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    qtbot.addWidget(dialog)
    offered = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert offered == ["", *content.languages]
    assert dialog.language.itemText(offered.index("ja")) == content.language_name("ja")


def test_the_reminder_choices_are_saved(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    dialog = window.open_preferences()
    assert dialog.interval.minimum() == limits("reminder_interval_min")[0]
    dialog.interval.setValue(90)
    dialog.work_start.setTime(QTime(8, 30))
    dialog.days[5].setChecked(True)  # Saturday too
    dialog.accept()
    saved = read_settings(window.controller.store, content)
    assert (saved.reminder_interval_min, saved.work_start_min, saved.work_end_min) == (
        90,
        8 * 60 + 30,
        18 * 60,
    )
    assert saved.work_days == ("0", "1", "2", "3", "4", "5")


def test_turning_reminders_off_greys_out_their_details(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    qtbot.addWidget(dialog)
    dialog.reminders.setChecked(False)
    assert not dialog.interval.isEnabled() and not dialog.days_row.isEnabled()
    assert dialog.settings().reminders is False


def test_the_wait_for_a_presentation_is_saved(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    dialog = window.open_preferences()
    assert (dialog.defer_limit.minimum(), dialog.defer_limit.maximum()) == limits(
        "reminder_defer_limit_min"
    )
    dialog.defer_limit.setValue(10)
    dialog.accept()
    assert read_settings(window.controller.store, content).reminder_defer_limit_min == 10


def test_start_at_login_writes_and_removes_the_autostart_file(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    entry = window.controller.login.path
    dialog = window.open_preferences()
    assert dialog.start_at_login is not None and not dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(True)
    dialog.accept()
    assert entry.is_file()
    exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    assert exec_line.endswith(" --tray")
    dialog = window.open_preferences()
    assert dialog.start_at_login is not None and dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(False)
    dialog.accept()
    assert not entry.exists()


def test_a_failed_start_at_login_is_told_on_the_home_screen(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    entry = window.controller.login.path
    entry.parent.parent.mkdir(parents=True, exist_ok=True)
    entry.parent.write_text("a file where the autostart folder should be")
    dialog = window.open_preferences()
    assert dialog.start_at_login is not None
    dialog.start_at_login.setChecked(True)
    dialog.accept()
    assert window.home.problem_notice.isVisibleTo(window)
    assert window.home.problem_notice.text.text().startswith("Start at login could not be changed:")
    assert str(entry) in window.home.problem_notice.text.text()


@pytest.mark.parametrize(("known", "told"), [(False, True), (True, False), (None, False)])
def test_preferences_say_when_idle_time_is_not_known(
    qtbot: QtBot, content: Content, tmp_path: Path, known: bool | None, told: bool
) -> None:
    dialog = PreferencesDialog(make_controller(content, tmp_path), idle_known=known)
    qtbot.addWidget(dialog)
    assert (not dialog.idle_note.isHidden()) == told  # (on the Reminders tab)
    assert "does not tell how long you were away" in dialog.idle_note.text()


class SlowIdle:
    """An idle source that answers when the test says so, as a D-Bus service does."""

    name = "slow"

    def __init__(self) -> None:
        self.waiting: list[Callable[[float | None], None]] = []

    def ask(self, done: Callable[[float | None], None]) -> None:
        self.waiting.append(done)


def test_preferences_open_at_once_and_the_idle_note_comes_with_the_answer(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    slow = SlowIdle()
    made = Background(window.controller, window, has_tray=lambda: False, idle=IdleMonitor([slow]))
    for widget in (made.popup, made.status_window):
        qtbot.addWidget(widget)
    dialog = window.open_preferences()
    assert dialog.isVisible() and len(slow.waiting) == 1  # asked, and open before the answer
    assert dialog.idle_note.isHidden()
    slow.waiting.pop()(None)  # the desktop cannot tell
    assert not dialog.idle_note.isHidden()
    dialog.reject()
    dialog = window.open_preferences()  # asked again each time: the desktop may have changed
    slow.waiting.pop()(42.0)
    assert dialog.idle_note.isHidden()
    dialog.reject()


class NamedIdle:
    """A fake idle source with a display name, as the real ones have."""

    def __init__(self, name: str, display_name: str, answer: float | None) -> None:
        self.name, self.display_name, self.answer = name, display_name, answer

    def ask(self, done: Callable[[float | None], None]) -> None:
        done(self.answer)


class NamedBusy:
    def __init__(self, display_name: str, answer: bool | None) -> None:
        self.name, self.display_name, self.answer = "busy", display_name, answer

    def ask(self, done: Callable[[bool | None], None]) -> None:
        done(self.answer)


def sources_window(
    qtbot: QtBot, content: Content, tmp_path: Path, idle: IdleMonitor, busy: list[NamedBusy]
) -> MainWindow:
    window = open_window(qtbot, content, tmp_path)
    no_bus = QDBusConnection("lowback-no-bus")
    watch = DesktopWatch(no_bus, no_bus, dnd=DoNotDisturb(busy))
    made = Background(window.controller, window, has_tray=lambda: False, idle=idle, desktop=watch)
    for widget in (made.popup, made.status_window):
        qtbot.addWidget(widget)
    return window


def test_preferences_name_the_sources_that_answer(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    idle = IdleMonitor(
        [NamedIdle("mutter", "GNOME (Mutter)", None), NamedIdle("x", "X11 screen saver", 75.0)]
    )
    busy = [NamedBusy("Notification server (KDE)", None), NamedBusy("GNOME setting", False)]
    window = sources_window(qtbot, content, tmp_path, idle, busy)
    dialog = window.open_preferences()
    qtbot.waitUntil(lambda: not dialog.sources_note.isHidden())
    assert dialog.sources_note.text().splitlines() == [
        "How long you were away: X11 screen saver",  # the one that answered, not Mutter
        "Do Not Disturb and full screen: GNOME setting",
        "Screen lock: no source answers; reminders come while it is locked",  # (no bus)
    ]
    assert dialog.idle_note.isHidden()
    dialog.reject()


def test_preferences_say_when_no_source_answers(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    idle = IdleMonitor([NamedIdle("mutter", "GNOME (Mutter)", None)])
    window = sources_window(qtbot, content, tmp_path, idle, [NamedBusy("KDE", None)])
    dialog = window.open_preferences()
    qtbot.waitUntil(lambda: not dialog.sources_note.isHidden())
    lines = dialog.sources_note.text().splitlines()
    assert lines[0] == "How long you were away: no source answers on this desktop"
    assert lines[1].startswith("Do Not Disturb and full screen: no source answers")
    assert not dialog.idle_note.isHidden()  # and what that means for a break
    dialog.reject()


@needs_dbus
def test_frozen_desktop_services_never_hold_the_gui_thread(
    qtbot: QtBot, content: Content, tmp_path: Path, private_bus: tuple[str, QDBusConnection]
) -> None:
    """Mutter, the screensaver, the notification server and logind hold their names on the bus
    but never answer (as with Mutter stopped by SIGSTOP): Preferences opens and a due
    reminder's questions return at once; "cannot tell" comes after the time limit."""
    address, bus = private_bus
    with desktop_process(tmp_path, address, "silent"):
        window = open_window(qtbot, content, tmp_path)
        watch = DesktopWatch(
            bus,
            bus,
            dnd=DoNotDisturb([NotificationsInhibited(bus)]),
            logind_session="/org/freedesktop/login1/session/_37",
        )
        idle = IdleMonitor([MutterIdle(bus), ScreenSaverIdle(bus)])
        made = Background(
            window.controller, window, has_tray=lambda: False, desktop=watch, idle=idle
        )
        for widget in (made.popup, made.status_window):
            qtbot.addWidget(widget)
        order: list[object] = []
        dialog = window.open_preferences()
        made.questions.ask(order.append)  # what a due reminder asks
        QTimer.singleShot(0, lambda: order.append("event loop ran"))
        assert dialog.isVisible() and dialog.idle_note.isHidden() and order == []
        qtbot.waitUntil(lambda: len(order) == 2, timeout=5000)
        assert order == ["event loop ran", DesktopAnswers()]  # idle, busy, locked: unknown
        qtbot.waitUntil(lambda: not dialog.idle_note.isHidden(), timeout=5000)
        dialog.reject()


def test_breath_words_are_offered_with_spoken_cues_and_saved(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech, "_module", types.ModuleType("PySide6.QtTextToSpeech"))
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    qtbot.addWidget(dialog)
    assert not dialog.speech.isChecked() and dialog.breath_words.isChecked()
    assert not dialog.breath_words.isEnabled()  # (said only with spoken cues)
    dialog.speech.setChecked(True)
    assert dialog.breath_words.isEnabled()
    dialog.breath_words.setChecked(False)
    chosen = dialog.settings()
    assert (chosen.speech, chosen.breath_words) == (True, False)
    assert dialog.basic_japanese is None  # in English, nothing about Japanese voices


@pytest.mark.parametrize("basic", [True, False])
def test_in_japanese_preferences_say_when_the_voice_is_basic(
    qtbot: QtBot,
    content: Content,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    basic: bool,
) -> None:
    monkeypatch.setattr(speech, "_module", types.ModuleType("PySide6.QtTextToSpeech"))
    monkeypatch.setattr(speech, "japanese_voice_is_basic", lambda: basic)
    dialog = PreferencesDialog(make_controller(content, tmp_path, lang="ja"))
    qtbot.addWidget(dialog)
    assert (dialog.basic_japanese is not None) is basic
    if dialog.basic_japanese is not None:
        assert "espeak-ng" in dialog.basic_japanese.text()


def test_the_spread_question_follows_the_nerve_type_until_the_user_chooses(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """After each stretch, "did it spread?": by default for the nerve type only; "Always" and
    "Never" for every routine."""
    window = open_window(qtbot, content, tmp_path)
    dialog = window.open_preferences()
    box = dialog.spread_check
    assert box.currentData() == "auto"
    assert [box.itemText(i) for i in range(box.count())] == [
        "For “Nerve-like heaviness”",
        "Always",
        "Never",
    ]
    assert box.accessibleName() == "After each stretch, ask whether leg symptoms spread"
    box.setCurrentIndex(box.findData("on"))
    dialog.accept()
    assert read_settings(window.controller.store, content).spread_check == "on"
    window.flow.today()  # today's routine: no type saved ("not sure"), asked all the same
    assert window.flow.asks_spread()
    dialog = window.open_preferences()
    dialog.spread_check.setCurrentIndex(dialog.spread_check.findData("off"))
    dialog.accept()
    window.flow.for_answers(Answers(("nerve",), "desk", 5))
    assert not window.flow.asks_spread()
