"""Short cue sounds through QSoundEffect; a silent no-op wherever audio is unavailable.

Where there is no sound device, Qt's audio libraries print about a dozen lines (libraries
they look for, the FFmpeg version, PulseAudio failing to connect). While the app runs
(`quiet_audio_libraries`, installed by `ui.app.run_gui` only: pytest-qt has its own handler),
those go to the debug log (`lowback-timer --verbose`), and the first real complaint among
them becomes the reason in the player's one line "Sounds are off (...)".
"""

from __future__ import annotations

import contextlib
import logging
import math
import sys
from collections.abc import Callable, Iterator
from importlib.resources import as_file, files
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    QUrl,
    qFormatLogMessage,
    qInstallMessageHandler,
)

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

CUES: tuple[str, ...] = ("hold-start", "hold-end", "switch-side", "breath-in", "breath-out", "done")

#: Where Qt's audio and speech libraries talk: their logging categories, and the starts of
#: the messages some of them print in Qt's "default" category.
NOISE_CATEGORIES = ("qt.multimedia", "qt.speech")
NOISE_MESSAGES = ("PulseAudioService:", "Error loading text-to-speech plug-in")
#: Looking for optional libraries (PipeWire, VA-API video decoding): said where sound works
#: too, so never the reason it does not. Speech has its own line (ui/speech.py).
NOT_A_REASON = ("qt.multimedia.symbolsresolver", "qt.speech")


def _open_audio() -> tuple[type[QSoundEffect] | None, str]:
    """Return the effect class, or None and why audio is off.

    QtMultimedia is imported here, not at module level, because it fails to load on
    machines without libpulse. Without an output device a QSoundEffect only emits a Qt
    warning ("playback of this format is not supported...") and errors, so none is made.
    """
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except (ImportError, OSError) as exc:
        return None, f"QtMultimedia unavailable: {exc}"
    if not QMediaDevices.audioOutputs():
        return None, "no audio output device"
    return QSoundEffect, ""


class SoundPlayer(QObject):
    """Plays the named cues. Never raises or blocks because of the audio system.

    Effects are created on the first `play()` (or `preload()`); QSoundEffect then loads the
    files asynchronously. Pass `use_audio=False` to keep QtMultimedia out entirely.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        volume: float = 0.6,
        muted: bool = False,
        use_audio: bool = True,
    ) -> None:
        super().__init__(parent)
        self._volume = _clamp(volume)
        self._muted = muted
        self._use_audio = use_audio
        self._loaded = False
        self._effects: dict[str, QSoundEffect] = {}
        # Holds the real paths while the player lives (only copies if the package is zipped).
        self._paths = contextlib.ExitStack()

    @property
    def available(self) -> bool:
        """Whether cues can be heard; probes the audio system on first use."""
        self.preload()
        return self._use_audio

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    def set_volume(self, v: float) -> None:
        self._volume = _clamp(v)
        for effect in self._effects.values():
            effect.setVolume(self._volume)

    def set_muted(self, b: bool) -> None:
        self._muted = b
        if b:
            for effect in self._effects.values():
                effect.stop()

    def preload(self) -> None:
        """Probe audio and start loading the files, e.g. when a session screen opens."""
        if self._use_audio and not self._loaded:
            self._loaded = True
            effect_class, reason = _open_audio()
            if effect_class is None:
                self._turn_off(reason)
                return
            folder = files("lowback_timer") / "assets" / "sounds"
            for cue in CUES:
                effect = effect_class(self)
                effect.statusChanged.connect(self._check_status)
                effect.setVolume(self._volume)
                path = self._paths.enter_context(as_file(folder / f"{cue}.wav"))
                effect.setSource(QUrl.fromLocalFile(str(path)))
                self._effects[cue] = effect

    def play(self, cue: str) -> None:
        if cue not in CUES:
            raise ValueError(f"unknown sound cue {cue!r}; expected one of {CUES}")
        if self._muted:
            return
        self.preload()
        effect = self._effects.get(cue)
        if self._use_audio and effect is not None:
            effect.play()  # asynchronous; plays as soon as the file is loaded

    def _check_status(self) -> None:
        for cue, effect in self._effects.items():
            if effect.status() == effect.Status.Error:
                self._turn_off(f"could not load or play {cue}.wav")
                return

    def _turn_off(self, reason: str) -> None:
        if not self._use_audio:
            return  # already off: log only once
        self._use_audio = False
        for effect in self._effects.values():
            effect.stop()
        complaint = _folding.complaint if _folding is not None else None
        if complaint:
            reason = f"{reason}; {complaint}"
        log.info("Sounds are off (%s); using visual cues only.", reason)


MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]


class _AudioNoise:
    """A Qt message handler: the audio libraries' messages to the debug log, the first
    complaint among them kept; any other message on to `passed_on` (Qt's printing if None)."""

    def __init__(self, passed_on: MessageHandler | None) -> None:
        self.passed_on = passed_on
        self.complaint: str | None = None

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or "default"
        if kind != QtMsgType.QtFatalMsg and is_audio_noise(category, message):
            log.debug("%s: %s", category, message)
            serious = kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg)
            if serious and self.complaint is None and not category.startswith(NOT_A_REASON):
                self.complaint = message
        elif self.passed_on is not None:
            self.passed_on(kind, context, message)
        else:
            print(qFormatLogMessage(kind, context, message), file=sys.stderr, flush=True)


def is_audio_noise(category: str, message: str) -> bool:
    if category == "default":
        return message.startswith(NOISE_MESSAGES)
    return any(category == c or category.startswith(f"{c}.") for c in NOISE_CATEGORIES)


_folding: _AudioNoise | None = None


@contextlib.contextmanager
def quiet_audio_libraries() -> Iterator[None]:
    """While it lasts, Qt's messages go through `_AudioNoise`; the handler before comes back."""
    global _folding
    before = _folding
    _folding = _AudioNoise(None)
    _folding.passed_on = qInstallMessageHandler(_folding)
    try:
        yield
    finally:
        qInstallMessageHandler(_folding.passed_on)
        _folding = before


def _clamp(v: float) -> float:
    # NaN would survive min/max as 1.0 (full volume); treat it as silence instead.
    return 0.0 if math.isnan(v) else min(max(v, 0.0), 1.0)
