"""Optional spoken cues through QTextToSpeech; off by default, a no-op when unavailable.

QtTextToSpeech comes with PySide6-Addons (about 500 MB), which the app does not need: it is the
optional extra `lowback-timer[speech]`. Without it `speech_available()` is False and a `Speaker`
says nothing. The module is looked up by name (`importlib`), never imported at the top, so the
app and its type checks work without it.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from PySide6.QtCore import QLocale, QObject

log = logging.getLogger(__name__)

# How to get spoken cues where they are missing (said in the log; Preferences has its own).
HOW_TO_GET = "pip install 'lowback-timer[speech]'"

# Qt's "mock" engine is a test double that says nothing; never pick it on its own.
_TEST_ENGINES = frozenset({"mock"})

# PySide6.QtTextToSpeech once looked up; False where it cannot be imported (None: not yet).
_module: ModuleType | bool | None = None


def _tts() -> ModuleType | None:
    """PySide6.QtTextToSpeech, or None without PySide6-Addons (or its system libraries)."""
    global _module
    if _module is None:
        try:
            _module = importlib.import_module("PySide6.QtTextToSpeech")
        except (ImportError, OSError) as exc:
            log.debug("No QtTextToSpeech: %s", exc)
            _module = False
    return _module if isinstance(_module, ModuleType) else None


def speech_available() -> bool:
    """Whether QtTextToSpeech is installed (the optional PySide6-Addons); imports it once.

    Whether the system also has a working voice is only known once a `Speaker` is enabled.
    """
    return _tts() is not None


def _create_engine(names: Sequence[str] | None, parent: QObject) -> Any:
    """First engine among `names` (default: all real ones) that initialises, else None.

    The engine is a QTextToSpeech (typed Any: its module may be missing)."""
    tts = _tts()
    if tts is None:
        return None
    engine_class = tts.QTextToSpeech
    if names is None:
        names = [n for n in engine_class.availableEngines() if n not in _TEST_ENGINES]
    for name in names:
        engine = engine_class(name, parent)
        if engine.state() != engine_class.State.Error:
            return engine
        engine.deleteLater()
    return None


class Speaker(QObject):
    """Speaks short cues in the chosen language, or nothing.

    The engine is only created when speech is first enabled, so a missing or slow speech
    service costs nothing by default. `engines` restricts which engines are tried (tests).
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        enabled: bool = False,
        engines: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine_names = engines
        self._engine: Any = None  # a QTextToSpeech once enabled, if there is one
        self._tried = False  # engine creation is attempted (and logged) at most once
        self._language = "en"
        self._voice_ok = False
        self._no_voice_logged: set[str] = set()
        self._enabled = False
        self.set_enabled(enabled)

    @property
    def available(self) -> bool:
        """Whether speech can work here at all (QtTextToSpeech is installed)."""
        return speech_available()

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def language(self) -> str:
        return self._language

    @property
    def engine(self) -> Any:
        """The QTextToSpeech engine, or None."""
        return self._engine

    def set_enabled(self, b: bool) -> None:
        self._enabled = b
        if not b:
            self.stop()
        elif not self._tried:
            self._tried = True
            if not speech_available():
                log.info(
                    "Speech is unavailable (QtTextToSpeech is not installed: %s); "
                    "cues stay silent.",
                    HOW_TO_GET,
                )
                return
            self._engine = _create_engine(self._engine_names, self)
            if self._engine is None:
                log.info(
                    "Speech is unavailable (no working text-to-speech engine); cues stay silent."
                )
            else:
                self._apply_language()

    def set_language(self, lang: str) -> None:
        """Any language of the content ("en", "ja"); Qt knows which voice fits it."""
        if QLocale(lang).language() == QLocale.Language.C:
            raise ValueError(f"unknown language {lang!r}")
        self._language = lang
        self._apply_language()

    def say(self, text: str) -> None:
        """Start speaking `text` (asynchronous), replacing anything still being spoken."""
        engine = self._engine
        if not self._enabled or engine is None or not self._voice_ok:
            return
        if engine.state() == engine.State.Error:
            return
        if engine.state() != engine.State.Ready:
            engine.stop(engine.BoundaryHint.Immediate)
        engine.say(text)

    def stop(self) -> None:
        if self._engine is not None and self._engine.state() != self._engine.State.Error:
            self._engine.stop(self._engine.BoundaryHint.Immediate)

    def _apply_language(self) -> None:
        engine = self._engine
        if engine is None:
            return
        wanted = QLocale(self._language).language()
        matches = [loc for loc in engine.availableLocales() if loc.language() == wanted]
        # Better silence than Japanese read by an English voice (or the reverse).
        self._voice_ok = bool(matches)
        if not matches:
            if self._language not in self._no_voice_logged:
                self._no_voice_logged.add(self._language)
                log.info("No %s voice for speech; spoken cues are off in it.", self._language)
            return
        system = QLocale.system()
        chosen = next((loc for loc in matches if loc.name() == system.name()), matches[0])
        if engine.locale().name() != chosen.name():
            engine.setLocale(chosen)


# Where speech-dispatcher keeps its output modules (Debian/Ubuntu, Fedora, Arch, and the
# multiarch layout).
SPEECHD_MODULE_DIRS = (
    "/usr/lib/speech-dispatcher-modules",
    "/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules",
    "/usr/lib/aarch64-linux-gnu/speech-dispatcher-modules",
    "/usr/libexec/speech-dispatcher-modules",
    "/usr/lib64/speech-dispatcher-modules",
)


def japanese_voice_is_basic(
    platform: str = sys.platform, module_dirs: Sequence[str] = SPEECHD_MODULE_DIRS
) -> bool:
    """Whether the only Japanese voice here is likely espeak-ng's: on Linux, speech goes through
    speech-dispatcher, whose only Japanese voice is espeak-ng unless an Open JTalk module is
    installed (Debian 12 has none). It says the app's kana readings plainly but robotically.
    Windows and macOS have natural Japanese voices. Looks at file names only: no engine."""
    if not platform.startswith("linux"):
        return False
    for folder in module_dirs:
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            if any("jtalk" in entry.name.lower() for entry in entries):
                return False
    return True
