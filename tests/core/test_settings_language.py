"""Settings are clamped, never fatal; the language follows --lang, then the locale."""

from __future__ import annotations

import pytest

from lowback_timer.core.app_state import vocabularies
from lowback_timer.core.language import (
    app_language,
    format_clock,
    locale_from_env,
    pick_language,
)
from lowback_timer.core.loader import load_content
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
    assert locale_from_env({"LC_ALL": "", "LC_MESSAGES": "ja_JP"}) == "ja_JP"  # empty = unset
    assert locale_from_env({}) is None


@pytest.mark.parametrize("c_locale", ["C", "POSIX", "C.UTF-8"])
def test_the_c_locale_means_english_and_hides_the_variables_after_it(c_locale: str) -> None:
    # POSIX: the first variable set decides; LANG only counts when LC_ALL and LC_MESSAGES
    # are unset. The C locale's messages are English.
    assert locale_from_env({"LC_ALL": c_locale, "LANG": "ja_JP.UTF-8"}) == "en"
    assert locale_from_env({"LC_MESSAGES": c_locale, "LANG": "ja_JP.UTF-8"}) == "en"


@pytest.mark.parametrize(
    ("requested", "stored", "env", "system", "expected"),
    [
        (None, None, {"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "ja_JP", "en"),
        (None, None, {"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "en_US", "ja"),
        (None, None, {}, "ja_JP", "ja"),  # nothing in the environment: the system's
        (None, "ja", {"LC_ALL": "C"}, "en_US", "ja"),  # the choice made in the app
        ("en", "ja", {"LANG": "ja_JP.UTF-8"}, "ja_JP", "en"),  # --lang above all
        (None, "", {"LANG": "fr_FR.UTF-8"}, "ja_JP", "en"),  # French: the first language
    ],
)
def test_one_rule_for_the_window_and_the_command_line(
    requested: str | None, stored: str | None, env: dict[str, str], system: str, expected: str
) -> None:
    assert app_language(requested, stored, env, system, ("en", "ja")) == expected


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


def test_renamed_and_removed_keys_are_read_under_todays_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lowback_timer.core import settings as rules

    table = (
        rules.Migration("interval", "reminder_interval_min", lambda hours: int(hours) * 60),
        rules.Migration("theme", None),
    )
    monkeypatch.setattr(rules, "MIGRATIONS", table)
    assert "interval" in rules.stored_keys() and "theme" in rules.stored_keys()
    raw = rules.migrated({"interval": "2", "theme": "dark", "volume": "0.3", "future": "x"})
    assert raw == {"reminder_interval_min": 120, "volume": "0.3", "future": "x"}
    assert coerce(raw).reminder_interval_min == 120
    # A value already under the new name (written by this version) wins over the old one.
    both = rules.migrated({"interval": "2", "reminder_interval_min": 45})
    assert both == {"reminder_interval_min": 45}
