"""Filling %1..%9 in translated texts."""

from __future__ import annotations

from lowback_timer.ui.text import fill


def test_markers_are_filled_in_any_order() -> None:
    assert fill("%2 before %1", "a", "b") == "b before a"


def test_an_argument_that_looks_like_a_marker_is_left_as_it_is() -> None:
    assert fill("Kept aside as %1.\n%2", "/tmp/%2-file", "line 3: bad") == (
        "Kept aside as /tmp/%2-file.\nline 3: bad"
    )


def test_a_marker_without_an_argument_stays() -> None:
    assert fill("%1 of %2", 3) == "3 of %2"
