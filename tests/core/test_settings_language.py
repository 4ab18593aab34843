"""Settings are clamped, never fatal; the language follows --lang, then the locale."""

from __future__ import annotations

import pytest

from lowback_timer.core.app_state import vocabularies
from lowback_timer.core.content import load_content
from lowback_timer.core.language import format_clock, locale_from_env, pick_language
from lowback_timer.core.settings import Settings, coerce, limits


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
        vocabularies(load_content()),
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
    assert pick_language(requested, locale, ("en", "ja")) == expected


def test_locale_follows_the_posix_order() -> None:
    env = {"LANG": "en_GB.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}
    assert locale_from_env(env) == "ja_JP.UTF-8"
    assert locale_from_env({"LC_ALL": "C", "LANG": "C.UTF-8"}) is None


def test_clock_rounds_up_so_the_last_second_still_shows() -> None:
    assert [format_clock(s) for s in (0, 0.2, 59.01, 60, 245)] == [
        "0:00",
        "0:01",
        "1:00",
        "1:00",
        "4:05",
    ]


def test_a_get_ready_time_never_stored_follows_the_content() -> None:
    assert coerce({}).prepare_s is None
    assert coerce({"prepare_s": "12"}).prepare_s == 12
    assert coerce({"prepare_s": None}).prepare_s is None


def test_ranges_are_declared_on_the_fields() -> None:
    assert limits("minutes") == (3, 30)
    notes: list[str] = []
    assert coerce({"recheck_days": "365"}, notes.append).recheck_days == limits("recheck_days")[1]
    assert notes == ["setting recheck_days=365 is outside 1–90; using 90"]


def test_a_language_the_content_lacks_falls_back_to_the_system() -> None:
    notes: list[str] = []
    settings = coerce({"language": "fr"}, notes.append, vocabularies(load_content()))
    assert settings.language == "" and len(notes) == 1
