"""The guided timer: picture, side, one cue, countdown, pacer, and the stop button.

It renders `core.session.Session` and forwards what the user asks (start/pause, back, skip,
stop). One single-shot timer is armed for whichever comes first: the session's next deadline
or the next repaint (at most 10 a second, and only while the screen is visible). When the
session is paused, done or stopped, no timer is armed at all.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.core.breathing import Breath, breath_at
from lowback_timer.core.content import Content
from lowback_timer.core.language import format_clock
from lowback_timer.core.routine import Phase, Routine, Step
from lowback_timer.core.session import Event, EventKind, Session, State
from lowback_timer.core.settings import Settings
from lowback_timer.ui.dials import BreathPacer, CountdownRing
from lowback_timer.ui.picture import Picture
from lowback_timer.ui.sound import SoundPlayer
from lowback_timer.ui.speech import Speaker
from lowback_timer.ui.style import SPACING, label, scaled_font

log = logging.getLogger(__name__)

REFRESH_S = 0.1  # repaint at most ten times a second
STOP_RED, STOP_RED_HOVER = "#a8432c", "#8f3722"


class TimerPage(QWidget):
    """The session screen: running, then either "what happened?" after a stop, or done."""

    stop_reported = Signal(str)  # a stop reason id from the content
    home_requested = Signal()
    restart_requested = Signal()

    def __init__(
        self,
        content: Content,
        lang: str,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.monotonic,
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
        self.speaker = speaker or Speaker(self, enabled=settings.speech)
        if self.lang in ("en", "ja"):
            self.speaker.set_language(self.lang)
        self.session: Session | None = None
        self._asking = False  # stopped, and the user has not yet said what happened
        self._last_breath: Breath | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.poll)

        self.pages = QStackedWidget(self)
        self.running_view = self._build_running_view()
        # Takes the keyboard focus when a routine starts, so Space/arrows/Esc work at once.
        self.running_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stop_view = self._build_stop_view()
        self.done_view = self._build_done_view()
        for view in (self.running_view, self.stop_view, self.done_view):
            self.pages.addWidget(view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._shortcuts()

    # --- building ------------------------------------------------------------------------
    def _build_running_view(self) -> QWidget:
        view = QWidget(self)
        self.stretch_name = label(factor=1.8, bold=True)
        self.side_badge = label(factor=1.8, bold=True, wrap=False)
        self.side_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side_badge.setFrameShape(QFrame.Shape.StyledPanel)
        self.side_badge.setMinimumWidth(160)
        self.step_info = label(factor=1.1, wrap=False)
        self.picture = Picture(view, minimum=(300, 200))
        self.ring = CountdownRing(view)
        self.ring.setFont(scaled_font(1.0))
        self.cue = label(factor=1.5)
        self.pacer = BreathPacer(view)
        self.breath_label = label(factor=1.3, wrap=False)
        self.breath_label.setMinimumWidth(160)
        self.next_label = label(factor=1.0)
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.pause_button = QPushButton()
        self.skip_button = QPushButton(self.tr("Skip ▶"))
        self.stop_button = QPushButton(self.tr("Something feels wrong"))
        self.stop_button.setToolTip(self.tr("Stop now (Esc)"))
        self.stop_button.setFont(scaled_font(1.2, bold=True))
        self.stop_button.setMinimumHeight(52)
        # Warm and unmissable, with white text dark enough behind it to read (contrast > 4.5).
        self.stop_button.setStyleSheet(
            f"QPushButton {{ background: {STOP_RED}; color: white; border: none;"
            " border-radius: 8px; padding: 8px 24px; }"
            f"QPushButton:hover {{ background: {STOP_RED_HOVER}; }}"
        )
        for button in (self.back_button, self.pause_button, self.skip_button):
            button.setMinimumHeight(44)
            button.setFont(scaled_font(1.1))
        self.back_button.clicked.connect(self.back)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.skip_button.clicked.connect(self.skip)
        self.stop_button.clicked.connect(self.stop)

        top = QHBoxLayout()
        top.addWidget(self.stretch_name, 1)
        top.addWidget(self.side_badge)
        middle = QGridLayout()
        middle.addWidget(self.picture, 0, 0, 2, 1)
        middle.addWidget(self.ring, 0, 1)
        breath = QHBoxLayout()
        breath.addWidget(self.pacer)
        breath.addWidget(self.breath_label)
        middle.addLayout(breath, 1, 1)
        middle.setColumnStretch(0, 3)
        middle.setColumnStretch(1, 2)
        controls = QHBoxLayout()
        controls.addWidget(self.back_button)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.skip_button)
        controls.addStretch(1)
        controls.addWidget(self.stop_button)
        layout = QVBoxLayout(view)
        layout.setContentsMargins(SPACING * 2, SPACING, SPACING * 2, SPACING)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(self.step_info)
        layout.addLayout(middle, 1)
        layout.addWidget(self.cue)
        layout.addWidget(self.next_label)
        layout.addLayout(controls)
        return view

    def _build_stop_view(self) -> QWidget:
        view = QWidget(self)
        layout = QVBoxLayout(view)
        layout.setContentsMargins(SPACING * 3, SPACING * 2, SPACING * 3, SPACING * 2)
        layout.setSpacing(SPACING)
        layout.addWidget(label(self.tr("Stopped. What happened?"), factor=1.8, bold=True))
        layout.addWidget(label(self.tr("Choose what fits best; the next screen says what to do.")))
        self.stop_summary = label(factor=1.0)
        layout.addWidget(self.stop_summary)
        self.reason_buttons: dict[str, QPushButton] = {}
        for reason in self.content.stop_reasons:
            button = QPushButton(reason.label(self.lang))
            button.setFont(scaled_font(1.2))
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _=False, r=reason.id: self._report(r))
            self.reason_buttons[reason.id] = button
            layout.addWidget(button)
        layout.addStretch(1)
        return view

    def _build_done_view(self) -> QWidget:
        view = QWidget(self)
        self.done_title = label(self.tr("Well done"), factor=2.2, bold=True)
        self.done_summary = label(factor=1.3)
        self.done_note = label(
            self.tr("Stand up and walk a few steps. Stretch again later, or tomorrow.")
        )
        again = QPushButton(self.tr("Do it again"))
        again.clicked.connect(self.restart_requested)
        self.home_button = QPushButton(self.tr("Back to home"))
        self.home_button.setDefault(True)
        self.home_button.clicked.connect(self.home_requested)
        for button in (again, self.home_button):
            button.setMinimumHeight(48)
            button.setFont(scaled_font(1.2))
        row = QHBoxLayout()
        row.addWidget(again)
        row.addWidget(self.home_button)
        row.addStretch(1)
        layout = QVBoxLayout(view)
        layout.setContentsMargins(SPACING * 3, SPACING * 3, SPACING * 3, SPACING * 3)
        layout.setSpacing(SPACING * 2)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_summary)
        layout.addWidget(self.done_note)
        layout.addStretch(1)
        layout.addLayout(row)
        return view

    def _shortcuts(self) -> None:
        bindings: list[tuple[QKeySequence | Qt.Key, Callable[[], None]]] = [
            (Qt.Key.Key_Space, self.toggle_pause),
            (Qt.Key.Key_Left, self.back),
            (Qt.Key.Key_Right, self.skip),
            (Qt.Key.Key_Escape, self.stop),
        ]
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key), self.running_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # The buttons must not swallow Space as "click" for the focused button.
        for button in (self.back_button, self.pause_button, self.skip_button, self.stop_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def apply_settings(self, settings: Settings) -> None:
        """New preferences: sounds and speech at once, the pacer from the next repaint."""
        self.settings = settings
        self.sounds.set_volume(settings.volume)
        self.sounds.set_muted(settings.muted)
        self.speaker.set_enabled(settings.speech)

    def busy(self) -> bool:
        """A routine is running or paused, or the user is saying why they stopped."""
        return self.session is not None and (self.session.is_active or self._asking)

    def pause(self) -> None:
        """Pause a running routine (e.g. while a dialog covers the timer)."""
        if self.session is not None and self.session.state is State.RUNNING:
            self.session.pause()
            self.poll()

    def abandon(self) -> None:
        """The user left the timer for another screen: end the routine quietly."""
        if self.session is not None and self.session.is_active:
            self.session.stop("left")
        self._asking = False
        self.timer.stop()
        self.speaker.stop()

    # --- commands ------------------------------------------------------------------------
    def load(self, routine: Routine, *, autostart: bool = True) -> None:
        """Show a routine; start it at once unless `autostart` is False."""
        self.timer.stop()
        self.session = Session(routine, clock=self.clock, on_event=self._on_event)
        self._last_breath = None
        self._asking = False
        self.pages.setCurrentWidget(self.running_view)
        self.running_view.setFocus()
        self.sounds.preload()
        if autostart:
            self.session.start()
        self.poll()

    def toggle_pause(self) -> None:
        if self.session is not None:
            self.session.toggle_pause()
            self.poll()

    def back(self) -> None:
        if self.session is not None:
            self.session.back()
            self.poll()

    def skip(self) -> None:
        if self.session is not None:
            self.session.skip()
            self.poll()

    def stop(self) -> None:
        """One click or key, from any phase: the session stops now, then we ask what happened."""
        if self.session is None or self.session.state in (State.DONE, State.STOPPED):
            return
        self.session.stop("unspecified")
        summary = self.session.summary()
        self.stop_summary.setText(
            self.tr("Stopped after %1 of %2 holds.")
            .replace("%1", str(summary.holds_done))
            .replace("%2", str(summary.holds_total))
        )
        self._asking = True
        self.timer.stop()
        self.speaker.stop()
        self.pages.setCurrentWidget(self.stop_view)
        first = next(iter(self.reason_buttons.values()), None)
        if first is not None:
            first.setFocus()

    def _report(self, reason_id: str) -> None:
        if self.session is not None:
            self.session.stop(reason_id)  # records why; the session is already stopped
        self._asking = False
        self.stop_reported.emit(reason_id)

    # --- the clock -----------------------------------------------------------------------
    def poll(self) -> None:
        """Catch the session up with the clock, redraw, and arm the one timer again."""
        session = self.session
        if session is None:
            return
        session.update()
        self._render(session)
        self._arm(session)

    def _arm(self, session: Session) -> None:
        deadline = session.next_deadline()
        if deadline is None:
            self.timer.stop()
            return
        now = self.clock()
        wait = deadline - now
        if self.isVisible() and not self.window().isMinimized():
            wait = min(wait, REFRESH_S)
        self.timer.start(max(0, round(wait * 1000)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.window().installEventFilter(self)  # minimise/restore re-arms the timer
        self.poll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowStateChange and self.session is not None:
            self._arm(self.session)
        return False

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.session is not None:
            self._arm(self.session)  # only the deadline now, no repaints

    # --- events from the session ---------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        step = event.step
        if event.kind is EventKind.DONE:
            self.sounds.play("done")
            self._show_done()
        elif event.kind is EventKind.PHASE and step is not None:
            if step.phase is Phase.HOLD:
                self.sounds.play("hold-start")
            elif step.phase is Phase.SWITCH:
                self.sounds.play("switch-side")
            elif event.natural:
                self.sounds.play("hold-end")
            self.speaker.say(self._spoken(step))

    def _spoken(self, step: Step) -> str:
        name = self.content.stretch(step.stretch).name(self.lang)
        side = self._side_text(step.side)
        if step.phase is Phase.PREPARE:
            return self.tr("Get ready: %1").replace("%1", name)
        if step.phase is Phase.SWITCH:
            return self.tr("Switch to the %1 side").replace("%1", side)
        if step.phase is Phase.REST:
            return self.tr("Rest")
        return self.tr("Hold, %1 side").replace("%1", side) if step.side else self.tr("Hold")

    # --- rendering -----------------------------------------------------------------------
    def phase_name(self, phase: Phase) -> str:
        return {
            Phase.PREPARE: self.tr("Get ready"),
            Phase.HOLD: self.tr("Hold"),
            Phase.SWITCH: self.tr("Switch sides"),
            Phase.REST: self.tr("Rest"),
        }[phase]

    def _side_text(self, side: str | None) -> str:
        return {"right": self.tr("right"), "left": self.tr("left")}.get(side or "", "")

    def _render(self, session: Session) -> None:
        if session.state in (State.DONE, State.STOPPED):
            return
        step = session.step
        stretch = self.content.stretch(step.stretch)
        variant = self.content.variant(step.variant)
        self.stretch_name.setText(stretch.name(self.lang))
        badge = {"right": self.tr("RIGHT"), "left": self.tr("LEFT")}.get(step.side or "", "")
        self.side_badge.setText(badge)
        self.side_badge.setVisible(bool(badge))
        self.picture.show_image(variant.image, mirrored=step.side == "left")
        number, total = session.hold_number()
        self.step_info.setText(
            self.tr("Hold %1 of %2 · time left %3")
            .replace("%1", str(number))
            .replace("%2", str(total))
            .replace("%3", format_clock(session.routine_remaining()))
        )
        remaining = session.remaining()
        self.ring.set_state(
            format_clock(remaining), self.phase_name(step.phase), session.progress()
        )
        self.cue.setText(
            variant.setup(self.lang) if step.phase is Phase.PREPARE else stretch.cue(self.lang)
        )
        self._render_breath(session)
        self._render_next(session)
        paused = session.state is not State.RUNNING
        self.pause_button.setText(
            (
                self.tr("Start (Space)")
                if session.state is State.READY
                else self.tr("Resume (Space)")
            )
            if paused
            else self.tr("Pause (Space)")
        )

    def _render_breath(self, session: Session) -> None:
        show = self.settings.pacer
        self.pacer.setVisible(show)
        self.breath_label.setVisible(show)
        if not show:
            return
        state = breath_at(
            session.active_elapsed(), self.settings.breath_in_s, self.settings.breath_out_s
        )
        self.pacer.set_size(state.size if self.settings.animations else 0.6)
        if session.state is not State.RUNNING:
            self.breath_label.setText(self.tr("Paused") if session.state is State.PAUSED else "")
            return
        self.breath_label.setText(
            self.tr("Breathe in") if state.breath is Breath.IN else self.tr("Breathe out")
        )
        if state.breath is not self._last_breath:
            if self._last_breath is not None and self.settings.breath_sounds:
                self.sounds.play("breath-in" if state.breath is Breath.IN else "breath-out")
            self._last_breath = state.breath

    def _render_next(self, session: Session) -> None:
        following = session.next_step
        if following is None:
            self.next_label.setText(self.tr("Next: finished"))
            return
        name = self.content.stretch(following.stretch).name(self.lang)
        what = self.phase_name(following.phase)
        side = self._side_text(following.side)
        text = self.tr("Next: %1 — %2").replace("%1", what).replace("%2", name)
        if side:
            text += self.tr(" (%1)").replace("%1", side)
        self.next_label.setText(text)

    def _show_done(self) -> None:
        assert self.session is not None
        summary = self.session.summary()
        text = (
            self.tr("You completed %1 of %2 holds, %3 in all.")
            if not summary.holds_skipped
            else self.tr("You completed %1 of %2 holds and skipped %4, %3 in all.")
        )
        text = (
            text.replace("%1", str(summary.holds_done))
            .replace("%2", str(summary.holds_total))
            .replace("%3", format_clock(summary.active_s))
            .replace("%4", str(summary.holds_skipped))
        )
        self.done_summary.setText(text)
        self.pages.setCurrentWidget(self.done_view)
        self.home_button.setFocus()
        self.timer.stop()
