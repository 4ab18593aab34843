"""The interface in Japanese: our own .qm and Qt's qtbase_ja.qm (the wizard's buttons)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot

from lowback_timer.app.sound import SoundPlayer
from lowback_timer.app.text import WORD_JOINER
from lowback_timer.app.translations import install_translators
from lowback_timer.core.content import Content
from lowback_timer.core.routine import build_routine
from lowback_timer.core.screening import emergency_numbers_for
from lowback_timer.core.settings import Settings
from lowback_timer.ui.care import CarePage
from lowback_timer.ui.history_window import HistoryWindow
from lowback_timer.ui.timer import TimerPage
from tests.fakeclock import FakeClock
from tests.helpers import make_wizard, open_window, to_type_page, visible_texts


def shown(label: QLabel) -> str:
    """The characters a label shows (its WORD JOINERs keep sentence ends whole, unseen)."""
    return label.text().replace(WORD_JOINER, "")


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "ja")
    assert len(translators) == 2, "lowback_timer_ja.qm or qtbase_ja.qm is missing"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    install_translators(qapp, "en")


def japanese_timer(
    qtbot: QtBot, content: Content, types: tuple[str, ...], place: str, minutes: int
) -> TimerPage:
    """The timer in Japanese, loaded with the routine for these answers (not yet shown)."""
    page = TimerPage(
        content, "ja", Settings(), clock=FakeClock(), sounds=SoundPlayer(use_audio=False)
    )
    qtbot.addWidget(page)
    page.load(build_routine(content, types, place, minutes))
    return page


@pytest.mark.usefixtures("japanese")
def test_the_timer_speaks_japanese(qtbot: QtBot, content: Content) -> None:
    page = japanese_timer(qtbot, content, ("fatigue",), "desk", 5)
    assert page.ring.caption == "準備"
    page.skip()
    assert page.ring.caption == "キープ"
    assert shown(page.side_label) == "右脚"
    assert page.stretch_name.accessibleName() == content.stretch("hamstrings").name("ja")
    assert page.stretch_name.text().replace("\u2060", "") == content.stretch("hamstrings").name(
        "ja"
    )
    assert page.breath_label.text() == "吸って"
    assert page.stop_button.text() == "違和感がある・中止する（Esc）"


@pytest.mark.usefixtures("japanese")
def test_the_wizard_buttons_are_japanese_too(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, content, tmp_path, lang="ja")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    assert next_button is not None and cancel is not None
    assert "次へ" in next_button.text() and "キャンセル" in cancel.text()


@pytest.mark.usefixtures("japanese")
def test_the_care_screen_in_japan_says_119_in_japanese(qtbot: QtBot, content: Content) -> None:
    care = CarePage(content, "ja")
    care.set_region(emergency_numbers_for(content, "JP")[0])
    qtbot.addWidget(care)
    care.show_screening([1], [s for s in content.signs if s.tier == 1][:1])
    assert care.local_number.text() == "119"
    assert shown(care.title) == content.tier(1).title("ja")
    assert any("#7119" in text for text in visible_texts(care))


def label_lines(label: QLabel) -> list[str]:
    """The lines a word-wrapped plain-text label shows at its present width (QLabel draws it
    through QTextLayout with word wrap, inside its contents less its indent)."""
    width = label.contentsRect().width() - 2 * label.margin() - max(0, label.indent())
    text = label.text().replace("\n", "\u2028")  # a new line, as QLabel makes it
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    lines, top = [], 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, top))
        top += line.height()
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    # as tall as the label's own measure of its text, so these are the lines it shows
    drawn = QFontMetrics(label.font()).boundingRect(
        QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, label.text()
    )
    assert abs(drawn.height() - layout.boundingRect().height()) <= 1
    return [line.replace(WORD_JOINER, "").strip("\u2028 ") for line in lines]


def lone_sentence_ends(labels: list[QLabel]) -> list[str]:
    """Lines holding only the last one or two characters of a sentence (「す。」, or a lone
    「す」 at the end of a text without a 。)."""
    found = []
    for label in labels:
        lines = label_lines(label)
        ends = [line for line in lines[1:] if len(line) <= 2 and line.endswith("。")]
        if len(lines) > 1 and len(lines[-1]) <= 2 and not lines[-1].isascii():
            ends.append(lines[-1])
        if ends:
            found.append(f"{label.width()} px: {' | '.join(lines)}")
    return found


def at_widths(window: QWidget, labels: list[QLabel], widths: range) -> list[str]:
    found = []
    for width in widths:
        window.resize(width, window.height())
        QApplication.processEvents()
        found += lone_sentence_ends(labels)
    return found


@pytest.mark.usefixtures("japanese")
def test_no_type_card_ends_on_a_lone_su(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, content, tmp_path, lang="ja")
    to_type_page(wizard)
    page = wizard.currentPage()
    feels = [card.feels for card in page.cards.values()]  # type: ignore[attr-defined]
    assert any(label.text().endswith(WORD_JOINER + "。") for label in feels)
    # from the wizard's smallest width to a wide screen: each card's text at every width
    smallest = max(wizard.minimumSizeHint().width(), 600)
    assert at_widths(wizard, feels, range(smallest, 1300, 6)) == []


@pytest.mark.usefixtures("japanese")
def test_the_history_footer_ends_on_no_lone_su(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    dialog = HistoryWindow(window.history, content, "ja")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.totals.text().replace(WORD_JOINER, "") == "まだルーティンの記録はありません。"
    smallest = max(dialog.minimumSizeHint().width(), 300)
    assert at_widths(dialog, [dialog.totals, dialog.where], range(smallest, 1000, 4)) == []


def test_window_titles_end_with_the_japanese_name(qapp: QApplication) -> None:
    """The desktop adds the display name to every title: in Japanese, not "Low-back Timer"."""
    from lowback_timer.ui.app import show_name_in_language

    before = qapp.applicationDisplayName()
    translators = install_translators(qapp, "ja")
    try:
        show_name_in_language(qapp)
        assert qapp.applicationDisplayName() == "腰ストレッチタイマー"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        install_translators(qapp, "en")
        show_name_in_language(qapp)
    assert qapp.applicationDisplayName() == "Low-back Timer"
    qapp.setApplicationDisplayName(before)


def broken_lines(text: str, font: QFont, width: int) -> list[str]:
    """The lines `text` is broken into at `width` (as a word-wrapped label does)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


@pytest.mark.usefixtures("japanese")
def test_pausing_in_japanese_moves_nothing_and_breaks_no_parenthesis(
    qtbot: QtBot, content: Content
) -> None:
    page = japanese_timer(qtbot, content, ("standing",), "desk", 5)
    assert page.session is not None and page.session.step.stretch == "iliopsoas"
    page.show()
    inside_before = 0  # widths at which the plain title would break inside （…）
    for width in (640, 720, 800, 900, 1000):
        page.resize(width, 600)
        QApplication.processEvents()
        moved = (page.picture, page.ring, page.cue, page.skip_button, page.stop_button)
        places = [w.geometry() for w in moved]
        page.toggle_pause()
        QApplication.processEvents()
        assert page.stretch_name.accessibleName().startswith("一時停止中")
        assert [w.geometry() for w in moved] == places, width
        label, room = page.stretch_name, page.stretch_name.contentsRect().width()
        for line in broken_lines(label.text(), label.font(), room):
            assert line.count("（") == line.count("）"), (width, line)
        plain = broken_lines(label.accessibleName(), label.font(), room)
        inside_before += any(line.count("（") != line.count("）") for line in plain)
        page.toggle_pause()
    assert inside_before, "no width at which the title used to break inside its brackets"


@pytest.mark.usefixtures("japanese")
def test_the_timer_cue_ends_on_no_lone_su(qtbot: QtBot, content: Content) -> None:
    """The cue of each stretch, at every width of the timer, keeps its sentences' ends."""
    page = japanese_timer(qtbot, content, ("sitting",), "desk", 10)
    page.show()
    found: list[str] = []
    for _ in range(4):  # the first stretches' cues
        assert page.session is not None
        found += at_widths(page, [page.cue], range(640, 1300, 8))
        page.skip()
    assert found == []


@pytest.mark.usefixtures("japanese")
def test_the_care_screens_texts_end_on_no_lone_su(qtbot: QtBot, content: Content) -> None:
    """Texts set when a screen is shown (not when its labels are made) keep their ends too:
    「…かまいませ／ん。」 ended a line of the urgent screen."""
    care = CarePage(content, "ja")
    care.set_region(emergency_numbers_for(content, "JP")[0])
    qtbot.addWidget(care)
    care.show_screening([1], [s for s in content.signs if s.tier == 1][:2])
    care.show()
    texts = [care.title, care.advice, care.action, care.call, care.note]
    assert any(WORD_JOINER in label.text() for label in texts)
    assert at_widths(care, texts, range(600, 1300, 6)) == []


def test_preferences_name_the_desktop_sources_in_japanese(
    qtbot: QtBot, content: Content, tmp_path: Path, japanese: None
) -> None:
    from lowback_timer.app.desktop_sources import SourcesReport
    from lowback_timer.ui.preferences import PreferencesDialog
    from tests.helpers import make_controller

    dialog = PreferencesDialog(make_controller(content, tmp_path))
    qtbot.addWidget(dialog)
    dialog.set_sources(SourcesReport("GNOME (Mutter)", ("Notification server (KDE)",)))
    lines = dialog.sources_note.text().splitlines()
    assert len(lines) == 3 and lines[0].startswith("席を離れていた時間：GNOME")
    assert "通知サーバー" in lines[1]  # the source's display name, translated too
    assert not any(c.isascii() and c.isalpha() for c in lines[2])  # no lock source: all Japanese
