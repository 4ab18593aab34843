"""Every screen by keyboard, with the focus plain to see, readable in a dark palette and with
the text twice as large: Enter on buttons, the focus ring, where each page puts the focus,
accessible names, contrast, and nothing clipped at 200 %.

200 % is emulated in-process by doubling the application font's point size (QT_SCALE_FACTOR
is read once, when the QApplication is made, and would only double the pixels: the layout in
logical pixels stays the same). Doubling the font is the harder case: the text grows while the
margins and pictures do not.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from lowback_timer.app.translations import install_translators
from lowback_timer.core.content import Content
from lowback_timer.core.routine import Routine, build_routine
from lowback_timer.core.screening import emergency_numbers_for, screen
from lowback_timer.core.session import State
from lowback_timer.core.settings import Settings
from lowback_timer.ui.care import CarePage
from lowback_timer.ui.home import HomePage
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.preferences import PreferencesDialog
from lowback_timer.ui.style import STYLE_SHEET, Look, apply_look, with_focus_ring
from lowback_timer.ui.widgets import CheckRow, Picture, TypeCard, enter_clicks
from lowback_timer.ui.wizard import SetupWizard
from tests.helpers import answer, make_controller, make_wizard, open_window, to_type_page


@pytest.fixture
def look(qapp: QApplication, content: Content) -> Iterator[Look]:
    """The app's look as `application()` installs it; taken off again afterwards (unless it
    was there before this test)."""
    before = qapp.findChild(Look)
    installed = apply_look(qapp, dict(content.meta.screen_fonts))
    assert installed is not None
    yield installed
    if before is None:
        installed.remove()
        QApplication.processEvents()


def enter(widget: QWidget, *, repeat: bool = False) -> None:
    """Enter as the keyboard gives it: to the focused widget."""
    widget.setFocus()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", repeat)
        QApplication.sendEvent(widget, event)


# --- 1. Enter, like Space, presses the focused button ----------------------------------------
def test_enter_presses_a_focused_button_on_a_main_window_page(
    qtbot: QtBot, content: Content
) -> None:
    care = CarePage(content, "en")
    qtbot.addWidget(care)
    enter_clicks(care)  # a window of its own here: as each of the app's windows does
    care.show_stop(content.stop_reason("weakness"), offer_skip=True)
    care.show()
    assert not care.skip_button.autoDefault()  # (so Qt alone would not press it on Enter)
    with qtbot.waitSignal(care.skip_requested, timeout=1000):
        enter(care.skip_button)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        with qtbot.waitSignal(care.finished, timeout=1000):
            QTest.keyClick(care.home_button, key)


def test_enter_presses_once_and_a_held_key_does_not_repeat(qtbot: QtBot) -> None:
    page = QWidget()
    button = QPushButton("Do it again", page)
    qtbot.addWidget(page)
    enter_clicks(page)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    page.show()
    enter(button)
    enter(button, repeat=True)
    QTest.keyClick(button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # a shortcut
    assert len(clicks) == 1
    button.setEnabled(False)
    enter(button)
    assert len(clicks) == 1


def test_in_a_dialog_enter_presses_the_focused_button_and_fields_keep_the_default(
    qtbot: QtBot,
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    enter_clicks(dialog)
    field = QLineEdit()
    other = QPushButton("Other")
    other.setAutoDefault(False)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    buttons.accepted.connect(dialog.accept)
    pressed: list[bool] = []
    other.clicked.connect(lambda: pressed.append(False))
    layout = QVBoxLayout(dialog)
    for widget in (field, other, buttons):
        layout.addWidget(widget)
    dialog.show()
    enter(other)
    assert pressed == [False] and dialog.isVisible()
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Return)  # the line edit passes it on: OK, the default
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_in_the_wizard_enter_on_a_choice_is_still_next(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    to_type_page(wizard)
    card = wizard.type_page.cards["standing"]
    QTest.keyClick(card.box, Qt.Key.Key_Space)
    QTest.keyClick(card.box, Qt.Key.Key_Return)
    assert card.box.isChecked() and wizard.currentId() == SetupWizard.PLACE
    QTest.keyClick(wizard.place_page.place_buttons["floor"], Qt.Key.Key_Enter)
    assert wizard.currentId() == SetupWizard.PREVIEW
    save = wizard.preview.save_button
    enter(save)  # the focused button, not the wizard's Finish
    assert wizard.isVisible() and wizard.preview.saved


def test_application_installs_the_look_once(qapp: QApplication) -> None:
    from lowback_timer.ui.app import application

    before = qapp.findChild(Look)
    try:
        assert application() is qapp
        application()
        assert len(qapp.findChildren(Look)) == 1
        assert qapp.styleSheet() == STYLE_SHEET
    finally:
        if before is None:
            look = qapp.findChild(Look)
            assert look is not None
            look.remove()


# --- 2. the focus ring ---------------------------------------------------------------------
def highlight_pixels(widget: QWidget, colour: QColor) -> int:
    image = widget.grab().toImage()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if _near(QColor(image.pixel(x, y)), colour)
    )


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30


@pytest.mark.usefixtures("look")
@pytest.mark.parametrize("dark", [False, True])
def test_the_focused_control_has_a_ring_in_the_highlight_colour(
    qtbot: QtBot, qapp: QApplication, dark: bool
) -> None:
    before = qapp.palette()
    if dark:
        qapp.setPalette(dark_palette())
    try:
        page = QWidget()
        qtbot.addWidget(page)
        default = QPushButton("Do it again")
        default.setDefault(True)
        box = QComboBox()
        box.addItems(["Japan", "Somewhere else"])
        seconds = QSpinBox()
        with_focus_ring(seconds)  # as Preferences and the preview do for theirs
        controls: list[QWidget] = [
            default,
            QPushButton("Back to home"),
            QCheckBox("Not sure"),
            QRadioButton("At my desk"),
            box,
            seconds,
        ]
        layout = QVBoxLayout(page)
        for control in controls:
            layout.addWidget(control)
        page.show()
        qtbot.waitExposed(page)
        highlight = qapp.palette().color(QPalette.ColorRole.Highlight)
        window = qapp.palette().color(QPalette.ColorRole.Window)
        assert contrast(highlight, window) >= 3.0  # WCAG 1.4.11, non-text contrast
        for control in controls:
            unfocused = highlight_pixels(control, highlight)
            control.setFocus(Qt.FocusReason.TabFocusReason)
            QApplication.processEvents()
            ring = highlight_pixels(control, highlight)
            # at least a 2 px ring round most of the control
            assert ring - unfocused >= 2 * (control.width() + control.height()), control
        # the default button, unfocused, does not look like a focused one
        controls[1].setFocus()
        QApplication.processEvents()
        assert highlight_pixels(default, highlight) < control.width()
    finally:
        qapp.setPalette(before)


@pytest.mark.usefixtures("look")
def test_a_type_card_and_a_check_row_are_ringed_while_focused(qtbot: QtBot) -> None:
    page = QWidget()
    card = TypeCard("Long sitting", "The longer I sit, the heavier my back and legs get.")
    row = CheckRow("Pain in one leg that keeps going.")
    QVBoxLayout(page).addWidget(card)
    page.layout().addWidget(row)  # type: ignore[union-attr]
    qtbot.addWidget(page)
    page.show()

    def focus(box: QWidget, kind: QEvent.Type) -> None:  # (offscreen, a window is not active)
        QApplication.sendEvent(box, QFocusEvent(kind, Qt.FocusReason.TabFocusReason))

    focus(card.box, QEvent.Type.FocusIn)
    assert card.property("focused") is True and row.property("focused") is False
    card.box.setChecked(True)
    assert card.property("chosen") is True
    focus(card.box, QEvent.Type.FocusOut)
    focus(row.box, QEvent.Type.FocusIn)
    assert card.property("focused") is False and row.property("focused") is True


# --- 2b. each page starts on its first control; a group on its chosen choice ----------------
@pytest.mark.usefixtures("look")
def test_each_wizard_page_puts_the_focus_on_its_choice(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path)
    assert wizard.focusWidget() is wizard.welcome.region
    to_type_page(wizard)
    assert wizard.focusWidget() is wizard.type_page.cards["nerve"].box  # none chosen: first
    wizard.type_page.cards["sitting"].box.setChecked(True)
    wizard.next()
    wizard.back()
    assert wizard.focusWidget() is wizard.type_page.cards["sitting"].box
    wizard.next()
    place = wizard.place_page
    assert wizard.focusWidget() is place.place_buttons[wizard.controller.settings.place]
    # Tab goes on to the time group at its chosen answer, not its first
    QTest.keyClick(wizard.focusWidget(), Qt.Key.Key_Tab)
    assert wizard.focusWidget() is place.minute_buttons[place.chosen_minutes()]
    assert place.chosen_minutes() != 3
    wizard.next()
    assert wizard.focusWidget() is wizard.preview.rows[0].hold


@pytest.mark.usefixtures("look")
def test_the_type_page_of_change_answers_starts_on_a_chosen_type(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    settings = Settings(types=("fatigue", "sitting"), setup_done=True)
    store_wizard = make_wizard(qtbot, content, tmp_path, settings, SetupWizard.ANSWERS)
    assert store_wizard.currentId() == SetupWizard.TYPE
    focused = store_wizard.focusWidget()
    assert focused is store_wizard.type_page.cards["fatigue"].box


# --- 3. the home screen's rows -------------------------------------------------------------
@pytest.mark.usefixtures("look")
def test_home_shows_four_whole_rows_in_the_usual_window(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.resize(900, 680)
    window.home.show_routine(build_routine(content, ("fatigue", "sitting"), "desk", 5))
    QApplication.processEvents()
    area = window.home.rows_area
    pictures = [p for p in window.home.rows.findChildren(Picture) if p.isVisibleTo(window)]
    assert len(pictures) == 4
    viewport = area.viewport().rect()
    for picture in pictures:
        where = picture.geometry().translated(window.home.rows.pos())
        assert viewport.contains(where), "a picture is cut by the edge of the list"
    # each row is as tall as its content: the texts beside a picture are never squeezed
    layout = window.home.rows_layout
    for row in range(layout.rowCount() - 1):
        item = layout.itemAtPosition(row, 1)
        texts = item.widget() if item is not None else None
        assert texts is not None
        assert texts.height() >= texts.minimumSizeHint().height()


# --- 4. fonts for Japanese -----------------------------------------------------------------
def glyph_families(font: QFont, text: str) -> set[str]:
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_japanese_uses_a_proportional_family_for_kana_and_digits(
    qapp: QApplication, content: Content, look: Look, tmp_path: Path
) -> None:
    """The families come from the content (meta.screen_fonts): the first installed one draws
    the Japanese text, never the monospaced IPAGothic; English keeps the system's font."""
    from PySide6.QtGui import QFontDatabase

    japanese = [f for f in dict(content.meta.screen_fonts)["ja"] if QFontDatabase.hasFamily(f)]
    if not japanese:
        pytest.skip("no proportional Japanese font installed")
    translators = install_translators(qapp, "ja")
    look.follow_language()  # as the app's start does, once the translators are in
    try:
        used = glyph_families(qapp.font(), "左右各30秒 約5分 #7119")
        assert japanese[0] in used
        assert "IPAGothic" not in used  # the monospaced one: thin, slashed digits
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        install_translators(qapp, "en")
        look.follow_language()
    english = qapp.font()
    assert english.families()[0] not in japanese
    assert not set(english.families()) & set(japanese)  # no CJK font opened at an English start
    # The language list names Japanese in its own script, in a proportional face.
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    assert "IPAGothic" not in glyph_families(dialog.language.font(), "Japan 日本語")
    same = "Same as the system"  # and its Latin text in the app's own face, as elsewhere
    assert glyph_families(dialog.language.font(), same) == glyph_families(english, same)
    dialog.deleteLater()


# --- 5. units in the language of the screen -------------------------------------------------
def test_the_seconds_unit_in_preferences_is_translated(
    qtbot: QtBot, qapp: QApplication, content: Content, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTranslator

    class Seconds(QTranslator):
        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return "秒" if (context, source) == ("PreferencesDialog", " s") else ""

        def isEmpty(self) -> bool:
            return False

    translator = Seconds()
    qapp.installTranslator(translator)
    try:
        dialog = PreferencesDialog(make_controller(content, tmp_path))
        qtbot.addWidget(dialog)
        for box in (dialog.breath_in, dialog.breath_out, dialog.prepare):
            assert box.suffix() == "秒"
    finally:
        qapp.removeTranslator(translator)


# --- 6. dark palette: contrast ------------------------------------------------------------
def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#171717"),
        (QPalette.ColorRole.AlternateBase, "#2b2b2b"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#303134"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
        (QPalette.ColorRole.BrightText, "#ffffff"),
        (QPalette.ColorRole.Highlight, "#4a90d9"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
        (QPalette.ColorRole.Light, "#4a4a4a"),
        (QPalette.ColorRole.Midlight, "#3c3c3c"),
        (QPalette.ColorRole.Mid, "#5f6368"),
        (QPalette.ColorRole.Dark, "#9aa0a6"),
        (QPalette.ColorRole.Shadow, "#000000"),
        (QPalette.ColorRole.ToolTipBase, "#303134"),
        (QPalette.ColorRole.ToolTipText, "#e8eaed"),
        (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def background_of(widget: QWidget) -> QColor:
    """The colour behind `widget`: its own filled background, else its nearest ancestor's."""
    here: QWidget | None = widget
    while here is not None:
        if here.autoFillBackground() or here.isWindow():
            return here.palette().color(here.backgroundRole())
        if isinstance(here, QAbstractButton | QComboBox | QAbstractSpinBox):
            return here.palette().color(here.backgroundRole())
        here = here.parentWidget()
    return widget.palette().color(QPalette.ColorRole.Window)


def low_contrast(top: QWidget) -> list[str]:
    QApplication.processEvents()
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if not widget.text() or not widget.isEnabled():  # (WCAG exempts what is disabled)
            continue
        ink = widget.palette().color(widget.foregroundRole())
        ratio = contrast(ink, background_of(widget))
        if ratio < 4.5:
            found.append(f"{widget.text()[:30]!r}: {ratio:.1f}")
    return found


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    yield qapp.palette()
    qapp.setPalette(before)


@pytest.mark.usefixtures("look", "dark")
def test_dark_palette_texts_meet_wcag_aa(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    assert window.home.heading.palette().color(QPalette.ColorRole.Window) == QColor("#202124")
    assert low_contrast(window.home) == []
    window.show_care_for_screening(screen(content, ["both-legs"]))
    care = window.care
    assert care.local_number.isVisibleTo(window) and care.local_number.text() == "119"
    assert low_contrast(care) == []
    wizard = make_wizard(qtbot, content, tmp_path / "w")
    assert low_contrast(wizard) == []
    to_type_page(wizard)
    assert low_contrast(wizard) == []
    answer(wizard, ("sitting",), "desk", 5)
    assert low_contrast(wizard) == []


def test_my_screens_name_no_colour_of_their_own() -> None:
    """Colours come from the palette (a dark or high-contrast theme is followed)."""
    import re

    import lowback_timer.ui as ui

    folder = Path(ui.__file__).parent
    files = [folder / n for n in ("style.py", "widgets.py", "home.py", "care.py", "preferences.py")]
    files += sorted((folder / "wizard").glob("*.py"))
    pattern = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|\b(white|black|grey|gray)\b", re.I)
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "setStyleSheet" in line or (":" in line and "{" in line):
                assert not pattern.search(line), f"{path.name}: {line.strip()}"


# --- 7. accessible names -------------------------------------------------------------------
def unnamed(top: QWidget) -> list[str]:
    from PySide6.QtGui import QAccessible

    QApplication.processEvents()
    missing = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        if not isinstance(
            widget, QAbstractButton | QComboBox | QAbstractSpinBox | QLineEdit | Picture
        ):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(widget, Picture):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # (the box's own line edit: the box has the name)
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


@pytest.mark.usefixtures("look")
def test_every_control_has_an_accessible_name(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    home = HomePage(content, "en")
    qtbot.addWidget(home)
    home.show_routine(build_routine(content, ("fatigue",), "desk", 5))
    home.show()
    assert unnamed(home) == []
    picture = home.rows.findChildren(Picture)[0]
    assert picture.accessibleDescription() == content.stretch("hamstrings").name("en")
    care = CarePage(content, "en")
    qtbot.addWidget(care)
    care.show_stop(content.stop_reason("weakness"), offer_skip=True)
    care.show()
    assert unnamed(care) == []
    wizard = make_wizard(qtbot, content, tmp_path)
    assert unnamed(wizard) == [] and wizard.welcome.region.accessibleName()
    wizard.next()
    wizard.currentPage().yes.click()  # type: ignore[attr-defined]
    to_check = wizard
    assert unnamed(to_check) == []
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert unnamed(dialog) == []
    assert dialog.breath_in.accessibleName() == "Breathe in for"
    assert dialog.region.accessibleName() == "Emergency numbers for"


# --- 8. 200 %: nothing clipped ------------------------------------------------------------
def clipped(top: QWidget) -> list[str]:
    """Each visible label and button that is smaller than its text needs (or lies outside its
    parent). Inside a scroll area, only the scrolled widget may be larger than what shows."""
    QApplication.processEvents()
    problems = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        parent = widget.parentWidget()
        in_scroll = parent is not None and isinstance(parent.parentWidget(), QScrollArea)
        outside = parent is not None and not parent.rect().contains(widget.geometry())
        if outside and not in_scroll and isinstance(widget, QLabel | QAbstractButton):
            problems.append(f"outside its parent: {widget.text()[:40]!r}")
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                need = QSize(
                    widget.minimumSizeHint().width(), widget.heightForWidth(widget.width())
                )
            else:
                need = widget.sizeHint()
        elif isinstance(widget, QAbstractButton) and widget.text():
            need = widget.sizeHint()
        else:
            continue
        if widget.width() < need.width() - 1 or widget.height() < need.height() - 1:
            problems.append(
                f"{type(widget).__name__} {widget.text()[:40]!r}: "
                f"{widget.width()}x{widget.height()} < {need.width()}x{need.height()}"
            )
    return problems


@pytest.fixture
def double_text(qapp: QApplication, look: Look) -> Iterator[None]:
    before = QFont(qapp.font())
    bigger = QFont(before)
    bigger.setPointSizeF(before.pointSizeF() * 2)
    qapp.setFont(bigger)
    yield
    qapp.setFont(before)


def at_minimum(widget: QWidget) -> QSize:
    """The window made as small as it goes, once its wrapped texts have asked for the height
    they need at that width (a few rounds of layout)."""
    for _round in range(4):  # (each round, a label's request goes up one more layout)
        QApplication.processEvents()
        widget.resize(widget.minimumSizeHint().expandedTo(widget.minimumSize()))
    QApplication.processEvents()
    return widget.size()


def timer_screens(window: MainWindow, routine: Routine) -> Iterator[QWidget]:
    """The timer getting ready (its longest cue), holding, paused, stopped and done."""
    page = window.timer_page
    window.show_page(page)
    page.load(routine)
    for step in (lambda: None, page.skip, page.toggle_pause, page.stop):
        step()
        at_minimum(window)
        yield window
    page.load(routine)
    assert page.session is not None
    while page.session.state is State.RUNNING:
        page.skip()
    at_minimum(window)
    yield window


def screens(qtbot: QtBot, content: Content, folder: Path, lang: str) -> Iterator[QWidget]:
    """Each of my screens in turn, at its window's minimum size."""
    window = MainWindow(make_controller(content, folder, lang=lang))
    qtbot.addWidget(window)
    window.show()
    window.home.show_routine(build_routine(content, ("fatigue", "sitting"), "desk", 10))
    window.home.show_notices(True, "The settings file could not be read; it was kept aside.")
    at_minimum(window)
    yield window
    yield from timer_screens(window, build_routine(content, ("standing",), "floor", 5))
    window.rating.ask(after=False)
    window.show_page(window.rating)
    at_minimum(window)
    yield window
    window.care.set_region(emergency_numbers_for(content, "JP")[0])
    window.care.show_screening([1, 3], screen(content, ["both-legs"]).signs)
    window.show_page(window.care)
    at_minimum(window)
    yield window
    window.care.set_region(None)
    window.care.show_stop(content.stop_reason("weakness"), offer_skip=True)
    at_minimum(window)
    yield window
    wizard = make_wizard(qtbot, content, folder / "w", lang=lang)
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    at_minimum(wizard)
    yield wizard  # welcome
    wizard.next()
    yield wizard  # the first group of the safety check
    last = wizard.groups[-1]
    while wizard.currentPage() is not last:
        wizard.currentPage().answer(False)  # type: ignore[attr-defined]
    last.answer(True)
    yield wizard  # which ones?
    wizard.back()
    wizard.setStartId(SetupWizard.TYPE)
    wizard.restart()
    yield wizard
    wizard.type_page.cards["sitting"].box.setChecked(True)
    wizard.next()
    yield wizard
    wizard.next()
    yield wizard
    dialog = PreferencesDialog(make_controller(content, folder, lang=lang))
    qtbot.addWidget(dialog)
    dialog.show()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        at_minimum(dialog)
        yield dialog


@pytest.mark.usefixtures("double_text")
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_nothing_is_clipped_with_text_at_200_percent(
    qtbot: QtBot, qapp: QApplication, content: Content, tmp_path: Path, lang: str
) -> None:
    problems: list[str] = []
    with in_language(qapp, lang):
        for number, screen_widget in enumerate(screens(qtbot, content, tmp_path, lang)):
            QApplication.processEvents()
            size = screen_widget.size()
            # the smallest window still fits a 1280 x 800 screen (2560 x 1600 at 200 %)
            assert size.width() <= 1280 and size.height() <= 900, (number, size)
            problems.extend(f"{lang} {number}: {p}" for p in clipped(screen_widget))
    assert problems == [], "\n".join(problems)


@contextlib.contextmanager
def in_language(qapp: QApplication, lang: str) -> Iterator[None]:
    """`lang`'s translators for the time of a test, then English again."""
    translators = install_translators(qapp, lang)
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        install_translators(qapp, "en")


#: 1920 x 1080 at 200 %, less a panel's and a title bar's height (ui.widgets.screen_room)
SMALL_SCREEN = QSize(960, 500)


def always_in_sight(window: QWidget) -> list[QAbstractButton]:
    """The buttons that may never be scrolled away or cut: the timer's stop button and the
    wizard's Back, Next, Finish and Cancel (those it shows)."""
    if isinstance(window, QWizard):
        button = QWizard.WizardButton
        kinds = (button.BackButton, button.NextButton, button.FinishButton, button.CancelButton)
        return [b for k in kinds if (b := window.button(k)) is not None and b.isVisible()]
    if isinstance(window, MainWindow) and (timer := window._timer.made()) is not None:
        running = window.stack.currentWidget() is timer
        if running and timer.pages.currentWidget() is timer.running_view:
            return [timer.stop_button, timer.pause_button, timer.skip_button]
    return []


@pytest.mark.usefixtures("look")
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_window_fits_a_1920_by_1080_screen_at_200_percent(
    qtbot: QtBot,
    qapp: QApplication,
    content: Content,
    tmp_path: Path,
    lang: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each window opens no larger than the screen's free room, and at its smallest it fits
    there with the stop button and the wizard's buttons whole and in sight."""
    from lowback_timer.ui import widgets

    monkeypatch.setattr(widgets, "screen_room", lambda _window: SMALL_SCREEN)
    problems = []
    with in_language(qapp, lang):
        window = MainWindow(make_controller(content, tmp_path / "opening", lang=lang))
        wizard = make_wizard(qtbot, content, tmp_path / "opening-wizard", lang=lang)
        qtbot.addWidget(window)
        for opened in (window, wizard):
            assert opened.width() <= 960 and opened.height() <= 500, opened.size()
        for number, shown in enumerate(screens(qtbot, content, tmp_path, lang)):
            size = shown.size()
            if size.width() > SMALL_SCREEN.width() or size.height() > SMALL_SCREEN.height():
                problems.append(f"{number} {type(shown).__name__}: {size.toTuple()}")
            for button in always_in_sight(shown):
                where = button.rect().translated(button.mapTo(shown, QPoint(0, 0)))
                if not shown.rect().contains(where) or button.height() < button.sizeHint().height():
                    problems.append(f"{number}: {button.text()!r} cut or out of sight")
            problems.extend(f"{number}: {p}" for p in clipped(shown))
    assert problems == [], "\n".join(problems)
