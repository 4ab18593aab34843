"""The pace beside the timer's ring: in a hold, the breathing (the moving circle, "Breathe in"
/ "Breathe out", their tones and first spoken words); in a move, the count ("3 / 10" on the
ring, "Up" / "Down" beside it, a soft tone as each repetition begins).

Both follow the session's active time only, so a late wake shows the right breath or count
and plays no tone that is already old (`TONE_LATE_S`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel

from lowback_timer.app.sound import SoundPlayer
from lowback_timer.app.speech import Speaker
from lowback_timer.app.text import SpokenCues, fill
from lowback_timer.core.breathing import Breath, breath_at, says_word_at
from lowback_timer.core.clock import whole_seconds
from lowback_timer.core.counting import Rep
from lowback_timer.core.language import format_clock
from lowback_timer.core.routine import Phase, Step
from lowback_timer.core.session import Session, State
from lowback_timer.core.settings import Settings
from lowback_timer.ui.dials import BreathPacer, CountdownRing
from lowback_timer.ui.style import scaled_font
from lowback_timer.ui.timer_views import BREATH_FACTOR, as_wide_as_longest

# A breath tone due longer ago than this (the event loop was blocked) is left out.
TONE_LATE_S = 0.5
# "Breathe in" alone and larger with animations off.
BREATH_STILL_FACTOR = 2.0
# The soft tone as each repetition of a move begins.
REP_SOUND = "breath-in"


class Pacing(QObject):
    def __init__(
        self,
        ring: CountdownRing,
        pacer: BreathPacer,
        label: QLabel,
        sounds: SoundPlayer,
        speaker: Speaker,
        spoken: SpokenCues,
        showing: Callable[[], bool],
    ) -> None:
        super().__init__(label)
        self.ring, self.pacer, self.label = ring, pacer, label
        self.sounds, self.speaker, self.showing = sounds, speaker, showing
        self.spoken = spoken  # the page's: what the speaker says (in Japanese, kana)
        self.settings = Settings()
        self._breath: Breath | None = None  # the breath on screen (its tone was played)
        self._rep: Rep | None = None  # the repetition on screen (its tone was played)
        self._alone: bool | None = None  # the words large, without the moving circle

    def apply(self, settings: Settings) -> None:
        """The moving circle with its words beside it; with animations off, only the words,
        large (they change at the breath's turns, nothing moves in between)."""
        self.settings = settings
        animated = settings.animations
        self.pacer.setVisible(settings.pacer and animated)
        self.label.setVisible(settings.pacer)
        self._alone = None
        self._words_alone(not animated)
        as_wide_as_longest(self.label, (*self._breaths(), self.tr("Up"), self.tr("Down")))
        self.start_over()

    def _words_alone(self, alone: bool) -> None:
        """The words large where nothing moves beside them (a move, or animations off)."""
        if alone is not self._alone:
            self._alone = alone
            factor = BREATH_STILL_FACTOR if alone else BREATH_FACTOR
            self.label.setFont(scaled_font(factor, bold=alone))
            middle = Qt.AlignmentFlag.AlignCenter if alone else Qt.AlignmentFlag.AlignVCenter
            self.label.setAlignment(middle)

    def start_over(self) -> None:
        """Show the breath or count afresh, without a tone for what is already on screen."""
        self._breath = self._rep = None

    def breath_words(self) -> bool:
        """Whether the first turns of each hold are said aloud ("In…", "Out…")."""
        return self.settings.speech and self.settings.breath_words

    def next_turn(self, session: Session, showing: bool) -> float | None:
        """When the pace next changes and wants the screen: a move's next half, else the
        breath's next turn where its tones, words or (seen) label need it."""
        if session.step.rep_s:
            return session.next_rep_turn()
        settings = self.settings
        if settings.breath_sounds or self.breath_words() or (showing and settings.pacer):
            return session.next_breath_turn(settings.breath_in_s, settings.breath_out_s)
        return None

    def render(self, session: Session) -> None:
        rep = session.rep()
        if rep is not None:
            self._render_rep(session, rep)
        else:
            self._render_breath(session)

    def ring_time(self, session: Session) -> str:
        """What the ring says: a move's count, else the time left in the phase."""
        rep = session.rep()
        if rep is not None:
            return str(rep.number)
        return format_clock(whole_seconds(session.remaining()))

    def caption(self, step: Step) -> str:
        """Under a move's count, how many times in all ("of 12"); "" for a hold."""
        return fill(self.tr("of %1"), step.times) if step.rep_s else ""

    def describe(self, session: Session) -> str:
        """For screen readers, a move's count and way ("Time 3 of 12, up"); "" for a hold."""
        rep = session.rep()
        if rep is None:
            return ""
        way = self.tr("up") if rep.up else self.tr("down")
        return fill(self.tr("Time %1 of %2, %3"), rep.number, rep.times, way)

    def _render_rep(self, session: Session, rep: Rep) -> None:
        self.pacer.setVisible(False)  # (breathe as it comes while moving)
        self._words_alone(True)
        if session.state is not State.RUNNING:
            self.label.setText("")
            return
        self.label.setText(self.tr("Up") if rep.up else self.tr("Down"))
        into = session.step.duration_s - session.remaining()
        late = into - (rep.number - 1) * session.step.rep_s
        # From the second time on: the first begins with the phase's own sound.
        if rep.up and rep != self._rep and rep.number > 1 and late < TONE_LATE_S:
            self.sounds.play(REP_SOUND)
        self._rep = rep

    def _breaths(self) -> tuple[str, str]:
        return self.tr("Breathe in"), self.tr("Breathe out")

    def _render_breath(self, session: Session) -> None:
        """The breath's label and, at a turn, its tone; the pacer's size while it is seen."""
        settings = self.settings
        self.pacer.setVisible(settings.pacer and settings.animations)
        self._words_alone(not settings.animations)
        in_s, out_s = settings.breath_in_s, settings.breath_out_s
        state = breath_at(session.active_elapsed(), in_s, out_s)
        if self.showing() and settings.pacer and settings.animations:
            self.pacer.set_size(state.size)
        if session.state is not State.RUNNING:
            self.label.setText("")  # (the ring and the title say "Paused")
            return
        breath_in = state.breath is Breath.IN
        self.label.setText(self._breaths()[0 if breath_in else 1])
        if state.breath is self._breath:
            return
        since_turn = state.progress * (in_s if breath_in else out_s)
        if self._breath is not None and since_turn < TONE_LATE_S:
            if settings.breath_sounds:
                self.sounds.play("breath-in" if breath_in else "breath-out")
            self._say_breath(session, state.breath, session.active_elapsed() - since_turn)
        self._breath = state.breath

    def _say_breath(self, session: Session, breath: Breath, turn_s: float) -> None:
        """The breath's word at one of the first turns of a hold, clear of its phase cues."""
        if not self.breath_words() or session.step.phase is not Phase.HOLD:
            return
        start, end = session.phase_span()
        in_s, out_s = self.settings.breath_in_s, self.settings.breath_out_s
        if says_word_at(turn_s, start, end, in_s, out_s):
            self.speaker.say(self.spoken.breath(breath))
