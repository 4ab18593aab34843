"""The command line as a real process in awkward terminals: file names that are not valid
UTF-8, a strict output encoding, a reader that closes the pipe early."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lowback_timer.commands.cli import PIPE_CLOSED, has_display
from tests.processes import run_app

BROKEN = Path(__file__).parent / "data" / "broken"
ROUTINE = (
    "routines:\n  - id: mine\n    name: {en: Mine, ja: わたしの}\n    place: desk\n"
    "    items:\n      - {variant: calves-wall, hold_s: 25, reps: 2}\n"
)


def child_env(tmp_path: Path, **changes: str) -> dict[str, str]:
    """The tests' environment with the user's files in `tmp_path`."""
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return {**env, **changes}


def lowback_timer(
    *argv: str, env: dict[str, str], **kwargs: Any
) -> subprocess.CompletedProcess[Any]:
    """`python -m lowback_timer ARGV` to its end, output as the caller says (`kwargs` as for
    `subprocess.run`; nothing captured unless asked)."""
    return run_app(*argv, env=env, **({"capture_output": False, "text": False} | kwargs))


@pytest.fixture
def odd_folder(tmp_path: Path) -> bytes:
    """A folder holding a good routine file named `mine\\xff.yaml` and a broken one named
    `bad\\xfe.yaml`: bytes that are not UTF-8, as a file copied from an old Latin-1 disk."""
    folder = os.fsencode(tmp_path / "odd")
    os.mkdir(folder)
    try:
        with open(os.path.join(folder, b"mine\xff.yaml"), "wb") as good:
            good.write(ROUTINE.encode())
    except OSError:  # e.g. macOS: the file system only takes UTF-8 names
        pytest.skip("this file system refuses names that are not UTF-8")
    with open(os.path.join(folder, b"bad\xfe.yaml"), "wb") as bad:
        bad.write(b"routines: [\n")
    return folder


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path, odd_folder: bytes) -> None:
    env = child_env(tmp_path, PYTHONIOENCODING="utf-8:strict")
    good = lowback_timer(
        "check",
        os.fsdecode(os.path.join(odd_folder, b"mine\xff.yaml")),
        env=env,
        capture_output=True,
    )
    assert (good.returncode, good.stderr) == (0, b"")
    assert good.stdout == os.fsencode(tmp_path) + b"/odd/mine\\xff.yaml: OK\n"

    bad = lowback_timer("check", os.fsdecode(odd_folder), env=env, capture_output=True)
    assert bad.returncode == 2, bad.stderr
    assert b"Traceback" not in bad.stderr
    [line] = bad.stderr.decode("utf-8").splitlines()  # strict: every byte is valid UTF-8
    assert line.startswith(f"{tmp_path}/odd/bad\\xfe.yaml:")


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["plan", "--lang", "en"],
        ["plan", "--lang", "ja", "--json"],
        ["sheet", "-o", "-"],  # the PDF to standard output
    ],
)
def test_a_reader_that_has_gone_ends_the_command_quietly(tmp_path: Path, argv: list[str]) -> None:
    """`lowback-timer plan | head -1`, with `head` gone before we write: a closed pipe."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = lowback_timer(
            *argv, env=child_env(tmp_path), stdout=write_end, stderr=subprocess.PIPE
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (PIPE_CLOSED, b"")


def test_errors_to_a_closed_pipe_end_the_check_quietly(tmp_path: Path) -> None:
    """`lowback-timer check broken/ 2>&1 | head -1`: the errors go to stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = lowback_timer(
            "check", str(BROKEN), env=child_env(tmp_path), stdout=write_end, stderr=write_end
        )
    finally:
        os.close(write_end)
    assert done.returncode == PIPE_CLOSED


def no_display_env(tmp_path: Path) -> dict[str, str]:
    """As over ssh without X forwarding, or from a cron job: no display of any kind."""
    env = child_env(tmp_path)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"):
        env.pop(name, None)
    return env


@pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="macOS and Windows always have a display"
)
@pytest.mark.parametrize("argv", [[], ["session", "--type", "nerve"]])
def test_without_a_display_the_window_says_so_in_one_line(tmp_path: Path, argv: list[str]) -> None:
    # Qt itself would abort (status 134) with a message about the "xcb" platform plugin.
    done = lowback_timer(*argv, env=no_display_env(tmp_path), capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (1, "")
    [line] = done.stderr.splitlines()
    assert "no display found" in line
    assert "'lowback-timer plan' and 'lowback-timer check' work without one" in line


def test_plan_and_check_need_no_display(tmp_path: Path) -> None:
    env = no_display_env(tmp_path)
    plan = lowback_timer("plan", "--lang", "en", env=env, capture_output=True, text=True)
    assert (plan.returncode, plan.stderr) == (0, "")
    assert plan.stdout.startswith("Routine for the desk")
    check = lowback_timer("check", env=env, capture_output=True, text=True)
    assert (check.returncode, check.stdout, check.stderr) == (0, "bundled routines: OK\n", "")


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ""}, "linux", False),
        ({}, "freebsd14", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_which_systems_have_a_display(env: dict[str, str], platform: str, expected: bool) -> None:
    assert has_display(env, platform) is expected
