"""A small declarative schema for the routine files.

Each kind reads one YAML value, reports what is wrong with it (with its line) to a `Report`,
and returns the checked value, or `INVALID`. Records come back as `LineMap` so that later
cross-reference checks can still point at the line of a field. `make` then turns a checked
value into the app's own (a list into a tuple, a text into `Texts`).

The content's shape is declared once, as dataclasses made with `@shape` whose fields say their
kind with `spec(...)`; `Shape(cls)` is the record kind derived from such a class, and its `make`
builds the object.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields
from pathlib import PurePosixPath
from typing import Any, TypeVar, cast, dataclass_transform

from lowback_timer.core.yamlsafe import LineList, LineMap

INVALID: Any = object()
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
_T = TypeVar("_T")


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Texts:
    """One text in every language; `text(lang)` falls back to English."""

    values: tuple[tuple[str, str], ...]

    def __call__(self, lang: str) -> str:
        found = dict(self.values)
        return found.get(lang) or found.get("en") or self.values[0][1]


@dataclass
class Report:
    """Collects every error of one file. `known` holds the vocabularies the content declares,
    read before the checks: "language" drives the text check, the others `Ref`."""

    path: str
    known: Mapping[str, tuple[str, ...]]
    errors: list[ContentError] = field(default_factory=list)

    @property
    def languages(self) -> tuple[str, ...]:
        return self.known.get("language", ())

    def error(self, line: int, message: str) -> Any:
        self.errors.append(ContentError(self.path, line, message))
        return INVALID


class CheckedList(LineList):
    """The items of a list that passed their checks. `left_out` counts the broken ones (each
    already reported), so that a later check can tell a short list from a broken one."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.left_out = 0


def has_left_out(value: Any) -> bool:
    """Whether a checked list lost broken items (reported where they stand)."""
    return isinstance(value, CheckedList) and value.left_out > 0


class Kind:
    name = "value"

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        raise NotImplementedError

    def make(self, value: Any, owner: LineMap | None) -> Any:
        """The app's value for a checked one; `owner` is the record that holds it."""
        return value


class Str(Kind):
    name = "text"

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if not isinstance(value, str) or not value.strip():
            return report.error(line, f"{where} must be a non-empty string, not {_show(value)}")
        return value


class Id(Kind):
    name = "id"

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            return report.error(
                line, f"{where} must be an id like 'calves-wall' (a-z, 0-9, -), not {_show(value)}"
            )
        return value


@dataclass(frozen=True)
class Int(Kind):
    lo: int
    hi: int
    nullable: bool = False
    unit: str = ""

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if value is None and self.nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            return report.error(line, f"{where} must be a whole number, not {_show(value)}")
        if not self.lo <= value <= self.hi:
            return report.error(
                line, f"{where} is {value}{self.unit}; it must be {self.lo}–{self.hi}{self.unit}"
            )
        return value


@dataclass(frozen=True)
class Ref(Kind):
    """An id from a vocabulary the content declares elsewhere, e.g. a place."""

    vocabulary: str

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        known = report.known.get(self.vocabulary, ())
        if isinstance(value, str) and value in known:
            return value
        listed = ", ".join(known) or "none declared"
        return report.error(line, f"{where}: unknown {self.vocabulary} {_show(value)} ({listed})")


class Bool(Kind):
    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if not isinstance(value, bool):
            return report.error(line, f"{where} must be true or false, not {_show(value)}")
        return value


@dataclass(frozen=True)
class OneOf(Kind):
    choices: tuple[str, ...]

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if value not in self.choices:
            return report.error(
                line, f"{where} is {_show(value)}; it must be one of {', '.join(self.choices)}"
            )
        return value


@dataclass(frozen=True)
class ByLanguage(Kind):
    """A mapping from some of the languages of `meta.languages` to values of `item` (a
    language left out has none); made into (language, value) pairs."""

    item: Kind

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if not isinstance(value, LineMap):
            return report.error(line, f"{where} must map languages to values")
        ok = True
        for lang, each in value.items():
            at = value.lines[lang]
            if lang not in report.languages:
                report.error(at, f"{where} has unknown language '{lang}'")
                ok = False
            elif self.item.read(report, each, at, f"{where}.{lang}") is INVALID:
                ok = False
        return tuple(value.items()) if ok else INVALID

    def make(self, value: Any, owner: LineMap | None) -> tuple[tuple[str, Any], ...]:
        return tuple((lang, self.item.make(each, owner)) for lang, each in value)


class Text(Kind):
    """A mapping with one non-empty string per language of `meta.languages`."""

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if not isinstance(value, LineMap):
            return report.error(
                line, f"{where} must map each language ({', '.join(report.languages)}) to a text"
            )
        ok = True
        for lang in report.languages:
            if lang not in value:
                report.error(value.line, f"{where} is missing language '{lang}'")
                ok = False
        checked = ByLanguage(Str()).read(report, value, line, where)
        if not ok or checked is INVALID:
            return INVALID
        return tuple((lang, value[lang]) for lang in report.languages)

    def make(self, value: Any, owner: LineMap | None) -> Texts:
        return Texts(value)


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind
    min_items: int = 0

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if not isinstance(value, LineList):
            return report.error(line, f"{where} must be a list, not {_show(value)}")
        if len(value) < self.min_items:
            return report.error(line, f"{where} needs at least {self.min_items} item(s)")
        # Broken items are reported and left out, so that the cross-reference checks can still
        # run on the rest and every error is found in one go.
        items = CheckedList(value.line)
        for index, (item, at) in enumerate(zip(value, value.lines, strict=True)):
            checked = self.item.read(report, item, at, f"{where}[{index + 1}]")
            if checked is INVALID:
                items.left_out += 1
            else:
                items.append(checked)
                items.lines.append(at)
        return items

    def make(self, value: Any, owner: LineMap | None) -> tuple[Any, ...]:
        return tuple(self.item.make(item, owner) for item in value)


@dataclass(frozen=True)
class Record(Kind):
    fields: dict[str, Kind]
    optional: frozenset[str] = frozenset()

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if not isinstance(value, LineMap):
            return report.error(line, f"{where} must be a mapping of keys, not {_show(value)}")
        result = LineMap(value.line)
        ok = True
        for key in value:
            if key not in self.fields:
                known = ", ".join(self.fields)
                report.error(value.lines[key], f"{where}: unknown key '{key}' (known: {known})")
                ok = False
        for key, kind in self.fields.items():
            if key not in value:
                if key not in self.optional:
                    report.error(value.line, f"{where}: missing key '{key}'")
                    ok = False
                continue
            checked = kind.read(report, value[key], value.lines[key], f"{where}.{key}")
            result[key] = checked
            result.lines[key] = value.lines[key]
            ok = ok and checked is not INVALID
        return result if ok else INVALID


@dataclass(frozen=True)
class Range(Kind):
    lo: int
    hi: int
    unit: str = ""

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        bound = Int(self.lo, self.hi, unit=self.unit)
        checked = Record({"min": bound, "max": bound}).read(report, value, line, where)
        if checked is INVALID:
            return INVALID
        if checked["min"] > checked["max"]:
            return report.error(checked.line, f"{where}: min is larger than max")
        return (checked["min"], checked["max"])


class ImagePath(Kind):
    """A relative path inside assets/, by its name; the loader then checks the file itself
    (`loader.image_problem`: a real SVG picture, inside assets/ after following links)."""

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if Str().read(report, value, line, where) is INVALID:
            return INVALID
        path = PurePosixPath(value)
        if path.is_absolute() or ".." in path.parts or "\\" in value:
            return report.error(line, f"{where} '{value}' must stay inside assets/")
        if path.suffix != ".svg":
            return report.error(line, f"{where} '{value}' must be an .svg file")
        return value


def spec(
    kind: Kind,
    key: str | None = None,
    convert: Callable[[Any], Any] | None = None,
    default: Any = MISSING,
) -> Any:
    """A field of a `@shape` class: read from the YAML key `key` (the field's name if None) as
    `kind`, made by the kind into the app's value, then passed through `convert` if given.

    With a `default` (an immutable app value, e.g. `()`), the key may be left out of the YAML
    and the field out of the constructor; such fields come after the others."""
    metadata = {"kind": kind, "key": key, "convert": convert, "default": default}
    return field(default=default, metadata=metadata)


def from_owner(key: str) -> Any:
    """A field of a `@shape` class that is not in its YAML: `key` of the record holding it."""
    return field(metadata={"owner": key})


@dataclass_transform(frozen_default=True, field_specifiers=(spec, from_owner))
def shape(cls: type[_T]) -> type[_T]:
    """A frozen dataclass whose fields are all declared with `spec` or `from_owner`."""
    # No generated __repr__: each generated method is compiled at import, at every start
    # (17 content classes), and the content is never shown by repr.
    made = dataclass(frozen=True, repr=False)(cls)
    for each in fields(cast(Any, made)):
        if each.init and not {"kind", "owner"} & set(each.metadata):
            raise TypeError(f"{cls.__name__}.{each.name} is declared without spec()")
    return made


@dataclass(frozen=True)
class Shape(Kind):
    """The record of a `@shape` class: its keys and kinds come from the fields' specs."""

    cls: type[Any]
    record: Record = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kinds = {_key(f): f.metadata["kind"] for f in self._specs()}
        optional = frozenset(_key(f) for f in self._specs() if f.metadata["default"] is not MISSING)
        object.__setattr__(self, "record", Record(kinds, optional))

    def _specs(self) -> list[Field[Any]]:
        return [f for f in fields(self.cls) if "kind" in f.metadata]

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        return self.record.read(report, value, line, where)

    def make(self, value: Any, owner: LineMap | None) -> Any:
        made: dict[str, Any] = {}
        for each in fields(self.cls):
            if "owner" in each.metadata:
                assert owner is not None, f"{self.cls.__name__} is made outside its owner"
                made[each.name] = owner[each.metadata["owner"]]
            elif "kind" in each.metadata and _key(each) not in value:
                made[each.name] = each.metadata["default"]  # an optional key left out
            elif "kind" in each.metadata:
                kept = each.metadata["kind"].make(value[_key(each)], value)
                convert = each.metadata["convert"]
                made[each.name] = kept if convert is None else convert(kept)
        return self.cls(**made)


def _key(spec_field: Field[Any]) -> str:
    return str(spec_field.metadata["key"] or spec_field.name)


def _show(value: Any) -> str:
    if isinstance(value, LineMap):
        return "a mapping"
    if isinstance(value, LineList):
        return "a list"
    if value is None:
        return "empty"
    return repr(value)
