"""The two-week review's words (the rules are core/review.py's): the line home and the History
window show, and what `lowback-timer history --summary` prints. One translation context,
"ReviewText", so the screen and the command line say the same."""

from __future__ import annotations

from PySide6.QtCore import QObject

from lowback_timer.app.text import fill
from lowback_timer.core.content import Content, Urgency
from lowback_timer.core.review import (
    MIN_ROUTINES,
    PARTS,
    RECENT_DAYS,
    REVIEW_AFTER_DAYS,
    Change,
    Review,
    Verdict,
)

NO_VALUE = "–"  # a week without a rating for that part


def number(value: float | None) -> str:
    """A median as said: "6", "4.5"; NO_VALUE for none."""
    return NO_VALUE if value is None else f"{value:g}"


def change(c: Change) -> str:
    """ "6 → 4": the first week's median, then the last week's."""
    return f"{number(c.first)} → {number(c.last)}"


class ReviewText(QObject):
    def line(self, result: Review, content: Content, lang: str) -> str:
        """The review in one calm line ("" when there is none yet)."""
        if result.verdict is Verdict.NO_BETTER:
            return self.tr(
                "No better after two weeks of stretching? Have it checked by your doctor or a "
                "physiotherapist."
            )
        if result.verdict is Verdict.WORSE:
            soon = next(t for t in content.tiers if t.urgency is Urgency.SOON)
            return self._worse(result.worse, soon.title(lang))
        if result.verdict is Verdict.BETTER:
            return self._better(result.better)
        return ""

    def _worse(self, parts: tuple[Change, ...], advice: str) -> str:
        if len(parts) == 2:
            text = self.tr(
                "Your back and legs feel worse than in your first week: back %1, legs %2 "
                "before a routine. %3."
            )
            return fill(text, change(parts[0]), change(parts[1]), advice)
        if parts[0].part == "back":
            text = self.tr(
                "Your back feels worse than in your first week: %1 before a routine. %2."
            )
        else:
            text = self.tr("Your legs feel worse than in your first week: %1 before a routine. %2.")
        return fill(text, change(parts[0]), advice)

    def _better(self, parts: tuple[Change, ...]) -> str:
        if len(parts) == 2:
            text = self.tr(
                "Your back: %1, your legs: %2 before a routine, since your first week. "
                "Keep going at your own pace."
            )
            return fill(text, change(parts[0]), change(parts[1]))
        if parts[0].part == "back":
            text = self.tr(
                "Your back: %1 before a routine, since your first week. Keep going at your "
                "own pace."
            )
        else:
            text = self.tr(
                "Your legs: %1 before a routine, since your first week. Keep going at your "
                "own pace."
            )
        return fill(text, change(parts[0]))

    def not_enough(self, result: Review) -> str:
        """Why there is no review yet, and how far the history has come."""
        days, routines = self.days(REVIEW_AFTER_DAYS), self.routines(MIN_ROUTINES)
        needs = fill(
            self.tr(
                "Not enough history yet for the two-week review: it comes %1 after your first "
                "rated routine, once you have done %2."
            ),
            days,
            routines,
        )
        if result.first_day is None:
            return needs
        if result.days >= REVIEW_AFTER_DAYS and result.routines >= MIN_ROUTINES:
            return self.tr(
                "Not enough ratings yet for the two-week review: it compares how your back and "
                "legs felt before a routine in your first week and in the last 7 days."
            )
        so_far = self.tr("%1 So far: %2 and %3.", "why there is no review yet, then how far")
        return fill(so_far, needs, self.days(result.days), self.routines(result.routines))

    def said(self, result: Review, content: Content, lang: str) -> str:
        """The review line, or why there is none yet (History, `history --summary`)."""
        return self.line(result, content, lang) or self.not_enough(result)

    def summary(self, result: Review, content: Content, lang: str) -> list[str]:
        """`history --summary`: days with a routine lately, the first and the last week's
        medians (once they are two weeks apart), the review's line."""
        lines = [
            fill(
                self.tr("Days with a routine in the last %1 days: %2"),
                RECENT_DAYS,
                result.recent_days,
            )
        ]
        medians = {
            "back": self.tr(
                "Back before a routine (median, 0 to 10): first week %1, last 7 days %2"
            ),
            "legs": self.tr(
                "Legs before a routine (median, 0 to 10): first week %1, last 7 days %2"
            ),
        }
        if result.days >= REVIEW_AFTER_DAYS:  # (before, the two weeks overlap)
            first, last = result.first_week, result.last_week
            lines += [fill(medians[p], number(first.of(p)), number(last.of(p))) for p in PARTS]
        lines.append(self.said(result, content, lang))
        return lines

    def days(self, count: int) -> str:
        return self.tr("%n days", "", count)

    def routines(self, count: int) -> str:
        return self.tr("%n routines", "", count)
