"""Build a routine (ordered phases: get ready, hold, switch sides, rest) from the user's answers.

The wizard, `lowback-timer plan`, the timer and the printed sheet all use `build_routine`, so
the same answers always give the same routine.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from lowback_timer.core.content import SAFE_HOLD_S as SAFE_HOLD_S
from lowback_timer.core.content import Content, Dose, RoutineItem, Variant
from lowback_timer.core.settings import limits

MINUTES_RANGE: tuple[int, int] = limits("minutes")
#: A routine may run over the chosen minutes by at most this much.
OVERRUN = 0.15
FIRST_SIDE, SECOND_SIDE = "right", "left"
#: The posture from which the next stretch, if not on the floor, starts with "get up slowly".
FLOOR = "floor"


class Phase(StrEnum):
    PREPARE = "prepare"
    HOLD = "hold"
    SWITCH = "switch"
    REST = "rest"


@dataclass(frozen=True)
class Answers:
    """What the wizard asks (and `plan`/`session` take as options): the types (empty = "not
    sure", the balanced routine), the place and the minutes available."""

    types: tuple[str, ...]
    place: str
    minutes: int


@dataclass(frozen=True)
class Step:
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


@dataclass(frozen=True)
class Routine:
    place: str
    items: tuple[RoutineItem, ...]
    steps: tuple[Step, ...]

    @property
    def total_s(self) -> int:
        return sum(step.duration_s for step in self.steps)

    @property
    def holds(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.phase is Phase.HOLD)

    def to_json(self, content: Content, lang: str) -> dict[str, Any]:
        """The documented `plan --json` shape: `steps` holds the holds, `phases` everything."""
        phases, holds, start = [], [], 0
        for step in self.steps:
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


def _sequences(
    content: Content, type_ids: Iterable[str], avoid: Iterable[str], then_if_time: bool
) -> list[tuple[str, ...]]:
    """Each chosen type's stretches in its order, without the avoided ones. When that leaves
    nothing, the other stretches of the content stand in ("not sure", then any no type has).

    An id to avoid that the content does not have (kept in the settings from an older
    version) is left aside: there is nothing of it to leave out."""
    avoided = set(avoid)

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
) -> list[Variant]:
    """The stretches of the chosen types, each once, in an order that keeps every type's own
    order and changes posture as rarely as it can (no going down to the floor and up twice).

    Stretches in `avoid` are left out (see `_sequences`); with `then_if_time`, each type's
    optional stretches follow its own."""
    sequences = _sequences(content, type_ids, avoid, then_if_time)
    first_seen = list(dict.fromkeys(s for seq in sequences for s in seq))
    variants = {s: variant_for(content, s, place) for s in first_seen}
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


def variant_for(content: Content, stretch_id: str, place: str) -> Variant:
    stretch = content.stretch(stretch_id)
    return next(v for v in stretch.variants if place in v.places)


def dose_for(content: Content, prepare_s: int | None) -> Dose:
    """The content's dose with the user's own get-ready time (None: the content's), so that
    the routine's total is the time the timer will really take."""
    return content.dose if prepare_s is None else replace(content.dose, prepare_s=prepare_s)


def item_seconds(content: Content, item: RoutineItem, dose: Dose) -> int:
    sides = 2 if content.stretch(content.variant(item.variant).stretch).both_sides else 1
    switches = item.reps if sides == 2 else 0
    return (
        dose.prepare_s
        + item.reps * sides * item.hold_s
        + switches * dose.switch_s
        + (item.reps - 1) * dose.rest_s
    )


def safe_hold_range(content: Content, stretch_id: str) -> tuple[int, int]:
    lo, hi = content.stretch(stretch_id).hold_s
    return max(lo, SAFE_HOLD_S[0]), min(hi, SAFE_HOLD_S[1])


def smallest_items(content: Content, variants: Sequence[Variant]) -> list[RoutineItem]:
    """Every stretch at the smallest dose: the fewest repetitions of the shortest hold."""
    rep_lo = content.dose.reps[0]
    return [RoutineItem(v.id, safe_hold_range(content, v.stretch)[0], rep_lo) for v in variants]


def fit_dose(
    content: Content, variants: Sequence[Variant], budget_s: int, dose: Dose
) -> list[RoutineItem]:
    """The most stretching (repetitions x hold, never more than `dose.per_side_max_s` per side)
    that fits the budget, with the longer holds where two doses stretch as long; when the
    minutes allow more, the routine is simply shorter. If even the smallest dose does not fit
    within the allowed overrun, the last stretches are left out."""
    rep_lo, rep_hi = content.dose.reps
    cap = content.dose.per_side_max_s
    ranges = [safe_hold_range(content, v.stretch) for v in variants]
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
            total = sum(item_seconds(content, i, dose) for i in items)
            held = sum(i.hold_s * i.reps for i in items)
            if total <= budget_s and (best is None or (held, target) > best[:2]):
                best = (held, target, items)
    if best is not None:
        return best[2]
    smallest = smallest_items(content, variants)
    while len(smallest) > 1 and sum(item_seconds(content, i, dose) for i in smallest) > budget_s * (
        1 + OVERRUN
    ):
        smallest.pop()
    return smallest


def expand(
    content: Content, place: str, items: Sequence[RoutineItem], prepare_s: int | None = None
) -> Routine:
    """Turn items (variant, hold, repetitions) into the phases the timer walks through."""
    dose = dose_for(content, prepare_s)
    steps: list[Step] = []
    previous: str | None = None
    for item in items:
        posture = content.variant(item.variant).posture
        get_up = previous == FLOOR and posture != FLOOR
        steps += _item_steps(content, item, dose, get_up)
        previous = posture
    return Routine(place, tuple(items), tuple(s for s in steps if s.duration_s > 0))


def _item_steps(content: Content, item: RoutineItem, dose: Dose, get_up: bool) -> list[Step]:
    variant = content.variant(item.variant)
    stretch = content.stretch(variant.stretch)
    sides: tuple[str | None, ...] = (FIRST_SIDE, SECOND_SIDE) if stretch.both_sides else (None,)
    steps: list[Step] = []

    def add(phase: Phase, side: str | None, seconds: int, rep: int, get_up: bool = False) -> None:
        steps.append(Step(phase, stretch.id, variant.id, side, seconds, rep, item.reps, get_up))

    add(Phase.PREPARE, sides[0], dose.prepare_s, 1, get_up)
    for rep in range(1, item.reps + 1):
        if rep > 1:
            add(Phase.REST, sides[0], dose.rest_s, rep)
        for index, side in enumerate(sides):
            if index > 0:
                add(Phase.SWITCH, side, dose.switch_s, rep)
            add(Phase.HOLD, side, item.hold_s, rep)
    return steps


def build_routine(
    content: Content,
    type_ids: Iterable[str],
    place: str,
    minutes: int,
    prepare_s: int | None = None,
    avoid: Iterable[str] = (),
) -> Routine:
    """The routine for these answers; `prepare_s` is the user's get-ready time (None: the
    content's); `avoid` names stretches to leave out (the safety check's `Outcome.avoid`).

    A type's `then_if_time` stretches join only when the routine with them still fits the
    minutes at the smallest dose."""
    if not MINUTES_RANGE[0] <= minutes <= MINUTES_RANGE[1]:
        raise ValueError(f"minutes must be {MINUTES_RANGE[0]}–{MINUTES_RANGE[1]}, not {minutes}")
    if place not in content.place_ids:
        raise ValueError(f"unknown place: {place} ({', '.join(content.place_ids)})")
    types, avoid = tuple(type_ids), tuple(avoid)
    dose, budget_s = dose_for(content, prepare_s), minutes * 60
    variants = choose_variants(content, types, place, avoid)
    longer = choose_variants(content, types, place, avoid, then_if_time=True)
    smallest = sum(item_seconds(content, i, dose) for i in smallest_items(content, longer))
    if len(longer) > len(variants) and smallest <= budget_s:
        variants = longer
    items = fit_dose(content, variants, budget_s, dose)
    return expand(content, place, items, prepare_s)
