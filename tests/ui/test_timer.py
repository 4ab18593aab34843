"""The timer screen with pytest-qt and a fake clock: what the user sees and can do."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.core.language import format_clock
from lowback_timer.core.routine import Phase, Routine, build_routine
from lowback_timer.core.session import State
from lowback_timer.core.settings import Settings
from lowback_timer.ui import sound
from lowback_timer.ui.sound import SoundPlayer
from lowback_timer.ui.timer import REFRESH_S, TimerPage
from tests.fakeclock import FakeClock


class RecordingSounds(SoundPlayer):
    def __init__(self) -> None:
        super().__init__(use_audio=False)
        self.cues: list[str] = []

    def play(self, cue: str) -> None:
        self.cues.append(cue)
        super().play(cue)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def routine(content: Content) -> Routine:
    return build_routine(content, ("fatigue",), "desk", 5)


@pytest.fixture
def page(qtbot: QtBot, content: Content, clock: FakeClock) -> TimerPage:
    widget = TimerPage(content, "en", Settings(), clock=clock, sounds=RecordingSounds())
    qtbot.addWidget(widget)
    widget.resize(900, 640)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def run_to_end(page: TimerPage, clock: FakeClock) -> None:
    assert page.session is not None
    while (deadline := page.session.next_deadline()) is not None:
        clock.now = deadline
        page.poll()


def test_a_whole_routine_from_start_to_the_completion_screen(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    assert page.ring.caption == "Get ready"
    assert page.cue.text() == page.content.variant(routine.items[0].variant).setup("en")
    run_to_end(page, clock)
    holds = len(routine.holds)
    assert page.pages.currentWidget() is page.done_view
    total = format_clock(routine.total_s)
    assert page.done_summary.text() == f"You completed {holds} of {holds} holds, {total} in all."
    assert not page.timer.isActive()
    sounds = page.sounds
    assert isinstance(sounds, RecordingSounds)
    assert sounds.cues.count("hold-start") == holds and sounds.cues[-1] == "done"
    assert sounds.cues.count("switch-side") == len(
        [s for s in routine.steps if s.phase is Phase.SWITCH]
    )


def test_the_hold_shows_side_mirrored_picture_cue_and_what_comes_next(
    page: TimerPage, routine: Routine, content: Content
) -> None:
    page.load(routine)
    page.skip()  # to the first hold, right side
    first = routine.holds[0]
    assert page.ring.caption == "Hold"
    assert page.side_badge.text() == "RIGHT" and not page.picture.mirrored
    assert page.cue.text() == content.stretch(first.stretch).cue("en")
    assert (
        page.next_label.text()
        == "Next: Switch sides — " + content.stretch(first.stretch).name("en") + " (left)"
    )
    page.skip()
    page.skip()  # switch -> left hold
    assert page.side_badge.text() == "LEFT" and page.picture.mirrored
    assert page.picture.image == content.variant(first.variant).image


def test_space_pauses_and_the_countdown_stays(
    qtbot: QtBot, page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    clock.advance(2.2)
    page.poll()
    qtbot.keyClick(page.running_view, Qt.Key.Key_Space)
    assert page.session is not None and page.session.state is State.PAUSED
    shown = page.ring.seconds_text
    assert page.pause_button.text() == "Resume (Space)"
    assert not page.timer.isActive()  # nothing fires while paused
    clock.advance(120)
    page.poll()
    assert (page.ring.seconds_text, page.session.index) == (shown, 0)
    qtbot.keyClick(page.running_view, Qt.Key.Key_Space)
    assert page.session.state is State.RUNNING and page.timer.isActive()


def test_right_skips_and_left_goes_back(
    qtbot: QtBot, page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    assert page.session is not None
    qtbot.keyClick(page.running_view, Qt.Key.Key_Right)
    assert page.session.step.phase is Phase.HOLD
    clock.advance(10)
    page.poll()
    qtbot.keyClick(page.running_view, Qt.Key.Key_Left)  # restart the hold
    assert page.ring.seconds_text == f"0:{routine.holds[0].duration_s:02d}"
    qtbot.keyClick(page.running_view, Qt.Key.Key_Left)  # back to get ready
    assert page.session.step.phase is Phase.PREPARE


@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("how", ["click", "escape"])
def test_stop_from_every_phase_in_one_action_then_what_happened(
    qtbot: QtBot, page: TimerPage, content: Content, phase: Phase, how: str
) -> None:
    page.load(build_routine(content, (), "floor", 10))
    assert page.session is not None
    while page.session.step.phase is not phase:
        page.skip()
    if how == "click":
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(page.running_view, Qt.Key.Key_Escape)
    assert page.session.state is State.STOPPED
    assert page.pages.currentWidget() is page.stop_view
    assert not page.timer.isActive()
    labels = [b.text() for b in page.reason_buttons.values()]
    assert labels == [r.label("en") for r in content.stop_reasons]
    with qtbot.waitSignal(page.stop_reported) as signal:
        qtbot.mouseClick(page.reason_buttons["dizziness"], Qt.MouseButton.LeftButton)
    assert signal.args == ["dizziness"]
    assert page.session.summary().stop_reason == "dizziness"


def test_the_stop_button_works_while_paused(
    qtbot: QtBot, page: TimerPage, routine: Routine
) -> None:
    page.load(routine)
    page.toggle_pause()
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    assert page.pages.currentWidget() is page.stop_view


def test_a_two_second_blocked_loop_does_not_shift_the_schedule(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    assert page.session is not None
    start = clock.now
    ends: list[float] = []
    for step in page.session.steps:
        ends.append((ends[-1] if ends else start) + step.duration_s)
    clock.now = ends[0] + 2.0  # the event loop was blocked for 2 s past the deadline
    page.poll()
    assert page.session.index == 1
    assert page.session.next_deadline() == ends[1]
    assert page.ring.seconds_text == f"0:{round(ends[1] - clock.now):02d}"


def test_one_timer_armed_for_repaint_while_visible_and_the_deadline_when_hidden(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    assert page.timer.isSingleShot() and page.timer.interval() == round(REFRESH_S * 1000)
    page.hide()
    assert page.session is not None
    deadline = page.session.next_deadline()
    assert deadline is not None
    assert page.timer.interval() == round((deadline - clock.now) * 1000)


def test_without_audio_the_session_runs_with_visual_cues_and_says_so_once(
    qtbot: QtBot,
    content: Content,
    routine: Routine,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As on a machine with no sound card: the audio probe finds no output device.
    monkeypatch.setattr(sound, "_open_audio", lambda: (None, "no audio output device"))
    caplog.set_level(logging.INFO)
    page = TimerPage(content, "en", Settings(), clock=clock, sounds=SoundPlayer())
    qtbot.addWidget(page)
    page.load(routine)
    run_to_end(page, clock)
    assert page.pages.currentWidget() is page.done_view
    said = [r.getMessage() for r in caplog.records if "Sounds are off" in r.getMessage()]
    assert said == ["Sounds are off (no audio output device); using visual cues only."]


def test_the_stop_screen_says_how_far_the_routine_got(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    page.skip()
    assert page.session is not None
    clock.now = page.session.next_deadline() or clock.now  # the first hold runs to its end
    page.poll()
    page.stop()
    assert page.stop_summary.text() == f"Stopped after 1 of {len(routine.holds)} holds."


def test_a_minimised_window_gets_no_repaints_only_the_deadline(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    page.window().showMinimized()
    page.poll()
    assert page.session is not None
    deadline = page.session.next_deadline()
    assert deadline is not None
    assert page.timer.interval() == round((deadline - clock.now) * 1000)


def test_pacer_says_breathe_in_then_out_at_the_users_pace(
    qtbot: QtBot, content: Content, routine: Routine, clock: FakeClock
) -> None:
    page = TimerPage(
        content,
        "en",
        Settings(breath_in_s=3, breath_out_s=5),
        clock=clock,
        sounds=SoundPlayer(use_audio=False),
    )
    qtbot.addWidget(page)
    page.load(routine)
    assert page.breath_label.text() == "Breathe in"
    clock.advance(3.5)
    page.poll()
    assert page.breath_label.text() == "Breathe out"
    off = TimerPage(
        content, "en", Settings(pacer=False), clock=clock, sounds=SoundPlayer(use_audio=False)
    )
    qtbot.addWidget(off)
    off.load(routine)
    assert off.pacer.isHidden() and off.breath_label.isHidden()
