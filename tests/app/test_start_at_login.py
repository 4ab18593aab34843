"""Start at login: the XDG autostart file is written, read back and removed, and a file of the
same name that this app did not write is never touched."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import pytest

from lowback_timer.app.start_at_login import (
    FILE_NAME,
    AutostartError,
    autostart_file,
    desktop_entry,
    disable,
    enable,
    is_enabled,
    launch_command,
)


def entry_values(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_the_file_lives_in_the_xdg_config_autostart_folder(tmp_path: Path) -> None:
    assert autostart_file({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "autostart" / FILE_NAME
    home = Path.home() / ".config" / "autostart" / FILE_NAME
    assert autostart_file({}) == home
    assert autostart_file({"XDG_CONFIG_HOME": "relative/dir"}) == home  # the spec ignores it


def test_enable_writes_an_entry_that_starts_the_app_in_the_tray(tmp_path: Path) -> None:
    path = tmp_path / "autostart" / FILE_NAME
    enable(path, ["/opt/lowback timer/bin/lowback-timer", "--tray"], "Low-back Timer", "Move")
    values = entry_values(path)
    assert values["Type"] == "Application"
    assert values["Name"] == "Low-back Timer"
    assert shlex.split(values["Exec"]) == ["/opt/lowback timer/bin/lowback-timer", "--tray"]
    assert is_enabled(path)
    assert [p.name for p in path.parent.iterdir()] == [FILE_NAME]  # no temporary file left


def test_enable_twice_is_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    enable(path, ["lowback-timer", "--tray"], "Low-back Timer", "Move")
    first = path.read_text(encoding="utf-8")
    enable(path, ["lowback-timer", "--tray"], "Low-back Timer", "Move")
    assert path.read_text(encoding="utf-8") == first


def test_disable_removes_only_our_file(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    enable(path, ["lowback-timer", "--tray"], "Low-back Timer", "Move")
    disable(path)
    assert not path.exists()
    assert not is_enabled(path)
    disable(path)  # already gone: nothing to do


def test_a_file_someone_else_wrote_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    theirs = "[Desktop Entry]\nType=Application\nExec=their-own-script\n"
    path.write_text(theirs, encoding="utf-8")
    assert not is_enabled(path)
    disable(path)
    with pytest.raises(AutostartError, match="not written by this app"):
        enable(path, ["lowback-timer", "--tray"], "Low-back Timer", "Move")
    assert path.read_text(encoding="utf-8") == theirs


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "autostart"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(AutostartError, match=r"cannot write .*lowback-timer\.desktop"):
            enable(folder / FILE_NAME, ["lowback-timer"], "Low-back Timer", "Move")
    finally:
        folder.chmod(0o700)


def test_a_file_that_cannot_be_written_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(AutostartError, match="No space left on device"):
        enable(tmp_path / FILE_NAME, ["lowback-timer"], "Low-back Timer", "Move")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("arg", "written"),
    [
        ("plain", "plain"),
        ("with space", '"with space"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("100%", "100%%"),
        ("$HOME", '"\\$HOME"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_spec_says(arg: str, written: str) -> None:
    exec_line = next(
        line for line in desktop_entry([arg], "n", "c").splitlines() if line.startswith("Exec=")
    )
    assert exec_line == f"Exec={written}"


def test_the_launch_command_prefers_the_installed_script(tmp_path: Path) -> None:
    script = tmp_path / "lowback-timer"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    assert launch_command(str(script)) == [str(script.resolve()), "--tray"]


def test_without_the_script_python_runs_the_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert launch_command("/nowhere/pytest") == [sys.executable, "-m", "lowback_timer", "--tray"]
