"""Writing a file whole or not at all, and only where it may: the old file's mode is kept, a
new one gets the umask's; a read-only file, a folder or a symbolic link is refused and left as
it was; a pipe or a device is written into, never replaced; `-` is standard output."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from lowback_timer.core import atomic
from lowback_timer.core.atomic import RefusedError

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes, pipes and devices")


def test_a_file_is_replaced_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    atomic.write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.csv"]  # no temporary left


def test_a_new_file_gets_the_umasks_mode(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        atomic.write_text(tmp_path / "new.csv", "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640  # not always 0600


def test_a_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "keep.pdf"
    path.write_text("mine", encoding="utf-8")
    path.chmod(0o444)  # (root could write it anyway: the mode itself says no)
    with pytest.raises(RefusedError, match="read-only"):
        atomic.write_text(path, "overwritten")
    assert path.read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_a_symbolic_link_to_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "real.pdf"
    target.write_text("mine", encoding="utf-8")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    with pytest.raises(RefusedError, match="symbolic link"):
        atomic.write_text(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "mine"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RefusedError, match="not a regular file"):
        atomic.write_text(tmp_path, "new")


def test_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic.write_text(fifo, "through the pipe")
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a pipe
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_dev_null_stays_a_device(tmp_path: Path) -> None:
    atomic.write_text(Path("/dev/null"), "nothing")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_dash_is_standard_output(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    atomic.write_text(Path("-"), "to stdout\n")
    assert capfdbinary.readouterr().out == b"to stdout\n"


NOBODY = 65534


@pytest.mark.skipif(
    os.name == "nt" or os.geteuid() != 0, reason="needs root, to write as another user"
)
def test_a_file_the_user_cannot_write_is_not_replaced_from_their_own_folder() -> None:
    """The folder is the user's (they may rename in it), the file is root's: replacing it by
    a rename would have worked, and was wrong."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(dir="/tmp"))  # (pytest's own folders are root's alone)
    base.chmod(0o755)
    folder = base / "users-folder"
    folder.mkdir()
    os.chown(folder, NOBODY, NOBODY)
    theirs = folder / "root.pdf"
    theirs.write_text("root's", encoding="utf-8")  # 0644, owned by root
    os.seteuid(NOBODY)  # act as that user (the real id stays root, to come back)
    try:
        with pytest.raises(RefusedError, match="read-only"):
            atomic.write_text(theirs, "replaced")
    finally:
        os.seteuid(0)
    try:
        assert theirs.read_text(encoding="utf-8") == "root's"
    finally:
        shutil.rmtree(base)
