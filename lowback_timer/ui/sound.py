"""Short cue sounds through QSoundEffect; a silent no-op wherever audio is unavailable."""

from __future__ import annotations

import contextlib
import logging
import math
from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

CUES: tuple[str, ...] = ("hold-start", "hold-end", "switch-side", "breath-in", "breath-out", "done")


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
        log.info("Sounds are off (%s); using visual cues only.", reason)


def _clamp(v: float) -> float:
    # NaN would survive min/max as 1.0 (full volume); treat it as silence instead.
    return 0.0 if math.isnan(v) else min(max(v, 0.0), 1.0)
