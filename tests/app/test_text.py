"""Filling %1..%9 in translated texts, plural forms, and the one way a dose is phrased."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from lowback_timer.app.text import WORD_JOINER, dose_text, fill, keep_sentence_ends
from lowback_timer.app.translations import install_translators
from lowback_timer.core.content import Content


def test_markers_are_filled_in_any_order() -> None:
    assert fill("%2 before %1", "a", "b") == "b before a"


def test_an_argument_that_looks_like_a_marker_is_left_as_it_is() -> None:
    assert fill("Kept aside as %1.\n%2", "/tmp/%2-file", "line 3: bad") == (
        "Kept aside as /tmp/%2-file.\nline 3: bad"
    )


def test_a_marker_without_an_argument_stays() -> None:
    assert fill("%1 of %2", 3) == "3 of %2"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(("count", "expected"), [(1, "0 of 1 hold."), (8, "0 of 8 holds.")])
def test_english_counts_use_the_singular_for_one(count: int, expected: str) -> None:
    text = QCoreApplication.translate("TimerPage", "Stopped after %1 of %n holds.", None, count)
    assert fill(text, 0) == f"Stopped after {expected}"


@pytest.mark.usefixtures("english")
def test_a_dose_reads_the_same_everywhere(content: Content) -> None:
    calves, heel_raises = content.stretch("calves"), content.stretch("heel-raises")
    assert dose_text(calves, 30, 1) == "30 s each side"
    assert dose_text(heel_raises, 48, 1) == "12 times, slowly"
    assert dose_text(calves, 25, 3) == "25 s each side, 3 rounds"
    assert dose_text(heel_raises, 40, 2) == "10 times, slowly, 2 sets"


# --- Japanese sentence ends ----------------------------------------------------------------


def joined(text: str) -> str:
    return WORD_JOINER.join(text)


def test_the_type_cards_keep_their_last_four_characters_together(content: Content) -> None:
    for pain_type in content.types:
        feels = pain_type.feels("ja")
        kept = keep_sentence_ends(feels)
        assert kept.replace(WORD_JOINER, "") == feels  # nothing else changes
        assert kept.endswith(joined(feels[-4:]))  # 「感じます。」 -> 感 + じ⁠ま⁠す⁠。
        assert kept.count(WORD_JOINER) == 3


def test_every_sentence_of_a_paragraph_keeps_its_end() -> None:
    text = "まだ記録がありません。ルーティンの前後に0〜10でたずねます。"
    assert keep_sentence_ends(text) == (
        f"まだ記録があり{joined('ません。')}ルーティンの前後に0〜10でたず{joined('ねます。')}"
    )


def test_a_text_without_a_full_stop_keeps_its_last_characters_together() -> None:
    where = "記録はこのコンピューターの中だけ（/home/me/.local/share）に保存されています"
    assert keep_sentence_ends(where) == where[:-4] + joined("ています")


@pytest.mark.parametrize(
    "text",
    [
        "A gentle pull is enough. If the leg tingles, ease off.",
        "Kept only on this computer, in /home/me/.local/share",
        "次：準備 — お尻（殿部）のストレッチ（右）。",  # nothing to join before the bracket
        "",
    ],
)
def test_english_paths_and_brackets_are_left_as_they_are(text: str) -> None:
    assert keep_sentence_ends(text) == text


def test_joining_twice_joins_nothing_more(content: Content) -> None:
    for pain_type in content.types:
        once = keep_sentence_ends(pain_type.feels("ja"))
        assert keep_sentence_ends(once) == once
