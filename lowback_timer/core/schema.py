"""A small declarative schema for the routine files.

Each kind reads one YAML value, reports what is wrong with it (with its line) to a `Report`,
and returns the checked value, or `INVALID`. Records come back as `LineMap` so that later
cross-reference checks can still point at the line of a field. `make` then turns a checked
value into the app's own (a list into a tuple, a text into `Texts`).

The content's shape is declared once, as classes made with `@shape` whose fields say their
kind with `spec(...)`; `Shape(cls)` is the record kind derived from such a class, and its `make`
builds the object.

Nothing here is a dataclass: the content's classes are made at every start (the cached content
is unpickled into them), and a dataclass compiles its methods when its class is made, ~0.6 ms
each; a `@shape` class shares one set of methods instead, and a type checker still sees the
fields through `dataclass_transform`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath
from typing import Any, NamedTuple, TypeVar, dataclass_transform

from lowback_timer.core.spoken import KANA_LANGUAGES, is_kana
from lowback_timer.core.yamlsafe import LineList, LineMap

INVALID: Any = object()
MISSING: Any = object()  # a field without a default
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
_T = TypeVar("_T")


class ContentError(NamedTuple):  # sorted by file, then line
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class Texts:
    """One text in every language; `text(lang)` falls back to English."""

    values: tuple[tuple[str, str], ...]

    def __init__(self, values: tuple[tuple[str, str], ...]) -> None:
        object.__setattr__(self, "values", values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Texts) and other.values == self.values

    def __hash__(self) -> int:
        return hash(self.values)

    def __repr__(self) -> str:
        return f"Texts({self.values!r})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Texts are frozen: cannot set {name}")

    def __call__(self, lang: str) -> str:
        found = dict(self.values)
        return found.get(lang) or found.get("en") or self.values[0][1]


class Report:
    """Collects every error of one file. `known` holds the vocabularies the content declares,
    read before the checks: "language" drives the text check, the others `Ref`."""

    def __init__(self, path: str, known: Mapping[str, tuple[str, ...]]) -> None:
        self.path = path
        self.known = known
        self.errors: list[ContentError] = []

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


class Int(Kind):
    def __init__(self, lo: int, hi: int, nullable: bool = False, unit: str = "") -> None:
        self.lo, self.hi, self.nullable, self.unit = lo, hi, nullable, unit

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


class Ref(Kind):
    """An id from a vocabulary the content declares elsewhere, e.g. a place."""

    def __init__(self, vocabulary: str) -> None:
        self.vocabulary = vocabulary

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


class OneOf(Kind):
    def __init__(self, choices: tuple[str, ...]) -> None:
        self.choices = choices

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if value not in self.choices:
            return report.error(
                line, f"{where} is {_show(value)}; it must be one of {', '.join(self.choices)}"
            )
        return value


class ByLanguage(Kind):
    """A mapping from some of the languages of `meta.languages` to values of `item` (a
    language left out has none); made into (language, value) pairs."""

    def __init__(self, item: Kind) -> None:
        self.item = item

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


class Reading(Kind):
    """How a text is said aloud, for some languages of `meta.languages` (a language left out
    is said as written); in Japanese (`spoken.KANA_LANGUAGES`) a reading in kana only, which
    espeak-ng can say. Made into (language, reading) pairs."""

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        checked = ByLanguage(Str()).read(report, value, line, where)
        if checked is INVALID:
            return INVALID
        ok = True
        for lang, reading in checked:
            if lang in KANA_LANGUAGES and not is_kana(reading):
                report.error(
                    value.lines[lang],
                    f"{where}.{lang} must be a reading in kana (hiragana, katakana, ー, 、。 "
                    f"and spaces), not {_show(reading)}",
                )
                ok = False
        return checked if ok else INVALID


class ListOf(Kind):
    def __init__(self, item: Kind, min_items: int = 0) -> None:
        self.item, self.min_items = item, min_items

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


class Record(Kind):
    def __init__(self, fields: dict[str, Kind], optional: frozenset[str] = frozenset()) -> None:
        self.fields, self.optional = fields, optional

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


class Range(Kind):
    def __init__(self, lo: int, hi: int, unit: str = "") -> None:
        self.lo, self.hi, self.unit = lo, hi, unit

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
    (`images.image_problem`: a real SVG picture, inside assets/ after following links)."""

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if Str().read(report, value, line, where) is INVALID:
            return INVALID
        path = PurePosixPath(value)
        if path.is_absolute() or ".." in path.parts or "\\" in value:
            return report.error(line, f"{where} '{value}' must stay inside assets/")
        if path.suffix != ".svg":
            return report.error(line, f"{where} '{value}' must be an .svg file")
        return value


class Field:
    """A field of a `@shape` class, as `spec` or `from_owner` declared it."""

    def __init__(
        self,
        kind: Kind | None = None,
        key: str | None = None,
        convert: Callable[[Any], Any] | None = None,
        default: Any = MISSING,
        owner: str | None = None,
        kw_only: bool = False,
    ) -> None:
        self.name = ""  # set by @shape
        self.kind, self.key, self.convert, self.default, self.owner = (
            kind,
            key,
            convert,
            default,
            owner,
        )
        self.kw_only = kw_only

    @property
    def yaml_key(self) -> str:
        return self.key or self.name


def spec(
    kind: Kind,
    key: str | None = None,
    convert: Callable[[Any], Any] | None = None,
    default: Any = MISSING,
    kw_only: bool = False,
) -> Any:
    """A field of a `@shape` class: read from the YAML key `key` (the field's name if None) as
    `kind`, made by the kind into the app's value, then passed through `convert` if given.

    With a `default` (an immutable app value, e.g. `()`), the key may be left out of the YAML
    and the field out of the constructor; such fields come after the others, or are `kw_only`
    (given by name only: a base class's defaulted field, before its subclasses' own)."""
    return Field(kind, key, convert, default, kw_only=kw_only)


def from_owner(key: str) -> Any:
    """A field of a `@shape` class that is not in its YAML: `key` of the record holding it."""
    return Field(owner=key)


@dataclass_transform(frozen_default=True, field_specifiers=(spec, from_owner))
def shape(cls: type[_T]) -> type[_T]:
    """A frozen record class whose fields are all declared with `spec` or `from_owner`: made
    from its fields by position or name, equal and hashed by their values. A subclass of a
    `@shape` class has its base's fields first, then its own."""
    declared = list(shape_fields(cls))  # the base's (inherited), if any
    for name in inspect.get_annotations(cls):
        each = cls.__dict__.get(name)
        if not isinstance(each, Field):
            raise TypeError(f"{cls.__name__}.{name} is declared without spec()")
        each.name = name
        declared.append(each)
        delattr(cls, name)  # an instance always has its own value
    shaped: Any = cls
    shaped.shape_fields = tuple(declared)
    shaped.__init__, shaped.__eq__, shaped.__hash__ = _init, _eq, _hash
    shaped.__repr__, shaped.__setattr__, shaped.__delattr__ = _repr, _setattr, _delattr
    return cls


def shape_fields(value: Any) -> tuple[Field, ...]:
    """The fields of a `@shape` class or object, in their declared order (none for others)."""
    return tuple(getattr(value, "shape_fields", ()))


def replace(value: _T, **changes: Any) -> _T:
    """A copy of a `@shape` object with some fields changed."""
    kept = {each.name: getattr(value, each.name) for each in shape_fields(value)}
    return type(value)(**(kept | changes))


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(self.__dict__[each.name] for each in self.shape_fields)


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    declared = self.shape_fields
    name = type(self).__name__
    positional = [each for each in declared if not each.kw_only]
    if len(args) > len(positional):
        raise TypeError(f"{name}() takes {len(positional)} fields by position, not {len(args)}")
    values = {each.name: value for each, value in zip(positional, args, strict=False)}
    names = {each.name for each in declared}
    for key, value in kwargs.items():
        if key in values or key not in names:
            raise TypeError(f"{name}() got an unexpected or repeated field {key!r}")
        values[key] = value
    for each in declared:
        if each.name not in values:
            if each.default is MISSING:
                raise TypeError(f"{name}() is missing the field {each.name!r}")
            values[each.name] = each.default
    self.__dict__.update((each.name, values[each.name]) for each in declared)


def _eq(self: Any, other: Any) -> Any:
    if type(other) is not type(self):
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{each.name}={self.__dict__[each.name]!r}" for each in self.shape_fields)
    return f"{type(self).__name__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name}")


def _delattr(self: Any, name: str) -> None:
    raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name}")


class Shape(Kind):
    """The record of a `@shape` class: its keys and kinds come from the fields' specs."""

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls
        kinds = {each.yaml_key: each.kind for each in shape_fields(cls) if each.kind is not None}
        optional = {each.yaml_key for each in shape_fields(cls) if each.default is not MISSING}
        self.record = Record(kinds, frozenset(optional))

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        return self.record.read(report, value, line, where)

    def make(self, value: Any, owner: LineMap | None) -> Any:
        made: dict[str, Any] = {}
        for each in shape_fields(self.cls):
            if each.owner is not None:
                assert owner is not None, f"{self.cls.__name__} is made outside its owner"
                made[each.name] = owner[each.owner]
            elif each.yaml_key not in value:
                made[each.name] = each.default  # an optional key left out
            else:
                assert each.kind is not None
                kept = each.kind.make(value[each.yaml_key], value)
                made[each.name] = kept if each.convert is None else each.convert(kept)
        return self.cls(**made)


def _show(value: Any) -> str:
    if isinstance(value, LineMap):
        return "a mapping"
    if isinstance(value, LineList):
        return "a list"
    if value is None:
        return "empty"
    return repr(value)
