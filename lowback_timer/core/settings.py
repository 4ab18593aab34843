"""Every setting in one place: type, default and valid range.

The UI persists them with QSettings (ui/settings_store.py). A stored value that is out of
range or of the wrong type is clamped or replaced by the default, and the fix is reported,
never raised.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

#: name -> (low, high) for numbers; the clamp applies on load and on every change.
RANGES: dict[str, tuple[float, float]] = {
    "volume": (0.0, 1.0),
    "breath_in_s": (2.0, 10.0),
    "breath_out_s": (2.0, 12.0),
    "prepare_s": (3, 30),
    "minutes": (3, 30),
    "recheck_days": (1, 90),
    "screened_at": (0.0, 4102444800.0),  # wall-clock seconds, up to the year 2100
}
CHOICES: dict[str, tuple[str, ...]] = {
    "place": ("floor", "desk", "standing"),
    "language": ("", "en", "ja"),
}


@dataclass(frozen=True)
class Settings:
    language: str = ""  # "" = follow the system
    volume: float = 0.6
    muted: bool = False
    breath_sounds: bool = False
    speech: bool = False
    pacer: bool = True
    animations: bool = True
    breath_in_s: float = 4.0
    breath_out_s: float = 6.0
    prepare_s: int = 5
    # The wizard's answers and the safety check.
    types: tuple[str, ...] = ()
    place: str = "desk"
    minutes: int = 5
    setup_done: bool = False
    screened_at: float = 0.0  # wall-clock time of the last safety check (0 = never)
    recheck_days: int = 14


def coerce(raw: Mapping[str, Any], report: Callable[[str], None] = lambda _msg: None) -> Settings:
    """Settings from stored raw values (strings from QSettings included), fixing what is off."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in raw:
            continue
        default = getattr(defaults, f.name)
        try:
            value = _convert(raw[f.name], default)
        except (TypeError, ValueError):
            report(f"setting {f.name}={raw[f.name]!r} is not valid; using {default!r}")
            continue
        values[f.name] = _fit(f.name, value, default, report)
    return replace(defaults, **values)


def _convert(value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
            return value.lower() in ("true", "1")
        if isinstance(value, bool | int):
            return bool(value)
        raise ValueError(value)
    if isinstance(default, tuple):
        # QSettings hands back a comma-joined string (see ui/settings_store.py) or a list.
        items = value.split(",") if isinstance(value, str) else list(value or [])
        return tuple(str(x) for x in items if str(x))
    return type(default)(value)


def _fit(name: str, value: Any, default: Any, report: Callable[[str], None]) -> Any:
    if name in RANGES:
        lo, hi = RANGES[name]
        if value != value:  # NaN compares unequal to itself and would slip through the clamp
            report(f"setting {name} is not a number; using {default!r}")
            return default
        clamped = type(default)(min(max(value, lo), hi))
        if clamped != value:
            report(f"setting {name}={value!r} is outside {lo}–{hi}; using {clamped!r}")
        return clamped
    if name in CHOICES and value not in CHOICES[name]:
        report(f"setting {name}={value!r} is not one of {CHOICES[name]}; using {default!r}")
        return default
    return value
