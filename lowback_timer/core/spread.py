"""After each stretch: did the leg symptoms spread further down the leg?

A physiotherapist asks it at every visit: tingling or pain that spreads further down the leg
(peripheralisation) means stop that movement for now; symptoms that move up towards the back,
or ease, are fine (centralisation; Help says so, guidance.spread_up_ok). The question comes
once both sides (and every round) of a stretch are done, in the get-ready of the next one
(whose time runs on while it is shown), or on the "done" screen after the last. "Yes, it
spread" leaves that stretch out for the rest of the day, as a stop for sharp pain does
(gate.leave_out_today), and the next get-ready says to go gently. Twice in a week, home
suggests having it checked (the content's tier for "soon").

The answers of the last week are kept in the settings (`spread_days`), beside today's
leave-outs: the suggestion does not depend on a history that can be read (the history keeps
each answer too, by the stretch's id). Pure data in, data out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from lowback_timer.core.content import Content
from lowback_timer.core.gate import leave_out_today
from lowback_timer.core.routine import Phase, Step
from lowback_timer.core.settings import SPREAD_AUTO, SPREAD_ON, Settings

#: "Twice in a week": this many answers "it spread" within WEEK_DAYS local days (today
#: included) suggest having it checked.
CHECK_UP_AFTER = 2
WEEK_DAYS = 7


def asks_spread(content: Content, settings: Settings, type_ids: Iterable[str]) -> bool:
    """Whether a routine for these types asks the question: the setting "on" or "off", else
    ("auto") when one of the types asks it in the content (the nerve type). No type ("not
    sure") asks nothing unless the setting is "on"."""
    if settings.spread_check != SPREAD_AUTO:
        return settings.spread_check == SPREAD_ON
    asking = {t.id for t in content.types if t.asks_spread}
    return bool(asking & set(type_ids))


def stretch_ends(steps: Sequence[Step]) -> frozenset[int]:
    """The indices of the holds that end a stretch: both sides and every round done (the
    last hold before another stretch's phases, or the routine's end). A move's count is not
    a stretch: nothing is asked after it."""
    ends = set()
    for index, step in enumerate(steps):
        after = steps[index + 1] if index + 1 < len(steps) else None
        if (step.phase is Phase.HOLD and not step.rep_s) and (
            after is None or after.phase is Phase.PREPARE or after.variant != step.variant
        ):
            ends.add(index)
    return frozenset(ends)


def asked_after(
    content: Content, settings: Settings, type_ids: Iterable[str], steps: Sequence[Step]
) -> frozenset[int]:
    """The holds after which a routine of these types asks (`plan --json`'s `ask_spread`)."""
    return stretch_ends(steps) if asks_spread(content, settings, type_ids) else frozenset()


def asked_at(steps: Sequence[Step], index: int) -> int | None:
    """The stretch's last hold that the question shown in phase `index` is about: the phase
    right after a stretch's end, unless it is a hold (no get-ready between the stretches: no
    room to ask without delaying the timer). None when no question belongs there."""
    if not 0 < index < len(steps) or steps[index].phase is Phase.HOLD:
        return None
    return index - 1 if index - 1 in stretch_ends(steps) else None


def spread_answered(settings: Settings, stretch_id: str, today: str) -> Settings:
    """ "Yes, it spread" after `stretch_id`: it is left out until the local date changes, and
    the answer is counted for the week (answers older than a week are dropped)."""
    days = (*recent(settings.spread_days, today), today)
    return replace(leave_out_today(settings, stretch_id, today), spread_days=days)


def recent(days: Iterable[str], today: str) -> tuple[str, ...]:
    """The dates of `days` within the WEEK_DAYS ending `today` (ISO dates; others dropped)."""
    try:
        last = date.fromisoformat(today)
    except ValueError:
        return ()
    first = last - timedelta(days=WEEK_DAYS - 1)
    kept = []
    for day in days:
        try:
            when = date.fromisoformat(day)
        except ValueError:
            continue  # (a hand-edited setting)
        if first <= when <= last:
            kept.append(day)
    return tuple(kept)


def spread_count(settings: Settings, today: str) -> int:
    """How often the symptoms spread after a stretch in the last week."""
    return len(recent(settings.spread_days, today))


def check_up_due(settings: Settings, today: str) -> bool:
    """Twice in a week: home suggests having it checked."""
    return spread_count(settings, today) >= CHECK_UP_AFTER
