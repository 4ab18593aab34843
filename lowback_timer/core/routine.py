"""Build a routine (ordered phases: get ready, hold, switch sides, rest) from the user's answers.

The wizard, `lowback-timer plan`, the timer and the printed sheet all use `build_routine`, so
the same answers always give the same routine.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from lowback_timer.core.content import SAFE_HOLD_S as SAFE_HOLD_S
from lowback_timer.core.content import Content, Move, RoutineItem, Variant
from lowback_timer.core.settings import limits

MINUTES_RANGE: tuple[int, int] = limits("minutes")
#: The times the wizard offers.
MINUTE_CHOICES = (3, 5, 10)
#: A routine may run over the chosen minutes by at most this much.
OVERRUN = 0.15
#: A routine this much shorter than the minutes asked for says why (the dose is enough).
SHORTER_BY_S = 90
FIRST_SIDE, SECOND_SIDE = "right", "left"
#: The posture from which the next stretch, if not on the floor, starts with "get up slowly".
FLOOR = "floor"


class Phase(StrEnum):
    PREPARE = "prepare"
    HOLD = "hold"
    SWITCH = "switch"
    REST = "rest"


# Records are NamedTuples, not frozen dataclasses: a dataclass compiles its methods when its
# module is imported, ~0.6 ms each at every start.
class Answers(NamedTuple):
    """What the wizard asks (and `plan`/`session` take as options): the types (empty = "not
    sure", the balanced routine), the place and the minutes available."""

    types: tuple[str, ...]
    place: str
    minutes: int
    gentle: bool = False  # the gentler routine (longer, easier holds; dose.gentler)


class Step(NamedTuple):
    phase: Phase
    stretch: str
    variant: str
    side: str | None  # "right" | "left" | None (one-sided stretch); SWITCH names the next side
    duration_s: int
    rep: int
    reps: int
    #: On the get-ready of a stretch that is not done on the floor, right after one that is:
    #: the timer says "Get up slowly" (the content's `guidance.get_up`).
    get_up: bool = False
    #: A move's hold is counted, not held: one repetition every `rep_s` seconds (0: a hold).
    rep_s: int = 0

    @property
    def times(self) -> int:
        """How many times a move is done in this phase (0 for a hold)."""
        return self.duration_s // self.rep_s if self.rep_s else 0


class Routine(NamedTuple):
    place: str
    items: tuple[RoutineItem, ...]
    steps: tuple[Step, ...]

    @property
    def total_s(self) -> int:
        return sum(step.duration_s for step in self.steps)

    @property
    def holds(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.phase is Phase.HOLD)

    def to_json(self, content: Content, lang: str, asked: Collection[int] = ()) -> dict[str, Any]:
        """The documented `plan --json` shape: `steps` holds the holds, `phases` everything;
        `ask_spread` marks the holds after which the timer asks whether the leg symptoms
        spread (`asked`: their indices in `self.steps`; core/spread.py)."""
        phases, holds, start = [], [], 0
        for index, step in enumerate(self.steps):
            entry: dict[str, Any] = {
                "phase": step.phase.value,
                "stretch": step.stretch,
                "variant": step.variant,
                "side": step.side,
                "duration_s": step.duration_s,
                "rep": step.rep,
                "reps": step.reps,
                "start_s": start,
                "get_up": step.get_up,
                "count": step.times,
                "rep_s": step.rep_s,
                "ask_spread": index in asked,
            }
            phases.append(entry)
            if step.phase is Phase.HOLD:
                stretch = content.stretch(step.stretch)
                holds.append(
                    {
                        "stretch": step.stretch,
                        "variant": step.variant,
                        "side": step.side,
                        "hold_s": step.duration_s,
                        "rep": step.rep,
                        "reps": step.reps,
                        "start_s": start,
                        "name": stretch.name(lang),
                        "cue": stretch.cue(lang),
                        "kind": "move" if step.rep_s else "stretch",
                        "count": step.times,
                        "ask_spread": index in asked,
                    }
                )
            start += step.duration_s
        return {"total_s": self.total_s, "place": self.place, "steps": holds, "phases": phases}


def resolve_types(content: Content, type_ids: Iterable[str]) -> tuple[str, ...]:
    """The chosen types in content order; none chosen ("not sure") means all of them."""
    chosen = set(type_ids)
    unknown = chosen - {t.id for t in content.types}
    if unknown:
        raise ValueError(f"unknown type: {', '.join(sorted(unknown))}")
    return tuple(t.id for t in content.types if not chosen or t.id in chosen)


class Pace(NamedTuple):
    """The seconds around the holds: the content's dose, the user's own get-ready time and, in
    the gentler routine, more time for every change."""

    prepare_s: int
    get_up_s: int
    switch_s: int
    rest_s: int
    slower_s: int = 0

    @classmethod
    def of(cls, content: Content, prepare_s: int | None = None, gentle: bool = False) -> Pace:
        dose = content.dose
        slower = dose.gentler.slower_s if gentle and dose.gentler else 0
        own = dose.prepare_s if prepare_s is None else prepare_s
        return cls(own, dose.get_up_s, dose.switch_s, dose.rest_s, slower)

    def get_ready(self, get_up: bool) -> int:
        """Getting up from the floor takes longer than getting into the next position."""
        seconds = max(self.prepare_s, self.get_up_s) if get_up else self.prepare_s
        return seconds + self.slower_s

    def switch(self, variant: Variant) -> int:
        own = self.switch_s if variant.switch_s is None else variant.switch_s
        return own + self.slower_s


def _avoided(content: Content, avoid: Iterable[str]) -> tuple[set[str], set[str]]:
    """(stretch ids, variant ids) to leave out. An id the content does not have (kept in the
    settings from an older version) is left aside: there is nothing of it to leave out."""
    ids = set(avoid)
    return ids & {s.id for s in content.stretches}, ids & {
        v.id for s in content.stretches for v in s.variants
    }


def _sequences(
    content: Content, type_ids: Iterable[str], avoided: set[str], then_if_time: bool
) -> list[tuple[str, ...]]:
    """Each chosen type's stretches in its order, without the avoided ones. When that leaves
    nothing, the other stretches of the content stand in ("not sure", then any no type has)."""

    def kept(type_ids: Iterable[str]) -> list[tuple[str, ...]]:
        types = [content.pain_type(t) for t in type_ids]
        lists = [(*t.stretches, *(t.then_if_time if then_if_time else ())) for t in types]
        return [seq for seq in (tuple(s for s in lst if s not in avoided) for lst in lists) if seq]

    sequences = kept(resolve_types(content, type_ids))
    if not sequences:
        sequences = kept(resolve_types(content, ()))
        covered = {s for seq in sequences for s in seq}
        rest = tuple(s.id for s in content.stretches if s.id not in avoided | covered)
        sequences += [rest] if rest else []
    if not sequences:
        raise ValueError("every stretch is to be avoided: no routine can be built")
    return sequences


def choose_variants(
    content: Content,
    type_ids: Iterable[str],
    place: str,
    avoid: Iterable[str] = (),
    then_if_time: bool = False,
    gentle: bool = False,
) -> list[Variant]:
    """The stretches of the chosen types, each once, in an order that keeps every type's own
    order and changes posture as rarely as it can (no going down to the floor and up twice).

    `avoid` names stretches or variants to leave out (see `variant_for`); with `then_if_time`,
    each type's optional stretches follow its own; `gentle` keeps to the gentle variants."""
    stretches, variant_ids = _avoided(content, avoid)
    wanted = _sequences(content, type_ids, stretches, then_if_time)
    found = {s: variant_for(content, s, place, variant_ids, gentle) for seq in wanted for s in seq}
    variants = {s: v for s, v in found.items() if v is not None}
    if not variants:
        raise ValueError("every stretch is to be avoided: no routine can be built")
    sequences = [tuple(s for s in seq if s in variants) for seq in wanted]
    first_seen = list(variants)
    after: dict[str, set[str]] = {s: set() for s in first_seen}
    for seq in sequences:
        for earlier, later in itertools.pairwise(seq):
            after[later].add(earlier)
    order: list[str] = []
    while len(order) < len(first_seen):
        left = [s for s in first_seen if s not in order]
        # Types that disagree about the order could leave nothing ready: then go by first seen.
        ready = [s for s in left if after[s] <= set(order)] or left
        posture = variants[order[-1]].posture if order else None
        same = [s for s in ready if variants[s].posture == posture]
        order.append((same or ready)[0])
    return [variants[s] for s in order]


def variant_for(
    content: Content,
    stretch_id: str,
    place: str,
    avoid: Iterable[str] = (),
    gentle: bool = False,
) -> Variant | None:
    """The variant of a stretch for this place: the first listed there that is not avoided
    (and gentle, for the gentler routine); else such a variant of another place, in the
    content's order of places (pregnancy on the floor: the chair's, not lying on the back);
    None when the stretch has none left."""
    left_out = set(avoid)
    usable = [
        v
        for v in content.stretch(stretch_id).variants
        if v.id not in left_out and (v.gentle or not gentle)
    ]
    for each in (place, *(p for p in content.place_ids if p != place)):
        found = next((v for v in usable if each in v.places), None)
        if found is not None:
            return found
    return None


def item_seconds(content: Content, item: RoutineItem, pace: Pace, get_up: bool = False) -> int:
    variant = content.variant(item.variant)
    sides = 2 if content.stretch(variant.stretch).both_sides else 1
    switches = item.reps if sides == 2 else 0
    return (
        pace.get_ready(get_up)
        + item.reps * sides * item.hold_s
        + switches * pace.switch(variant)
        + (item.reps - 1) * pace.rest_s
    )


def total_seconds(content: Content, items: Sequence[RoutineItem], pace: Pace) -> int:
    """What `expand(...).total_s` will be, without building the phases."""
    return sum(
        item_seconds(content, item, pace, get_up)
        for item, get_up in zip(items, _getting_up(content, items), strict=True)
    )


def _getting_up(content: Content, items: Sequence[RoutineItem]) -> list[bool]:
    """For each item: does its get-ready start by getting up from the floor?"""
    postures = [content.variant(i.variant).posture for i in items]
    return [
        index > 0 and postures[index - 1] == FLOOR and posture != FLOOR
        for index, posture in enumerate(postures)
    ]


def safe_hold_range(content: Content, stretch_id: str, gentle: bool = False) -> tuple[int, int]:
    """A stretch's safe holds; a move's sets, from its smallest count to its largest."""
    exercise = content.stretch(stretch_id)
    if isinstance(exercise, Move):
        return exercise.seconds_range
    lo, hi = exercise.hold_s
    gentler = content.dose.gentler
    if gentle and gentler is not None:
        lo, hi = max(lo, gentler.hold_s[0]), max(hi, gentler.hold_s[1])
    return max(lo, SAFE_HOLD_S[0]), min(hi, SAFE_HOLD_S[1])


def _reps_range(content: Content, gentle: bool) -> tuple[int, int]:
    gentler = content.dose.gentler
    if gentle and gentler is not None:
        return gentler.reps, gentler.reps
    return content.dose.reps


def smallest_items(
    content: Content, variants: Sequence[Variant], gentle: bool = False
) -> list[RoutineItem]:
    """Every stretch at the smallest dose: the fewest repetitions of the shortest hold."""
    rep_lo = _reps_range(content, gentle)[0]
    return [
        RoutineItem(v.id, safe_hold_range(content, v.stretch, gentle)[0], rep_lo) for v in variants
    ]


def fit_dose(
    content: Content, variants: Sequence[Variant], budget_s: int, pace: Pace, gentle: bool = False
) -> list[RoutineItem]:
    """The most stretching (repetitions x hold, never more than `dose.per_side_max_s` per side)
    that fits the budget, with the longer holds where two doses stretch as long; when the
    minutes allow more, the routine is simply shorter. If even the smallest dose does not fit
    within the allowed overrun, stretches are left out: `dose.drop_first` first, then the last."""
    rep_lo, rep_hi = _reps_range(content, gentle)
    cap = content.dose.per_side_max_s
    ranges = [safe_hold_range(content, v.stretch, gentle) for v in variants]
    targets = sorted(
        {h for lo, hi in ranges for h in range(lo, hi + 1, 5)} | {hi for _, hi in ranges}
    )
    best: tuple[int, int, list[RoutineItem]] | None = None
    for reps in range(rep_lo, rep_hi + 1):
        for target in targets:
            items = [
                RoutineItem(v.id, min(max(target, lo), hi), reps)
                for v, (lo, hi) in zip(variants, ranges, strict=True)
            ]
            if any(i.hold_s * i.reps > cap for i in items):
                continue
            total = total_seconds(content, items, pace)
            held = sum(i.hold_s * i.reps for i in items)
            if total <= budget_s and (best is None or (held, target) > best[:2]):
                best = (held, target, items)
    if best is not None:
        return best[2]
    smallest = smallest_items(content, variants, gentle)
    while len(smallest) > 1 and total_seconds(content, smallest, pace) > budget_s * (1 + OVERRUN):
        smallest.remove(_first_to_drop(content, smallest))
    return smallest


def _first_to_drop(content: Content, items: Sequence[RoutineItem]) -> RoutineItem:
    by_stretch = {content.variant(i.variant).stretch: i for i in items}
    dropped = next((s for s in content.dose.drop_first if s in by_stretch), None)
    return items[-1] if dropped is None else by_stretch[dropped]


def expand(
    content: Content,
    place: str,
    items: Sequence[RoutineItem],
    prepare_s: int | None = None,
    gentle: bool = False,
) -> Routine:
    """Turn items (variant, hold, repetitions) into the phases the timer walks through."""
    pace = Pace.of(content, prepare_s, gentle)
    steps: list[Step] = []
    for item, get_up in zip(items, _getting_up(content, items), strict=True):
        steps += _item_steps(content, item, pace, get_up)
    return Routine(place, tuple(items), tuple(s for s in steps if s.duration_s > 0))


def _item_steps(content: Content, item: RoutineItem, pace: Pace, get_up: bool) -> list[Step]:
    variant = content.variant(item.variant)
    stretch = content.stretch(variant.stretch)
    sides: tuple[str | None, ...] = (FIRST_SIDE, SECOND_SIDE) if stretch.both_sides else (None,)
    steps: list[Step] = []

    rep_s = stretch.rep_s if isinstance(stretch, Move) else 0

    def add(phase: Phase, side: str | None, seconds: int, rep: int, get_up: bool = False) -> None:
        paced = rep_s if phase is Phase.HOLD else 0
        step = Step(phase, stretch.id, variant.id, side, seconds, rep, item.reps, get_up, paced)
        steps.append(step)

    add(Phase.PREPARE, sides[0], pace.get_ready(get_up), 1, get_up)
    for rep in range(1, item.reps + 1):
        if rep > 1:
            add(Phase.REST, sides[0], pace.rest_s, rep)
        for index, side in enumerate(sides):
            if index > 0:
                add(Phase.SWITCH, side, pace.switch(variant), rep)
            add(Phase.HOLD, side, item.hold_s, rep)
    return steps


def build_routine(
    content: Content,
    type_ids: Iterable[str],
    place: str,
    minutes: int,
    prepare_s: int | None = None,
    avoid: Iterable[str] = (),
    gentle: bool = False,
) -> Routine:
    """The routine for these answers; `prepare_s` is the user's get-ready time (None: the
    content's); `avoid` names stretches or variants to leave out (the safety check's
    `Outcome.avoid`); `gentle` asks for the gentler routine (`dose.gentler`).

    A type's `then_if_time` stretches join only when the routine with them still fits the
    minutes at the smallest dose."""
    if not MINUTES_RANGE[0] <= minutes <= MINUTES_RANGE[1]:
        raise ValueError(f"minutes must be {MINUTES_RANGE[0]}–{MINUTES_RANGE[1]}, not {minutes}")
    if place not in content.place_ids:
        raise ValueError(f"unknown place: {place} ({', '.join(content.place_ids)})")
    types, avoid = tuple(type_ids), tuple(avoid)
    pace, budget_s = Pace.of(content, prepare_s, gentle), minutes * 60
    moves = smallest_items(content, choose_moves(content, types, place, avoid, gentle), gentle)
    variants = _stretch_variants(content, types, place, avoid, gentle, budget_s, pace)
    # The stretches' dose first: a round of their longest safe holds. Only where the moves'
    # smallest sets fit beside that do they take time the holds could have had.
    rep_lo = _reps_range(content, gentle)[0]
    dose = [
        RoutineItem(v.id, safe_hold_range(content, v.stretch, gentle)[1], rep_lo) for v in variants
    ]
    room_s = budget_s - total_seconds(content, moves, pace)
    if total_seconds(content, dose + moves, pace) > budget_s:
        room_s = budget_s
    items = fit_dose(content, variants, room_s, pace, gentle)
    while moves and total_seconds(content, items + moves, pace) > budget_s * (1 + OVERRUN):
        moves.pop()  # the last first
    items += grow_moves(content, items, moves, budget_s, pace, gentle)
    return expand(content, place, items, prepare_s, gentle)


def _stretch_variants(
    content: Content,
    types: tuple[str, ...],
    place: str,
    avoid: tuple[str, ...],
    gentle: bool,
    budget_s: int,
    pace: Pace,
) -> list[Variant]:
    """The types' stretches, with their `then_if_time` ones when those fit the minutes too."""
    variants = choose_variants(content, types, place, avoid, gentle=gentle)
    longer = choose_variants(content, types, place, avoid, then_if_time=True, gentle=gentle)
    smallest = total_seconds(content, smallest_items(content, longer, gentle), pace)
    return longer if len(longer) > len(variants) and smallest <= budget_s else variants


def choose_moves(
    content: Content,
    type_ids: Iterable[str],
    place: str,
    avoid: Iterable[str] = (),
    gentle: bool = False,
) -> list[Variant]:
    """The chosen types' moves (each once, in the types' order) done at this place, without
    the avoided ones (by move or variant id, as `choose_variants`)."""
    avoid = set(avoid)
    wanted = dict.fromkeys(
        m for t in resolve_types(content, type_ids) for m in content.pain_type(t).moves
    )
    found = (variant_for(content, m, place, avoid, gentle) for m in wanted if m not in avoid)
    return [v for v in found if v is not None]


def grow_moves(
    content: Content,
    stretches: Sequence[RoutineItem],
    moves: Sequence[RoutineItem],
    budget_s: int,
    pace: Pace,
    gentle: bool = False,
) -> list[RoutineItem]:
    """The time left after the stretches' dose, given to the moves: one more repetition at a
    time up to each move's largest count, then another set, while the routine fits the minutes
    and the moves stay within `dose.moves_max_s` in all."""
    cap, most_sets = content.dose.moves_max_s, _reps_range(content, gentle)[1]
    grown = list(moves)

    def fits(trial: list[RoutineItem]) -> bool:
        moving = sum(i.hold_s * i.reps for i in trial)
        return moving <= cap and total_seconds(content, [*stretches, *trial], pace) <= budget_s

    changed = True
    while changed:
        changed = False
        for index, item in enumerate(grown):
            move = content.stretch_for(item.variant)
            assert isinstance(move, Move)
            if item.hold_s < move.seconds_range[1]:
                bigger = RoutineItem(item.variant, item.hold_s + move.rep_s, item.reps)
            elif item.reps < most_sets:
                bigger = RoutineItem(item.variant, item.hold_s, item.reps + 1)
            else:
                continue
            trial = [*grown[:index], bigger, *grown[index + 1 :]]
            if fits(trial):
                grown, changed = trial, True
    return grown


class TimeFit(NamedTuple):
    """What the builder did with the minutes asked for, to say it where they are asked."""

    shorter: bool  # much shorter than asked: each muscle has its minute a side, and no more
    left_out: tuple[str, ...]  # stretch ids that did not fit the minutes, in routine order
    #: The offered times (MINUTE_CHOICES) that give this very routine, when more than one
    #: does: choosing among them changes nothing, and the screen says so.
    same_for: tuple[int, ...] = ()


def time_fit(
    content: Content,
    answers: Answers,
    routine: Routine,
    avoid: Iterable[str] = (),
    prepare_s: int | None = None,
) -> TimeFit:
    avoid = tuple(avoid)
    wanted = choose_variants(content, answers.types, answers.place, avoid, gentle=answers.gentle)
    kept = {content.variant(item.variant).stretch for item in routine.items}
    left_out = tuple(v.stretch for v in wanted if v.stretch not in kept)
    shorter = answers.minutes * 60 - routine.total_s >= SHORTER_BY_S
    return TimeFit(shorter, left_out, _same_for(content, answers, avoid, prepare_s))


def _routines_by_time(
    content: Content, answers: Answers, avoid: tuple[str, ...], prepare_s: int | None
) -> dict[int, tuple[RoutineItem, ...]]:
    """What each offered time builds for these answers (the time itself aside)."""
    return {
        minutes: build_routine(
            content, answers.types, answers.place, minutes, prepare_s, avoid, answers.gentle
        ).items
        for minutes in MINUTE_CHOICES
    }


def _same_for(
    content: Content, answers: Answers, avoid: tuple[str, ...], prepare_s: int | None
) -> tuple[int, ...]:
    """The offered times that build the same routine as `answers.minutes` (with it)."""
    if answers.minutes not in MINUTE_CHOICES:
        return ()
    built = _routines_by_time(content, answers, avoid, prepare_s)
    same = tuple(m for m in MINUTE_CHOICES if built[m] == built[answers.minutes])
    return same if len(same) > 1 else ()


def times_that_differ(
    content: Content, answers: Answers, avoid: Iterable[str] = (), prepare_s: int | None = None
) -> tuple[int, ...]:
    """The offered times worth offering for these answers: each builds a routine that no
    shorter one builds (the shortest always). A longer time that builds the same routine
    would change nothing."""
    built = _routines_by_time(content, answers, tuple(avoid), prepare_s)
    return tuple(
        m
        for i, m in enumerate(MINUTE_CHOICES)
        if built[m] not in [built[s] for s in MINUTE_CHOICES[:i]]
    )
