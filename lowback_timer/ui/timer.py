"""The guided timer: picture, side, one cue, countdown, pacer, and the stop button.

It renders `core.session.Session` and forwards what the user asks (start/pause, back, skip,
stop). Texts and pictures change on the session's events only. One `DeadlineTimer` wakes the
screen at the earliest of: the session's next deadline; while the screen is seen, the
countdown's next second and the pacer's next frame (at most ten a second); the breath's next
turn for its tones. With no session running (none, paused, done, stopped), nothing is armed.

By keyboard: Space pauses and resumes wherever the focus is (as "Pause (Space)" says; not while
"did it spread?" asks: ui/spread_question.py), Left goes back, Right skips, Esc stops; Tab
reaches every button and Enter presses the focused one, on all three views. A stop pressed by
mistake is taken back on "What happened?" with "Go on" (Backspace) until a reason is chosen.
With animations off (Preferences) the pacer is a large "Breathe in" / "Breathe out" that changes
only at the turns. (Qt 6.11's QStyleHints has no reduced-motion hint, only a contrast one, so
the app's own setting is what decides.)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.app.deadline_timer import DeadlineTimer
from lowback_timer.app.sound import SoundPlayer
from lowback_timer.app.speech import Speaker
from lowback_timer.app.text import (
    SpokenCues,
    fill,
    keep_sentence_ends,
    phase_cue,
    unbroken_brackets,
)
from lowback_timer.core.clock import Clock, monotonic_clock, whole_seconds
from lowback_timer.core.content import Content
from lowback_timer.core.language import format_clock
from lowback_timer.core.routine import Phase, Routine, Step
from lowback_timer.core.session import (
    STOP_ABANDONED,
    STOP_UNSPECIFIED,
    Event,
    EventKind,
    Session,
    State,
)
from lowback_timer.core.settings import Settings
from lowback_timer.ui.app import after_first_frame
from lowback_timer.ui.spread_question import SpreadPrompt
from lowback_timer.ui.timer_pace import Pacing
from lowback_timer.ui.timer_views import Actions, DoneView, RunningView, StopView, key_name

REFRESH_S = 0.1  # the pacer's animation: at most ten frames a second
# The sound as a phase begins; the others sound "hold-end" when the one before ran to its end.
PHASE_CUES = {Phase.HOLD: "hold-start", Phase.SWITCH: "switch-side"}


class TimerPage(QWidget):
    """The session screen: running, then either "what happened?" after a stop, or done."""

    stop_reported = Signal(str)  # a stop reason id from the content
    home_requested = Signal()
    restart_requested = Signal()
    session_started = Signal(object)  # the Routine, as it starts
    session_ended = Signal(object)  # its Summary: once per session, done, stopped or left

    def __init__(
        self,
        content: Content,
        lang: str,
        settings: Settings,
        *,
        clock: Clock = monotonic_clock,
        sounds: SoundPlayer | None = None,
        speaker: Speaker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.content = content
        self.lang = lang
        self.settings = settings
        self.clock = clock
        self.sounds = sounds or SoundPlayer(self, volume=settings.volume, muted=settings.muted)
        if speaker is None:  # its engine starts after this screen's first frame, never before
            speaker = Speaker(self, enabled=settings.speech, hold=True)
            after_first_frame(self, speaker.warm_up)
        self.speaker = speaker
        self.speaker.set_language(self.lang)
        self.spoken = SpokenCues(self)  # what the speaker says (in Japanese, kana)
        self.session: Session | None = None
        self._end_told = False  # session_ended was emitted for the current session
        self._asking = False  # stopped, and the user has not yet said what happened
        self._clock_shown: tuple[int, int] | None = None  # (phase index, seconds) on the ring
        self.deadline_timer = DeadlineTimer(clock, self._catch_up_now, self._next_wake, self)

        self.pages = QStackedWidget(self)
        self.running_view = self._build_running_view()
        self.stop_view = self._build_stop_view()
        self.done_view = self._build_done_view()
        self.pacing = Pacing(
            self.ring,
            self.pacer,
            self.breath_label,
            self.sounds,
            self.speaker,
            self.spoken,
            self._showing,
        )
        for view in (self.running_view, self.stop_view, self.done_view):
            self.pages.addWidget(view)
        self.spread = SpreadPrompt(self.running_view.spread, self.done_view.spread, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    @property
    def timer(self) -> QTimer:
        """The one pending single-shot wait (inside `deadline_timer`)."""
        return self.deadline_timer.timer

    # --- building ------------------------------------------------------------------------
    def _build_running_view(self) -> RunningView:
        actions = Actions(self.back, self.toggle_pause, self.skip, self.stop)
        view = RunningView(actions, self._pause_texts().values(), self._key_hint)
        self.cue, self.next_label, self.stretch_name = view.cue, view.next_label, view.name
        self.step_info, self.side_label, self.picture = view.step_info, view.side, view.picture
        self.ring, self.pacer, self.breath_label = view.ring, view.pacer, view.breath_label
        self.back_button, self.pause_button = view.back_button, view.pause_button
        self.skip_button, self.stop_button = view.skip_button, view.stop_button
        return view

    def _build_stop_view(self) -> QWidget:
        view = StopView(self.content, self.lang, self._report, self.go_on, self._key_hint)
        self.stop_summary, self.reason_buttons = view.summary, view.reason_buttons
        self.go_on_button, self.go_on_note, self.stop_title = view.go_on, view.note, view.title
        return view

    def _build_done_view(self) -> DoneView:
        view = DoneView(self.restart_requested.emit, self.home_requested.emit)
        self.done_title, self.done_summary, self.done_note = view.title, view.summary, view.note
        self.again_button, self.home_button = view.again, view.home
        return view

    def _key_hint(self, key: Qt.Key) -> str:
        return fill(self.tr("Key: %1"), key_name(key))

    def apply_settings(self, settings: Settings) -> None:
        """New preferences: sounds and speech at once, the pacer and breath tones too."""
        self.settings = settings
        self.sounds.set_volume(settings.volume)
        self.sounds.set_muted(settings.muted)
        self.speaker.set_enabled(settings.speech)
        self.pacing.apply(settings)  # (a large "Breathe in" now, or a circle: shown afresh)
        if self.session is not None:
            self.catch_up()

    def busy(self) -> bool:
        """A routine is running or paused, or the user is saying why they stopped."""
        return self.session is not None and (self.session.is_active or self._asking)

    def pause(self) -> None:
        """Pause a running routine (e.g. while a dialog covers the timer)."""
        if self.session is not None and self.session.state is State.RUNNING:
            self.session.pause()
            self.catch_up()

    def abandon(self) -> None:
        """The user left the timer for another screen: end the routine quietly."""
        if self.session is not None and self.session.is_active:
            self.session.stop(STOP_ABANDONED)
        self._ended()
        self._asking = False
        self.deadline_timer.disarm()
        self.speaker.stop()

    # --- commands ------------------------------------------------------------------------
    def load(self, routine: Routine, *, autostart: bool = True, ask_spread: bool = False) -> None:
        """Show a routine; start it at once unless `autostart` is False; `ask_spread`: after
        each stretch, ask whether the leg symptoms spread."""
        self.deadline_timer.disarm()
        self._ended()  # (a routine still open is over now)
        self.session = Session(routine, clock=self.clock, on_event=self._on_event)
        self.spread.follow(self.session, ask_spread, partial(self._render_phase, self.session))
        self._end_told = False
        self._asking = False
        self.pages.setCurrentWidget(self.running_view)
        self.pause_button.setFocus()  # Space and Enter pause; Tab goes on to Skip and Stop
        self.sounds.preload()
        self.pacing.apply(self.settings)
        self._render_phase(self.session)
        if autostart:
            self.start()
        self.catch_up()

    def start(self) -> None:
        """Start the loaded routine (when `load` did not)."""
        if self.session is not None and self.session.state is State.READY:
            self.session_started.emit(self.session.routine)
            self.session.start()
            self.catch_up()

    def toggle_pause(self) -> None:
        self._command(Session.toggle_pause)

    def back(self) -> None:
        self._command(Session.back)

    def skip(self) -> None:
        self._command(Session.skip)

    def _command(self, command: Callable[[Session], None]) -> None:
        if self.session is not None:
            command(self.session)
            self.catch_up()

    def stop(self) -> None:
        """One click or key, from any phase: the session stops now, then we ask what happened."""
        if self.session is None or self.session.state in (State.DONE, State.STOPPED):
            return
        self.session.stop(STOP_UNSPECIFIED)
        summary = self.session.summary()
        self.stop_summary.setText(
            fill(
                self.tr("Stopped after %1 of %n holds.", "", summary.holds_total),
                summary.holds_done,
            )
        )
        self._asking = True
        self.deadline_timer.disarm()
        self.speaker.stop()
        self.pages.setCurrentWidget(self.stop_view)
        first = next(iter(self.reason_buttons.values()), None)
        if first is not None:
            first.setFocus()

    def go_on(self) -> None:
        """Take back a stop pressed by mistake (before a reason is chosen): the routine is
        where it was, paused, with the same time left."""
        session = self.session
        if session is None or not self._asking or not session.undo_stop():
            return
        self._asking = False
        self.pages.setCurrentWidget(self.running_view)
        self.pacing.start_over()
        self._render_phase(session)
        self.pause_button.setFocus()
        self.catch_up()

    def go_on_after_stretch(self) -> bool:
        """After a stop for this stretch only: the same routine (one session) goes on from the
        next stretch; False when there is none."""
        session = self.session
        if session is None or not session.go_on_after_stretch():
            return False
        self._end_told = False  # it will end again, and be told again
        self.pages.setCurrentWidget(self.running_view)
        self.pacing.start_over()
        self.pause_button.setFocus()
        self.catch_up()
        return True

    def _report(self, reason_id: str) -> None:
        if self.session is not None:
            self.session.stop(reason_id)  # records why; the session is already stopped
        self._asking = False
        self._ended()
        self.stop_reported.emit(reason_id)

    def _ended(self) -> None:
        """Say once that the current session is over, with its summary (for the history)."""
        session = self.session
        if session is None or self._end_told or session.state is State.READY:
            return
        if session.state in (State.DONE, State.STOPPED):
            self._end_told = True
            self.session_ended.emit(session.summary())

    # --- the clock -----------------------------------------------------------------------
    def catch_up(self) -> None:
        """Bring the session and the screen up to the clock now, then arm for the next wake."""
        self.deadline_timer.run_now()

    def _catch_up_now(self) -> None:
        """What is due: the session's phases (their events render the texts), the countdown,
        the breath (label, tone) and, while it can be seen, the pacer."""
        session = self.session
        if session is None:
            return
        session.update()
        if session.state in (State.DONE, State.STOPPED):
            return
        self._render_clock(session)
        self.pacing.render(session)

    def _next_wake(self) -> float | None:
        session = self.session
        deadline = session.next_deadline() if session is not None else None
        if session is None or deadline is None:
            return None  # nothing runs: nothing is armed
        wakes: list[float | None] = [deadline]
        showing = self._showing()
        if showing:
            wakes.append(session.next_second())
            if self.settings.pacer and self.settings.animations:
                wakes.append(self.clock() + REFRESH_S)
        wakes.append(self.pacing.next_turn(session, showing))
        return min(w for w in wakes if w is not None)

    def _showing(self) -> bool:
        return self.isVisible() and not self.window().isMinimized()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.window().installEventFilter(self)  # minimise/restore changes what is armed
        self.catch_up()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowStateChange and self.session is not None:
            self.catch_up()
        return False

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.deadline_timer.rearm()  # only the deadline (and breath tones) now

    # --- events from the session ---------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        session = self.session
        step = event.step
        if event.kind is EventKind.DONE:
            self.sounds.play("done")
            self._show_done()
            self._ended()
        elif event.kind is EventKind.PHASE and step is not None and session is not None:
            cue = PHASE_CUES.get(step.phase, "hold-end" if event.natural else "")
            if cue:
                self.sounds.play(cue)
            self.speaker.say(self.spoken.phase(self.content, self.lang, step))
            self._render_phase(session)
        elif event.kind in (EventKind.PAUSED, EventKind.RESUMED) and session is not None:
            self._render_state(session)

    # --- rendering -----------------------------------------------------------------------
    def phase_name(self, step: Step) -> str:
        if step.rep_s:  # a move's counted phase
            return self.tr("Move")
        return {
            Phase.PREPARE: self.tr("Get ready"),
            Phase.HOLD: self.tr("Hold"),
            Phase.SWITCH: self.tr("Switch sides"),
            Phase.REST: self.tr("Rest"),
        }[step.phase]

    def _side_text(self, side: str | None) -> str:
        return {"right": self.tr("right"), "left": self.tr("left")}.get(side or "", "")

    def _render_phase(self, session: Session) -> None:
        """What stays the same through a phase: name, side, picture, cue, what comes next."""
        step = session.step
        stretch = self.content.stretch(step.stretch)
        variant = self.content.variant(step.variant)
        side = {"right": self.tr("Right leg"), "left": self.tr("Left leg")}.get(step.side or "")
        self.side_label.setText(side or "")
        self.side_label.setAccessibleName(side or "")
        self.side_label.setVisible(side is not None)
        self.picture.show_image(variant.image, mirrored=step.side == "left")
        name = stretch.name(self.lang)
        leg = {"right": self.tr("right leg"), "left": self.tr("left leg")}.get(step.side or "")
        self.picture.setAccessibleDescription(fill(self.tr("%1, %2"), name, leg) if leg else name)
        gently = self.spread.gently(session.index)  # after "Yes, it spread": "Go gently"
        cue = phase_cue(self.content, self.lang, session.index, step, gently)
        self.cue.setText(keep_sentence_ends(cue))
        self._render_next(session)
        self._clock_shown = None  # the countdown starts over
        self._render_state(session)

    def _render_state(self, session: Session) -> None:
        """Running or paused, unmistakably: the title, the ring's caption and arc, the button."""
        paused = session.state is State.PAUSED
        name = self.content.stretch(session.step.stretch).name(self.lang)
        paused_title = fill(self.tr("Paused — %1"), name)
        title = paused_title if paused else name
        # As tall paused as running: pausing moves nothing on the screen.
        self.stretch_name.steady_for = tuple(unbroken_brackets(t) for t in (name, paused_title))
        self.stretch_name.setText(unbroken_brackets(title))
        self.stretch_name.setAccessibleName(title)
        self.setWindowTitle(title)
        caption = self.pacing.caption(session.step) or self.phase_name(session.step)
        self.ring.set_caption(self.tr("Paused") if paused else caption)
        self.ring.set_paused(paused)
        self._describe_ring(session)
        texts = self._pause_texts()
        self.pause_button.setText(texts.get(session.state, texts[State.PAUSED]))

    def _pause_texts(self) -> dict[State, str]:
        return {
            State.RUNNING: self.tr("Pause (Space)"),
            State.READY: self.tr("Start (Space)"),
            State.PAUSED: self.tr("Resume (Space)"),
        }

    def _describe_ring(self, session: Session) -> None:
        """For screen readers: the time left and the phase (or that it is paused); a move's
        count."""
        left = format_clock(whole_seconds(session.remaining()))
        said = fill(self.tr("%1 left, %2"), left, self.ring.caption)
        self.ring.setAccessibleDescription(self.pacing.describe(session) or said)

    def _render_clock(self, session: Session) -> None:
        """The countdown ring and the time left, when the whole second shown changes."""
        seconds = whole_seconds(session.remaining())
        if (session.index, seconds) == self._clock_shown:
            return
        self._clock_shown = (session.index, seconds)
        self.ring.set_time(self.pacing.ring_time(session), session.progress())
        self._describe_ring(session)
        number, total = session.hold_number()
        left = format_clock(whole_seconds(session.routine_remaining()))
        self.step_info.setText(fill(self.tr("Hold %1 of %2 · time left %3"), number, total, left))

    def _render_next(self, session: Session) -> None:
        following = session.next_step
        if following is None:
            self.next_label.setText(self.tr("This is the last step of the routine."))
            return
        name = self.content.stretch(following.stretch).name(self.lang)
        text = fill(self.tr("Next: %1 — %2"), self.phase_name(following), name)
        side = self._side_text(following.side)
        if side:
            text += fill(self.tr(" (%1)"), side)
        self.next_label.setText(text)

    def _show_done(self) -> None:
        assert self.session is not None
        summary = self.session.summary()
        total = summary.holds_total
        text = (
            self.tr("You completed %1 of %n holds, %2 in all.", "", total)
            if not summary.holds_skipped
            else self.tr("You completed %1 of %n holds and skipped %3, %2 in all.", "", total)
        )
        clock = format_clock(summary.active_s)
        self.done_summary.setText(fill(text, summary.holds_done, clock, summary.holds_skipped))
        if summary.holds_done:
            self.done_title.setText(self.tr("Well done"))
            note = self.tr("Stand up and walk a few steps. Stretch again later, or tomorrow.")
        else:
            self.done_title.setText(self.tr("Routine ended"))
            note = self.tr("No holds this time, and that's fine; next time even one counts.")
        self.done_note.setText(note)
        self.pages.setCurrentWidget(self.done_view)
        self.done_view.focus_main()
        self.deadline_timer.disarm()
