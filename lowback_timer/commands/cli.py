"""The command line: the GUI entry point and the headless commands (`check`, `plan`, `sheet`,
`history`).

`check` never imports Qt; `plan` imports only QtCore (for the stored settings and the
translated words); the widgets are imported only for the GUI commands.

Output never fails on the terminal: a file name with bytes that are not valid in the file
system's encoding is shown with them as `\\xNN`, any other character a stream cannot encode as
a backslash escape, and a reader that goes away (`lowback-timer plan | head -1`) ends the
command quietly with exit status 141 (128 + SIGPIPE, what a shell shows for `cat` there).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn

from lowback_timer import __version__
from lowback_timer.core.app_state import PAPERS
from lowback_timer.core.content import Content, ContentInvalidError
from lowback_timer.core.content_cache import default_cache_dir, load_bundled
from lowback_timer.core.loader import check, load_content
from lowback_timer.core.routine import MINUTES_RANGE, Answers
from lowback_timer.core.settings import Settings

PROG = "lowback-timer"
DEFAULTS = Settings()
# The exit status when the reader of our output has gone: 128 + SIGPIPE, as for `cat`.
PIPE_CLOSED = 141
# `--type not-sure`: the same as giving no type (all four stretches).
NOT_SURE = "not-sure"


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


def _routine_options(
    parser: argparse.ArgumentParser, content: Content | None, *, defaults: bool = True
) -> None:
    """--type, --place, --minutes; without `defaults`, an option not given is None."""
    type_ids = [t.id for t in content.types] if content else []
    parser.add_argument(
        "--type",
        dest="types",
        action="append",
        default=[],
        choices=[*type_ids, NOT_SURE] if type_ids else None,  # broken content: say why later
        metavar="TYPE",
        help=f"which type fits ({', '.join(type_ids)}); repeat for several; "
        f"'{NOT_SURE}' (or no --type) gives all four stretches",
    )
    places = content.place_ids if content else ()
    parser.add_argument(
        "--place", choices=places or None, default=DEFAULTS.place if defaults else None
    )
    parser.add_argument(
        "--minutes",
        type=_minutes,
        default=DEFAULTS.minutes if defaults else None,
        help=f"how much time you have ({MINUTES_RANGE[0]}–{MINUTES_RANGE[1]})",
    )
    parser.add_argument(
        "--gentle",
        action="store_true",
        default=None if not defaults else False,
        help="the gentler routine: longer, easier holds, one round, no kneeling or one-leg stance",
    )


def _parser(content: Content | None, *, commands: bool = True) -> argparse.ArgumentParser:
    """Types, places and languages come from the content (none when it is broken). Without
    `commands`, only the window's options: for a start with nothing else on its command line
    (building the commands' parsers takes a few ms of every start)."""
    languages = content.languages if content else None
    parser = _Parser(
        prog=PROG,
        description="Guided stretches for an aching lower back and heavy legs. "
        "Without a command, the app's window opens.",
        epilog="Exit status: 0 done; 1 no display for the window; 2 bad arguments or invalid "
        "routine files; 130 and 143 ended by Ctrl+C (SIGINT) and SIGTERM; 141 the output's "
        "reader went away (as in '... | head -1').",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--lang",
        choices=languages,
        help="language (default: the one chosen in the app, else LC_ALL, LC_MESSAGES or LANG)",
    )
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start in the tray, without the window (as at login); the first run shows it",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add the app to the desktop's launcher (Linux: ~/.local/share), with its icon",
    )
    desktop.add_argument(
        "--remove-desktop-entry", action="store_true", help="take the launcher entry away again"
    )
    parser.add_argument(
        "--exit-after-first-frame",
        action="store_true",
        # A diagnostic for start-up timing: quit once the window is painted, saying when.
        help=argparse.SUPPRESS,
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log details, the audio libraries' included"
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = sub.add_parser("check", help="validate routine files (default: the bundled ones)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    plan = sub.add_parser("plan", help="print the routine the wizard would build")
    _routine_options(plan, content)
    plan.add_argument("--lang", choices=languages, default=argparse.SUPPRESS)
    plan.add_argument("--json", action="store_true", help="print JSON")
    session = sub.add_parser("session", help="start the guided timer on a routine at once")
    _routine_options(session, content)
    session.add_argument("--lang", choices=languages, default=argparse.SUPPRESS)
    sheet = sub.add_parser(
        "sheet",
        help="write the printable routine sheet as a PDF (no display needed)",
        description="Write the routine sheet as a PDF. Without --type, --place or --minutes: "
        "today's routine, as the app shows it.",
    )
    _routine_options(sheet, content, defaults=False)
    sheet.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    sheet.add_argument(
        "--paper", choices=PAPERS, help="paper size (default: by the system's country)"
    )
    sheet.add_argument("--lang", choices=languages, default=argparse.SUPPRESS)
    history = sub.add_parser(
        "history",
        help="the history of sessions and ratings as CSV, or its two-week review (kept only "
        "on this computer)",
        description="Print the history as CSV: a header line, then one row per session. "
        "With --summary: the two-week review instead (days with a routine in the last 14, the "
        "first and the last week's median ratings before a routine, and what they say).",
    )
    form = history.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="CSV (the default)")
    form.add_argument("--summary", action="store_true", help="the two-week review")
    history.add_argument("--json", action="store_true", help="with --summary: print JSON")
    history.add_argument("-o", "--output", type=Path, metavar="FILE.csv", help="write to FILE")
    history.add_argument("--lang", choices=languages, default=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        try:
            return _main(list(sys.argv[1:] if argv is None else argv))
        finally:
            if sys.stdout is not None:  # (None under pythonw on Windows)
                sys.stdout.flush()  # a closed pipe shows here, not as noise at interpreter exit
    except BrokenPipeError:
        return _reader_gone()


COMMANDS = ("check", "plan", "session", "sheet", "history")


def _main(args_list: list[str]) -> int:
    # `check` reads and checks the files themselves; everything else may start from the
    # content checked at an earlier start (core/content_cache.py).
    command = next((arg for arg in args_list if arg in COMMANDS), None)
    cache = None if command == "check" else default_cache_dir()
    try:
        content: Content | None = load_bundled(load_content, cache)
    except ContentInvalidError as exc:
        content, broken = None, exc
    # Only options (the window's), no help asked: the commands' parsers are not needed.
    window_only = all(arg.startswith("-") and arg not in ("-h", "--help") for arg in args_list)
    parser = _parser(content, commands=not window_only)
    args = parser.parse_args(args_list)
    if args.command == "history" and args.json and not args.summary:
        parser.error("history: --json goes with --summary")
    if args.command == "history" and args.summary and args.output is not None:
        parser.error("history: -o goes with --csv (the summary is printed)")
    if args.command == "check":  # works even when the bundled files are broken
        if not args.paths:  # the bundled files were just loaded (and checked): not twice
            return _report([] if content is not None else broken.errors, args.paths)
        return _check(args.paths)
    if content is None:
        print(f"{PROG}: the bundled routine files are broken:", file=sys.stderr)
        print(_shown(str(broken)), file=sys.stderr)
        return 2
    answers = None
    if args.command in ("plan", "session"):
        answers = Answers(_types(args.types), args.place, args.minutes, args.gentle)
    if args.install_desktop_entry or args.remove_desktop_entry:
        from lowback_timer.commands.desktop_entry import desktop_command  # QtGui, offscreen

        return desktop_command(args.install_desktop_entry)
    if args.command == "history" and args.summary:
        from lowback_timer.commands.history_summary import summary_command  # QtCore only

        return summary_command(content, args.lang, as_json_text=args.json)
    if args.command == "history":
        from lowback_timer.commands.history_csv import history_command  # QtCore only

        return history_command(args.output)
    if args.command == "sheet":
        from lowback_timer.commands.sheet import sheet_command  # QtGui, offscreen

        given = args.types or args.place is not None or args.minutes is not None or args.gentle
        sheet_answers = (
            Answers(
                _types(args.types),
                args.place or DEFAULTS.place,
                args.minutes or DEFAULTS.minutes,
                bool(args.gentle),
            )
            if given
            else None
        )
        return sheet_command(content, sheet_answers, args.output, args.paper, args.lang)
    if args.command == "plan" and answers is not None:
        from lowback_timer.commands.plan import print_plan  # QtCore only

        return print_plan(content, answers, args.lang, as_json=args.json)
    if not has_display(os.environ, sys.platform):
        print(
            f"{PROG}: no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the window "
            f"cannot open; '{PROG} plan' and '{PROG} check' work without one (see --help)",
            file=sys.stderr,
        )
        return 1
    from lowback_timer.ui.app import run_gui  # the widgets only from here on

    level = logging.DEBUG if args.verbose else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    return run_gui(
        args.lang,
        content,
        answers,
        hidden=args.tray,
        exit_after_first_frame=args.exit_after_first_frame,
    )


def _types(chosen: Sequence[str]) -> tuple[str, ...]:
    """The types asked for; "not sure" is no type (the balanced routine)."""
    return tuple(dict.fromkeys(t for t in chosen if t != NOT_SURE))


def has_display(env: Mapping[str, str], platform: str) -> bool:
    """Whether a window can open. On X11 and Wayland systems Qt aborts the process (status
    134, with a message about the "xcb" plugin) when there is no display; macOS and Windows
    always have one. A platform named in QT_QPA_PLATFORM (e.g. "offscreen") is Qt's business."""
    if platform == "darwin" or platform.startswith(("win", "cygwin", "msys")):
        return True
    names = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET")
    return any(env.get(name) for name in names)


def _check(paths: Sequence[Path]) -> int:
    return _report(check(list(paths) or None), paths)


def _report(errors: Sequence[object], paths: Sequence[Path]) -> int:
    for error in errors:
        print(_shown(str(error)), file=sys.stderr)
    if not errors:
        print(f"{_shown(', '.join(str(p) for p in paths)) or 'bundled routines'}: OK")
    return 2 if errors else 0


# How Python keeps the bytes of a file name that do not decode (PEP 383, "surrogateescape").
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def _shown(text: str) -> str:
    """`text` with each undecodable byte of a file name in it written as `\\xNN`."""
    return _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)


def _reader_gone() -> int:
    """Whoever read our output has closed it: stop quietly. Both streams then point at the
    null device, so flushing them as the interpreter exits cannot fail again."""
    null = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):  # None, not a file, closed
            os.dup2(null, stream.fileno())
    os.close(null)
    return PIPE_CLOSED
