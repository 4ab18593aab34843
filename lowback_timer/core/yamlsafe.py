"""Read a YAML file strictly, keeping the line of every value.

Plain YAML only: anchors, aliases, custom tags and duplicate keys are refused, and so is a
file over 1 MiB. Mappings and lists come back as `LineMap` / `LineList`, which remember the
(1-based) line of each entry so that the validator can point at it.

PyYAML is imported on the first file read, not with this module: a start that finds the
content in its cache (core/content_cache.py) never parses YAML and never pays for it.
"""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yaml.nodes import Node

MAX_FILE_BYTES = 1024 * 1024
#: Deeper nesting than this is refused (the routine schema needs about 6 levels).
MAX_DEPTH = 32
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class YamlError(Exception):
    """A file that cannot be read as plain YAML; `line` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class LineMap(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}


class LineList(list[Any]):
    """A list that knows its own line and the line of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []


@functools.cache
def _strict_loader() -> Any:
    """The loader class, made on the first read (it imports PyYAML): each node is checked as
    it is composed (no aliases or anchors, bounded depth); libyaml scans and parses where
    PyYAML has it (about ten times faster than pure Python)."""
    import yaml
    from yaml.composer import Composer
    from yaml.constructor import SafeConstructor
    from yaml.events import AliasEvent, NodeEvent
    from yaml.resolver import Resolver

    class Checks(Composer):
        depth = 0

        def compose_node(self, parent: Node | None, index: Any) -> Node | None:
            event = self.peek_event()  # type: ignore[attr-defined]  # (the parser class has it)
            line = event.start_mark.line + 1
            if isinstance(event, AliasEvent):
                raise YamlError(line, "aliases (*name) are not allowed; write the value out")
            if isinstance(event, NodeEvent) and event.anchor is not None:
                raise YamlError(line, "anchors (&name) are not allowed; write the value out")
            if self.depth >= MAX_DEPTH:
                raise YamlError(line, f"nested more than {MAX_DEPTH} levels deep")
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    try:
        from yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # a PyYAML built without libyaml: the same checks, slower

        class Slower(Checks, yaml.SafeLoader):
            pass

        return Slower

    class Strict(Checks, CParser, SafeConstructor, Resolver):
        """The composing stays in Python, where every node is checked: Composer's
        `get_single_node` comes before the C one, which would skip the checks."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    return Strict


def read_yaml(path: Path) -> Any:
    """Parse one file into plain values, `LineMap` and `LineList`; raise `YamlError`."""
    try:
        text = _read_text(path)
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise YamlError(line, f"not UTF-8 text ({exc.reason})") from None
    except FileNotFoundError:
        raise YamlError(1, "no such file") from None
    except PermissionError:
        raise YamlError(1, "permission denied") from None
    except OSError as exc:
        raise YamlError(1, f"cannot read: {exc.strerror or exc}") from None
    import yaml

    bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if bad is not None:  # checked here, as the pure-Python reader does, with its line
        line = text[: bad.start()].count("\n") + 1
        code = f" (#x{ord(bad.group()):04x})"
        raise YamlError(line, f"not valid YAML: special characters are not allowed{code}")
    try:
        loader = _strict_loader()(text)
    except yaml.YAMLError as exc:
        raise YamlError(1, f"not valid YAML: {_one_line(exc)}") from None
    try:
        node = loader.get_single_node()
        return None if node is None else _convert(loader, node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        said = exc.problem or exc.context or "unreadable"
        if exc.context and exc.problem and exc.problem.startswith("but "):
            said = f"{exc.context}, {exc.problem}"  # "expected a single document ..., but ..."
        raise YamlError(line, f"not valid YAML: {_one_line(said)}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, f"not valid YAML: {_one_line(exc)}") from None
    finally:
        loader.dispose()


def _one_line(said: object) -> str:
    """A message on one line (PyYAML's own end with the position on a line of their own)."""
    return " ".join(str(said).split())


def _read_text(path: Path) -> str:
    # A device or a pipe could be endless or never end: only a regular file is opened, and
    # without waiting (O_NONBLOCK), in case it was swapped for a pipe after the stat.
    if not stat.S_ISREG(path.stat().st_mode):
        raise YamlError(1, "not a regular file")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise YamlError(1, "not a regular file")
        data = stream.read(MAX_FILE_BYTES + 1)  # st_size can lie; never read more
    if len(data) > MAX_FILE_BYTES:
        raise YamlError(1, f"file is larger than {MAX_FILE_BYTES} bytes (1 MiB)")
    return data.decode("utf-8")


def _convert(loader: Any, node: Node) -> Any:
    line = node.start_mark.line + 1
    if node.tag not in _PLAIN_TAGS:
        raise YamlError(line, f"tag {node.tag!r} is not allowed")
    kind = getattr(node, "id", "")  # PyYAML's node classes say "mapping", "sequence", "scalar"
    if kind == "mapping":
        result = LineMap(line)
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            key = _convert(loader, key_node)
            if not isinstance(key, str):
                raise YamlError(key_line, f"key {key!r} must be text")
            if key in result:
                raise YamlError(key_line, f"duplicate key '{key}'")
            result[key] = _convert(loader, value_node)
            result.lines[key] = key_line
        return result
    if kind == "sequence":
        items = LineList(line)
        for item in node.value:
            items.append(_convert(loader, item))
            items.lines.append(item.start_mark.line + 1)
        return items
    assert kind == "scalar"
    try:
        return loader.construct_object(node, deep=True)
    # e.g. "!!int abc", "!!bool maybe", "!!int" with no digits at all (IndexError)
    except (ValueError, KeyError, OverflowError, IndexError) as exc:
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        kind = node.tag.rsplit(":", 1)[-1]
        raise YamlError(line, f"{shown!r} is not a valid {kind}") from exc
