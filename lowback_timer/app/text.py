"""Filling translated texts: Qt's `%1`..`%9` place markers, in one pass.

`QString.arg` is not available in PySide6, and chained `.replace("%1", ...)` breaks when an
argument itself contains `%2` (a file path, a region name). Counts use Qt's plural forms
instead: `self.tr("%n holds", "", n)`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from lowback_timer.core.content import Content, Move, Stretch
from lowback_timer.core.routine import Phase, Step, TimeFit

if TYPE_CHECKING:  # (the breathing is loaded with the timer, not before the first frame)
    from lowback_timer.core.breathing import Breath

_MARKER = re.compile(r"%([1-9])")

WORD_JOINER = "\u2060"
SHORT_TEXT = 6  # characters: a word or two, never wrapped
# The last characters of a Japanese sentence (before 。！？, or before the end of the text):
# not spaces, not ASCII (a path, an English word), not other punctuation or brackets.
_TAIL = r"[^\s\x00-\x7f、。，．！？「」『』（）［］・：；\u2060]"
_SENTENCE_TAIL = re.compile(rf"{_TAIL}{{1,3}}[。！？]|{_TAIL}{{2,4}}$")


# Never broken inside (its text joined by WORD JOINER): 「股関節の前側（腸腰筋）」.
BRACKETS = {"（": "）", "「": "」"}


def fill(template: str, *args: object) -> str:
    """`fill("Hold %1 of %2", 3, 8)` -> "Hold 3 of 8"; markers without an argument stay."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(args[index]) if index < len(args) else match.group(0)

    return _MARKER.sub(value, template)


def keep_sentence_ends(text: str) -> str:
    """Japanese text that wraps without leaving a sentence's last one or two characters alone
    on a line (a lone 「す。」): the last four characters of each sentence (with its 。) are
    joined by WORD JOINERs, which Qt never breaks at and does not draw. Text without Japanese
    sentence ends is returned unchanged, and so is a text of a few characters ("右脚", "吸って"),
    which fits on any line the app gives it."""
    if len(text) <= SHORT_TEXT:
        return text
    return _SENTENCE_TAIL.sub(lambda tail: WORD_JOINER.join(tail.group(0)), text)


def unbroken_brackets(text: str) -> str:
    """`text` with no line break inside a full-width bracket: Qt breaks Japanese between any
    two characters, and 「（腸腰」 then 「筋）」 on the next line reads badly."""
    out: list[str] = []
    closing = ""
    for char in text:
        if closing:  # joined to the character before it, up to the closing bracket
            out.append(WORD_JOINER)
            closing = "" if char == closing else closing
        elif char in BRACKETS:
            closing = BRACKETS[char]
        out.append(char)
    return "".join(out)


class Phrases(QObject):
    """Phrases used on several screens and on the command line (one translation context)."""

    def dose(self, both_sides: bool, hold_s: int, reps: int) -> str:
        """A hold's time and rounds: "30 s each side, 2 rounds"."""
        if reps == 1:
            text = self.tr("%1 s each side") if both_sides else self.tr("%1 s")
        elif both_sides:
            text = self.tr("%1 s each side, %n rounds", "", reps)
        else:
            text = self.tr("%1 s, %n rounds", "", reps)
        return fill(text, hold_s)

    def count(self, times: int, sets: int) -> str:
        """A move's repetitions and sets: "12 times, slowly"."""
        if sets == 1:
            return self.tr("%n times, slowly", "", times)
        return fill(self.tr("%n times, slowly, %1 sets", "", times), sets)

    def length(self, total_s: int) -> str:
        """A routine's length as one says it: "About 6 minutes"."""
        return self.tr("About %n minutes", "", rounded_minutes(total_s))

    def plan_title(self, place: str, total_s: int) -> str:
        minutes = rounded_minutes(total_s)
        return fill(self.tr("Routine for %1: about %n minutes", "", minutes), place)

    def shorter_than_asked(self, minutes: int) -> str:
        return self.tr(
            "That is shorter than the %n minutes you have: about a minute for each muscle "
            "and side is enough, so more time would not add to it.",
            "",
            minutes,
        )

    def left_out_for_time(self, minutes: int, names: list[str]) -> str:
        return fill(
            self.tr("Not every stretch fits in %n minutes; left out: %1.", "", minutes),
            self.tr(", ", "between names in a list").join(names),
        )

    def time_note(self, content: Content, fit: TimeFit, minutes: int, lang: str) -> str:
        """What the builder did with the minutes (empty when it simply used them)."""
        if fit.left_out:
            names = [content.stretch(s).name(lang) for s in fit.left_out]
            return self.left_out_for_time(minutes, names)
        if fit.same_for:
            return self.same_for_times(fit.same_for)
        return self.shorter_than_asked(minutes) if fit.shorter else ""

    def same_for_times(self, minutes: tuple[int, ...]) -> str:
        return fill(
            self.tr(
                "You get this same routine with %1 minutes: each muscle needs only about a "
                "minute a side, so more time would not add to it."
            ),
            self.tr(", ", "between names in a list").join(str(m) for m in minutes),
        )

    def plan_line(self, number: int, name: str, dose: str) -> str:
        return fill(self.tr("%1. %2: %3"), number, name, dose)


class SpokenCues(QObject):
    """What the timer says aloud (its own translation context): short, to be heard with the
    eyes closed. Its Japanese translations are readings in kana, since espeak-ng says every
    kanji as "Chinese letter"; the stretch's name is its `spoken` reading. Each cue must end
    before its phase does (`core.spoken.speaking_s`; tests/app/test_spoken.py)."""

    def phase(self, content: Content, lang: str, step: Step) -> str:
        """The cue said as a phase begins."""
        name = content.stretch(step.stretch).spoken(lang)
        side = self.side(step.side)
        if step.phase is Phase.PREPARE:
            return fill(self.tr("Get ready: %1"), name)
        if step.phase is Phase.SWITCH:
            return fill(self.tr("Switch to the %1 side"), side)
        if step.phase is Phase.REST:
            return self.tr("Rest")
        if step.rep_s:  # a move: its count and pace are on the screen and in the tones
            return self.tr("Begin, slowly")
        return fill(self.tr("Hold, %1 side"), side) if step.side else self.tr("Hold")

    def side(self, side: str | None) -> str:
        return {"right": self.tr("right"), "left": self.tr("left")}.get(side or "", "")

    def breath(self, breath: Breath) -> str:
        """The word said at a turn of the breath (the first few of a hold)."""
        return self.tr("In…") if breath == "in" else self.tr("Out…")


def phase_cue(content: Content, lang: str, index: int, step: Step, gently: bool = False) -> str:
    """The timer's one cue for phase `index`: the stretch's cue; while getting ready, the
    position (after the floor, first "get up slowly"; before the first stretch, the rule for
    every stretch; after leg symptoms spread, `gently` first: "go gently")."""
    if step.phase is not Phase.PREPARE:
        return content.stretch(step.stretch).cue(lang)
    guidance = content.guidance
    lines = [content.variant(step.variant).setup(lang)]
    if step.get_up:
        lines.insert(0, guidance.get_up(lang))
    if gently:
        lines.insert(0, guidance.spread_again(lang))
    if index == 0:
        lines.append(guidance.rule(lang))
    return "\n".join(lines)


def rounded_minutes(seconds: float) -> int:
    return max(1, round(seconds / 60))


def dose_text(exercise: Stretch | Move, seconds: int, reps: int) -> str:
    """How long (a stretch) or how many times (a move), and how often: the same words on the
    home screen, the preview, the sheet and `plan`."""
    if isinstance(exercise, Move):
        return Phrases().count(seconds // exercise.rep_s, reps)
    return Phrases().dose(exercise.both_sides, seconds, reps)
