"""The app's content: routines/*.yaml loaded, checked and frozen.

`load_content()` returns a `Content` or raises `ContentInvalidError` with every error found, each as
`path:line: message`; nothing is ever loaded partially. The schema lives in SECTIONS below and
is described for editors in routines/SCHEMA.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from lowback_timer.core.schema import (
    INVALID,
    Bool,
    ContentError,
    Id,
    ImagePath,
    Int,
    Kind,
    ListOf,
    OneOf,
    Range,
    Record,
    Report,
    Str,
    Text,
)
from lowback_timer.core.yamlsafe import LineMap, YamlError, read_yaml

PLACES = ("floor", "desk", "standing")
POSTURES = ("floor", "seated", "standing")
HOLD_LIMITS = (5, 120)


def package_root() -> Path:
    return Path(str(resources.files("lowback_timer")))


def routines_dir() -> Path:
    return package_root() / "routines"


def assets_dir() -> Path:
    return package_root() / "assets"


@dataclass(frozen=True)
class Texts:
    """One text in every language; `text(lang)` falls back to English."""

    values: tuple[tuple[str, str], ...]

    def __call__(self, lang: str) -> str:
        found = dict(self.values)
        return found.get(lang) or found.get("en") or self.values[0][1]


@dataclass(frozen=True)
class Variant:
    id: str
    stretch: str
    places: tuple[str, ...]
    posture: str
    image: str
    setup: Texts


@dataclass(frozen=True)
class Stretch:
    id: str
    name: Texts
    muscle: Texts
    cue: Texts
    why: Texts
    both_sides: bool
    hold_s: tuple[int, int]
    variants: tuple[Variant, ...]


@dataclass(frozen=True)
class PainType:
    id: str
    name: Texts
    feels: Texts
    stretches: tuple[str, ...]


@dataclass(frozen=True)
class WarningTier:
    tier: int
    title: Texts
    action: Texts
    call: Texts
    ends_routine: bool


@dataclass(frozen=True)
class WarningSign:
    id: str
    tier: int
    text: Texts


@dataclass(frozen=True)
class StopReason:
    id: str
    tier: int | None
    label: Texts
    advice: Texts


@dataclass(frozen=True)
class EmergencyNumber:
    id: str
    countries: tuple[str, ...]
    region: Texts
    emergency: str
    helpline: Texts


@dataclass(frozen=True)
class Prompt:
    id: str
    text: Texts


@dataclass(frozen=True)
class Dose:
    prepare_s: int
    switch_s: int
    rest_s: int
    reps: tuple[int, int]
    per_side_max_s: int


@dataclass(frozen=True)
class RoutineItem:
    variant: str
    hold_s: int
    reps: int


@dataclass(frozen=True)
class SavedRoutine:
    id: str
    name: Texts
    place: str
    items: tuple[RoutineItem, ...]


@dataclass(frozen=True)
class Content:
    languages: tuple[str, ...]
    dose: Dose
    stretches: tuple[Stretch, ...]
    types: tuple[PainType, ...]
    tiers: tuple[WarningTier, ...]
    signs: tuple[WarningSign, ...]
    stop_reasons: tuple[StopReason, ...]
    emergency_numbers: tuple[EmergencyNumber, ...]
    prompts: tuple[Prompt, ...]
    routines: tuple[SavedRoutine, ...]

    def with_prepare(self, seconds: int) -> Content:
        """The same content with the user's own get-ready time, so that routines are built
        (and their total time shown) with the time the timer will really take."""
        return replace(self, dose=replace(self.dose, prepare_s=seconds))

    def stretch(self, stretch_id: str) -> Stretch:
        return next(s for s in self.stretches if s.id == stretch_id)

    def variant(self, variant_id: str) -> Variant:
        return next(v for s in self.stretches for v in s.variants if v.id == variant_id)

    def pain_type(self, type_id: str) -> PainType:
        return next(t for t in self.types if t.id == type_id)

    def tier(self, tier: int) -> WarningTier:
        return next(t for t in self.tiers if t.tier == tier)

    def stop_reason(self, reason_id: str) -> StopReason:
        return next(r for r in self.stop_reasons if r.id == reason_id)


class ContentInvalidError(Exception):
    def __init__(self, errors: Sequence[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


_TEXT = Text()
_SECONDS = Int(0, 60, unit=" s")
_VARIANT = Record(
    {
        "id": Id(),
        "place": ListOf(OneOf(PLACES), min_items=1),
        "posture": OneOf(POSTURES),
        "image": ImagePath(),
        "setup": _TEXT,
    }
)
_SECTIONS: dict[str, Kind] = {
    "meta": Record({"languages": ListOf(Id(), min_items=1)}),
    "dose": Record(
        {
            "prepare_s": _SECONDS,
            "switch_s": _SECONDS,
            "rest_s": _SECONDS,
            "reps": Range(1, 10),
            "per_side_max_s": Int(*HOLD_LIMITS, unit=" s"),
        }
    ),
    "stretches": ListOf(
        Record(
            {
                "id": Id(),
                "name": _TEXT,
                "muscle": _TEXT,
                "cue": _TEXT,
                "why": _TEXT,
                "sides": OneOf(("both", "none")),
                "hold_s": Range(*HOLD_LIMITS, unit=" s"),
                "variants": ListOf(_VARIANT, min_items=1),
            }
        )
    ),
    "types": ListOf(
        Record({"id": Id(), "name": _TEXT, "feels": _TEXT, "stretches": ListOf(Id(), 1)})
    ),
    "warning_tiers": ListOf(
        Record(
            {
                "tier": Int(1, 9),
                "title": _TEXT,
                "action": _TEXT,
                "call": _TEXT,
                "ends_routine": Bool(),
            }
        )
    ),
    "warning_signs": ListOf(Record({"id": Id(), "tier": Int(1, 9), "text": _TEXT})),
    "stop_reasons": ListOf(
        Record({"id": Id(), "tier": Int(1, 9, nullable=True), "label": _TEXT, "advice": _TEXT})
    ),
    "emergency_numbers": ListOf(
        Record(
            {
                "id": Id(),
                "countries": ListOf(Str(), min_items=1),
                "region": _TEXT,
                "emergency": Str(),
                "helpline": _TEXT,
            }
        )
    ),
    "prompts": ListOf(Record({"id": Id(), "text": _TEXT})),
    "routines": ListOf(
        Record(
            {
                "id": Id(),
                "name": _TEXT,
                "place": OneOf(PLACES),
                "items": ListOf(
                    Record(
                        {
                            "variant": Id(),
                            "hold_s": Int(*HOLD_LIMITS, unit=" s"),
                            "reps": Int(1, 10),
                        }
                    ),
                    min_items=1,
                ),
            }
        )
    ),
}
_SINGLE = ("meta", "dose")


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their *.yaml files (sorted)."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return files


def check(paths: Sequence[Path] | None = None) -> list[ContentError]:
    """Every error in these files/folders; a set without `meta` is checked on the bundled one."""
    try:
        load_content(paths)
    except ContentInvalidError as exc:
        return list(exc.errors)
    return []


def load_content(paths: Sequence[Path] | None = None) -> Content:
    files = expand_paths(paths or [routines_dir()])
    errors: list[ContentError] = []
    trees: list[tuple[Path, LineMap]] = []
    if not files:
        missing = [ContentError(str(p), 1, "no *.yaml files here") for p in paths or []]
        raise ContentInvalidError(missing)
    for path in files:
        try:
            tree = read_yaml(path)
        except YamlError as exc:
            errors.append(ContentError(str(path), exc.line, exc.message))
            continue
        if not isinstance(tree, LineMap):
            errors.append(ContentError(str(path), 1, "the file must be a mapping of sections"))
            continue
        trees.append((path, tree))
    if paths is not None and not any("meta" in tree for _, tree in trees):
        # A file on its own (a user's routine, an edited copy of one bundled file): check it
        # on top of the bundled content, in place of the bundled file of the same name.
        names = {path.name for path in files}
        bundled = [p for p in expand_paths([routines_dir()]) if p.name not in names]
        trees = [*((p, read_yaml(p)) for p in bundled), *trees]
    languages = _languages(trees)
    sections: dict[str, list[tuple[Report, LineMap, Any]]] = {}
    reports: list[Report] = []
    for path, tree in trees:
        report = Report(str(path), languages)
        reports.append(report)
        for key, value in tree.items():
            kind = _SECTIONS.get(key)
            if kind is None:
                report.error(tree.lines[key], f"unknown section '{key}' ({', '.join(_SECTIONS)})")
                continue
            checked = kind.read(report, value, tree.lines[key], key)
            sections.setdefault(key, []).append((report, tree, checked))
    where = str(paths[0] if paths else routines_dir())
    for key in _SINGLE:
        found = sections.get(key, [])
        if not found:
            errors.append(ContentError(where, 1, f"section '{key}' is missing"))
        for report, tree, _ in found[1:]:
            first = found[0][0].path, found[0][1].lines[key]
            report.error(
                tree.lines[key], f"section '{key}' is already defined at {first[0]}:{first[1]}"
            )
    # Without one valid meta and dose nothing else can be checked; otherwise check references
    # too, and report everything together.
    if (errors and any(len(sections.get(key, [])) != 1 for key in _SINGLE)) or any(
        checked is INVALID for key in _SINGLE for _, _, checked in sections.get(key, [])
    ):
        raise ContentInvalidError(errors + [e for r in reports for e in r.errors])
    valid = {k: [e for e in v if e[2] is not INVALID] for k, v in sections.items()}
    return _Builder(valid, languages, reports, errors).build()


def _languages(trees: list[tuple[Path, LineMap]]) -> tuple[str, ...]:
    for _, tree in trees:
        meta = tree.get("meta")
        if isinstance(meta, LineMap) and isinstance(meta.get("languages"), list):
            langs = tuple(str(x) for x in meta["languages"])
            if langs:
                return langs
    return ("en",)


class _Builder:
    """Turns checked sections into dataclasses, checking references across files."""

    def __init__(
        self,
        sections: dict[str, list[tuple[Report, LineMap, Any]]],
        languages: tuple[str, ...],
        reports: list[Report],
        file_errors: list[ContentError],
    ) -> None:
        self.file_errors = file_errors
        self.sections = sections
        self.languages = languages
        self.reports = reports
        self.ids: dict[tuple[str, str], ContentError] = {}

    def items(self, key: str) -> list[tuple[Report, LineMap]]:
        return [
            (report, item) for report, _, checked in self.sections.get(key, []) for item in checked
        ]

    def unique(self, kind: str, report: Report, item: LineMap, key: str = "id") -> None:
        ident = str(item[key])
        first = self.ids.get((kind, ident))
        if first is not None:
            report.error(
                item.lines[key], f"{kind} '{ident}' is already defined at {first.path}:{first.line}"
            )
        else:
            self.ids[(kind, ident)] = ContentError(report.path, item.lines[key], "")

    def build(self) -> Content:
        ((_, _, dose),) = self.sections["dose"]
        stretches = tuple(self._stretch(r, s) for r, s in self.items("stretches"))
        variants = {v.id: (v, s) for s in stretches for v in s.variants}
        known_stretches = {s.id for s in stretches}
        types = []
        for report, item in self.items("types"):
            self.unique("type", report, item)
            for name, line in zip(item["stretches"], item["stretches"].lines, strict=True):
                if name not in known_stretches:
                    report.error(line, f"types: unknown stretch '{name}'")
            types.append(
                PainType(
                    item["id"],
                    Texts(item["name"]),
                    Texts(item["feels"]),
                    tuple(item["stretches"]),
                )
            )
        tiers = []
        for report, item in self.items("warning_tiers"):
            self.unique("tier", report, item, "tier")
            tiers.append(
                WarningTier(
                    item["tier"],
                    Texts(item["title"]),
                    Texts(item["action"]),
                    Texts(item["call"]),
                    item["ends_routine"],
                )
            )
        known_tiers = {t.tier for t in tiers}
        signs = []
        for report, item in self.items("warning_signs"):
            self.unique("warning sign", report, item)
            self._tier_exists(report, item, known_tiers)
            signs.append(WarningSign(item["id"], item["tier"], Texts(item["text"])))
        reasons = []
        for report, item in self.items("stop_reasons"):
            self.unique("stop reason", report, item)
            self._tier_exists(report, item, known_tiers)
            reasons.append(
                StopReason(item["id"], item["tier"], Texts(item["label"]), Texts(item["advice"]))
            )
        numbers = []
        for report, item in self.items("emergency_numbers"):
            self.unique("emergency number", report, item)
            numbers.append(
                EmergencyNumber(
                    item["id"],
                    tuple(item["countries"]),
                    Texts(item["region"]),
                    item["emergency"],
                    Texts(item["helpline"]),
                )
            )
        prompts = []
        for report, item in self.items("prompts"):
            self.unique("prompt", report, item)
            prompts.append(Prompt(item["id"], Texts(item["text"])))
        dose_obj = Dose(
            dose["prepare_s"],
            dose["switch_s"],
            dose["rest_s"],
            dose["reps"],
            dose["per_side_max_s"],
        )
        routines = [
            self._routine(r, item, variants, dose_obj) for r, item in self.items("routines")
        ]
        errors = self.file_errors + [e for r in self.reports for e in r.errors]
        if errors:
            raise ContentInvalidError(list(errors))
        return Content(
            self.languages,
            dose_obj,
            stretches,
            tuple(types),
            tuple(tiers),
            tuple(signs),
            tuple(reasons),
            tuple(numbers),
            tuple(prompts),
            tuple(routines),
        )

    def _tier_exists(self, report: Report, item: LineMap, known: set[int]) -> None:
        if item["tier"] is not None and item["tier"] not in known:
            report.error(item.lines["tier"], f"unknown warning tier {item['tier']}")

    def _stretch(self, report: Report, item: LineMap) -> Stretch:
        self.unique("stretch", report, item)
        variants = []
        for v in item["variants"]:
            self.unique("variant", report, v)
            if not (assets_dir() / v["image"]).is_file():
                report.error(v.lines["image"], f"image '{v['image']}' not found in assets/")
            variants.append(
                Variant(
                    v["id"],
                    item["id"],
                    tuple(dict.fromkeys(v["place"])),
                    v["posture"],
                    v["image"],
                    Texts(v["setup"]),
                )
            )
        for place in PLACES:
            if not any(place in v.places for v in variants):
                report.error(
                    item.lines["variants"], f"stretch '{item['id']}' has no variant for '{place}'"
                )
        return Stretch(
            item["id"],
            Texts(item["name"]),
            Texts(item["muscle"]),
            Texts(item["cue"]),
            Texts(item["why"]),
            item["sides"] == "both",
            item["hold_s"],
            tuple(variants),
        )

    def _routine(
        self,
        report: Report,
        item: LineMap,
        variants: dict[str, tuple[Variant, Stretch]],
        dose: Dose,
    ) -> SavedRoutine:
        self.unique("routine", report, item)
        items = []
        seen: set[str] = set()
        for entry in item["items"]:
            found = variants.get(entry["variant"])
            at = entry.lines["variant"]
            if found is None:
                report.error(at, f"routines: unknown variant '{entry['variant']}'")
                continue
            if found[0].stretch in seen:
                report.error(at, f"routines: {found[0].stretch} is already in this routine")
            seen.add(found[0].stretch)
            if item["place"] not in found[0].places:
                report.error(at, f"routines: {found[0].id} is not done at place '{item['place']}'")
            lo, hi = found[1].hold_s
            if not lo <= entry["hold_s"] <= hi:
                report.error(
                    entry.lines["hold_s"],
                    f"routines: hold of {entry['hold_s']} s is "
                    f"outside the safe range of {found[1].id} ({lo}–{hi} s)",
                )
            if not dose.reps[0] <= entry["reps"] <= dose.reps[1]:
                report.error(
                    entry.lines["reps"],
                    f"routines: {entry['reps']} repetitions is "
                    f"outside {dose.reps[0]}–{dose.reps[1]}",
                )
            items.append(RoutineItem(entry["variant"], entry["hold_s"], entry["reps"]))
        return SavedRoutine(item["id"], Texts(item["name"]), item["place"], tuple(items))
