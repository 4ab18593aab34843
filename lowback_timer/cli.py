"""The command line: the GUI entry point and the headless commands `check` and `plan`.

Qt is imported only for the GUI commands, so `check` and `plan` stay quick and headless.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from lowback_timer import __version__
from lowback_timer.core.content import (
    PLACES,
    Content,
    ContentInvalidError,
    check,
    load_content,
)
from lowback_timer.core.language import LANGUAGES, format_clock, locale_from_env, pick_language
from lowback_timer.core.routine import MINUTES_RANGE, Routine, build_routine

PROG = "lowback-timer"
DEFAULT_PLACE = "desk"
DEFAULT_MINUTES = 5


@dataclass(frozen=True)
class _PlanWords:
    """The few words of `plan`'s plain-text output (the GUI's words live in the .ts files)."""

    title: str
    places: dict[str, str]
    sides: dict[str | None, str]
    hold: str
    reps: str


_PLAN_WORDS = {
    "en": _PlanWords(
        "Routine for {place}, about {minutes} min: {total} in all",
        {"floor": "the floor", "desk": "the desk", "standing": "standing"},
        {"right": "right", "left": "left", None: ""},
        "{side} {seconds} s",
        "x{reps}",
    ),
    "ja": _PlanWords(
        "{place}のルーティン（約{minutes}分）: 合計 {total}",
        {"floor": "床", "desk": "デスク", "standing": "立ったまま"},
        {"right": "右", "left": "左", None: ""},
        "{side} {seconds}秒",
        "×{reps}回",
    ),
}


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of minutes: {text!r}") from None
    lo, hi = MINUTES_RANGE
    if not lo <= value <= hi:
        raise argparse.ArgumentTypeError(f"minutes must be {lo}–{hi}, not {value}")
    return value


def _routine_options(parser: argparse.ArgumentParser, type_ids: Sequence[str]) -> None:
    parser.add_argument(
        "--type",
        dest="types",
        action="append",
        default=[],
        choices=type_ids,
        metavar="TYPE",
        help=f"which type fits ({', '.join(type_ids)}); repeat for several; none = not sure",
    )
    parser.add_argument("--place", choices=PLACES, default=DEFAULT_PLACE)
    parser.add_argument(
        "--minutes",
        type=_minutes,
        default=DEFAULT_MINUTES,
        help=f"how much time you have ({MINUTES_RANGE[0]}–{MINUTES_RANGE[1]})",
    )


def _parser(type_ids: Sequence[str]) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Guided stretches for an aching lower back and heavy legs. "
        "Without a command, the app's window opens.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: the system's)")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = commands.add_parser("check", help="validate routine files (default: the bundled ones)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    plan = commands.add_parser("plan", help="print the routine the wizard would build")
    _routine_options(plan, type_ids)
    plan.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS)
    plan.add_argument("--json", action="store_true", help="print JSON")
    session = commands.add_parser("session", help="start the guided timer on a routine at once")
    _routine_options(session, type_ids)
    session.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        content: Content | None = load_content()
    except ContentInvalidError as exc:
        content, broken = None, exc
    args = _parser([t.id for t in content.types] if content else []).parse_args(args_list)
    if args.command == "check":  # works even when the bundled files are broken
        return _check(args.paths)
    if content is None:
        print(f"{PROG}: the bundled routine files are broken:\n{broken}", file=sys.stderr)
        return 2
    if args.command == "plan":
        lang = pick_language(args.lang, locale_from_env(os.environ))
        routine = build_routine(content, args.types, args.place, args.minutes)
        if args.json:
            print(json.dumps(routine.to_json(content, lang), ensure_ascii=False, indent=2))
        else:
            print(plan_text(content, routine, args.minutes, lang))
        return 0
    from lowback_timer.ui.app import run_gui  # Qt only from here on

    if args.command == "session":
        routine = build_routine(content, args.types, args.place, args.minutes)
        return run_gui(args.lang, content, routine)
    return run_gui(args.lang, content, None)


def _check(paths: Sequence[Path]) -> int:
    errors = check(list(paths) or None)
    for error in errors:
        print(error, file=sys.stderr)
    if not errors:
        print(f"{', '.join(str(p) for p in paths) or 'bundled routines'}: OK")
    return 2 if errors else 0


def plan_text(content: Content, routine: Routine, minutes: int, lang: str) -> str:
    words = _PLAN_WORDS[lang]
    total = format_clock(routine.total_s)
    lines = [words.title.format(place=words.places[routine.place], minutes=minutes, total=total)]
    for number, item in enumerate(routine.items, start=1):
        stretch = content.stretch(content.variant(item.variant).stretch)
        holds = [
            words.hold.format(side=words.sides[s.side], seconds=s.duration_s).strip()
            for s in routine.holds
            if s.variant == item.variant and s.rep == 1
        ]
        reps = words.reps.format(reps=item.reps)
        lines.append(f"{number}. {stretch.name(lang)}: {', '.join(holds)} {reps}")
        lines.append(f"   {stretch.cue(lang)}")
    return "\n".join(lines)
