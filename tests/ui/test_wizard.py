"""The set-up wizard: every screening path, each type, editing and saving, keyboard, and the
main window's wiring (first run, change answers, safety check again, my routine)."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from lowback_timer import cli
from lowback_timer.core.content import Content
from lowback_timer.core.my_routine import FILE_NAME, load_my_routine
from lowback_timer.core.routine import build_routine, safe_hold_range
from lowback_timer.core.screening import DAY_S, Outcome
from lowback_timer.core.settings import Settings
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.settings_store import load_settings, save_settings
from lowback_timer.ui.wizard import CARE_RESULT, SetupWizard, WizardResult
from tests.ui.helpers import click, finish, next_button

NOW = 1_750_000_000.0


def sign_of(content: Content, tier: int) -> str:
    return next(s.id for s in content.signs if s.tier == tier)


def make_wizard(
    qtbot: QtBot,
    content: Content,
    data_dir: Path,
    settings: Settings | None = None,
    mode: str = SetupWizard.SETUP,
) -> SetupWizard:
    wizard = SetupWizard(content, "en", settings or Settings(), data_dir, mode=mode)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def to_type_page(wizard: SetupWizard, *signs: str) -> None:
    """Welcome -> safety check (signs, or "None of these") -> [advice] -> type page."""
    wizard.next()
    assert wizard.currentId() == SetupWizard.SAFETY
    for sign in signs:
        click(wizard.safety.rows[sign].box)
    if not signs:
        click(wizard.safety.none_box)
    wizard.next()
    if wizard.currentId() == SetupWizard.ADVICE:
        wizard.next()
    assert wizard.currentId() == SetupWizard.TYPE


def answer(wizard: SetupWizard, types: tuple[str, ...], place: str, minutes: int) -> None:
    """On the type page: tick the types ("Not sure" for none), pick place and time, preview."""
    for type_id, card in wizard.type_page.cards.items():
        card.box.setChecked(type_id in types)
    if not types:
        click(wizard.type_page.not_sure.box)
    wizard.next()
    assert wizard.currentId() == SetupWizard.PLACE
    click(wizard.place_page.place_buttons[place])
    click(wizard.place_page.minute_buttons[minutes])
    wizard.next()
    assert wizard.currentId() == SetupWizard.PREVIEW


# --- safety check ------------------------------------------------------------------------
def test_next_needs_an_answer_and_none_of_these_excludes_the_signs(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    wizard.next()
    page = wizard.safety
    assert len(page.rows) == len(content.signs)
    assert not next_button(wizard).isEnabled()
    click(page.rows["dizzy"].box)
    assert next_button(wizard).isEnabled()
    click(page.none_box)
    assert page.ticked() == []
    assert page.none_box.isChecked()
    assert next_button(wizard).isEnabled()
    # Clicking the text of a sign ticks it too, and clears "None of these".
    click(page.rows["no-better"].text_label)
    assert page.ticked() == ["no-better"]
    assert not page.none_box.isChecked()
    click(page.rows["no-better"].text_label)
    assert not next_button(wizard).isEnabled()


@pytest.mark.parametrize("tier", [1, 2])
def test_tier_1_and_2_close_the_wizard_for_the_care_screen(
    qtbot: QtBot, content: Content, tmp_path: Path, tier: int
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    completed: list[WizardResult] = []
    wizard.completed.connect(completed.append)
    wizard.next()
    click(wizard.safety.rows[sign_of(content, tier)].box)
    click(wizard.safety.rows[sign_of(content, 3)].box)
    with qtbot.waitSignal(wizard.care_needed, timeout=1000) as care:
        wizard.next()
    outcome = care.args[0]
    assert isinstance(outcome, Outcome)
    assert outcome.tier == tier
    assert not outcome.routine_allowed
    assert wizard.result() == CARE_RESULT
    assert not wizard.isVisible()
    assert completed == []  # no routine offered


@pytest.mark.parametrize("tier", [3, 4])
def test_tier_3_shows_the_advice_first_and_allows_the_routine(
    qtbot: QtBot, content: Content, tmp_path: Path, tier: int
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    wizard.next()
    click(wizard.safety.rows[sign_of(content, tier)].box)
    with qtbot.waitSignal(wizard.screening_done, timeout=1000) as done:
        wizard.next()
    assert done.args[0].routine_allowed
    assert wizard.currentId() == SetupWizard.ADVICE
    assert wizard.advice.heading.text() == content.tier(tier).title("en")
    assert content.tier(tier).action("en") in wizard.advice.text.text()
    wizard.next()
    answer(wizard, ("fatigue",), "desk", 5)
    assert wizard.routine() == build_routine(content, ("fatigue",), "desk", 5)


def test_none_of_these_goes_straight_to_the_type_page(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    wizard.next()
    click(wizard.safety.none_box)
    wizard.next()
    assert wizard.currentId() == SetupWizard.TYPE


# --- the routine -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("types", "place", "minutes"),
    [
        (("nerve",), "floor", 3),
        (("fatigue",), "desk", 5),
        (("standing",), "standing", 10),
        (("sitting",), "desk", 10),
        ((), "floor", 5),  # not sure
        ((), "desk", 3),
        (("sitting", "fatigue"), "standing", 10),
    ],
    ids=lambda v: "+".join(v) or "not-sure" if isinstance(v, tuple) else str(v),
)
def test_the_routine_equals_build_routine_and_plan(
    qtbot: QtBot,
    content: Content,
    tmp_path: Path,
    types: tuple[str, ...],
    place: str,
    minutes: int,
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    to_type_page(wizard)
    answer(wizard, types, place, minutes)
    assert wizard.answers().types == tuple(t.id for t in content.types if t.id in types)
    expected = build_routine(content, types, place, minutes)
    assert wizard.routine() == expected
    shown = [row.name.text() for row in wizard.preview.rows]
    names = [content.stretch(content.variant(i.variant).stretch).name("en") for i in expected.items]
    assert shown == names
    # The same answers on the command line.
    argv = ["plan", "--place", place, "--minutes", str(minutes), "--json"]
    for type_id in types:
        argv += ["--type", type_id]
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(argv) == 0
    plan = json.loads(out.getvalue())
    assert plan["total_s"] == wizard.routine().total_s
    wizard_steps = wizard.routine().to_json(content, "en")["steps"]
    keys = ("stretch", "variant", "side", "hold_s")
    assert [[s[k] for k in keys] for s in plan["steps"]] == [
        [s[k] for k in keys] for s in wizard_steps
    ]


def test_not_sure_and_the_types_exclude_each_other(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    to_type_page(wizard)
    page = wizard.type_page
    assert not next_button(wizard).isEnabled()
    click(page.cards["nerve"].feels)  # the whole card toggles
    click(page.cards["sitting"].box)
    assert page.types() == ("nerve", "sitting")
    click(page.not_sure.box)
    assert page.types() == ()
    click(page.cards["fatigue"].box)
    assert not page.not_sure.box.isChecked()


def test_editing_the_preview_updates_the_total(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    to_type_page(wizard)
    answer(wizard, (), "desk", 10)
    page = wizard.preview
    start = build_routine(content, (), "desk", 10)
    variants = [i.variant for i in start.items]
    assert not page.rows[0].up.isEnabled()
    assert not page.rows[-1].down.isEnabled()

    click(page.rows[0].down)
    assert [i.variant for i in wizard.routine().items] == [variants[1], variants[0], *variants[2:]]
    click(page.rows[1].up)
    assert wizard.routine().items == start.items

    click(page.rows[1].remove)
    assert [i.variant for i in wizard.routine().items] == [variants[0], *variants[2:]]
    assert len(page.rows) == len(variants) - 1
    after_remove = wizard.routine().total_s
    assert after_remove < start.total_s
    assert page.total.text() == f"About {after_remove // 60}:{after_remove % 60:02d} in all"

    spin = page.rows[0].hold
    lo, hi = safe_hold_range(content, content.variant(variants[0]).stretch)
    assert (spin.minimum(), spin.maximum()) == (lo, hi)
    spin.setValue(hi + 50)  # clamped to the safe range
    assert wizard.routine().items[0].hold_s == hi
    spin.setValue(lo)
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_Down)  # already at the bottom of the range
    assert wizard.routine().items[0].hold_s == lo
    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert wizard.routine().items[0].hold_s == min(lo + 5, hi)
    total = wizard.routine().total_s
    assert page.total.text() == f"About {total // 60}:{total % 60:02d} in all"


def test_the_last_stretch_cannot_be_removed(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    to_type_page(wizard)
    answer(wizard, ("standing",), "floor", 3)
    assert len(wizard.preview.rows) == 1
    assert not wizard.preview.rows[0].remove.isEnabled()


def test_save_as_my_routine_and_load_it_back(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    to_type_page(wizard)
    answer(wizard, ("sitting", "fatigue"), "desk", 10)
    page = wizard.preview
    click(page.rows[0].down)
    click(page.rows[2].remove)
    page.rows[0].hold.setValue(25)
    with qtbot.waitSignal(wizard.routine_saved, timeout=1000) as saved:
        click(page.save_button)
    path = tmp_path / FILE_NAME
    assert saved.args == [path]
    assert page.status.text() == "Saved as my routine."
    loaded = load_my_routine(path)
    assert loaded.routine is not None
    assert loaded.routine.items == wizard.routine().items
    assert loaded.routine.place == "desk"


def test_a_failed_save_is_reported_and_nothing_is_lost(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    wizard = make_wizard(qtbot, content, blocker)
    to_type_page(wizard)
    answer(wizard, ("nerve",), "desk", 5)
    click(wizard.preview.rows[0].remove)  # the last one: nothing happens
    wizard.preview.rows[0].hold.setValue(25)
    click(wizard.preview.save_button)
    assert wizard.preview.status.text().startswith("Could not save: ")
    # Finishing an edited routine saves it, so a failure keeps the wizard open.
    finish(wizard)
    assert wizard.isVisible()
    assert blocker.read_text(encoding="utf-8").startswith("a file")


# --- keyboard, Back and Cancel -----------------------------------------------------------
def focus_chain(window: QWidget, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = []
    for _ in range(steps):
        widget = window.focusWidget()  # the window's own focus, whether or not it is active
        assert widget is not None
        seen.append(widget)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    return seen


def test_the_whole_wizard_works_by_keyboard(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    QTest.keyClick(wizard, Qt.Key.Key_Return)  # Next is the default button
    assert wizard.currentId() == SetupWizard.SAFETY
    page = wizard.safety
    first = next(iter(page.rows.values())).box
    chain = focus_chain(wizard, first, len(page.rows) + 4)
    for row in page.rows.values():
        assert row.box in chain
    assert page.none_box in chain
    QTest.keyClick(page.none_box, Qt.Key.Key_Space)
    assert page.none_box.isChecked()
    QTest.keyClick(page.none_box, Qt.Key.Key_Return)
    assert wizard.currentId() == SetupWizard.TYPE

    cards = wizard.type_page.cards
    chain = focus_chain(wizard, cards["nerve"].box, 6)
    assert all(card.box in chain for card in cards.values())
    assert wizard.type_page.not_sure.box in chain
    QTest.keyClick(cards["standing"].box, Qt.Key.Key_Space)
    QTest.keyClick(cards["standing"].box, Qt.Key.Key_Return)
    assert wizard.currentId() == SetupWizard.PLACE

    place = wizard.place_page
    place.place_buttons["floor"].setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(place.place_buttons["floor"], Qt.Key.Key_Space)
    # Tab reaches the time group (Qt may stop on each radio button, or only on the group's
    # checked one, depending on the platform's tab-focus setting); arrows move within a group.
    chain = focus_chain(wizard, place.place_buttons["floor"], 6)
    minutes_button = next(w for w in chain if w in place.minute_buttons.values())
    QTest.keyClick(minutes_button, Qt.Key.Key_Down)  # arrows move within a radio group
    chosen = place.chosen_minutes()
    QTest.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.currentId() == SetupWizard.PREVIEW
    assert wizard.routine() == build_routine(content, ("standing",), "floor", chosen)

    preview = wizard.preview
    first_row = preview.rows[0]
    chain = focus_chain(wizard, first_row.hold, 5)
    assert chain[:1] == [first_row.hold]
    assert preview.save_button in chain


def test_back_keeps_the_answers_and_the_edits(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    to_type_page(wizard, sign_of(content, 3))
    answer(wizard, ("sitting", "fatigue"), "floor", 10)
    click(wizard.preview.rows[0].remove)
    edited = wizard.routine()
    for _ in range(3):
        wizard.back()
    assert wizard.currentId() == SetupWizard.ADVICE
    wizard.back()
    assert wizard.safety.ticked() == [sign_of(content, 3)]
    for _ in range(4):
        wizard.next()
    assert wizard.currentId() == SetupWizard.PREVIEW
    assert wizard.answers().types == ("fatigue", "sitting")
    assert wizard.answers().place == "floor"
    assert wizard.routine() == edited  # same answers: the edits stay
    wizard.back()
    click(wizard.place_page.minute_buttons[5])
    wizard.next()
    assert wizard.routine() == build_routine(content, ("fatigue", "sitting"), "floor", 5)


def test_cancel_keeps_what_was_saved(
    qtbot: QtBot, content: Content, tmp_path: Path, store: QSettings
) -> None:
    window = MainWindow(content, "en", store, data_dir=tmp_path)
    qtbot.addWidget(window)
    window.clock = lambda: NOW
    wizard = window.open_wizard()
    to_type_page(wizard)
    answer(wizard, ("nerve",), "floor", 5)
    click(wizard.preview.save_button)
    saved = (tmp_path / FILE_NAME).read_bytes()
    wizard.reject()
    assert (tmp_path / FILE_NAME).read_bytes() == saved
    assert load_settings(store).screened_at == NOW  # the check that was answered counts
    assert not load_settings(store).setup_done


# --- the main window ---------------------------------------------------------------------
def make_window(
    qtbot: QtBot, content: Content, store: QSettings, data_dir: Path, now: float = NOW
) -> MainWindow:
    window = MainWindow(content, "en", store, data_dir=data_dir)
    qtbot.addWidget(window)
    window.clock = lambda: now
    window.care.set_country("JP")
    window.show()
    return window


def test_first_run_opens_the_wizard_and_finishing_saves_the_answers(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    window = make_window(qtbot, content, store, tmp_path)
    window.start_up()
    wizard = window.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.currentId() == SetupWizard.WELCOME
    to_type_page(wizard)
    answer(wizard, ("fatigue",), "standing", 10)
    finish(wizard)  # "Use this routine"
    assert not wizard.isVisible()
    settings = load_settings(store)
    assert settings.setup_done
    assert (settings.types, settings.place, settings.minutes) == (("fatigue",), "standing", 10)
    assert settings.screened_at == NOW
    assert window.routine == build_routine(content, ("fatigue",), "standing", 10)
    assert window.stack.currentWidget() is window.home
    assert not window.recheck_notice.isVisibleTo(window)
    assert not (tmp_path / FILE_NAME).exists()  # nothing edited, nothing to keep


@pytest.mark.parametrize("tier", [1, 2])
def test_a_tier_1_or_2_sign_shows_the_care_screen_and_no_routine(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path, tier: int
) -> None:
    window = make_window(qtbot, content, store, tmp_path)
    before = window.routine
    wizard = window.open_wizard()
    wizard.next()
    click(wizard.safety.rows[sign_of(content, tier)].box)
    wizard.next()
    assert window.stack.currentWidget() is window.care
    assert window.care.title.text() == content.tier(tier).title("en")
    assert window.care.local_number.text() == "119"
    assert window.routine == before
    settings = load_settings(store)
    assert not settings.setup_done
    assert settings.screened_at == 0.0
    window.care.home_button.click()
    assert window.recheck_notice.isVisibleTo(window)  # asked again before the next routine


def test_change_answers_starts_at_the_type_page_with_the_answers_ticked(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    settings = replace(
        Settings(),
        types=("sitting",),
        place="floor",
        minutes=10,
        setup_done=True,
        screened_at=NOW,
    )
    save_settings(store, settings)
    window = make_window(qtbot, content, store, tmp_path)
    window.home.change_button.click()
    wizard = window.wizard
    assert wizard is not None and wizard.mode == SetupWizard.ANSWERS
    assert wizard.currentId() == SetupWizard.TYPE
    assert wizard.type_page.types() == ("sitting",)
    wizard.next()
    assert wizard.place_page.place() == "floor"
    assert wizard.place_page.chosen_minutes() == 10
    wizard.next()
    assert wizard.routine() == window.routine


def test_safety_check_from_the_menu_runs_the_check_alone(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    save_settings(store, replace(Settings(), setup_done=True, screened_at=NOW - 30 * DAY_S))
    window = make_window(qtbot, content, store, tmp_path)
    window.start_up()
    assert window.wizard is None  # no wizard, no dialog: a line on the home screen
    assert window.recheck_notice.isVisibleTo(window)
    action = next(a for a in window.routine_menu.actions() if a.text() == "Safety &check…")
    action.trigger()
    wizard = window.wizard
    assert wizard is not None and wizard.currentId() == SetupWizard.SAFETY
    click(wizard.safety.none_box)
    finish(wizard)
    assert not wizard.isVisible()
    assert load_settings(store).screened_at == NOW
    assert not window.recheck_notice.isVisibleTo(window)


def test_the_recheck_is_offered_after_14_days_only(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    save_settings(store, replace(Settings(), setup_done=True, screened_at=NOW))
    soon = make_window(qtbot, content, store, tmp_path, now=NOW + 13 * DAY_S)
    soon.start_up()
    assert not soon.recheck_notice.isVisibleTo(soon)
    later = make_window(qtbot, content, store, tmp_path, now=NOW + 14 * DAY_S)
    later.start_up()
    assert later.recheck_notice.isVisibleTo(later)
    later.recheck_notice.button.click()
    assert later.wizard is not None and later.wizard.mode == SetupWizard.CHECK


def test_the_home_screen_uses_my_routine(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    save_settings(store, replace(Settings(), setup_done=True, screened_at=NOW))
    first = make_window(qtbot, content, store, tmp_path)
    wizard = first.change_answers()
    answer(wizard, ("sitting", "fatigue"), "desk", 10)
    click(wizard.preview.rows[0].remove)
    edited = wizard.routine()
    finish(wizard)  # an edited routine is kept as my routine
    assert first.routine == edited
    again = make_window(qtbot, content, store, tmp_path)
    assert again.routine == edited
    names = [content.stretch(content.variant(i.variant).stretch).name("en") for i in edited.items]
    assert [line.split(". ", 1)[1].split(" — ")[0] for line in again.home.summary] == names


def test_a_corrupt_my_routine_is_set_aside_and_reported(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    save_settings(store, replace(Settings(), setup_done=True, screened_at=NOW, types=("nerve",)))
    (tmp_path / FILE_NAME).write_text("routines:\n  - id: [broken\n", encoding="utf-8")
    window = make_window(qtbot, content, store, tmp_path)
    assert window.broken_notice.isVisibleTo(window)
    text = window.broken_notice.text.text()
    assert f"{tmp_path / FILE_NAME}:" in text
    assert "not valid YAML" in text
    assert not (tmp_path / FILE_NAME).exists()
    (moved,) = tmp_path.glob(f"{FILE_NAME}.broken-*")
    assert str(moved) in text
    assert window.routine == build_routine(content, ("nerve",), "desk", 5)
