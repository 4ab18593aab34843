"""Filling %1..%9 in translated texts, plural forms, and the one way a dose is phrased."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from lowback_timer.app.text import dose_text, fill
from lowback_timer.app.translations import install_translators


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
def test_a_dose_reads_the_same_everywhere() -> None:
    assert dose_text(True, 30, 1) == "30 s each side"
    assert dose_text(False, 20, 1) == "20 s"
    assert dose_text(True, 25, 3) == "25 s each side, 3 rounds"
    assert dose_text(False, 25, 2) == "25 s, 2 rounds"
