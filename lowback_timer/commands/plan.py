"""`lowback-timer plan`: the routine the wizard would build, as text or JSON, on the console.

It uses QtCore only: the stored settings (the user's get-ready time counts, as in the app)
and the app's translations, so the words are the same as on screen.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication

from lowback_timer.app.controller import open_store, read_settings
from lowback_timer.app.text import Phrases, dose_text
from lowback_timer.app.translations import chosen_language, translated
from lowback_timer.core.content import Content
from lowback_timer.core.gate import routine_for
from lowback_timer.core.routine import Answers, Routine, TimeFit, time_fit
from lowback_timer.core.spread import asked_after


def print_plan(
    content: Content, answers: Answers, requested_lang: str | None, *, as_json: bool
) -> int:
    """In the language the app would speak (`--lang`, the stored choice, the locale)."""
    app = QCoreApplication.instance() or QCoreApplication([])
    store = open_store()
    settings = read_settings(store, content)
    lang = chosen_language(requested_lang, store, content)
    # The gate's routine, as the window's and the sheet's: without what the last check left out.
    routine = routine_for(content, settings, answers=answers)
    with translated(app, lang):
        if as_json:
            # Where the timer asks whether the leg symptoms spread, as `session` would.
            asked = asked_after(content, settings, answers.types, routine.steps)
            shape = routine.to_json(content, lang, asked)
            print(json.dumps(shape, ensure_ascii=False, indent=2))
        else:
            fit = time_fit(content, answers, routine, settings.avoid)
            print(plan_text(content, routine, answers.minutes, lang, fit))
    return 0


def plan_text(
    content: Content, routine: Routine, minutes: int, lang: str, fit: TimeFit | None = None
) -> str:
    """`fit`: what the builder did with the minutes, said under the title."""
    phrases = Phrases()
    place = content.place(routine.place).short(lang)
    lines = [phrases.plan_title(place, routine.total_s)]
    note = phrases.time_note(content, fit, minutes, lang) if fit is not None else ""
    lines += [note] if note else []
    for number, item in enumerate(routine.items, start=1):
        stretch = content.stretch_for(item.variant)
        dose = dose_text(stretch, item.hold_s, item.reps)
        lines.append(phrases.plan_line(number, stretch.name(lang), dose))
        lines.append(f"   {stretch.cue(lang)}")
    return "\n".join(lines)
