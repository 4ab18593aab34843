"""Which language the app speaks: `--lang` first, then the system locale, then English."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "ja")
DEFAULT = "en"


def pick_language(requested: str | None, locale_name: str | None) -> str:
    """`locale_name` is e.g. "ja_JP.UTF-8" or "en-GB"; unknown languages fall back to English."""
    for candidate in (requested, locale_name):
        if candidate:
            code = candidate.replace("-", "_").split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
    return DEFAULT


def locale_from_env(env: Mapping[str, str]) -> str | None:
    """The POSIX rule: LC_ALL, then LC_MESSAGES, then LANG ("C"/"POSIX" say nothing)."""
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return value
    return None


def country_of(locale_name: str | None) -> str | None:
    """ "ja_JP.UTF-8" -> "JP"; None when the locale names no country."""
    if not locale_name:
        return None
    parts = locale_name.replace("-", "_").split(".")[0].split("_")
    return parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 else None


def format_clock(seconds: float) -> str:
    """4:05, as on a kitchen timer; reads the same in both languages. Rounds up, so a countdown
    shows 0:01 until the very end."""
    whole = max(0, -int(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"
