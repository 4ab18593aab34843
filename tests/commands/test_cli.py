"""The command line end to end: check, plan, --version, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lowback_timer import __version__
from lowback_timer.app.controller import open_store
from lowback_timer.commands import cli
from lowback_timer.commands.cli import main
from lowback_timer.core.content import Stretch
from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import build_routine
from tests.cli import run
from tests.processes import run_app

BROKEN = Path(__file__).parents[1] / "data" / "broken"
# `plan` uses QtCore's translations and makes a QCoreApplication when there is none; in this
# process the tests' QApplication must come first.
pytestmark = pytest.mark.usefixtures("qapp")


def test_plan_json_equals_the_builder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "plan",
        "--type",
        "fatigue",
        "--type",
        "sitting",
        "--place",
        "desk",
        "--minutes",
        "10",
        "--json",
    )
    data = json.loads(out)
    content = load_content()
    routine = build_routine(content, ("fatigue", "sitting"), "desk", 10)
    assert code == 0
    assert data["total_s"] == routine.total_s <= 600 * 1.15
    assert [(s["stretch"], s["side"], s["hold_s"]) for s in data["steps"]] == [
        (h.stretch, h.side, h.duration_s) for h in routine.holds
    ]


def test_plan_text_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "--type", "fatigue", "--place", "standing", "--lang", "ja")
    content = load_content()
    assert code == 0
    routine = build_routine(content, ("fatigue",), "standing", 5)
    minutes = max(1, round(routine.total_s / 60))
    assert out.splitlines()[0] == f"立ったままのルーティン：約{minutes}分"
    assert content.stretch("calves").cue("ja") in out
    name = content.stretch_for(routine.items[0].variant).name("ja")
    assert f"1. {name}：左右各" in out  # Japanese punctuation, not ": "


def test_plan_says_plainly_when_the_routine_is_shorter_than_the_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "plan", "--type", "nerve", "--minutes", "30", "--lang", "en")
    routine = build_routine(load_content(), ("nerve",), "desk", 30)
    first, second = out.splitlines()[:2]
    assert first == f"Routine for the desk: about {max(1, round(routine.total_s / 60))} minutes"
    assert second.startswith("That is shorter than the 30 minutes you have")


def test_plan_follows_the_locale_when_no_lang(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    _, out, _ = run(capsys, "plan", "--type", "nerve")
    assert load_content().stretch("glutes").name("ja") in out


def test_plan_in_the_c_locale_is_english_whatever_lang_says(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    _, out, _ = run(capsys, "plan", "--type", "nerve")
    assert load_content().stretch("glutes").name("en") in out


def test_plan_speaks_the_language_chosen_in_the_app(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    open_store().setValue("language", "ja")
    _, out, _ = run(capsys, "plan", "--type", "nerve")
    assert load_content().stretch("glutes").name("ja") in out
    _, out, _ = run(capsys, "plan", "--type", "nerve", "--lang", "en")
    assert load_content().stretch("glutes").name("en") in out


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["plan", "--type", "back"], "invalid choice: 'back'"),
        (["plan", "--place", "roof"], "invalid choice: 'roof'"),
        (["plan", "--minutes", "ten"], "not a whole number of minutes: 'ten'"),
        (["plan", "--minutes", "0"], "minutes must be 3–30, not 0"),
        (["--lang", "fr"], "invalid choice: 'fr'"),
        (["dance"], "invalid choice: 'dance'"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], complaint: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and complaint in err


def test_check_bundled_and_broken(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check")[0] == 0
    code, _, err = run(capsys, "check", str(BROKEN))
    lines = err.strip().splitlines()
    assert code == 2
    assert len({line.split(":")[0] for line in lines}) == len(list(BROKEN.glob("*.yaml")))
    assert all(line.count(":") >= 2 and line.split(":")[1].isdigit() for line in lines)


def test_check_names_a_user_routine_that_is_fine(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mine = tmp_path / "my-routine.yaml"
    mine.write_text(
        "routines:\n  - id: mine\n    name: {en: Mine, ja: わたしの}\n    place: desk\n"
        "    items:\n      - {variant: calves-wall, hold_s: 25, reps: 2}\n",
        encoding="utf-8",
    )
    assert run(capsys, "check", str(mine)) == (0, f"{mine}: OK\n", "")


def test_version_and_help_as_a_real_process() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "lowback_timer", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == f"lowback-timer {__version__}"
    helptext = subprocess.run(
        [sys.executable, "-m", "lowback_timer", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for command in ("check", "plan", "session"):
        assert command in helptext.stdout
    assert "Exit status:" in helptext.stdout  # 1, 130, 141, 143 are not argparse's own


def test_without_any_console_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """As under pythonw on Windows (the gui-script): sys.stdout and sys.stderr are None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["check"]) == 0


def test_a_broken_install_says_so_instead_of_an_empty_choice(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Types, places and languages come from the content; broken content offers none, and
    the one line says why rather than "invalid choice: 'nerve' (choose from )"."""
    import lowback_timer.commands.cli as cli
    from lowback_timer.core.content import ContentInvalidError
    from lowback_timer.core.schema import ContentError

    def broken(_paths: object = None) -> None:
        raise ContentInvalidError([ContentError("stretches.yaml", 3, "missing key 'name'")])

    monkeypatch.setattr(cli, "load_content", broken)
    code, out, err = run(capsys, "plan", "--type", "nerve", "--place", "floor", "--lang", "ja")
    assert code == 2 and out == ""
    assert "the bundled routine files are broken" in err
    assert "stretches.yaml:3: missing key 'name'" in err
    assert "invalid choice" not in err
    code, _, err = run(capsys, "check")
    assert code == 2 and "stretches.yaml:3: missing key 'name'" in err


def test_check_reads_the_bundled_files_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import lowback_timer.commands.cli as cli

    calls: list[object] = []

    def counted(paths: object = None) -> object:
        calls.append(paths)
        return load_content()

    def checked(paths: object = None) -> list[object]:
        calls.append(paths)
        return []

    monkeypatch.setattr(cli, "load_content", counted)
    monkeypatch.setattr(cli, "check", checked)
    assert run(capsys, "check")[:2] == (0, "bundled routines: OK\n")
    assert calls == [None]


def test_exit_after_first_frame(tmp_path: Path) -> None:
    """The start-up diagnostic: the app paints its first window, says when (on the monotonic
    clock, which the benchmark that started it reads too), then quits by itself."""
    started = time.monotonic()
    env = {
        **__import__("os").environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = run_app("--verbose", "--exit-after-first-frame", env=env)
    assert done.returncode == 0, done.stderr
    assert "First frame painted." in done.stderr
    [said] = [line for line in done.stdout.splitlines() if line.startswith("first frame at ")]
    assert started < float(said.split()[-1]) < time.monotonic()


def test_check_never_trusts_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    from lowback_timer.core.content import Content

    """`lowback-timer check` reads the files themselves, whatever a cache says."""
    import lowback_timer.commands.cli as cli

    used: list[object] = []
    monkeypatch.setattr(cli, "default_cache_dir", lambda: tmp_path)
    from lowback_timer.core.content_cache import load_bundled as real

    def spy(load: object, folder: Path | None) -> Content:
        used.append(folder)
        return real(load, folder)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "load_bundled", spy)
    assert cli.main(["check"]) == 0
    assert cli.main(["--lang", "en", "plan"]) == 0
    capsys.readouterr()
    assert used == [None, tmp_path]
    assert os.listdir(tmp_path)


def test_the_cache_rule_knows_every_command() -> None:
    """`_main` picks the command out before parsing (to know whether to use the content
    cache): its list must be the parser's."""
    import argparse

    import lowback_timer.commands.cli as cli

    parser = cli._parser(None)
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(cli.COMMANDS) == set(commands.choices)


def test_not_sure_is_a_type_the_command_line_takes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "--type", "not-sure", "--place", "desk", "--json")
    assert code == 0
    routine = build_routine(load_content(), (), "desk", 5)
    assert json.loads(out)["total_s"] == routine.total_s
    _, help_text, _ = run(capsys, "plan", "--help")
    assert "not-sure" in help_text


def test_plan_leaves_out_what_the_last_check_did_and_says_what_the_minutes_did(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "plan", "--place", "floor", "--minutes", "3", "--lang", "en")
    assert (
        out.splitlines()[1] == "Not every stretch fits in 3 minutes; left out: Hamstring stretch."
    )
    open_store().setValue("avoid", "glutes,hamstrings,iliopsoas,marching")  # after hip surgery
    _, out, _ = run(capsys, "plan", "--place", "floor", "--minutes", "10", "--json")
    assert {step["stretch"] for step in json.loads(out)["steps"]} == {"calves", "heel-raises"}
    _, out, _ = run(capsys, "plan", "--place", "floor", "--minutes", "10", "--gentle", "--json")
    assert {step["hold_s"] for step in json.loads(out)["steps"]} >= {60}


@pytest.mark.parametrize(
    "argv", [[], ["--tray"], ["-v", "--exit-after-first-frame"], ["--lang=ja", "--tray"]]
)
def test_a_start_with_only_options_reads_them_as_the_whole_parser_does(argv: list[str]) -> None:
    """Such a start skips building the commands' parsers; what it reads is the same."""
    content = load_content()
    lean = cli._parser(content, commands=False).parse_args(argv)
    whole = cli._parser(content).parse_args(argv)
    assert vars(lean) == vars(whole)
    assert lean.command is None


def test_plan_json_marks_where_the_timer_asks_whether_the_symptoms_spread(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """After each stretch's last hold (both sides), for the nerve type by default; the
    setting turns it on or off for every type."""

    def marked(*types: str) -> list[tuple[str, str | None]]:
        argv = [arg for t in types for arg in ("--type", t)]
        _, out, _ = run(capsys, "plan", *argv, "--place", "desk", "--minutes", "10", "--json")
        data = json.loads(out)
        phases = [(p["phase"], p["stretch"]) for p in data["phases"] if p["ask_spread"]]
        holds = [(s["stretch"], s["side"]) for s in data["steps"] if s["ask_spread"]]
        assert [stretch for _, stretch in phases] == [stretch for stretch, _ in holds]
        assert {phase for phase, _ in phases} <= {"hold"}
        return holds

    content = load_content()
    nerve = build_routine(content, ("nerve", "sitting"), "desk", 10)
    exercises = [content.stretch_for(item.variant) for item in nerve.items]
    stretches = [e.id for e in exercises if isinstance(e, Stretch)]  # (not after a move)
    assert marked("nerve", "sitting") == [(s, "left") for s in stretches]
    assert marked("sitting") == []
    open_store().setValue("spread_check", "on")
    sitting = build_routine(content, ("sitting",), "desk", 10).items
    assert len(marked("sitting")) == sum(
        isinstance(content.stretch_for(i.variant), Stretch) for i in sitting
    )
    open_store().setValue("spread_check", "off")
    assert marked("nerve") == []
