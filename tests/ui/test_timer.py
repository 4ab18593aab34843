"""The timer screen with pytest-qt and a fake clock: what the user sees and can do."""

from __future__ import annotations

import logging
import time
import types
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from lowback_timer.app import sound, speech
from lowback_timer.app.sound import SoundPlayer
from lowback_timer.app.speech import Speaker
from lowback_timer.core.clock import suspend_aware_clock
from lowback_timer.core.content import Content
from lowback_timer.core.language import format_clock
from lowback_timer.core.routine import Phase, Routine, build_routine
from lowback_timer.core.session import State
from lowback_timer.core.settings import Settings
from lowback_timer.ui.timer import REFRESH_S, TimerPage
from tests.fakeclock import FakeClock

BOOTTIME = getattr(time, "CLOCK_BOOTTIME", None)


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
    # A 5 s get-ready keeps the times in these tests simple.
    return build_routine(content, ("fatigue",), "desk", 5, prepare_s=5)


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
        page.catch_up()


def wake(page: TimerPage, clock: FakeClock) -> float:
    """As when the armed timer fires on time: the clock is at its deadline, and it fires."""
    deadline = page.deadline_timer.deadline
    assert deadline is not None and page.timer.isActive()
    clock.now = max(clock.now, deadline)
    page.deadline_timer.fire_if_due()
    return clock.now


class Laptop:
    """clock_gettime of a Linux laptop: CLOCK_BOOTTIME counts suspend, the others do not."""

    def __init__(self) -> None:
        self.running = 500.0
        self.suspended = 0.0

    def clock_gettime(self, clock_id: int) -> float:
        return self.running + (self.suspended if clock_id == BOOTTIME else 0.0)

    def run(self, seconds: float) -> None:
        self.running += seconds

    def suspend(self, seconds: float) -> None:
        self.suspended += seconds


def test_a_whole_routine_from_start_to_the_completion_screen(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    assert page.ring.caption == "Get ready"
    # The first get-ready shows the position and the rule for every stretch.
    setup = page.content.variant(routine.items[0].variant).setup("en")
    assert page.cue.text() == f"{setup}\n{page.content.guidance.rule('en')}"
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
    assert page.side_label.text() == "Right leg" and not page.picture.mirrored
    assert page.cue.text() == content.stretch(first.stretch).cue("en")
    assert (
        page.next_label.text()
        == "Next: Switch sides — " + content.stretch(first.stretch).name("en") + " (left)"
    )
    page.skip()
    page.skip()  # switch -> left hold
    assert page.side_label.text() == "Left leg" and page.picture.mirrored
    assert page.picture.image == content.variant(first.variant).image


def test_space_pauses_and_the_countdown_stays(
    qtbot: QtBot, page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    clock.advance(2.2)
    page.catch_up()
    assert QApplication.focusWidget() is page.pause_button  # Space presses it
    qtbot.keyClick(page.pause_button, Qt.Key.Key_Space)
    assert page.session is not None and page.session.state is State.PAUSED
    shown = page.ring.seconds_text
    assert page.pause_button.text() == "Resume (Space)"
    assert not page.timer.isActive()  # nothing fires while paused
    clock.advance(120)
    page.catch_up()
    assert (page.ring.seconds_text, page.session.index) == (shown, 0)
    page.running_view.setFocus()  # as after a click beside the buttons: Space still pauses
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
    page.catch_up()
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
    page.catch_up()
    assert page.session.index == 1
    assert page.session.next_deadline() == ends[1]
    assert page.ring.seconds_text == f"0:{round(ends[1] - clock.now):02d}"


def test_one_timer_armed_for_the_pacer_while_visible_and_the_deadline_when_hidden(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    assert page.timer.isSingleShot() and page.timer.interval() == round(REFRESH_S * 1000)
    page.hide()
    assert page.session is not None
    deadline = page.session.next_deadline()
    assert deadline is not None
    assert page.timer.interval() == round((deadline - clock.now) * 1000)


def test_the_qtimer_itself_drives_the_session(
    qtbot: QtBot, page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    sounds = page.sounds
    assert isinstance(sounds, RecordingSounds)
    assert not page.timer.isActive()  # no session: nothing armed
    page.load(routine)
    assert page.session is not None and page.session.step.phase is Phase.PREPARE
    deadline = page.session.next_deadline()
    assert deadline is not None
    clock.now = deadline + 0.5  # get-ready is over: the timer, armed for now, waits 0 ms
    page.deadline_timer.arm(clock.now)
    assert page.timer.interval() == 0
    qtbot.waitUntil(lambda: page.ring.caption == "Hold", timeout=2000)
    assert page.session.step.phase is Phase.HOLD and sounds.cues == ["hold-start"]
    assert page.ring.seconds_text == format_clock(routine.holds[0].duration_s - 0.5)
    assert page.timer.isActive()  # armed again, for what comes next


def test_the_countdown_changes_at_each_whole_second_and_not_between(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.apply_settings(Settings(animations=False))  # no pacer frames: only the seconds
    page.load(routine)
    start = clock.now
    assert page.ring.seconds_text == "0:05" and page.timer.interval() == 1000
    clock.now = start + 0.625
    page.deadline_timer.fire_if_due()  # a timer firing early changes nothing
    assert page.ring.seconds_text == "0:05"
    page.catch_up()  # nor does catching up between two seconds, say after a click
    assert page.ring.seconds_text == "0:05" and page.timer.interval() == 375
    seen = [(wake(page, clock) - start, page.ring.seconds_text) for _ in range(3)]
    assert seen == [(1.0, "0:04"), (2.0, "0:03"), (3.0, "0:02")]
    assert page.step_info.text().endswith("time left " + format_clock(routine.total_s - 3))


def test_the_pacer_is_not_animated_while_minimised_or_hidden(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    assert page.session is not None
    clock.advance(1.0)
    page.catch_up()
    size = page.pacer.size_fraction
    assert page.timer.interval() == round(REFRESH_S * 1000)  # animating while seen
    for hide in (page.showMinimized, page.hide):
        hide()
        deadline = page.session.next_deadline()
        assert deadline is not None
        assert page.timer.interval() == round((deadline - clock.now) * 1000)  # deadline only
        clock.advance(0.5)
        page.catch_up()
        assert page.pacer.size_fraction == size  # not drawn while nobody can see it
        page.showNormal()
        assert page.pacer.size_fraction > size  # breathing in: caught up on showing
        assert page.timer.interval() == round(REFRESH_S * 1000)
        size = page.pacer.size_fraction


def test_breath_tones_play_at_the_turns_while_the_window_is_hidden(
    qtbot: QtBot, content: Content, routine: Routine, clock: FakeClock
) -> None:
    sounds = RecordingSounds()
    page = TimerPage(content, "en", Settings(breath_sounds=True), clock=clock, sounds=sounds)
    qtbot.addWidget(page)  # never shown, as when the window is in the tray
    page.load(routine)
    start = clock.now
    heard = []
    for _ in range(4):
        at = wake(page, clock) - start
        heard.append((at, sounds.cues[-1]))
    # Breath turns at 4 s (out), 10 s (in) and 14 s (out); get-ready ends at 5 s.
    assert heard == [
        (4.0, "breath-out"),
        (5.0, "hold-start"),
        (10.0, "breath-in"),
        (14.0, "breath-out"),
    ]


def test_after_a_20_s_block_the_unseen_hold_is_neither_heard_nor_counted(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    sounds = page.sounds
    assert isinstance(sounds, RecordingSounds)
    page.load(routine)
    assert page.session is not None
    steps = page.session.steps
    assert [s.phase for s in steps[1:5]] == [Phase.HOLD, Phase.SWITCH, Phase.HOLD, Phase.REST]
    for _ in range(2):  # the first hold, to its end, then the switch to the left side
        clock.now = page.session.next_deadline() or clock.now
        page.catch_up()
    clock.advance(steps[2].duration_s - 0.5)
    page.catch_up()
    assert page.side_label.text() == "Left leg" and page.ring.caption == "Switch sides"
    cues = len(sounds.cues)
    clock.advance(steps[3].duration_s + 1)  # the event loop is blocked through the left hold
    page.catch_up()
    assert page.ring.caption == "Rest" and sounds.cues[cues:] == ["hold-end"]
    page.stop()
    assert page.stop_summary.text() == f"Stopped after 1 of {len(routine.holds)} holds."


@pytest.mark.skipif(BOOTTIME is None, reason="this Python has no CLOCK_BOOTTIME")
def test_an_hour_of_suspend_on_the_boot_clock_pauses_at_the_next_phase(
    qtbot: QtBot, content: Content, routine: Routine
) -> None:
    laptop = Laptop()
    clock = suspend_aware_clock("linux", clock_gettime=laptop.clock_gettime)
    page = TimerPage(content, "en", Settings(), clock=clock, sounds=RecordingSounds())
    qtbot.addWidget(page)
    page.load(routine)
    page.skip()  # into the first hold
    laptop.run(3)
    page.catch_up()
    laptop.suspend(3600)  # the lid is closed: time.monotonic() would not move
    page.catch_up()  # the first wake-up after the lid opens
    assert page.session is not None and page.session.state is State.PAUSED
    assert page.session.step.phase is Phase.SWITCH
    assert page.ring.caption == "Paused" and page.pause_button.text() == "Resume (Space)"
    assert page.ring.seconds_text == format_clock(page.session.step.duration_s)
    assert not page.timer.isActive()


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
    page.catch_up()
    page.stop()
    assert page.stop_summary.text() == f"Stopped after 1 of {len(routine.holds)} holds."


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
    page.catch_up()
    assert page.breath_label.text() == "Breathe out"
    off = TimerPage(
        content, "en", Settings(pacer=False), clock=clock, sounds=SoundPlayer(use_audio=False)
    )
    qtbot.addWidget(off)
    off.load(routine)
    assert off.pacer.isHidden() and off.breath_label.isHidden()


class Repaints(QObject):
    """The paint events each widget of the running view gets, and the area they repaint."""

    def __init__(self, page: TimerPage) -> None:
        super().__init__(page)
        self.widgets = {
            "ring": page.ring,
            "pacer": page.pacer,
            "time left": page.step_info,
            "breath": page.breath_label,
            "cue": page.cue,
            "next": page.next_label,
            "name": page.stretch_name,
            "side": page.side_label,
            "picture": page.picture,
            "buttons": page.pause_button,
        }
        self.names = {widget: name for name, widget in self.widgets.items()}
        self.counts = dict.fromkeys(self.widgets, 0)
        self.largest = dict.fromkeys(self.widgets, 0.0)  # the largest share of itself
        QApplication.processEvents()  # what was asked before counting is not counted
        for widget in self.widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            name = self.names[watched]
            self.counts[name] += 1
            bounds = event.rect()  # type: ignore[attr-defined]
            share = bounds.width() * bounds.height() / (watched.width() * watched.height())
            self.largest[name] = max(self.largest[name], share)
        return False


def run_seen(page: TimerPage, clock: FakeClock, seconds: float) -> int:
    """Let the armed timer fire, on time, for `seconds`, painting after each wake as the event
    loop would; how many times it woke."""
    end, wakes = clock.now + seconds, 0
    while page.timer.isActive() and page.deadline_timer.deadline is not None:
        if page.deadline_timer.deadline > end:
            break
        wake(page, clock)
        QApplication.processEvents()
        wakes += 1
    clock.now = end
    return wakes


def start_a_hold(page: TimerPage, routine: Routine, clock: FakeClock) -> None:
    page.load(routine)
    assert page.session is not None
    deadline = page.session.next_deadline()
    assert deadline is not None
    clock.now = deadline
    page.catch_up()
    assert page.session.step.phase is Phase.HOLD and page.session.remaining() > 10


def test_ten_seconds_of_a_hold_repaint_the_countdown_each_second_and_the_pacer_only(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    start_a_hold(page, routine, clock)
    repaints = Repaints(page)
    wakes = run_seen(page, clock, 10.0)
    assert wakes <= 10 * 10 + 1  # at most ten a second
    counts = repaints.counts
    assert 9 <= counts["ring"] <= 11 and 9 <= counts["time left"] <= 11  # once a second
    assert 10 < counts["pacer"] <= wakes
    assert counts["breath"] <= 3  # at the turns (two in ten seconds of 4 s in, 6 s out)
    still = ("cue", "next", "name", "side", "picture", "buttons")
    assert [counts[name] for name in still] == [0] * len(still)  # nothing else in a phase
    # Neither dial repaints all of itself for a second or a frame.
    assert repaints.largest["ring"] < 0.5 and repaints.largest["pacer"] < 0.9


def test_nothing_is_armed_or_repainted_while_paused(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    start_a_hold(page, routine, clock)
    run_seen(page, clock, 2.3)
    page.toggle_pause()
    repaints = Repaints(page)
    assert not page.timer.isActive()
    clock.advance(60)
    QApplication.processEvents()
    page.catch_up()  # as after a click, or the window shown again
    QApplication.processEvents()
    assert not page.timer.isActive()
    assert repaints.counts["ring"] == repaints.counts["pacer"] == 0


@pytest.mark.parametrize("settings", [Settings(animations=False), Settings(pacer=False)])
def test_a_still_or_hidden_pacer_wakes_the_screen_only_for_the_seconds(
    page: TimerPage, routine: Routine, clock: FakeClock, settings: Settings
) -> None:
    page.apply_settings(settings)
    start_a_hold(page, routine, clock)
    repaints = Repaints(page)
    wakes = run_seen(page, clock, 10.0)
    assert wakes <= 10 + 2  # the seconds, and with the pacer shown, the breath's two turns
    assert repaints.counts["pacer"] == 0 and 9 <= repaints.counts["ring"] <= 11


# --- by keyboard, paused, done, side, reduced motion, screen readers, no clipped text -------


def tab_chain(page: TimerPage, qtbot: QtBot, start: QWidget, presses: int = 8) -> list[QWidget]:
    """The widgets Tab visits from `start`, in order."""
    start.setFocus()
    seen = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return [w for w in seen if w is not None]


def press(qtbot: QtBot, key: Qt.Key) -> None:
    """A key, as the user presses it: to the widget with the focus."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def test_the_stop_button_names_its_key_and_tab_reaches_it(
    qtbot: QtBot, page: TimerPage, routine: Routine
) -> None:
    page.load(routine)
    assert page.stop_button.text() == "Something feels wrong (Esc)"
    chain = tab_chain(page, qtbot, page.pause_button)
    assert chain[:2] == [page.skip_button, page.stop_button]
    assert page.back_button in chain  # and round again
    page.stop_button.setFocus()
    press(qtbot, Qt.Key.Key_Escape)  # Esc stops wherever the focus is
    assert page.pages.currentWidget() is page.stop_view


@pytest.mark.parametrize("how", ["button", "key"])
def test_go_on_takes_back_a_stop_pressed_by_mistake_paused_with_the_same_time_left(
    qtbot: QtBot, page: TimerPage, routine: Routine, clock: FakeClock, how: str
) -> None:
    page.load(routine)
    page.skip()  # into the first hold
    clock.advance(7.25)
    page.catch_up()
    assert page.session is not None
    index, shown = page.session.index, page.ring.seconds_text
    ended: list[object] = []
    page.session_ended.connect(ended.append)
    press(qtbot, Qt.Key.Key_Escape)
    assert page.pages.currentWidget() is page.stop_view
    assert page.go_on_button.text() == "Go on (Backspace)"
    clock.advance(20)  # reading the question
    if how == "button":
        page.go_on_button.setFocus()
        press(qtbot, Qt.Key.Key_Return)
    else:
        press(qtbot, Qt.Key.Key_Backspace)  # with a reason button focused
    assert page.pages.currentWidget() is page.running_view
    assert (page.session.state, page.session.index) == (State.PAUSED, index)
    assert page.ring.seconds_text == shown and page.ring.caption == "Paused"
    assert page.pause_button.text() == "Resume (Space)"
    assert QApplication.focusWidget() is page.pause_button
    assert not page.timer.isActive() and page.busy() is not False
    assert ended == []  # nothing was recorded as over
    press(qtbot, Qt.Key.Key_Space)
    assert page.session.state is State.RUNNING
    assert page.session.remaining() == routine.holds[0].duration_s - 7.25


def test_once_a_reason_is_chosen_the_stop_stands(
    qtbot: QtBot, page: TimerPage, routine: Routine
) -> None:
    page.load(routine)
    page.stop()
    with qtbot.waitSignal(page.stop_reported):
        page.reason_buttons["dizziness"].click()
    page.go_on()
    assert page.session is not None and page.session.state is State.STOPPED
    assert page.session.stop_reason == "dizziness"
    assert page.pages.currentWidget() is page.stop_view  # (the window moves on to care)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_presses_the_focused_button_on_every_view(
    qtbot: QtBot, page: TimerPage, routine: Routine, key: Qt.Key
) -> None:
    page.load(routine)
    assert page.session is not None
    page.skip_button.setFocus()
    press(qtbot, key)
    assert page.session.step.phase is Phase.HOLD  # skipped, not paused
    assert page.session.state is State.RUNNING
    page.pause_button.setFocus()
    press(qtbot, key)
    assert page.session.state is State.PAUSED
    page.stop_button.setFocus()
    press(qtbot, key)
    assert page.pages.currentWidget() is page.stop_view
    page.go_on_button.setFocus()
    press(qtbot, key)
    assert page.pages.currentWidget() is page.running_view
    for after in (key, Qt.Key.Key_Space):  # Space presses the buttons after a stop, too
        page.stop()
        assert QApplication.focusWidget() is page.reason_buttons["sharp-pain"]
        with qtbot.waitSignal(page.stop_reported) as reported:
            press(qtbot, after)
        assert reported.args == ["sharp-pain"]
    page.load(routine)
    while page.session.state is State.RUNNING:
        page.skip()
    assert QApplication.focusWidget() is page.home_button
    with qtbot.waitSignal(page.home_requested):
        press(qtbot, key)
    page.again_button.setFocus()
    with qtbot.waitSignal(page.restart_requested):
        press(qtbot, Qt.Key.Key_Space)


def test_space_on_a_focused_skip_while_paused_goes_on_as_the_screen_says(
    qtbot: QtBot, page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    assert page.session is not None
    page.skip()  # the first hold
    clock.advance(3)
    page.catch_up()
    press(qtbot, Qt.Key.Key_Space)
    assert page.session.state is State.PAUSED
    assert page.pause_button.text() == "Resume (Space)"
    hold = page.session.index
    for button in (page.skip_button, page.back_button, page.stop_button):
        button.setFocus(Qt.FocusReason.TabFocusReason)
        press(qtbot, Qt.Key.Key_Space)
        assert page.session.state is State.RUNNING, button.text()  # resumed, nothing skipped
        assert page.session.index == hold and page.pages.currentWidget() is page.running_view
        press(qtbot, Qt.Key.Key_Space)
        assert page.session.state is State.PAUSED
    assert page.session.remaining() == routine.holds[0].duration_s - 3


def test_paused_is_unmistakable_and_the_buttons_do_not_move(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine, autostart=False)
    QApplication.processEvents()
    places = [b.geometry() for b in (page.back_button, page.pause_button, page.skip_button)]
    texts = [page.pause_button.text()]
    page.start()
    page.skip()
    clock.advance(4.5)
    page.catch_up()
    assert (page.ring.caption, page.ring.paused) == ("Hold", False)
    texts.append(page.pause_button.text())
    page.toggle_pause()
    QApplication.processEvents()
    texts.append(page.pause_button.text())
    assert texts == ["Start (Space)", "Pause (Space)", "Resume (Space)"]
    assert [b.geometry() for b in (page.back_button, page.pause_button, page.skip_button)] == (
        places
    )
    assert (page.ring.caption, page.ring.paused) == ("Paused", True)
    assert page.ring.seconds_text == format_clock(routine.holds[0].duration_s - 4.5)
    name = page.content.stretch(routine.holds[0].stretch).name("en")
    assert page.stretch_name.text() == page.windowTitle() == f"Paused — {name}"
    assert page.breath_label.text() == ""  # the ring says it; "Breathe in" would not be true
    page.toggle_pause()
    assert (page.ring.caption, page.ring.paused, page.stretch_name.text()) == ("Hold", False, name)


def test_the_done_screen_does_not_praise_a_routine_of_skipped_holds(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.load(routine)
    assert page.session is not None
    while page.session.state is State.RUNNING:
        page.skip()
    assert page.done_title.text() == "Routine ended"
    assert page.done_note.text() == (
        "No holds this time, and that's fine; next time even one counts."
    )
    page.load(routine)
    run_to_end(page, clock)
    assert page.done_title.text() == "Well done"
    assert page.done_note.text().startswith("Stand up and walk")


def test_the_side_is_in_large_words_near_the_ring_for_a_screen_reader_too(
    page: TimerPage, routine: Routine
) -> None:
    page.load(routine)
    assert page.session is not None
    body = QApplication.font().pointSizeF()
    assert page.side_label.font().pointSizeF() >= 2 * body and page.side_label.font().bold()
    assert page.side_label.frameShape() == page.side_label.frameShape().NoFrame
    page.skip()
    QApplication.processEvents()
    assert page.side_label.isVisible() and page.side_label.text() == "Right leg"
    assert page.side_label.accessibleName() == "Right leg"
    label_box, ring_box = page.side_label.geometry(), page.ring.geometry()
    assert label_box.left() < ring_box.center().x() < label_box.right()  # right above it
    assert label_box.bottom() < ring_box.top()
    page.skip()
    page.skip()
    assert page.side_label.text() == "Left leg"


def test_with_animations_off_the_pacer_is_large_words_that_change_only_at_the_turns(
    page: TimerPage, routine: Routine, clock: FakeClock
) -> None:
    page.apply_settings(Settings(animations=False))
    page.load(routine)
    QApplication.processEvents()
    assert page.pacer.isHidden() and page.breath_label.isVisible()
    body = QApplication.font().pointSizeF()
    assert page.breath_label.font().pointSizeF() >= 2 * body
    start, changes, wakes = clock.now, [(0.0, page.breath_label.text())], 0
    while clock.now - start < 20:
        wake(page, clock)
        wakes += 1
        if page.breath_label.text() != changes[-1][1]:
            changes.append((clock.now - start, page.breath_label.text()))
    # The seconds of the countdown and the breath's turns: no frames in between.
    assert wakes <= 20 + 4
    assert changes == [
        (0.0, "Breathe in"),
        (4.0, "Breathe out"),
        (10.0, "Breathe in"),
        (14.0, "Breathe out"),
        (20.0, "Breathe in"),
    ]
    page.apply_settings(Settings(animations=True))  # back on: the circle, at ten a second
    QApplication.processEvents()
    assert page.pacer.isVisible() and page.timer.interval() == round(REFRESH_S * 1000)


def test_every_control_and_the_picture_and_the_ring_say_what_they_are(
    page: TimerPage, routine: Routine, content: Content, clock: FakeClock
) -> None:
    page.load(routine)
    page.skip()
    clock.advance(7.0)
    page.catch_up()
    name = content.stretch(routine.holds[0].stretch).name("en")
    assert page.picture.accessibleName() == "Picture of the stretch"
    assert page.picture.accessibleDescription() == f"{name}, right leg"
    left = format_clock(routine.holds[0].duration_s - 7)
    assert page.ring.accessibleName() == "Countdown"
    assert page.ring.accessibleDescription() == f"{left} left, Hold"
    page.toggle_pause()
    assert page.ring.accessibleDescription() == f"{left} left, Paused"
    assert page.pacer.accessibleName() and page.pacer.accessibleDescription()
    assert page.back_button.accessibleName() == "Back"
    assert page.back_button.accessibleDescription() == "Key: Left"
    assert page.stop_button.accessibleDescription() == "Key: Esc"
    buttons = page.findChildren(QPushButton)
    # (and "No" and "Yes, it spread" of the question after a stretch, on two views)
    assert len(buttons) == 4 + len(content.stop_reasons) + 1 + 2 + 2 * 2
    assert all(button.accessibleName() for button in buttons)
    page.skip()
    page.skip()  # the left hold: the picture says so
    assert page.picture.accessibleDescription() == f"{name}, left leg"


# --- nothing clipped at the smallest size, in English and Japanese, at 1x and 2x text -----


def clipped(page: TimerPage) -> list[str]:
    """The texts of the view on show that do not fit where they are drawn."""
    QApplication.processEvents()
    view = page.pages.currentWidget()
    assert view is not None
    bounds = page.rect()
    found = []
    widgets: list[QWidget] = [*view.findChildren(QLabel), *view.findChildren(QPushButton)]
    for widget in widgets:
        if not widget.isVisibleTo(page):
            continue
        text = widget.text()  # type: ignore[attr-defined]
        if not text:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = QSize(widget.minimumSizeHint().width(), widget.heightForWidth(widget.width()))
        else:
            need = widget.sizeHint()
        if need.width() > widget.width() or need.height() > widget.height():
            found.append(f"{text!r}: needs {need.width()}x{need.height()}, has {widget.size()}")
        inside_scroll = any(isinstance(p, QScrollArea) for p in _ancestors(widget, page))
        where = QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())
        if not inside_scroll and not bounds.contains(where):
            found.append(f"{text!r}: out of the window at {where}")
    if view is page.running_view:
        ring = page.ring
        room = ring._inner().width()
        caption = QFontMetricsF(ring.caption_font()).horizontalAdvance(ring.caption)
        if caption > room:
            found.append(f"ring caption {ring.caption!r}: {caption:.0f} > {room:.0f}")
        if not ring.rect().contains(ring._digits_rect(ring.seconds_text)):
            found.append(f"ring digits {ring.seconds_text!r}")
        dials = [page.picture, ring, page.pacer, page.side_label]
        for dial in dials:
            small = dial.width() < dial.minimumWidth() or dial.height() < dial.minimumHeight()
            if dial.isVisible() and small:
                found.append(f"{type(dial).__name__} squeezed to {dial.size()}")
        if page.pacer.isVisible() and ring.geometry().intersects(page.pacer.geometry()):
            found.append("the pacer overlaps the ring")
    return found


def _ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        found.append(parent)
        parent = parent.parentWidget()
    return found


@pytest.fixture(params=[1.0, 2.0], ids=["text-100%", "text-200%"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The system's text at this scale, as a user who enlarged it has it."""
    normal = QFont(qapp.font())
    larger = QFont(normal)
    larger.setPointSizeF(normal.pointSizeF() * request.param)
    qapp.setFont(larger)
    yield request.param
    qapp.setFont(normal)


def test_no_text_is_clipped_at_the_smallest_size(
    qtbot: QtBot, content: Content, clock: FakeClock, lang: str, text_scale: float
) -> None:
    page = TimerPage(content, lang, Settings(), clock=clock, sounds=RecordingSounds())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)

    def smallest() -> None:
        """The window's minimum size: a wrapped text asks for its height once it knows its
        width, so the window may grow a step or two before it stays put."""
        sizes = []
        for _ in range(6):
            QApplication.processEvents()
            page.resize(1, 1)
            QApplication.processEvents()
            sizes.append(page.size())
            if sizes[-2:] == [sizes[-1]] * 2:
                return
        raise AssertionError(f"the window never settles: {sizes}")

    problems: dict[str, list[str]] = {}

    def look(moment: str) -> None:
        smallest()
        problems[moment] = clipped(page)

    # Floor and desk routines, so every cue and both kinds of get-ready are seen.
    for place in ("floor", "desk"):
        routine = build_routine(content, ("fatigue", "sitting"), place, 5)
        page.load(routine)
        assert page.session is not None
        while page.session.state is State.RUNNING:
            look(f"{place} {page.session.index} {page.session.step.phase}")
            page.skip()
        look(f"{place} done, all skipped")
    page.load(build_routine(content, (), "desk", 3))
    assert page.session is not None
    page.skip()
    page.toggle_pause()
    look("paused")
    page.stop()
    look("what happened")
    page.go_on()
    look("back, paused")
    page.toggle_pause()
    run_to_end(page, clock)
    look("well done")
    assert {k: v for k, v in problems.items() if v} == {}
    if text_scale == 1.0:  # at 200 % on a 1920x1080 screen there are 960x540 to use
        assert page.minimumSizeHint().width() <= 960


# --- spoken breath words ------------------------------------------------------------------


class RecordingSpeaker(Speaker):
    """Records what would be said, and when, as an enabled speaker would say it; no engine."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock
        self.on = False
        self.said: list[tuple[float, str]] = []

    def set_enabled(self, b: bool) -> None:
        self.on = b

    def say(self, text: str) -> None:
        if self.on:
            self.said.append((self.clock.now, text))


def speak_a_routine(
    qtbot: QtBot, content: Content, routine: Routine, clock: FakeClock, settings: Settings
) -> tuple[RecordingSpeaker, list[tuple[float, float]]]:
    """The whole routine run on time with the page hidden; what was said, and each hold's
    (start, end) on the clock."""
    speaker = RecordingSpeaker(clock)
    page = TimerPage(
        content, "en", settings, clock=clock, sounds=RecordingSounds(), speaker=speaker
    )
    qtbot.addWidget(page)
    speaker.set_enabled(settings.speech)
    start = clock.now
    page.load(routine)
    holds, at = [], start
    for step in routine.steps:
        if step.phase is Phase.HOLD and not step.rep_s:  # (a move has its count, no breaths)
            holds.append((at, at + step.duration_s))
        at += step.duration_s
    while page.deadline_timer.deadline is not None:
        wake(page, clock)
    return speaker, holds


def test_breath_words_come_at_the_first_turns_of_each_hold_never_over_a_phase_cue(
    qtbot: QtBot, content: Content, routine: Routine, clock: FakeClock
) -> None:
    start = clock.now
    speaker, holds = speak_a_routine(qtbot, content, routine, clock, Settings(speech=True))
    words = [(t, text) for t, text in speaker.said if text in ("In…", "Out…")]
    cues = [t for t, text in speaker.said if text not in ("In…", "Out…")]
    assert len(cues) == len(routine.steps)  # every phase's cue is still said
    assert "Get ready: Hamstring stretch" in [text for _, text in speaker.said]
    for t, text in words:  # at a turn: 4 s in, 6 s out from the start
        into_breath = (t - start) % 10
        assert into_breath == pytest.approx(0) if text == "In…" else into_breath == 4
        assert min(abs(t - cue) for cue in cues) >= 1.5  # never over a phase cue
    for hold_start, hold_end in holds:
        in_hold = [t for t, _ in words if hold_start < t < hold_end]
        assert 1 <= len(in_hold) <= 4  # only the first few turns of each hold
    assert all(any(s < t < e for s, e in holds) for t, _ in words)  # in holds only
    assert len(words) >= len(holds)


@pytest.mark.parametrize(
    "settings", [Settings(speech=True, breath_words=False), Settings(speech=False)]
)
def test_no_breath_words_when_the_setting_or_speech_is_off(
    qtbot: QtBot, content: Content, routine: Routine, clock: FakeClock, settings: Settings
) -> None:
    speaker, _ = speak_a_routine(qtbot, content, routine, clock, settings)
    assert [text for _, text in speaker.said if text in ("In…", "Out…")] == []
    assert bool(speaker.said) is settings.speech  # the phase cues as before


def test_speech_on_starts_no_engine_before_the_screens_first_frame(
    qtbot: QtBot,
    content: Content,
    clock: FakeClock,
    routine: Routine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`lowback-timer session` with spoken cues: the engine (its process) starts after the
    first frame, not while the window is built (it took 2 s there); the first cue waits."""
    monkeypatch.setattr(speech, "_module", types.ModuleType("PySide6.QtTextToSpeech"))
    made: list[speech.Voice] = []

    def make_voice() -> speech.Voice:
        made.append(speech.Voice((), answer_s=None))
        return made[-1]

    monkeypatch.setattr(speech, "make_voice", make_voice)
    page = TimerPage(content, "en", Settings(speech=True), clock=clock, sounds=RecordingSounds())
    qtbot.addWidget(page)
    page.load(routine)  # the first cue is said now, before the screen is shown
    assert page.speaker.enabled and page.speaker.voice is None and made == []
    page.show()
    qtbot.waitUntil(lambda: len(made) == 1 and made[0].started)
    assert page.speaker.voice is made[0]


def test_qts_mock_engine_says_the_cues_and_the_breath_words_of_a_hold(
    qtbot: QtBot,
    content: Content,
    routine: Routine,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through a real QTextToSpeech engine (Qt's silent "mock", one word per 100 ms), where
    the optional extra is installed: what a person lying with eyes closed hears."""
    monkeypatch.setattr(speech, "_module", pytest.importorskip("PySide6.QtTextToSpeech"))
    speaker = Speaker(enabled=True, engines=["mock"])
    heard: list[str] = []
    speaker.engine.sayingWord.connect(lambda word, *_: heard.append(word))
    page = TimerPage(
        content, "en", Settings(speech=True), clock=clock, sounds=RecordingSounds(), speaker=speaker
    )
    qtbot.addWidget(page)

    def at(seconds: float, *words: str) -> None:
        """Run the routine to `seconds` after its start: `words` are what was heard last."""
        while clock.now < start + seconds:
            wake(page, clock)
        qtbot.waitUntil(lambda: tuple(heard[-len(words) :]) == words)

    start = clock.now
    page.load(routine)
    at(0, "Get", "ready", "Hamstring", "stretch")
    at(5, "Hold", "right", "side")  # after the 5 s get-ready
    # The pacer breathes from the start, 4 s in and 6 s out: its turn at 4 s came in the
    # get-ready (no word), the next ones are in the hold, each word alone.
    at(10, "In")
    at(14, "Out")
    assert heard[-5:] == ["Hold", "right", "side", "In", "Out"]  # nothing else between


# --- a move: counted, not held ---------------------------------------------------------------


def test_a_move_shows_its_count_up_and_down_with_a_tone_each_time(
    page: TimerPage, content: Content, clock: FakeClock
) -> None:
    routine = build_routine(content, ("fatigue",), "desk", 3, prepare_s=5)
    page.load(routine)
    session = page.session
    assert session is not None
    while session.step.stretch != "heel-raises":  # on to the heel raises' get-ready
        page.skip()
    assert page.stretch_name.text() == "Heel raises"
    assert page.ring.seconds_text == "0:05"  # (the get-ready counts down its time)
    while session.step.phase is not Phase.HOLD:
        start = wake(page, clock)  # the get-ready runs out: the move begins
    assert (page.ring.caption, page.ring.seconds_text) == ("of 10", "1")
    assert page.breath_label.text() == "Up" and not page.pacer.isVisible()
    assert page.ring.accessibleDescription() == "Time 1 of 10, up"
    sounds = page.sounds
    assert isinstance(sounds, RecordingSounds)
    before = len(sounds.cues)
    seen = []
    while clock.now < start + 8:
        wake(page, clock)
        seen.append((clock.now - start, page.ring.seconds_text, page.breath_label.text()))
    assert (2.0, "1", "Down") in seen and (4.0, "2", "Up") in seen
    assert (6.0, "2", "Down") in seen and (8.0, "3", "Up") in seen
    # One soft tone as each time begins (the first with the phase's own sound).
    assert sounds.cues[before:] == ["breath-in", "breath-in"]
    assert page.next_label.text() == "This is the last step of the routine."
