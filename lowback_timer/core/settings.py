"""Every setting in one place: each field declares its default and its valid range or choices.

The controller (app/controller.py) persists them with QSettings. A stored value that is out of
range or of the wrong type is clamped or replaced by the default, and the fix is reported,
never raised. Choices that come from the content (places, languages) are named here and given
by the caller, so they are listed only in the YAML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")

#: Names of vocabularies a setting's value must come from; the caller passes their values.
PLACES, LANGUAGES, REGIONS = "places", "languages", "regions"


def setting(
    default: T,
    lo: float | None = None,
    hi: float | None = None,
    *,
    kind: type | None = None,
    vocabulary: str | None = None,
    choices: tuple[str, ...] | None = None,
) -> T:
    """A settings field: its default, and either a range (lo..hi), a vocabulary name or the
    app's own fixed `choices`. `kind` is the stored type when the default (None) does not
    tell it. Typed as its default, so mypy checks each field's declared type against it."""
    metadata: dict[str, Any] = {
        "range": (lo, hi) if lo is not None else None,
        "vocabulary": vocabulary,
        "choices": choices,
        "kind": kind or type(default),
    }
    return field(default=default, metadata=metadata)


#: The region choice for "none of these places": the care screen then says to call the local
#: emergency number.
ELSEWHERE = "elsewhere"

#: After each stretch, ask whether the leg symptoms spread (core/spread.py): "auto" asks
#: when a chosen type says so in the content (the nerve type), "on" always, "off" never.
SPREAD_AUTO, SPREAD_ON, SPREAD_OFF = "auto", "on", "off"
SPREAD_CHECKS = (SPREAD_AUTO, SPREAD_ON, SPREAD_OFF)


@dataclass(frozen=True)
class Settings:
    language: str = setting("", vocabulary=LANGUAGES)  # "" = follow the system
    # Whose emergency numbers the care screen shows first: an emergency-number id of the
    # content, ELSEWHERE, or "" = guess from the system's country.
    region: str = setting("", vocabulary=REGIONS)
    volume: float = setting(0.6, 0.0, 1.0)
    muted: bool = setting(False)
    breath_sounds: bool = setting(False)
    speech: bool = setting(False)
    # With spoken cues on, "In…" / "Out…" at the first turns of each hold (core/breathing.py).
    breath_words: bool = setting(True)
    pacer: bool = setting(True)
    animations: bool = setting(True)
    breath_in_s: float = setting(4.0, 2.0, 10.0)
    breath_out_s: float = setting(6.0, 2.0, 12.0)
    prepare_s: int | None = setting(None, 3, 30, kind=int)  # None = the content's dose
    gentle: bool = setting(False)  # the gentler routine: longer, easier holds (dose.gentler)
    # The wizard's answers and the safety check.
    types: tuple[str, ...] = setting(())
    place: str = setting("desk", vocabulary=PLACES)
    minutes: int = setting(5, 3, 30)
    setup_done: bool = setting(False)
    # Wall-clock time of the last safety check (0 = never, or a check that ended routines),
    # up to the year 2100.
    screened_at: float = setting(0.0, 0.0, 4102444800.0)
    recheck_days: int = setting(14, 1, 90)
    avoid: tuple[str, ...] = setting(())  # stretches or variants the last check left out
    # Stretches a stop said to leave for today ("Sharp pain"), and that day (local, ISO date).
    left_out_today: tuple[str, ...] = setting(())
    left_out_on: str = setting("")
    ask_ratings: bool = setting(True)  # how the back and legs feel, before and after
    # The two-week review's line on home (core/review.py) stays hidden until this wall-clock
    # time (0 = not dismissed), up to the year 2100.
    review_dismissed_until: float = setting(0.0, 0.0, 4102444800.0)
    spread_check: str = setting(SPREAD_AUTO, choices=SPREAD_CHECKS)
    # The local dates (ISO) of each "Yes, it spread" in the last week, one entry per answer.
    spread_days: tuple[str, ...] = setting(())
    # The hourly posture-change reminders (core/reminders.py).
    reminders: bool = setting(True)
    reminder_interval_min: int = setting(60, 15, 180)
    work_days: tuple[str, ...] = setting(("0", "1", "2", "3", "4"))  # Monday = "0"
    work_start_min: int = setting(9 * 60, 0, 24 * 60)  # minutes of the day
    work_end_min: int = setting(18 * 60, 0, 24 * 60)
    # How long a due reminder waits for a presentation or "do not disturb" to end.
    reminder_defer_limit_min: int = setting(30, 0, 120)


class Migration(NamedTuple):
    """A key of an earlier version: its value is read under `new` (through `convert`) and the
    old key is dropped from the file; `new=None` drops a setting that is gone."""

    old: str
    new: str | None
    convert: Callable[[Any], Any] = lambda value: value


#: Renamed and removed keys, oldest first (none yet: every key is as the first release named
#: it). Keys the app does not know are otherwise kept: a newer version may have written them.
MIGRATIONS: tuple[Migration, ...] = ()


def stored_keys() -> list[str]:
    """Every key the settings file may hold for the app: today's and the migrated ones."""
    return [f.name for f in fields(Settings)] + [step.old for step in MIGRATIONS]


def migrated(raw: Mapping[str, Any]) -> dict[str, Any]:
    """`raw` with old keys read under today's names (a value stored under the new name wins)
    and the removed ones left out."""
    values = dict(raw)
    for step in MIGRATIONS:
        if step.old in values:
            value = values.pop(step.old)
            if step.new is not None and step.new not in values:
                values[step.new] = step.convert(value)
    return values


def limits(name: str) -> tuple[Any, Any]:
    """The declared (low, high) of a numeric setting."""
    bounds = Settings.__dataclass_fields__[name].metadata["range"]
    if bounds is None:
        raise KeyError(f"setting {name} has no range")
    return bounds  # type: ignore[no-any-return]


def coerce(
    raw: Mapping[str, Any],
    report: Callable[[str], None] = lambda _msg: None,
    vocabularies: Mapping[str, tuple[str, ...]] | None = None,
) -> Settings:
    """Settings from stored raw values (strings from QSettings included), fixing what is off.
    `vocabularies` gives the valid values of the named choices (unchecked when absent)."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in raw:
            continue
        try:
            value = _convert(raw[f.name], f.metadata["kind"])
        except (TypeError, ValueError):
            report(f"setting {f.name}={raw[f.name]!r} is not valid; using {f.default!r}")
            continue
        values[f.name] = _fit(f.name, value, f.default, f.metadata, vocabularies or {}, report)
    return replace(Settings(), **values)


def stored(value: Any) -> Any:
    """A setting's value as the settings file keeps it (the one place lists are encoded;
    `_convert` decodes them): a list as one comma-joined string, since QSettings reads an
    empty list back as None."""
    return ",".join(value) if isinstance(value, tuple) else value


def _convert(value: Any, kind: type) -> Any:
    if value is None:
        return None
    if kind is bool:
        if isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
            return value.lower() in ("true", "1")
        if isinstance(value, bool | int):
            return bool(value)
        raise ValueError(value)
    if kind is tuple:
        # A comma-joined string, as `stored` writes it (or a list, written by hand).
        items = value.split(",") if isinstance(value, str) else list(value or [])
        return tuple(str(x) for x in items if str(x))
    return kind(value)


def _fit(
    name: str,
    value: Any,
    default: Any,
    metadata: Mapping[str, Any],
    vocabularies: Mapping[str, tuple[str, ...]],
    report: Callable[[str], None],
) -> Any:
    if value is None:
        return default
    bounds, vocabulary = metadata["range"], metadata["vocabulary"]
    if bounds is not None:
        lo, hi = bounds
        if value != value:  # NaN compares unequal to itself and would slip through the clamp
            report(f"setting {name} is not a number; using {default!r}")
            return default
        clamped = clamp(value, bounds, metadata["kind"])
        if clamped != value:
            report(f"setting {name}={value!r} is outside {lo}–{hi}; using {clamped!r}")
        return clamped
    choices = vocabularies.get(vocabulary) if vocabulary else metadata["choices"]
    if choices is not None and value not in choices:
        report(f"setting {name}={value!r} is not one of {', '.join(choices)}; using {default!r}")
        return default
    return value


def clamp(value: Any, bounds: tuple[Any, Any], kind: type) -> Any:
    """`value` within the declared bounds, as the field's kind (the one clamp: settings and
    the reminder rules built from them use it)."""
    lo, hi = bounds
    return kind(min(max(value, lo), hi))
