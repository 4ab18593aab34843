"""The launcher entry: what `--install-desktop-entry` writes validates with the desktop's own
tools, runs the installed app, and `--remove-desktop-entry` takes back exactly that."""

from __future__ import annotations

import hashlib
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from lowback_timer.commands.desktop_entry import (
    APP_ID,
    DesktopInstallError,
    install,
    planned,
    remove,
)

COMMAND = [sys.executable, "-m", "lowback_timer"]


def entry(home: Path) -> dict[str, str]:
    text = (home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    return dict(line.split("=", 1) for line in text.splitlines()[1:] if "=" in line)


def test_install_writes_the_entry_icons_and_metainfo(qapp: object, tmp_path: Path) -> None:
    written = install(tmp_path, COMMAND)
    assert sorted(written) == sorted(planned(tmp_path))
    values = entry(tmp_path)
    assert values["Icon"] == APP_ID and values["Name[ja]"] == "腰ストレッチタイマー"
    for size in (16, 48, 256):
        png = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() > 0  # the icon is drawn


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_entry_validates(qapp: object, tmp_path: Path) -> None:
    install(tmp_path, COMMAND)
    done = subprocess.run(
        ["desktop-file-validate", str(tmp_path / "applications" / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, ""), done.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_the_metainfo_validates(qapp: object, tmp_path: Path) -> None:
    install(tmp_path, COMMAND)
    path = tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml"
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_entrys_exec_runs_the_app(qapp: object, tmp_path: Path) -> None:
    install(tmp_path, COMMAND)
    argv = shlex.split(entry(tmp_path)["Exec"])
    done = subprocess.run([*argv, "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("lowback-timer ")


def test_installing_twice_is_the_same(qapp: object, tmp_path: Path) -> None:
    install(tmp_path, COMMAND)
    before = {p: p.read_bytes() for p in planned(tmp_path)}
    install(tmp_path, COMMAND)
    assert {p: p.read_bytes() for p in planned(tmp_path)} == before


def test_remove_leaves_nothing_behind_but_what_was_there(qapp: object, tmp_path: Path) -> None:
    mine = tmp_path / "applications" / "someone-else.desktop"
    mine.parent.mkdir(parents=True)
    mine.write_text("[Desktop Entry]\n")
    install(tmp_path, COMMAND)
    removed, changed = remove(tmp_path)
    assert len(removed) == len(planned(tmp_path)) and changed == []
    left = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert left == [Path("applications"), Path("applications/someone-else.desktop")]


def test_a_file_someone_else_wrote_stops_the_install(qapp: object, tmp_path: Path) -> None:
    theirs = tmp_path / "applications" / f"{APP_ID}.desktop"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("[Desktop Entry]\nName=Theirs\n")
    with pytest.raises(DesktopInstallError, match="not written by this app"):
        install(tmp_path, COMMAND)
    assert theirs.read_text() == "[Desktop Entry]\nName=Theirs\n"
    assert not (tmp_path / "metainfo").exists()
    assert remove(tmp_path) == ([], [])
    assert theirs.exists()


def test_a_manifest_edited_by_hand_cannot_remove_other_files(qapp: object, tmp_path: Path) -> None:
    install(tmp_path, COMMAND)
    victim = tmp_path / "important.txt"
    victim.write_text("keep me")
    manifest = tmp_path / "lowback-timer" / "desktop-files.txt"
    digest = hashlib.sha256(b"keep me").hexdigest()
    manifest.write_text(manifest.read_text() + f"{victim}\n{digest}  {victim}\n")
    remove(tmp_path)
    assert victim.read_text() == "keep me"


def test_the_command_line_installs_and_removes(tmp_path: Path) -> None:
    home = tmp_path / "data"
    env = {"XDG_DATA_HOME": str(home), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "lowback_timer"]
    done = subprocess.run(
        [*run, "--install-desktop-entry"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (home / "applications" / f"{APP_ID}.desktop").is_file()
    done = subprocess.run([*run, "--remove-desktop-entry"], env=env, capture_output=True, text=True)
    assert done.returncode == 0 and list(home.iterdir()) == []


def test_a_launcher_edited_by_hand_is_neither_overwritten_nor_removed(
    qapp: object, tmp_path: Path
) -> None:
    """The manifest keeps what was written, not only the names: a file changed since (by
    hand, or by another program of the same name) is the user's now."""
    install(tmp_path, COMMAND)
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    entry.write_text(entry.read_text() + "X-Mine=kept\n")
    with pytest.raises(DesktopInstallError, match="changed since"):
        install(tmp_path, COMMAND)
    assert "X-Mine=kept" in entry.read_text()
    removed, changed = remove(tmp_path)
    assert changed == [entry] and entry not in removed
    assert "X-Mine=kept" in entry.read_text()


def test_the_manifest_is_written_first_so_nothing_is_orphaned(qapp: object, tmp_path: Path) -> None:
    """Writing stops half-way (a file where the icons' folder should be): the files written
    so far are listed, and removing takes them back."""
    (tmp_path / "icons").write_text("a file in the way")
    with pytest.raises(DesktopInstallError, match="cannot write"):
        install(tmp_path, COMMAND)
    written = [p for p in planned(tmp_path) if p.is_file()]
    assert written  # the launcher and the metainfo came before the icons
    removed, changed = remove(tmp_path)
    assert sorted(removed) == sorted(written) and changed == []
    assert not any(p.exists() for p in written)


@pytest.mark.parametrize(
    "broken", ["unwritable-home", "manifest-folder-is-a-file", "manifest-not-utf8", "manifest-dir"]
)
def test_every_problem_is_one_line_and_exit_2(tmp_path: Path, broken: str) -> None:
    home = tmp_path / "data"
    home.mkdir()
    manifest = home / "lowback-timer" / "desktop-files.txt"
    if broken == "unwritable-home":
        home.rmdir()
        home.write_text("a file where the data folder should be")
    elif broken == "manifest-folder-is-a-file":
        manifest.parent.write_text("in the way")
    elif broken == "manifest-not-utf8":
        manifest.parent.mkdir()
        manifest.write_bytes(b"\xff\xfe\x00broken")
    else:
        manifest.mkdir(parents=True)
    env = {"XDG_DATA_HOME": str(home), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for flag in ("--install-desktop-entry", "--remove-desktop-entry"):
        done = subprocess.run(
            [sys.executable, "-m", "lowback_timer", flag],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, (flag, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, (flag, done.stderr)
        assert "Traceback" not in done.stderr
    if broken != "unwritable-home":
        assert not (home / "applications").exists()  # nothing written without its list
