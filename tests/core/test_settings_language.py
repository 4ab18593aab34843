"""Settings are clamped, never fatal; the language follows --lang, then the locale."""

from __future__ import annotations

import pytest

from lowback_timer.core.language import country_of, format_clock, locale_from_env, pick_language
from lowback_timer.core.settings import Settings, coerce


def test_stored_values_out_of_range_are_clamped_and_reported() -> None:
    notes: list[str] = []
    settings = coerce(
        {
            "volume": "7",
            "breath_in_s": "0.5",
            "minutes": 99,
            "place": "roof",
            "muted": "true",
            "prepare_s": "abc",
            "types": "fatigue,sitting",
        },
        notes.append,
    )
    assert (settings.volume, settings.breath_in_s, settings.minutes) == (1.0, 2.0, 30)
    assert settings.place == "desk" and settings.muted is True
    assert settings.types == ("fatigue", "sitting")
    assert settings.prepare_s == Settings().prepare_s
    assert len(notes) == 5


def test_not_a_number_falls_back_to_the_default() -> None:
    notes: list[str] = []
    assert coerce({"volume": "nan"}, notes.append).volume == Settings().volume
    assert notes


@pytest.mark.parametrize(
    ("requested", "locale", "expected"),
    [
        (None, "ja_JP.UTF-8", "ja"),
        ("en", "ja_JP", "en"),
        (None, "fr_FR", "en"),
        (None, None, "en"),
        ("ja", None, "ja"),
        (None, "ja-JP", "ja"),
    ],
)
def test_language_choice(requested: str | None, locale: str | None, expected: str) -> None:
    assert pick_language(requested, locale) == expected


def test_locale_follows_the_posix_order() -> None:
    env = {"LANG": "en_GB.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}
    assert locale_from_env(env) == "ja_JP.UTF-8"
    assert locale_from_env({"LC_ALL": "C", "LANG": "C.UTF-8"}) is None
    assert country_of("en_GB.UTF-8") == "GB" and country_of("ja") is None


def test_clock_rounds_up_so_the_last_second_still_shows() -> None:
    assert [format_clock(s) for s in (0, 0.2, 59.01, 60, 245)] == [
        "0:00",
        "0:01",
        "1:00",
        "1:00",
        "4:05",
    ]
