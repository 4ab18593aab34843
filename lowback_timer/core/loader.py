"""Loading routines/*.yaml: read, checked and built into a frozen `Content`.

`load_content()` returns a `Content` or raises `ContentInvalidError` with every error found,
each as `path:line: message`; nothing is ever loaded partially. The sections and their fields
come from the `@shape` classes of core/content.py; only the checks across entries and files are
written out here (`_Builder`); core/images.py checks that a picture really is an SVG inside
assets/.
"""

from __future__ import annotations

import functools
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lowback_timer.core.content import (
    SAFE_HOLD_S,
    Content,
    ContentInvalidError,
    Move,
    Stretch,
    Urgency,
    routines_dir,
)
from lowback_timer.core.images import image_problem
from lowback_timer.core.routine import variant_for
from lowback_timer.core.schema import (
    INVALID,
    ContentError,
    ListOf,
    Report,
    Shape,
    has_left_out,
    replace,
)
from lowback_timer.core.yamlsafe import LineList, LineMap, YamlError, read_yaml

_CONTENT = Shape(Content)
_SECTIONS = _CONTENT.record.fields
#: Sections given once in a folder (the others are lists, added up across files).
_SINGLE = tuple(key for key, kind in _SECTIONS.items() if not isinstance(kind, ListOf))
_REQUIRED = tuple(
    key for key, kind in _SECTIONS.items() if not isinstance(kind, ListOf) or kind.min_items
)
#: What the entries of a section are called in messages, and the key no two of them may share.
_UNIQUE = {
    "places": ("place", "id"),
    "stretches": ("stretch", "id"),
    "moves": ("stretch", "id"),  # one name space: a routine's items are stretches or moves
    "types": ("type", "id"),
    "warning_tiers": ("tier", "tier"),
    "check_groups": ("check group", "id"),
    "stop_reasons": ("stop reason", "id"),
    "emergency_numbers": ("emergency number", "id"),
    "prompts": ("prompt", "id"),
    "routines": ("routine", "id"),
}

_Sections = dict[str, list[tuple[Report, LineMap, Any]]]
_Trees = list[tuple[Path, LineMap]]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their *.yaml files (sorted); a folder that cannot be listed
    is left out (`load_content` reports it)."""
    return _expand(paths)[0]


def _expand(paths: Iterable[Path]) -> tuple[list[Path], list[ContentError]]:
    """`expand_paths`, with an error for each folder that cannot be listed or has no files.
    (`Path.glob` would say nothing about a folder it cannot read.)"""
    files: list[Path] = []
    errors: list[ContentError] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)  # read_yaml says what is wrong with it, if anything
            continue
        try:
            with os.scandir(path) as entries:
                names = sorted(e.name for e in entries if e.name.endswith(".yaml"))
        except PermissionError:
            errors.append(ContentError(str(path), 1, "permission denied"))
            continue
        except OSError as exc:
            errors.append(ContentError(str(path), 1, f"cannot read: {exc.strerror or exc}"))
            continue
        if not names:
            errors.append(ContentError(str(path), 1, "no *.yaml files here"))
        files += [path / name for name in names]
    return files, errors


def check(paths: Sequence[Path] | None = None) -> list[ContentError]:
    """Every error in these files/folders; a set without `meta` is checked on the bundled one."""
    try:
        load_content(paths)
    except ContentInvalidError as exc:
        return list(exc.errors)
    return []


def load_content(paths: Sequence[Path] | None = None) -> Content:
    files, errors = _expand(paths or [routines_dir()])
    if not files:  # only folders, and nothing in them to check
        raise ContentInvalidError(errors)
    trees, unread = _read_files(files)
    errors += unread
    if paths is not None and not any("meta" in tree for _, tree in trees):
        # A file on its own (a user's routine, an edited copy of one bundled file): check it
        # on top of the bundled content, in place of the bundled file of the same name.
        names = {path.name for path in files}
        bundled, _ = _read_files([p for p in expand_paths([routines_dir()]) if p.name not in names])
        trees = bundled + trees
    declared = _declared(trees)
    reports = [Report(str(path), declared) for path, _ in trees]
    sections = _read_sections(trees, reports)
    if errors and any(not sections.get(key) for key in _REQUIRED):
        # A file (or folder) that could not be read may hold the missing section (e.g. the
        # languages or the places): what the others say without it would only follow from that.
        raise ContentInvalidError(errors)
    errors += _count_sections(sections, str(paths[0] if paths else routines_dir()))
    # Without a valid meta and dose nothing else can be checked; otherwise check references
    # too, and report everything together.
    singles = [[checked for _, _, checked in sections.get(key, [])] for key in _SINGLE]
    if any(not found or INVALID in found for found in singles):
        raise ContentInvalidError(errors + [e for r in reports for e in r.errors])
    return _Builder(sections, reports, errors).build()


def _read_files(files: list[Path]) -> tuple[_Trees, list[ContentError]]:
    trees: _Trees = []
    errors: list[ContentError] = []
    for path in files:
        try:
            tree = _read_bundled(path) if path.parent == routines_dir() else read_yaml(path)
        except YamlError as exc:
            errors.append(ContentError(str(path), exc.line, exc.message))
            continue
        if tree is None:  # empty, or only comments
            errors.append(ContentError(str(path), 1, "the file is empty (no sections)"))
        elif not isinstance(tree, LineMap):
            errors.append(ContentError(str(path), 1, "the file must be a mapping of sections"))
        else:
            trees.append((path, tree))
    return trees, errors


def _read_bundled(path: Path) -> Any:
    """`read_yaml` of a bundled file, kept per version of the file: they change only with the
    app, and every check of a user's file reads them again. The trees are only ever read."""
    try:
        info = path.stat()
    except OSError:
        return read_yaml(path)  # says what is wrong
    return _read_kept(path, info.st_mtime_ns, info.st_size)


@functools.lru_cache(maxsize=32)
def _read_kept(path: Path, mtime_ns: int, size: int) -> Any:
    return read_yaml(path)


def _declared(trees: _Trees) -> dict[str, tuple[str, ...]]:
    """The vocabularies that other entries refer to, gathered before the checks: the languages
    of `meta` and the ids of `places` (each is checked where it stands)."""
    languages: tuple[str, ...] = ()
    places: list[str] = []
    for _, tree in trees:
        meta, entries = tree.get("meta"), tree.get("places")
        if not languages and isinstance(meta, LineMap) and isinstance(meta.get("languages"), list):
            languages = tuple(str(x) for x in meta["languages"])
        if isinstance(entries, list):
            places += [e["id"] for e in entries if isinstance(e, LineMap) and "id" in e]
    ids = tuple(dict.fromkeys(p for p in places if isinstance(p, str)))
    return {"language": languages or ("en",), "place": ids}


def _read_sections(trees: _Trees, reports: list[Report]) -> _Sections:
    sections: _Sections = {}
    for (_, tree), report in zip(trees, reports, strict=True):
        for key, value in tree.items():
            kind = _SECTIONS.get(key)
            if kind is None:
                report.error(tree.lines[key], f"unknown section '{key}' ({', '.join(_SECTIONS)})")
                continue
            checked = kind.read(report, value, tree.lines[key], key)
            sections.setdefault(key, []).append((report, tree, checked))
    return sections


def _count_sections(sections: _Sections, where: str) -> list[ContentError]:
    """A required section that no file has is an error of the folder; a single section given
    twice is reported where it stands the second time."""
    errors = [
        ContentError(where, 1, f"section '{key}' is missing")
        for key in _REQUIRED
        if not sections.get(key)
    ]
    for key in _SINGLE:
        found = sections.get(key, [])
        for report, tree, _ in found[1:]:
            first = found[0][0].path, found[0][1].lines[key]
            report.error(
                tree.lines[key], f"section '{key}' is already defined at {first[0]}:{first[1]}"
            )
    return errors


class _Builder:
    """Builds the Content from the checked sections (the first of a single one), then checks
    what refers across entries and files.

    An entry that is broken is reported where it stands and left out of the content; a
    reference to it (by an id it declares) is not reported again as unknown, and a stretch
    that lost a broken variant is not also told it lacks a variant for a place."""

    def __init__(self, sections: _Sections, reports: list[Report], errors: list[ContentError]):
        self.sections = {k: [e for e in v if e[2] is not INVALID] for k, v in sections.items()}
        self.reports = reports
        self.file_errors = errors
        self.ids: dict[tuple[str, str], ContentError] = {}
        # The ids each entry declares, broken entries included.
        stretches = [*_entries(sections, "stretches"), *_entries(sections, "moves")]
        self.declared_stretches = _ids(stretches, "id")
        self.declared_moves = _ids(_entries(sections, "moves"), "id")
        variants = (s["variants"] for s in stretches if isinstance(s.get("variants"), LineList))
        self.declared_variants = _ids((v for found in variants for v in found), "id")
        self.declared_tiers = _ids(_entries(sections, "warning_tiers"), "tier")

    def build(self) -> Content:
        content: Content = _CONTENT.make(self._merged(), None)
        # Groups from several files are asked most urgent first (stable within a tier).
        groups = tuple(sorted(content.check_groups, key=lambda g: g.tier))
        content = replace(content, check_groups=groups)
        for key, (what, id_key) in _UNIQUE.items():
            for report, item in self.items(key):
                self.unique(what, report, item, id_key)
        for report, item in self.items("moves"):
            self._check_stretch(report, item, content.place_ids, "move")
        for report, item in self.items("stretches"):
            self._check_stretch(report, item, content.place_ids)
            # The builder's smallest dose must stay under the cap (it never goes over it).
            shortest = max(item["hold_s"][0], SAFE_HOLD_S[0]) * content.dose.reps[0]
            if shortest > content.dose.per_side_max_s:
                report.error(
                    item.lines["hold_s"],
                    f"stretch '{item['id']}': its shortest dose ({shortest} s a side) is over "
                    f"dose.per_side_max_s ({content.dose.per_side_max_s} s)",
                )
        known_stretches = {s.id for s in content.stretches} | self.declared_stretches
        moves = {m.id for m in content.moves} | self.declared_moves
        for report, item in self.items("types"):
            for key in ("stretches", "then_if_time"):
                self._check_stretch_ids(report, item, key, "types", known_stretches - moves)
            self._check_stretch_ids(report, item, "moves", "types", moves)
        for report, _, dose in self.sections.get("dose", []):
            self._check_dose(report, dose, known_stretches)
        self._check_tiers()
        tiers = {t.tier for t in content.tiers} | self.declared_tiers
        for report, item in self.items("check_groups") + self.items("stop_reasons"):
            if item["tier"] is not None and item["tier"] not in tiers:
                report.error(item.lines["tier"], f"unknown warning tier {item['tier']}")
        self._check_groups(content, known_stretches)
        for report, item in self.items("routines"):
            self._check_routine(report, item, content)
        errors = self.file_errors + [e for r in self.reports for e in r.errors]
        if errors:
            raise ContentInvalidError(errors)
        return content

    def _merged(self) -> LineMap:
        """Every section as one mapping: the lists of all files together, single ones once."""
        merged = LineMap(1)
        for key, kind in _SECTIONS.items():
            found = [checked for _, _, checked in self.sections.get(key, [])]
            merged[key] = [i for c in found for i in c] if isinstance(kind, ListOf) else found[0]
        return merged

    def items(self, key: str) -> list[tuple[Report, LineMap]]:
        return [
            (report, item) for report, _, checked in self.sections.get(key, []) for item in checked
        ]

    def unique(self, what: str, report: Report, item: LineMap, key: str = "id") -> None:
        ident = str(item[key])
        first = self.ids.get((what, ident))
        if first is not None:
            report.error(
                item.lines[key], f"{what} '{ident}' is already defined at {first.path}:{first.line}"
            )
        else:
            self.ids[(what, ident)] = ContentError(report.path, item.lines[key], "")

    def _check_stretch(
        self, report: Report, item: LineMap, places: tuple[str, ...], what: str = "stretch"
    ) -> None:
        for variant in item["variants"]:
            self.unique("variant", report, variant)
            problem = image_problem(variant["image"])
            if problem is not None:
                report.error(variant.lines["image"], f"image '{variant['image']}' {problem}")
        variants = item["variants"]
        if has_left_out(variants) or any(has_left_out(v["place"]) for v in variants):
            return  # a broken variant or place is reported; it may be the one missing
        for place in places:
            if not any(place in variant["place"] for variant in item["variants"]):
                report.error(
                    item.lines["variants"], f"{what} '{item['id']}' has no variant for '{place}'"
                )

    def _check_stretch_ids(
        self, report: Report, item: LineMap, key: str, where: str, known: set[str]
    ) -> None:
        names = item.get(key, [])
        for name, line in zip(names, getattr(names, "lines", []), strict=True):
            if name not in known:
                what = {"avoid": "stretch, move or variant", "moves": "move"}.get(key, "stretch")
                report.error(line, f"{where}: unknown {what} '{name}'")

    def _check_tiers(self) -> None:
        """A tier that sends the user to care today or sooner ends the routine, and a tier
        with a larger number is never more urgent than one with a smaller number."""
        rank = {str(urgency): index for index, urgency in enumerate(Urgency)}
        tiers = sorted(self.items("warning_tiers"), key=lambda found: int(found[1]["tier"]))
        for report, item in tiers:
            if item["urgency"] in (Urgency.EMERGENCY, Urgency.TODAY) and not item["ends_routine"]:
                report.error(
                    item.lines["ends_routine"],
                    f"warning tier {item['tier']} has urgency '{item['urgency']}', "
                    "so it must have ends_routine: true",
                )
        for (_, before), (report, item) in itertools.pairwise(tiers):
            if rank[item["urgency"]] < rank[before["urgency"]]:
                report.error(
                    item.lines["urgency"],
                    f"warning tier {item['tier']} is more urgent ('{item['urgency']}') "
                    f"than tier {before['tier']} ('{before['urgency']}')",
                )

    def _check_dose(self, report: Report, dose: LineMap, known_stretches: set[str]) -> None:
        """`drop_first` names stretches; the gentler routine's holds stay under the cap."""
        self._check_stretch_ids(report, dose, "drop_first", "dose", known_stretches)
        gentler = dose.get("gentler")
        if gentler is not None and gentler["hold_s"][0] * gentler["reps"] > dose["per_side_max_s"]:
            report.error(
                dose.lines["gentler"],
                f"dose.gentler: its shortest dose is over dose.per_side_max_s "
                f"({dose['per_side_max_s']} s)",
            )

    def _check_sign(self, report: Report, sign: LineMap, content: Content, known: set[str]) -> None:
        """A sign that changes the routine says how (`advice`), and leaves some stretch."""
        self._check_stretch_ids(report, sign, "avoid", "check_groups", known)
        avoid = sign.get("avoid", [])
        if not avoid:
            return
        if "advice" not in sign:
            report.error(
                sign.lines["avoid"],
                f"warning sign '{sign['id']}' leaves stretches out: its advice must say so "
                "(add 'advice')",
            )
        kept = [s.id for s in content.stretches if s.id not in avoid]
        # variant_for falls back to the other places by itself: one place asks them all (no
        # place at all is reported where the places should be).
        places = content.place_ids[:1]
        if places and not any(variant_for(content, s, places[0], avoid) for s in kept):
            report.error(
                sign.lines["avoid"],
                f"warning sign '{sign['id']}' leaves no stretch at all: give it a tier that "
                "ends routines instead",
            )

    def _check_groups(self, content: Content, known_stretches: set[str]) -> None:
        """Sign ids are unique across groups; a group asks no stop-stretch tier (those signs
        are asked while stretching) and a file's groups come most urgent first (the content
        asks them all in that order: see `build`)."""
        urgency = {t.tier: t.urgency for t in content.tiers}
        last: tuple[int, str] | None = None
        known = known_stretches | self.declared_variants
        last_report: Report | None = None
        for report, group in self.items("check_groups"):
            if report is not last_report:
                last, last_report = None, report
            for sign in group["signs"]:
                self.unique("warning sign", report, sign)
                self._check_sign(report, sign, content, known)
            tier = group["tier"]
            if urgency.get(tier) is Urgency.STOP_STRETCH:
                report.error(
                    group.lines["tier"],
                    f"check group '{group['id']}': tier {tier} is asked while stretching "
                    "(stop_reasons), not in the safety check",
                )
            if tier not in urgency:
                continue  # an unknown tier is reported as such; it has no place in the order
            if last is not None and tier < last[0]:
                report.error(
                    group.lines["tier"],
                    f"check group '{group['id']}' (tier {tier}) comes after '{last[1]}' "
                    f"(tier {last[0]}): ask the most urgent groups first",
                )
            last = (tier, str(group["id"]))

    def _check_routine(self, report: Report, item: LineMap, content: Content) -> None:
        seen: set[str] = set()
        lo_reps, hi_reps = content.dose.reps
        for entry in item["items"]:
            at = entry.lines["variant"]
            try:
                stretch = content.stretch_for(entry["variant"])
            except KeyError:
                if entry["variant"] not in self.declared_variants:  # else reported where it is
                    report.error(at, f"routines: unknown variant '{entry['variant']}'")
                continue
            variant = content.variant(entry["variant"])
            if stretch.id in seen:
                report.error(at, f"routines: {stretch.id} is already in this routine")
            seen.add(stretch.id)
            if item["place"] not in variant.places:
                report.error(at, f"routines: {variant.id} is not done at place '{item['place']}'")
            lo, hi = stretch.seconds_range
            gentler = content.dose.gentler
            if gentler is not None and isinstance(stretch, Stretch):  # its holds may be saved
                hi = max(hi, gentler.hold_s[1])
            if not lo <= entry["hold_s"] <= hi:
                report.error(
                    entry.lines["hold_s"],
                    f"routines: hold of {entry['hold_s']} s is "
                    f"outside the safe range of {stretch.id} ({lo}–{hi} s)",
                )
            if isinstance(stretch, Move) and entry["hold_s"] % stretch.rep_s:
                report.error(
                    entry.lines["hold_s"],
                    f"routines: {stretch.id} is counted, {stretch.rep_s} s a time: its "
                    f"{entry['hold_s']} s must be a whole number of times",
                )
            cap = content.dose.per_side_max_s
            within = lo <= entry["hold_s"] <= hi and isinstance(stretch, Stretch)
            if within and entry["hold_s"] * entry["reps"] > cap:
                report.error(
                    entry.lines["hold_s"],
                    f"routines: {entry['reps']} x {entry['hold_s']} s is over the "
                    f"{cap} s a side that is enough for a muscle (dose.per_side_max_s)",
                )
            if not lo_reps <= entry["reps"] <= hi_reps:
                report.error(
                    entry.lines["reps"],
                    f"routines: {entry['reps']} repetitions is outside {lo_reps}–{hi_reps}",
                )


def _entries(sections: _Sections, key: str) -> Iterator[LineMap]:
    """The entries of a list section as written, broken ones included."""
    for _, tree, _ in sections.get(key, []):
        if isinstance(tree[key], LineList):
            yield from (entry for entry in tree[key] if isinstance(entry, LineMap))


def _ids(entries: Iterable[Any], key: str) -> set[Any]:
    """The ids (text or whole numbers) these entries give under `key`."""
    found = (e.get(key) for e in entries if isinstance(e, LineMap))
    return {i for i in found if isinstance(i, str | int) and not isinstance(i, bool)}
