"""Optional spoken cues through QTextToSpeech; off by default, a no-op when unavailable."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

# Qt's "mock" engine is a test double that says nothing; never pick it on its own.
_TEST_ENGINES = frozenset({"mock"})


def _create_engine(names: Sequence[str] | None, parent: QObject) -> QTextToSpeech | None:
    """First engine among `names` (default: all real ones) that initialises, else None."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except (ImportError, OSError):
        return None
    if names is None:
        names = [n for n in QTextToSpeech.availableEngines() if n not in _TEST_ENGINES]
    for name in names:
        engine = QTextToSpeech(name, parent)
        if engine.state() != QTextToSpeech.State.Error:
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
        self._engine: QTextToSpeech | None = None
        self._tried = False  # engine creation is attempted (and logged) at most once
        self._language = "en"
        self._voice_ok = False
        self._no_voice_logged: set[str] = set()
        self._enabled = False
        self.set_enabled(enabled)

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def language(self) -> str:
        return self._language

    @property
    def engine(self) -> QTextToSpeech | None:
        return self._engine

    def set_enabled(self, b: bool) -> None:
        self._enabled = b
        if not b:
            self.stop()
        elif not self._tried:
            self._tried = True
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
