"""Which language the app speaks: `--lang` first, then the stored choice, then the locale, then
the content's first language. The languages themselves are listed once, in the content's meta."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def pick_language(requested: str | None, locale_name: str | None, available: Sequence[str]) -> str:
    """`locale_name` is e.g. "ja_JP.UTF-8" or "en-GB"; a language the content does not have
    falls back to its first one (English)."""
    for candidate in (requested, locale_name):
        if candidate:
            code = candidate.replace("-", "_").split("_")[0].split(".")[0].lower()
            if code in available:
                return code
    return available[0]


def locale_from_env(env: Mapping[str, str]) -> str | None:
    """The POSIX rule for messages: the first of LC_ALL, LC_MESSAGES and LANG that is set and
    not empty decides; "C" and "POSIX" (also "C.UTF-8") mean English. None when none is set."""
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return "en" if value in ("C", "POSIX") or value.startswith("C.") else value
    return None


def app_language(
    requested: str | None,
    stored: str | None,
    env: Mapping[str, str],
    system_locale: str | None,
    available: Sequence[str],
) -> str:
    """One rule for the window and the command line: `--lang`, then the language chosen in
    the settings, then the environment's locale (`locale_from_env`), then the system's (where
    the environment says nothing, as for apps started on macOS and Windows)."""
    return pick_language(
        requested or stored or None, locale_from_env(env) or system_locale, available
    )


def format_clock(seconds: float) -> str:
    """4:05, as on a kitchen timer; reads the same in both languages. Rounds up, so a countdown
    shows 0:01 until the very end."""
    whole = max(0, -int(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"


def join_sentences(no_space: bool, *sentences: str) -> str:
    """Sentences of one paragraph: a space between them, none where the language puts none
    (Japanese: its sentences end in "。"; `meta.no_sentence_space`)."""
    return ("" if no_space else " ").join(s for s in sentences if s)
