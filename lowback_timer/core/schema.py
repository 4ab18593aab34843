"""A small declarative schema for the routine files.

Each kind reads one YAML value, reports what is wrong with it (with its line) to a `Report`,
and returns the checked value, or `INVALID`. Records come back as `LineMap` so that later
cross-reference checks can still point at the line of a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from lowback_timer.core.yamlsafe import LineList, LineMap

INVALID: Any = object()
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Report:
    """Collects every error of one file; `languages` drives the text check."""

    path: str
    languages: tuple[str, ...]
    errors: list[ContentError] = field(default_factory=list)

    def error(self, line: int, message: str) -> Any:
        self.errors.append(ContentError(self.path, line, message))
        return INVALID


class Kind:
    name = "value"

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        raise NotImplementedError


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
        for lang, text in value.items():
            at = value.lines[lang]
            if lang not in report.languages:
                report.error(at, f"{where} has unknown language '{lang}'")
                ok = False
            elif Str().read(report, text, at, f"{where}.{lang}") is INVALID:
                ok = False
        return tuple((lang, value[lang]) for lang in report.languages) if ok else INVALID


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
        items = LineList(value.line)
        for index, (item, at) in enumerate(zip(value, value.lines, strict=True)):
            checked = self.item.read(report, item, at, f"{where}[{index + 1}]")
            if checked is not INVALID:
                items.append(checked)
                items.lines.append(at)
        return items


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
    """A relative path inside assets/ (checked for existence by the loader)."""

    def read(self, report: Report, value: Any, line: int, where: str) -> Any:
        if Str().read(report, value, line, where) is INVALID:
            return INVALID
        path = PurePosixPath(value)
        if path.is_absolute() or ".." in path.parts or "\\" in value:
            return report.error(line, f"{where} '{value}' must stay inside assets/")
        if path.suffix != ".svg":
            return report.error(line, f"{where} '{value}' must be an .svg file")
        return value


def _show(value: Any) -> str:
    if isinstance(value, LineMap):
        return "a mapping"
    if isinstance(value, LineList):
        return "a list"
    if value is None:
        return "empty"
    return repr(value)
