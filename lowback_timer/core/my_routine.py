"""The user's own routine ("my routine"), edited in the wizard's preview, kept as YAML.

The file has the schema of routines/ (a top-level `routines:` list with one entry) and is checked
on top of the bundled content when loaded. Saving is atomic (temporary file in the same folder,
fsync, os.replace), and only a file that loads back is ever put in place. A file that cannot be
read is moved aside (`*.broken-<timestamp>`), never deleted, and the errors are returned.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from lowback_timer.core import schema
from lowback_timer.core.atomic import move_aside, replacing, temporary_prefix
from lowback_timer.core.content import (
    Content,
    ContentInvalidError,
    Move,
    RoutineItem,
    SavedRoutine,
    Stretch,
    routines_dir,
)
from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import Routine, expand, safe_hold_range
from lowback_timer.core.schema import ContentError
from lowback_timer.core.yamlsafe import LineMap, YamlError, read_yaml

FILE_NAME = "my-routine.yaml"
ROUTINE_ID = "my-routine"
_HEADER = (
    "# My routine, saved by Low-back Timer. Same schema as the bundled routines/ files.\n"
    "# Holds must stay within each stretch's safe range; the app checks this file on start-up.\n"
)


# --- editing -------------------------------------------------------------------------------
class Draft(NamedTuple):
    """A routine being edited in the preview: what the user sees, as data. Every edit returns a
    new Draft; the routine (with its total time) always comes from core.routine.expand."""

    place: str
    items: tuple[RoutineItem, ...]

    @classmethod
    def of(cls, routine: Routine) -> Draft:
        return cls(routine.place, routine.items)

    def routine(
        self, content: Content, prepare_s: int | None = None, gentle: bool = False
    ) -> Routine:
        return expand(content, self.place, self.items, prepare_s, gentle)

    def can_remove(self, content: Content, index: int) -> bool:
        """Whether item `index` may go: the last stretch always stays (a routine has at least
        one; moves alone are not a routine)."""
        others = self.items[:index] + self.items[index + 1 :]
        return any(isinstance(content.stretch_for(i.variant), Stretch) for i in others)

    def remove(self, content: Content, index: int) -> Draft:
        """Leave out one stretch or move (never the last stretch)."""
        if not 0 <= index < len(self.items) or not self.can_remove(content, index):
            return self
        return self._replace(items=self.items[:index] + self.items[index + 1 :])

    def move(self, index: int, delta: int) -> Draft:
        """Move one stretch up (delta -1) or down (+1); out-of-range moves change nothing."""
        target = index + delta
        if not (0 <= index < len(self.items) and 0 <= target < len(self.items)):
            return self
        items = list(self.items)
        items[index], items[target] = items[target], items[index]
        return self._replace(items=tuple(items))

    def with_hold(self, content: Content, index: int, hold_s: int, gentle: bool = False) -> Draft:
        """Change one hold, clamped to that stretch's safe range (the gentler routine's); a
        move's time to a whole number of its repetitions."""
        item = self.items[index]
        exercise = content.stretch_for(item.variant)
        lo, hi = safe_hold_range(content, exercise.id, gentle)
        seconds = min(max(int(hold_s), lo), hi)
        if isinstance(exercise, Move):
            seconds -= (seconds - lo) % exercise.rep_s
        fitted = schema.replace(item, hold_s=seconds)
        return self._replace(items=(*self.items[:index], fitted, *self.items[index + 1 :]))


# --- saving --------------------------------------------------------------------------------
def document(
    content: Content, place: str, items: Sequence[RoutineItem], name: Mapping[str, str]
) -> dict[str, Any]:
    """The YAML document for one routine, in the schema of routines/."""
    names = {lang: name.get(lang) or name.get("en") or ROUTINE_ID for lang in content.languages}
    entry = {
        "id": ROUTINE_ID,
        "name": names,
        "place": place,
        "items": [
            {"variant": item.variant, "hold_s": int(item.hold_s), "reps": int(item.reps)}
            for item in items
        ],
    }
    return {"routines": [entry]}


def save_my_routine(
    content: Content,
    path: Path,
    place: str,
    items: Sequence[RoutineItem],
    *,
    name: Mapping[str, str] | None = None,
    bundled: Path | None = None,
) -> None:
    """Write the routine atomically; raise ContentInvalidError (nothing written) if it would not
    load back, OSError if the folder cannot be written."""
    if name is None:  # the content's name for it (meta.my_routine_name), in every language
        default = content.meta.my_routine_name
        name = {lang: default(lang) if default else "My routine" for lang in content.languages}
    import yaml  # here: a start that saves nothing never loads PyYAML

    text = _HEADER + yaml.safe_dump(
        document(content, place, items, name),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        load_content([bundled or routines_dir(), tmp])  # only a file that loads back is kept


def remove_stale_temporaries(folder: Path, name: str = FILE_NAME) -> list[Path]:
    """Delete what a save killed half-way left behind (only the app's own temporary files;
    one copy of the app runs at a time, so none of them is in use). Returns what was removed."""
    removed = []
    for tmp in folder.glob(f"{temporary_prefix(folder / name)}*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed


# --- loading -------------------------------------------------------------------------------
class Loaded(NamedTuple):
    """What loading found: the routine, or the errors and where the bad file was moved."""

    routine: SavedRoutine | None = None
    errors: tuple[ContentError, ...] = ()
    moved_to: Path | None = None

    @property
    def message(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def load_my_routine(
    path: Path, *, bundled: Path | None = None, now: float | None = None, set_aside: bool = True
) -> Loaded:
    """Load and check the saved routine. No file: an empty Loaded. A file that is not valid is
    renamed to `<name>.broken-<timestamp>` (unless `set_aside` is False: a command that only
    reads) and its errors (path:line: message) are returned."""
    if not path.exists() and not path.is_symlink():
        return Loaded()
    if not path.exists():  # a link that leads nowhere, or round in a loop: say so
        errors = [ContentError(str(path), 1, "it is a symbolic link that leads to no file")]
        return Loaded(errors=tuple(errors), moved_to=_moved_aside(path, now, set_aside))
    try:
        errors = _only_routines(path)
        if not errors:
            content = load_content([bundled or routines_dir(), path])
            mine = [r for r in content.routines if r.id == ROUTINE_ID]
            if mine:
                return Loaded(routine=mine[0])
            errors = [ContentError(str(path), 1, f"no routine with id '{ROUTINE_ID}' here")]
    except ContentInvalidError as exc:
        errors = [e for e in exc.errors if e.path == str(path)] or list(exc.errors)
    return Loaded(errors=tuple(errors), moved_to=_moved_aside(path, now, set_aside))


def _moved_aside(path: Path, now: float | None, set_aside: bool) -> Path | None:
    if not set_aside:
        return None
    try:
        return move_aside(path, now)
    except OSError:  # e.g. a read-only folder: leave the file where it is, still unused
        return None


def _only_routines(path: Path) -> list[ContentError]:
    """A saved routine may hold nothing but `routines:` (it must not redefine the content)."""
    try:
        tree = read_yaml(path)
    except YamlError as exc:
        return [ContentError(str(path), exc.line, exc.message)]
    if not isinstance(tree, LineMap):
        return [ContentError(str(path), 1, "the file must be a mapping with 'routines:'")]
    if "routines" not in tree:
        return [ContentError(str(path), 1, "section 'routines' is missing")]
    return [
        ContentError(str(path), tree.lines[key], f"only 'routines' belongs here, not '{key}'")
        for key in tree
        if key != "routines"
    ]
