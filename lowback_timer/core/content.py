"""The app's content as frozen data: stretches, types, places, warning tiers and groups,
stop reasons, numbers, prompts, guidance and saved routines, and where the files live.

The shape of the content is declared once, by the `@shape` classes below: each field names its
schema kind with `spec(...)`, and the checker and the builder of core/loader.py are derived
from that (core/schema.py). routines/SCHEMA.md describes the files for editors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from lowback_timer.core.schema import (
    Bool,
    ByLanguage,
    ContentError,
    Id,
    ImagePath,
    Int,
    ListOf,
    OneOf,
    Range,
    Reading,
    Ref,
    Shape,
    Str,
    Text,
    from_owner,
    shape,
    spec,
)
from lowback_timer.core.schema import Texts as Texts

POSTURES = ("floor", "seated", "standing")
HOLD_LIMITS = (5, 120)
#: A move's repetitions in a set, and the seconds of each (up and down at a slow pace).
COUNT_LIMITS, REP_LIMITS = (1, 30), (2, 10)
#: The routine builder keeps every hold in this range, whatever the content allows.
SAFE_HOLD_S = (10, 60)

_K = TypeVar("_K")
_V = TypeVar("_V")


#: The history's file in the app's data folder (named here, where nothing loads sqlite3, so
#: that the recorder can name it before the first frame).
HISTORY_FILE = "history.sqlite3"


def package_root() -> Path:
    """The installed package's folder (its data are files beside its modules; this is what
    `importlib.resources.files` answers for it, without the 15 ms its import takes)."""
    return Path(__file__).resolve().parent.parent


def routines_dir() -> Path:
    return package_root() / "routines"


def assets_dir() -> Path:
    return package_root() / "assets"


class Urgency(StrEnum):
    """How soon a warning tier sends the user to care; each tier names one."""

    EMERGENCY = "emergency"  # call the emergency number now
    TODAY = "today"  # see a doctor today
    SOON = "soon"  # book a check-up soon
    STOP_STRETCH = "stop-stretch"  # stop this stretch (asked while stretching)
    ADAPT = "adapt"  # no visit to book: the routine leaves out what may not suit (pregnancy)


_SECONDS = Int(0, 60, unit=" s")


@shape
class Meta:
    languages: tuple[str, ...] = spec(ListOf(Id(), min_items=1))
    language_names: Texts = spec(Text())  # each language's name in that language
    no_italics: tuple[str, ...] = spec(ListOf(Ref("language")), default=())
    no_sentence_space: tuple[str, ...] = spec(ListOf(Ref("language")), default=())
    my_routine_name: Texts | None = spec(Text(), default=None)
    # Font families per language, best first: on screen (before the system's) and on the
    # printed sheet. A language left out uses the system's font.
    screen_fonts: tuple[tuple[str, tuple[str, ...]], ...] = spec(
        ByLanguage(ListOf(Str())), default=()
    )
    print_fonts: tuple[tuple[str, tuple[str, ...]], ...] = spec(
        ByLanguage(ListOf(Str())), default=()
    )


@shape
class Gentler:
    """The gentler routine (e.g. for older adults): longer, easier holds of one round, more
    time for every change, and only the variants marked `gentle`."""

    hold_s: tuple[int, int] = spec(Range(*HOLD_LIMITS, unit=" s"))
    reps: int = spec(Int(1, 10))
    slower_s: int = spec(_SECONDS)  # added to every get-ready and switch of sides


@shape
class Dose:
    prepare_s: int = spec(_SECONDS)
    #: The get-ready after the floor, getting up to stand or sit (never less than `prepare_s`).
    get_up_s: int = spec(_SECONDS)
    switch_s: int = spec(_SECONDS)  # where a variant does not say its own
    rest_s: int = spec(_SECONDS)
    reps: tuple[int, int] = spec(Range(1, 10))
    per_side_max_s: int = spec(Int(*HOLD_LIMITS, unit=" s"))
    #: When the minutes cannot hold every stretch even at the smallest dose, these stretches
    #: are left out first, in this order (then the last ones).
    drop_first: tuple[str, ...] = spec(ListOf(Id()), default=())
    gentler: Gentler | None = spec(Shape(Gentler), default=None)
    #: The most seconds of moves a routine has (all sets together): time left after the
    #: stretches' dose goes to moves up to this, not to longer holds.
    moves_max_s: int = spec(Int(0, 600, unit=" s"), default=0)


@shape
class Place:
    id: str = spec(Id())
    name: Texts = spec(Text())  # the wizard's choice: "At my desk (a chair and a desk)"
    short: Texts = spec(Text())  # a few words for the command line: "the desk"


@shape
class Variant:
    id: str = spec(Id())
    stretch: str = from_owner("id")  # the id of the stretch it is a variant of
    places: tuple[str, ...] = spec(
        ListOf(Ref("place"), min_items=1),
        key="place",
        convert=lambda ids: tuple(dict.fromkeys(ids)),
    )
    posture: str = spec(OneOf(POSTURES))
    image: str = spec(ImagePath())
    setup: Texts = spec(Text())
    #: Seconds to change sides (None: the dose's): longer where the change is a kneel or a
    #: crossed leg on the floor.
    switch_s: int | None = spec(_SECONDS, default=None)
    #: Offered in the gentler routine: False for kneeling or standing on one leg.
    gentle: bool = spec(Bool(), default=True)


@shape
class Exercise:
    """What a stretch and a move share: the names, the one cue, the sides and the variants."""

    id: str = spec(Id())
    name: Texts = spec(Text())
    muscle: Texts = spec(Text())
    cue: Texts = spec(Text())
    why: Texts = spec(Text())
    both_sides: bool = spec(OneOf(("both", "none")), key="sides", convert=lambda s: s == "both")
    variants: tuple[Variant, ...] = spec(ListOf(Shape(Variant), min_items=1))
    #: The name as a voice should say it, where the written one reads badly (Japanese: kana,
    #: short enough for the get-ready cue); a language left out is said as written.
    spoken_name: tuple[tuple[str, str], ...] = spec(Reading(), default=(), kw_only=True)

    def spoken(self, lang: str) -> str:
        """The name to say aloud in `lang`: its reading, else the written name."""
        return dict(self.spoken_name).get(lang) or self.name(lang)


@shape
class Stretch(Exercise):
    """Held still: a hold of `hold_s` seconds a side."""

    hold_s: tuple[int, int] = spec(Range(*HOLD_LIMITS, unit=" s"))

    @property
    def seconds_range(self) -> tuple[int, int]:
        """The shortest and longest time of one hold, as the content allows."""
        return self.hold_s


@shape
class Move(Exercise):
    """Moved at a pace, counted instead of held (heel raises, marching): `count` times, each
    taking `rep_s` seconds (half of it one way, half back), a soft tone at each."""

    count: tuple[int, int] = spec(Range(*COUNT_LIMITS))
    rep_s: int = spec(Int(*REP_LIMITS, unit=" s"))

    @property
    def seconds_range(self) -> tuple[int, int]:
        """The shortest and longest set in seconds, as the content allows."""
        return self.count[0] * self.rep_s, self.count[1] * self.rep_s


@shape
class PainType:
    id: str = spec(Id())
    name: Texts = spec(Text())
    feels: Texts = spec(Text())
    stretches: tuple[str, ...] = spec(ListOf(Id(), min_items=1))
    #: Stretches added after `stretches` only when the routine with them still fits the minutes.
    then_if_time: tuple[str, ...] = spec(ListOf(Id()), default=())
    #: Moves (the `moves` section) for this type: at the end of its routine, at their smallest
    #: set when the minutes are short, with more of them when there is time (`dose.moves_max_s`).
    moves: tuple[str, ...] = spec(ListOf(Id()), default=())
    #: After each stretch, ask whether the leg symptoms spread (the setting's "auto").
    asks_spread: bool = spec(Bool(), default=False)


@shape
class WarningTier:
    tier: int = spec(Int(1, 9))
    urgency: Urgency = spec(OneOf(tuple(Urgency)), convert=Urgency)
    heading: Texts = spec(Text())  # the safety check's group heading: "Signs to have checked today"
    title: Texts = spec(Text())
    action: Texts = spec(Text())
    call: Texts = spec(Text())
    ends_routine: bool = spec(Bool())


@shape
class WarningSign:
    id: str = spec(Id())
    tier: int = from_owner("tier")  # its check group's tier: a group's signs share one
    group: str = from_owner("id")  # the id of its check group
    text: Texts = spec(Text())  # a short item of the safety check, plain words
    #: Stretch or variant ids to leave out of routines when this sign is ticked (e.g. after hip
    #: surgery); a left-out variant is replaced by one of the same stretch from another place.
    avoid: tuple[str, ...] = spec(ListOf(Id()), default=())
    #: What this sign means for the routine, shown with it (required with `avoid`).
    advice: Texts | None = spec(Text(), default=None)


@shape
class CheckGroup:
    """One question of the safety check: a short heading and its few signs, all of one tier,
    so that "yes" to a group has one meaning. Groups are asked in content order."""

    id: str = spec(Id())
    tier: int = spec(Int(1, 9))
    question: Texts = spec(Text())  # "Bladder, bowel or the saddle area: is any of this new?"
    signs: tuple[WarningSign, ...] = spec(ListOf(Shape(WarningSign), min_items=1))
    sheet: Texts = spec(Text())  # the printed sheet's warning box: its signs in a few words


@shape
class Guidance:
    """The few sentences said once where a routine begins and on the care screen."""

    rule: Texts = spec(Text())  # slowly, to a mild pull, never into pain, no bouncing, breathe
    how_often: Texts = spec(Text())  # once or twice a day, most days; short and regular
    expect: Texts = spec(Text())  # a mild pull fades; stiffness eases over days to weeks
    get_up: Texts = spec(Text())  # the get-ready from the floor to standing: "Get up slowly."
    not_advice: Texts = spec(Text())  # general guidance, not medical advice
    breathing: Texts = spec(Text())  # during a hold: slow, easy, a longer out-breath, never held
    prevention: Texts = spec(Text())  # the sheet's footer: change posture hourly, move, a bath
    stop_at_once: Texts = spec(Text())  # sharp or shooting pain, tingling spreading down the leg
    no_better: Texts = spec(Text())  # no better after about two weeks: have it checked
    spread_again: Texts = spec(Text())  # the get-ready after "it spread": go gently, stop if again
    spread_up_ok: Texts = spec(Text())  # Help: moving up towards the back, or easing, is fine


@shape
class StopReason:
    id: str = spec(Id())
    tier: int | None = spec(Int(1, 9, nullable=True))
    label: Texts = spec(Text())
    advice: Texts = spec(Text())
    #: The advice says to leave this stretch for today: routines leave it out until tomorrow.
    rest_today: bool = spec(Bool(), default=False)


@shape
class EmergencyNumber:
    id: str = spec(Id())
    countries: tuple[str, ...] = spec(ListOf(Str(), min_items=1))
    region: Texts = spec(Text())
    emergency: str = spec(Str())
    helpline: Texts = spec(Text())


@shape
class Prompt:
    id: str = spec(Id())
    text: Texts = spec(Text())


@shape
class RoutineItem:
    variant: str = spec(Id())
    hold_s: int = spec(Int(*HOLD_LIMITS, unit=" s"))
    reps: int = spec(Int(1, 10))


@shape
class SavedRoutine:
    id: str = spec(Id())
    name: Texts = spec(Text())
    place: str = spec(Ref("place"))
    items: tuple[RoutineItem, ...] = spec(ListOf(Shape(RoutineItem), min_items=1))


@shape
class Content:
    """All the content; each field is a top-level section of the routine files."""

    meta: Meta = spec(Shape(Meta))
    dose: Dose = spec(Shape(Dose))
    places: tuple[Place, ...] = spec(ListOf(Shape(Place), min_items=1))
    stretches: tuple[Stretch, ...] = spec(ListOf(Shape(Stretch)))
    moves: tuple[Move, ...] = spec(ListOf(Shape(Move)))
    types: tuple[PainType, ...] = spec(ListOf(Shape(PainType)))
    tiers: tuple[WarningTier, ...] = spec(ListOf(Shape(WarningTier)), key="warning_tiers")
    check_groups: tuple[CheckGroup, ...] = spec(ListOf(Shape(CheckGroup)))
    guidance: Guidance = spec(Shape(Guidance))
    stop_reasons: tuple[StopReason, ...] = spec(ListOf(Shape(StopReason)))
    emergency_numbers: tuple[EmergencyNumber, ...] = spec(ListOf(Shape(EmergencyNumber)))
    prompts: tuple[Prompt, ...] = spec(ListOf(Shape(Prompt)))
    routines: tuple[SavedRoutine, ...] = spec(ListOf(Shape(SavedRoutine)))

    @property
    def languages(self) -> tuple[str, ...]:
        return self.meta.languages

    @cached_property
    def signs(self) -> tuple[WarningSign, ...]:
        """Every warning sign of the safety check, group by group in content order."""
        return tuple(sign for group in self.check_groups for sign in group.signs)

    def check_group(self, group_id: str) -> CheckGroup:
        return _find(self._check_groups, group_id, "check group")

    def signs_in(self, group_id: str) -> tuple[WarningSign, ...]:
        """The signs of one check group, in content order."""
        return self.check_group(group_id).signs

    def language_name(self, code: str) -> str:
        """The language's name in itself ("日本語"), for a list of languages."""
        return _find(dict(self.meta.language_names.values), code, "language")

    @property
    def place_ids(self) -> tuple[str, ...]:
        return tuple(self._places)

    def place(self, place_id: str) -> Place:
        return _find(self._places, place_id, "place")

    def stretch(self, stretch_id: str) -> Stretch | Move:
        """A stretch or a move by its id (both are items of a routine)."""
        return _find(self._stretches, stretch_id, "stretch")

    def variant(self, variant_id: str) -> Variant:
        return _find(self._variants, variant_id, "variant")[0]

    def stretch_for(self, variant_id: str) -> Stretch | Move:
        """The stretch this variant is a variant of."""
        return _find(self._variants, variant_id, "variant")[1]

    def pain_type(self, type_id: str) -> PainType:
        return _find(self._types, type_id, "type")

    def tier(self, tier: int) -> WarningTier:
        return _find(self._tiers, tier, "warning tier")

    def tier_for(self, urgency: Urgency) -> WarningTier | None:
        """The first tier of this urgency (None: the content has none)."""
        return next((t for t in self.tiers if t.urgency is urgency), None)

    def stop_reason(self, reason_id: str) -> StopReason:
        return _find(self._stop_reasons, reason_id, "stop reason")

    @cached_property
    def _places(self) -> dict[str, Place]:
        return {p.id: p for p in self.places}

    @cached_property
    def _stretches(self) -> dict[str, Stretch | Move]:
        both: tuple[Stretch | Move, ...] = (*self.stretches, *self.moves)
        return {s.id: s for s in both}

    @cached_property
    def _variants(self) -> dict[str, tuple[Variant, Stretch | Move]]:
        return {v.id: (v, s) for s in self._stretches.values() for v in s.variants}

    @cached_property
    def _types(self) -> dict[str, PainType]:
        return {t.id: t for t in self.types}

    @cached_property
    def _tiers(self) -> dict[int, WarningTier]:
        return {t.tier: t for t in self.tiers}

    @cached_property
    def _check_groups(self) -> dict[str, CheckGroup]:
        return {g.id: g for g in self.check_groups}

    @cached_property
    def _stop_reasons(self) -> dict[str, StopReason]:
        return {r.id: r for r in self.stop_reasons}


def _find(table: Mapping[_K, _V], key: _K, what: str) -> _V:
    try:
        return table[key]
    except KeyError:
        raise KeyError(f"unknown {what} {key!r}") from None


class ContentInvalidError(Exception):
    def __init__(self, errors: Sequence[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
