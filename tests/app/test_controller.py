"""The controller: settings kept and stored as they change, today's routine, saving "my
routine", and a calm note when a saved file could not be read."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from lowback_timer.app.controller import Controller, read_settings
from lowback_timer.core.content import Content
from lowback_timer.core.gate import StartStep
from lowback_timer.core.my_routine import FILE_NAME, Draft
from lowback_timer.core.routine import Answers, Phase, build_routine
from lowback_timer.core.screening import screen
from tests.helpers import make_controller, sign_of, store_in

NOW = 1_750_000_000.0


def unwritable_store(folder: Path) -> tuple[Path, QSettings]:
    """Settings in a folder that cannot be made: a file stands where it should be."""
    blocker = folder / "not-a-folder"
    if not blocker.exists():
        blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    return blocker, QSettings(str(blocker / "settings.ini"), QSettings.Format.IniFormat)


def test_only_what_changed_is_stored(content: Content, tmp_path: Path) -> None:
    controller = make_controller(content, tmp_path, now=NOW)
    controller.record_answers(Answers(("nerve",), "floor", 10))
    store = store_in(tmp_path)
    assert sorted(store.allKeys()) == ["minutes", "place", "setup_done", "types"]
    assert read_settings(store, content).types == ("nerve",)


def test_stored_values_out_of_range_are_clamped(content: Content, tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.setValue("minutes", 500)
    store.setValue("place", "roof")
    controller = make_controller(content, tmp_path, store)
    assert (controller.settings.minutes, controller.settings.place) == (30, "desk")


def test_a_new_get_ready_time_rebuilds_todays_routine(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    controller = make_controller(content, tmp_path)
    with qtbot.waitSignal(controller.routine_changed, timeout=1000) as changed:
        controller.update_settings(replace(controller.settings, prepare_s=15))
    routine = changed.args[0]
    assert routine is controller.routine
    assert {s.duration_s for s in routine.steps if s.phase is Phase.PREPARE} == {15}
    assert controller.prepare_s == 15


def test_a_check_is_dated_by_the_wall_clock(content: Content, tmp_path: Path) -> None:
    controller = make_controller(content, tmp_path, now=NOW)
    assert controller.start_step() is StartStep.CHECK and controller.recheck_due()
    controller.record_check(screen(content, []))
    assert controller.start_step() is StartStep.RUN and not controller.recheck_due()
    assert read_settings(store_in(tmp_path), content).screened_at == NOW


def test_a_saved_routine_becomes_todays(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    controller = make_controller(content, tmp_path)
    built = build_routine(content, ("fatigue", "sitting"), "desk", 10)
    draft = Draft.of(built).remove(content, 0)
    with qtbot.waitSignal(controller.routine_saved, timeout=1000) as saved:
        assert controller.save_routine(draft)
    assert saved.args == [tmp_path / FILE_NAME]
    assert controller.has_my_routine()
    assert controller.routine.items == draft.items
    # The saved routine wins over other answers, in this run and the next.
    controller.record_answers(Answers(("nerve",), "floor", 3))
    assert controller.routine.items == draft.items
    assert make_controller(content, tmp_path).routine.items == draft.items


def test_a_failed_save_keeps_todays_routine(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    controller = make_controller(content, blocker, store_in(tmp_path))
    before = controller.routine
    draft = Draft.of(build_routine(content, ("nerve",), "desk", 5))
    with qtbot.waitSignal(controller.save_failed, timeout=1000):
        assert not controller.save_routine(draft)
    assert controller.routine == before and not controller.has_my_routine()


def test_a_broken_file_is_reported_until_a_good_one_is_saved(
    content: Content, tmp_path: Path
) -> None:
    (tmp_path / FILE_NAME).write_text("routines: [", encoding="utf-8")
    controller = make_controller(content, tmp_path, now=NOW)
    assert "could not be read" in controller.problem
    assert controller.routine == build_routine(content, (), "desk", 5)
    controller.save_routine(Draft.of(build_routine(content, ("nerve",), "desk", 5)))
    assert controller.problem == ""


def test_other_answers_use_the_users_get_ready_time(content: Content, tmp_path: Path) -> None:
    controller = make_controller(content, tmp_path)
    controller.update_settings(replace(controller.settings, prepare_s=9))
    routine = controller.routine_for(Answers(("standing",), "standing", 3))
    assert routine.steps[0].phase is Phase.PREPARE and routine.steps[0].duration_s == 9


def test_a_stale_copy_never_writes_back_a_passed_check(content: Content, tmp_path: Path) -> None:
    """Two controllers on one settings file (as two copies of the app would be): the stop for
    a weak leg in one stays, whatever the other saves later."""
    first = make_controller(content, tmp_path, now=NOW)
    first.record_check(screen(content, []))
    other = make_controller(content, tmp_path, now=NOW)  # read while the check was passed
    first.record_stop("weakness")
    other.update_settings(replace(other.settings, volume=0.2))
    again = make_controller(content, tmp_path, now=NOW)
    assert again.start_step() is StartStep.CHECK and again.settings.volume == 0.2


def test_settings_that_cannot_be_saved_are_reported_and_still_block(
    content: Content, tmp_path: Path
) -> None:
    blocker, store = unwritable_store(tmp_path)
    controller = make_controller(content, tmp_path, store, now=NOW)
    controller.record_check(screen(content, []))
    assert "cannot be saved" in controller.problem and str(blocker) in controller.problem
    controller.record_stop("weakness")
    assert controller.start_step() is StartStep.CHECK  # for the rest of this run


def test_settings_fixed_on_load_are_told_once(content: Content, tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.setValue("volume", "loud")
    store.setValue("minutes", 500)
    controller = make_controller(content, tmp_path, store)
    assert controller.problem.startswith("2 of your settings had values the app cannot use")
    # The fixed values were stored: the next start has nothing to say.
    assert make_controller(content, tmp_path).problem == ""
    assert read_settings(store_in(tmp_path), content).minutes == 30


def test_a_save_killed_half_way_leaves_nothing_behind(content: Content, tmp_path: Path) -> None:
    leftover = tmp_path / f".{FILE_NAME}.abc123.tmp"
    leftover.write_text("routines: [", encoding="utf-8")
    keep = tmp_path / "notes.tmp"  # not the app's: left alone
    keep.write_text("mine", encoding="utf-8")
    make_controller(content, tmp_path)
    assert not leftover.exists() and keep.exists()


def test_a_broken_file_that_cannot_be_moved_is_said_so(
    content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / FILE_NAME).write_text("routines: [", encoding="utf-8")

    def read_only(path: Path, now: float | None = None) -> Path:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("lowback_timer.core.my_routine.move_aside", read_only)
    controller = make_controller(content, tmp_path, now=NOW)
    assert "could not be moved aside either" in controller.problem
    assert "kept aside as" not in controller.problem
    assert (tmp_path / FILE_NAME).exists()


def test_a_check_failed_in_another_copy_stops_this_one_at_start(
    content: Content, tmp_path: Path
) -> None:
    """Copy A passed its check long ago and never re-read the settings; copy B (same settings
    and data folder) finds an urgent sign: A's next Start asks the stored decision and refuses."""
    first = make_controller(content, tmp_path, now=NOW)
    first.record_check(screen(content, []))
    assert first.start_step() is StartStep.RUN
    other = make_controller(content, tmp_path, now=NOW + 60)
    other.record_check(screen(content, [sign_of(content, 1)]))
    assert first.start_step() is StartStep.CHECK
    assert first.settings.screened_at == 0.0


def test_a_failed_check_outlives_a_settings_file_that_cannot_be_written(
    content: Content, tmp_path: Path
) -> None:
    data = tmp_path / "data"

    def unwritable_settings(now: float) -> Controller:
        _blocker, store = unwritable_store(tmp_path)
        return Controller(content, "en", store, data, wall_clock=lambda: now, country="JP")

    first = unwritable_settings(NOW)
    first.record_check(screen(content, []))
    first.record_stop("weakness")  # see a doctor today: no routine until a new check
    assert (data / "safety-hold").is_file()
    # The next start, with the settings still unwritable: the hold in the data folder holds.
    again = unwritable_settings(NOW + 3600)
    assert again.start_step() is StartStep.CHECK
    again.record_check(screen(content, []))  # a new check that passes lets routines start
    assert again.start_step() is StartStep.RUN and not (data / "safety-hold").exists()


def test_when_nothing_can_be_written_the_home_screen_says_so_in_plain_words(
    content: Content, tmp_path: Path
) -> None:
    blocker, store = unwritable_store(tmp_path)
    controller = Controller(
        content, "en", store, blocker / "data", wall_clock=lambda: NOW, country="JP"
    )
    controller.record_check(screen(content, []))
    assert "result of your safety check" not in controller.problem  # settings only, so far
    controller.record_check(screen(content, [sign_of(content, 1)]))
    note = controller.problem
    assert "result of your safety check cannot be saved" in note
    assert "forgotten when you quit" in note and "safety check again" in note
    assert str(blocker / "data") in note and "Errno" not in note


def test_a_settings_lock_left_behind_never_holds_a_stop_up(
    content: Content, tmp_path: Path
) -> None:
    """A garbled `settings.ini.lock` (or one whose process is gone): Qt's own sync waited
    30 s for it on the GUI thread. It is removed, and the stop is written at once."""
    controller = make_controller(content, tmp_path, now=NOW)
    controller.record_check(screen(content, []))
    lock = Path(controller.store.fileName() + ".lock")
    lock.write_bytes(b"\x00 not a lock\n")
    controller.record_stop("weakness")
    assert not lock.exists()
    assert read_settings(store_in(tmp_path), content).screened_at == 0.0


def test_until_tidied_a_controller_only_reads(content: Content, tmp_path: Path) -> None:
    """The headless `sheet` command makes a controller and never tidies it: a broken saved
    routine, a bad value and a crash's temporary file are all left as they are; the app's
    start (`tidy`) then mends each."""
    broken = tmp_path / FILE_NAME
    broken.write_text("routines: [\n", encoding="utf-8")
    leftover = tmp_path / f".{FILE_NAME}.x1.tmp"
    leftover.write_text("half", encoding="utf-8")
    store = store_in(tmp_path)
    store.setValue("minutes", 500)
    controller = Controller(content, "en", store, tmp_path, wall_clock=lambda: NOW, country="JP")
    assert controller.settings.minutes == 30 and controller.saved_routine is None
    assert broken.is_file() and leftover.is_file() and store.value("minutes") == 500
    controller.tidy()
    assert not broken.exists() and list(tmp_path.glob(f"{FILE_NAME}.broken-*"))
    assert not leftover.exists() and int(store.value("minutes")) == 30
    assert "kept aside as" in controller.problem


def test_an_old_key_is_stored_under_its_new_name_at_start(
    content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lowback_timer.core import settings as rules

    monkeypatch.setattr(rules, "MIGRATIONS", (rules.Migration("session_minutes", "minutes"),))
    store = store_in(tmp_path)
    store.setValue("session_minutes", 10)
    store.setValue("future_key", "kept")  # a newer version's: never dropped
    controller = make_controller(content, tmp_path, store)
    assert controller.settings.minutes == 10
    assert not store.contains("session_minutes") and int(store.value("minutes")) == 10
    assert store.value("future_key") == "kept"
