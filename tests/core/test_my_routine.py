"""Editing a routine, saving it as "my routine" atomically and loading it back, checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from lowback_timer.core.content import ContentInvalidError, RoutineItem
from lowback_timer.core.loader import load_content
from lowback_timer.core.my_routine import (
    FILE_NAME,
    Draft,
    load_my_routine,
    save_my_routine,
)
from lowback_timer.core.routine import Pace, build_routine, item_seconds, safe_hold_range

CONTENT = load_content()
NOW = 1_750_000_000.0


def sitting_fatigue_draft() -> Draft:
    return Draft.of(build_routine(CONTENT, ["sitting", "fatigue"], "desk", 10))


def test_remove_reorder_and_hold_change() -> None:
    draft = sitting_fatigue_draft()
    variants = [i.variant for i in draft.items]
    assert len(variants) >= 3

    removed = draft.remove(CONTENT, 1)
    assert [i.variant for i in removed.items] == variants[:1] + variants[2:]

    moved = draft.move(0, +1)
    assert [i.variant for i in moved.items] == [variants[1], variants[0], *variants[2:]]
    assert moved.move(1, -1) == draft
    assert draft.move(0, -1) == draft  # already first
    assert draft.move(len(variants) - 1, +1) == draft  # already last


def test_hold_change_is_clamped_to_the_safe_range_and_changes_the_total() -> None:
    draft = sitting_fatigue_draft()
    item = draft.items[0]
    lo, hi = safe_hold_range(CONTENT, CONTENT.variant(item.variant).stretch)
    assert draft.with_hold(CONTENT, 0, hi + 100).items[0].hold_s == hi
    assert draft.with_hold(CONTENT, 0, 1).items[0].hold_s == lo
    lower = draft.with_hold(CONTENT, 0, lo)
    pace = Pace.of(CONTENT)
    difference = item_seconds(CONTENT, item, pace) - item_seconds(CONTENT, lower.items[0], pace)
    assert draft.routine(CONTENT).total_s - lower.routine(CONTENT).total_s == difference
    assert lower.items[1:] == draft.items[1:]


def test_the_last_stretch_cannot_be_removed() -> None:
    draft = Draft.of(build_routine(CONTENT, ["nerve"], "floor", 3))
    assert [CONTENT.variant(i.variant).stretch for i in draft.items] == ["glutes", "marching"]
    assert not draft.can_remove(CONTENT, 0)  # the marching alone would be no routine
    assert draft.remove(CONTENT, 0) == draft
    assert draft.remove(CONTENT, 1).items == draft.items[:1]  # the move may go


def test_a_moves_time_is_whole_repetitions() -> None:
    draft = Draft(place="desk", items=(RoutineItem("heel-raises-standing", 40, 1),))
    assert draft.with_hold(CONTENT, 0, 47).items[0].hold_s == 44  # 11 times, 4 s each
    assert draft.with_hold(CONTENT, 0, 99).items[0].hold_s == 60  # at most 15 times


def test_save_then_load_gives_the_same_items(tmp_path: Path) -> None:
    edited = sitting_fatigue_draft().move(0, 1).remove(CONTENT, 2).with_hold(CONTENT, 0, 21)
    path = tmp_path / "data" / FILE_NAME  # the folder does not exist yet
    save_my_routine(CONTENT, path, edited.place, edited.items)

    loaded = load_my_routine(path)
    assert loaded.errors == ()
    assert loaded.routine is not None
    assert loaded.routine.items == edited.items
    assert loaded.routine.place == "desk"
    # The file follows the routines/ schema and keeps Japanese readable (not \u escapes).
    text = path.read_text(encoding="utf-8")
    assert "マイルーティン" in text
    tree = yaml.safe_load(text)
    assert list(tree) == ["routines"]
    assert tree["routines"][0]["items"][0] == {
        "variant": edited.items[0].variant,
        "hold_s": 21,
        "reps": edited.items[0].reps,
    }
    assert [p.name for p in path.parent.iterdir()] == [FILE_NAME]  # no temp file left


def test_saving_replaces_the_old_file_atomically(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    first = sitting_fatigue_draft()
    save_my_routine(CONTENT, path, first.place, first.items)
    second = first.remove(CONTENT, 0)
    save_my_routine(CONTENT, path, second.place, second.items)
    loaded = load_my_routine(path)
    assert loaded.routine is not None
    assert loaded.routine.items == second.items


def test_a_routine_that_would_not_load_back_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    good = sitting_fatigue_draft()
    save_my_routine(CONTENT, path, good.place, good.items)
    before = path.read_bytes()
    bad = [RoutineItem(good.items[0].variant, 300, 1)]  # hold far outside the safe range
    with pytest.raises(ContentInvalidError, match="hold_s is 300 s"):
        save_my_routine(CONTENT, path, good.place, bad)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]


def test_no_file_is_not_an_error(tmp_path: Path) -> None:
    loaded = load_my_routine(tmp_path / FILE_NAME)
    assert loaded.routine is None
    assert loaded.errors == ()
    assert loaded.moved_to is None


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("routines:\n  - id: my-routine\n    name: [oops\n", 4, "not valid YAML"),
        (
            "routines:\n  - id: my-routine\n    name: {en: Mine, ja: マイ}\n    place: desk\n"
            "    items:\n      - variant: calfs-wall\n        hold_s: 25\n        reps: 2\n",
            6,
            "unknown variant 'calfs-wall'",
        ),
        (
            "routines:\n  - id: my-routine\n    name: {en: Mine, ja: マイ}\n    place: desk\n"
            "    items:\n      - variant: calves-wall\n        hold_s: 75\n        reps: 1\n",
            7,
            "outside the safe range of calves",
        ),
        ("prompts: []\nroutines: []\n", 1, "only 'routines' belongs here, not 'prompts'"),
        ("routines: []\n", 1, "no routine with id 'my-routine'"),
        ("just text\n", 1, "must be a mapping"),
    ],
    ids=["syntax", "unknown-variant", "unsafe-hold", "other-section", "empty", "not-a-mapping"],
)
def test_a_broken_file_is_moved_aside_and_reported(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(text, encoding="utf-8")
    loaded = load_my_routine(path, now=NOW)
    assert loaded.routine is None
    shown = [str(e) for e in loaded.errors]
    assert any(s.startswith(f"{path}:{line}: ") and message in s for s in shown), shown
    assert loaded.moved_to is not None
    assert loaded.moved_to.parent == tmp_path
    assert loaded.moved_to.name.startswith(f"{FILE_NAME}.broken-")
    assert loaded.moved_to.read_text(encoding="utf-8") == text  # kept, never deleted
    assert not path.exists()


def test_binary_garbage_is_moved_aside_and_earlier_copies_are_kept(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    moved = []
    for garbage, message in ((b"\xff\xfe\x00garbage", "not UTF-8"), (b"\x00\x01", "#x0000")):
        path.write_bytes(garbage)
        loaded = load_my_routine(path, now=NOW)
        assert loaded.message.startswith(f"{path}:1: ")
        assert message in loaded.message
        assert loaded.moved_to is not None
        moved.append(loaded.moved_to)
    assert moved[0] != moved[1]
    assert sorted(p.read_bytes() for p in moved) == sorted([b"\xff\xfe\x00garbage", b"\x00\x01"])


def test_the_save_goes_through_os_replace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append((os.fspath(src), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    draft = sitting_fatigue_draft()
    path = tmp_path / FILE_NAME
    save_my_routine(CONTENT, path, draft.place, draft.items)
    ((src, dst),) = calls
    assert Path(src).parent == tmp_path and Path(src).name != FILE_NAME
    assert dst == str(path)


def test_a_broken_file_that_cannot_be_moved_is_reported_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "my-routine.yaml"
    path.write_text("routines: [\n", encoding="utf-8")

    def refuse(*_args: object) -> None:
        raise PermissionError("read-only folder")

    monkeypatch.setattr("lowback_timer.core.atomic.os.replace", refuse)
    loaded = load_my_routine(path)
    assert loaded.routine is None and loaded.moved_to is None
    assert loaded.errors and loaded.errors[0].path == str(path)
    assert path.exists()


def test_a_symbolic_link_loop_is_told_not_ignored(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.symlink_to(path)  # a loop: exists() is False, so it was taken for no file at all
    loaded = load_my_routine(path, now=1_750_000_000.0)
    assert loaded.routine is None
    [error] = loaded.errors
    assert "symbolic link that leads to no file" in error.message
    assert loaded.moved_to is not None and loaded.moved_to.is_symlink()  # kept, not deleted


def test_a_saved_routine_is_named_by_the_content(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    save_my_routine(CONTENT, path, "desk", sitting_fatigue_draft().items)
    loaded = load_my_routine(path)
    assert loaded.routine is not None
    name = CONTENT.meta.my_routine_name
    assert name is not None
    assert [loaded.routine.name(lang) for lang in ("en", "ja")] == [name("en"), name("ja")]
