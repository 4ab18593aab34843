"""The validated content cache: a second start reads back what the first checked, and any
change to the files, a broken or foreign cache, means the files are read and checked again."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from lowback_timer.core import content_cache
from lowback_timer.core.content import Content, ContentInvalidError
from lowback_timer.core.loader import load_content


class Counting:
    def __init__(self) -> None:
        self.loads = 0

    def __call__(self) -> Content:
        self.loads += 1
        return load_content()


def the_cache(folder: Path) -> Path:
    [path] = folder.glob("*.pickle")
    return path


def test_the_second_start_reads_the_cache(tmp_path: Path) -> None:
    load = Counting()
    first = content_cache.load_bundled(load, tmp_path)
    second = content_cache.load_bundled(load, tmp_path)
    assert load.loads == 1
    assert second == first
    assert second.stretch("calves").seconds_range == first.stretch("calves").seconds_range
    assert the_cache(tmp_path).stat().st_mode & 0o077 == 0  # this user's only


def test_no_folder_no_cache(tmp_path: Path) -> None:
    load = Counting()
    content_cache.load_bundled(load, None)
    content_cache.load_bundled(load, None)
    assert load.loads == 2


def test_an_update_loads_the_files_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    old_version_cache = tmp_path / "content-0123abcd.pickle"  # how earlier versions named it
    old_version_cache.write_bytes(b"old")
    content_cache.load_bundled(Counting(), tmp_path)
    monkeypatch.setattr(content_cache, "__version__", "9.9.9")
    load = Counting()
    content_cache.load_bundled(load, tmp_path)
    content_cache.load_bundled(load, tmp_path)
    assert load.loads == 1  # once for the new version, then from its cache
    assert [p.name for p in tmp_path.iterdir()] == [content_cache.FILE_NAME]


@pytest.mark.parametrize("damage", ["garbage", "other-object", "group-writable"])
def test_a_cache_that_cannot_be_trusted_is_not_used(tmp_path: Path, damage: str) -> None:
    content_cache.load_bundled(Counting(), tmp_path)
    path = the_cache(tmp_path)
    if damage == "garbage":
        path.write_bytes(b"\x80\x05not a pickle")
    elif damage == "other-object":
        path.write_bytes(pickle.dumps((content_cache.key(), {"meta": "forged"})))
    else:
        path.chmod(0o664)
    load = Counting()
    assert isinstance(content_cache.load_bundled(load, tmp_path), Content)
    assert load.loads == 1


def test_broken_files_are_never_cached(tmp_path: Path) -> None:
    def broken() -> Content:
        raise ContentInvalidError([])

    with pytest.raises(ContentInvalidError):
        content_cache.load_bundled(broken, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_folder_costs_nothing_but_the_saving(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    assert isinstance(content_cache.load_bundled(Counting(), blocker / "cache"), Content)


def test_the_cache_folder_per_platform(tmp_path: Path) -> None:
    xdg = {"XDG_CACHE_HOME": str(tmp_path)}
    assert content_cache.default_cache_dir(xdg, "linux") == tmp_path / "lowback-timer"
    assert content_cache.default_cache_dir({}, "linux").parts[-2:] == (".cache", "lowback-timer")
    windows = content_cache.default_cache_dir({"LOCALAPPDATA": str(tmp_path)}, "win32")
    assert windows == tmp_path / "lowback-timer" / "cache"
    assert content_cache.default_cache_dir({}, "darwin").parts[-3:] == (
        "Library",
        "Caches",
        "lowback-timer",
    )
