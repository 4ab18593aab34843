"""Short cue sounds through miniaudio; a silent no-op wherever audio is unavailable.

Each WAV file is decoded once into memory (signed 16-bit, mono, 44.1 kHz); the volume scales the
samples. A cue opens a playback device and a single-shot timer closes it once the cue has been
heard, so while nothing plays there is no audio device and no audio thread: the app idles in
the tray all day. A cue that starts while another plays replaces it on the same device.

Where there is no sound device, the C audio libraries (ALSA) print dozens of lines to stderr
while a device is opened. Those are caught (`_captured_stderr`) and go to the debug log
(`lowback-timer --verbose`); the user sees one line "Sounds are off (...)". While the app runs,
`quiet_audio_libraries` (installed by `ui.app.run_gui` only: pytest-qt has its own handler) does
the same with the Qt messages of the optional speech libraries.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import sys
import time
import types
from array import array
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qFormatLogMessage,
    qInstallMessageHandler,
)

from lowback_timer.core.content import assets_dir

log = logging.getLogger(__name__)

CUES: tuple[str, ...] = ("hold-start", "hold-end", "switch-side", "breath-in", "breath-out", "done")

RATE = 44_100  # the cues' own rate (tests/ui/test_audio.py checks the files)
# One device period: short, so a cue sounds when it should; the device only runs while a
# cue plays, so its wake-ups cost nothing the rest of the time.
PERIOD_MS = 30
# How long a device stays open after its cue's last sample: the samples still in the
# device's buffers must be heard before it closes.
TAIL_MS = 250
# A device that has not taken the whole cue by then (it stalled) is closed anyway.
GIVE_UP_S = 2.0

# Where Qt's speech libraries (PySide6-Addons, optional) talk: their logging categories, and
# the starts of the messages some of them print in Qt's "default" category.
NOISE_CATEGORIES = ("qt.multimedia", "qt.speech")
NOISE_MESSAGES = ("PulseAudioService:", "Error loading text-to-speech plug-in")

NO_DEVICE = "no audio output device"


class _Output:
    """Opens and closes playback devices with miniaudio, on `backends` (None: its own order)."""

    def __init__(self, miniaudio: Any, backends: Sequence[Any] | None) -> None:
        self.miniaudio = miniaudio
        self.backends = list(backends) if backends is not None else None
        self.Error: type[Exception] = miniaudio.MiniaudioError

    def open(self) -> Any:
        """A new `miniaudio.PlaybackDevice`, not started; raises `self.Error` if there is none."""
        ma = self.miniaudio
        with _captured_stderr():
            device = ma.PlaybackDevice(
                output_format=ma.SampleFormat.SIGNED16,
                nchannels=1,
                sample_rate=RATE,
                buffersize_msec=PERIOD_MS,
                backends=self.backends,
                app_name="Lowback Timer",
            )
        # Left to itself, miniaudio falls back on its "null" backend, which plays to no one.
        if device.backend == "Null" and (
            self.backends is None or ma.Backend.NULL not in self.backends
        ):
            self.close(device)
            raise self.Error("only the null backend")
        return device

    def close(self, device: Any) -> None:
        """Stop the device and its thread, and free its audio-system context (a PulseAudio
        connection, say), which `PlaybackDevice.close()` alone leaves open."""
        with _captured_stderr():
            device.close()
            context = getattr(device, "_context", None)
            uninit = getattr(self.miniaudio.lib, "ma_context_uninit", None)
            if context is not None and uninit is not None:
                device._context = None
                uninit(context)


def _import_miniaudio() -> Any:
    """miniaudio, without the `urllib.request` it imports for playing internet radio, which
    the app never does: that pulled in ssl, libcrypto, http and email, 10 MiB for a session. A
    stand-in takes its place for the time of the import only; a real import of it later loads
    the real one."""
    stand_in = "urllib.request" not in sys.modules
    if stand_in:
        sys.modules["urllib.request"] = types.ModuleType("urllib.request")
    try:
        import miniaudio  # type: ignore[import-untyped]
    finally:
        if stand_in:
            del sys.modules["urllib.request"]
    return miniaudio


def _open_audio(backends: Sequence[Any] | None = None) -> tuple[_Output | None, str]:
    """Return the output to play through, or None and why sounds are off.

    miniaudio is imported here, not at module level (its import takes ~60 ms of the start-up).
    Probing opens and closes a device once: no device, no sound.
    """
    try:
        miniaudio = _import_miniaudio()
    except (ImportError, OSError) as exc:
        return None, f"miniaudio unavailable: {exc}"
    output = _Output(miniaudio, backends)
    try:
        output.close(output.open())
    except output.Error as exc:
        log.debug("Opening an audio device failed: %s", exc)
        return None, NO_DEVICE
    return output, ""


class _Cue:
    """One cue being played: the device's thread takes its samples."""

    def __init__(self, samples: array[int]) -> None:
        self.samples = samples
        self.sent = 0  # samples handed to the device so far (written on the audio thread)
        self.started = time.monotonic()

    @property
    def done(self) -> bool:
        return self.sent >= len(self.samples)

    @property
    def duration_ms(self) -> int:
        return math.ceil(len(self.samples) * 1000 / RATE)


class _Feed:
    """What an open device plays: `cue`, which the Qt thread may replace at any time.

    Its generator never ends (after a cue, or without one, it gives nothing and the device
    plays silence), so miniaudio never drops it and no generator is swapped under the device's
    thread: replacing a cue is one attribute set."""

    def __init__(self, cue: _Cue) -> None:
        self.cue: _Cue | None = cue

    def stream(self) -> Generator[array[int], int, None]:
        """miniaudio's callback generator: sent a frame count, yields up to that many samples
        (the device fills the rest of its buffer with silence)."""
        nothing = array("h")
        frames = yield nothing
        while True:
            cue = self.cue
            if cue is None or cue.done:
                frames = yield nothing
                continue
            chunk = cue.samples[cue.sent : cue.sent + frames]
            cue.sent += len(chunk)
            frames = yield chunk


class SoundPlayer(QObject):
    """Plays the named cues. Never raises or blocks because of the audio system.

    The files are decoded and the audio system probed on the first `play()` (or `preload()`).
    Pass `use_audio=False` to keep miniaudio out entirely, and `backends` (e.g.
    `[miniaudio.Backend.NULL]` in tests) to choose miniaudio's backends.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        volume: float = 0.6,
        muted: bool = False,
        use_audio: bool = True,
        backends: Sequence[Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._volume = _clamp(volume)
        self._muted = muted
        self._use_audio = use_audio
        self._backends = backends
        self._loaded = False
        self._output: _Output | None = None
        self._decoded: dict[str, array[int]] = {}
        self._scaled: dict[str, array[int]] = {}  # at the current volume, made when first played
        self._device: Any = None  # a miniaudio.PlaybackDevice while a cue plays
        self._feed: _Feed | None = None  # what it plays
        self._closer = QTimer(self)
        self._closer.setSingleShot(True)
        self._closer.timeout.connect(self._close_when_heard)

    @property
    def available(self) -> bool:
        """Whether cues can be heard; probes the audio system on first use."""
        self.preload()
        return self._use_audio

    @property
    def playing(self) -> bool:
        """Whether a device is open (a cue plays, or its end is still in the device)."""
        return self._device is not None

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    def set_volume(self, v: float) -> None:
        """From the next cue on."""
        self._volume = _clamp(v)
        self._scaled.clear()

    def set_muted(self, b: bool) -> None:
        self._muted = b
        if b:
            self.stop()

    def preload(self) -> None:
        """Probe audio and decode the files, e.g. when a session screen opens."""
        if not self._use_audio or self._loaded:
            return
        self._loaded = True
        probe = _open_audio() if self._backends is None else _open_audio(self._backends)
        output, reason = probe
        if output is None:
            self._turn_off(reason)
            return
        folder = assets_dir() / "sounds"
        for cue in CUES:
            try:
                decoded = output.miniaudio.decode(
                    (folder / f"{cue}.wav").read_bytes(),
                    output_format=output.miniaudio.SampleFormat.SIGNED16,
                    nchannels=1,
                    sample_rate=RATE,
                )
            except (OSError, output.Error) as exc:
                self._turn_off(f"could not load {cue}.wav: {exc}")
                return
            self._decoded[cue] = decoded.samples
        self._output = output

    def play(self, cue: str) -> None:
        """Start `cue` (asynchronous), replacing any cue still playing."""
        if cue not in CUES:
            raise ValueError(f"unknown sound cue {cue!r}; expected one of {CUES}")
        if self._muted or self._volume == 0.0:
            return
        self.preload()
        output = self._output
        if not self._use_audio or output is None:
            return
        playing = _Cue(self._samples(cue))
        if self._feed is not None:
            self._feed.cue = playing  # the device is still open: the new cue replaces the old
        else:
            try:
                device = output.open()
            except output.Error as exc:
                self._turn_off(f"{NO_DEVICE}: {exc}")
                return
            self._device, self._feed = device, _Feed(playing)
            stream = self._feed.stream()
            next(stream)  # miniaudio wants a started generator
            try:
                device.start(stream)
            except output.Error as exc:
                self._turn_off(f"could not start the audio device: {exc}")
                return
        self._closer.start(playing.duration_ms + TAIL_MS)

    def stop(self) -> None:
        """Silence the cue playing, if any, and close its device."""
        self._closer.stop()
        device, self._device, self._feed = self._device, None, None
        if device is not None and self._output is not None:
            self._output.close(device)

    def _samples(self, cue: str) -> array[int]:
        scaled = self._scaled.get(cue)
        if scaled is None:
            samples = self._decoded[cue]
            volume = self._volume
            scaled = samples if volume == 1.0 else array("h", [round(s * volume) for s in samples])
            self._scaled[cue] = scaled
        return scaled

    def _close_when_heard(self) -> None:
        cue = self._feed.cue if self._feed is not None else None
        if cue is not None and not cue.done and time.monotonic() - cue.started < GIVE_UP_S:
            self._closer.start(TAIL_MS)  # the device started late: let it finish
            return
        self.stop()

    def _turn_off(self, reason: str) -> None:
        if not self._use_audio:
            return  # already off: log only once
        self._use_audio = False
        self.stop()
        self._output = None
        log.info("Sounds are off (%s); using visual cues only.", reason)


@contextlib.contextmanager
def _captured_stderr() -> Iterator[None]:
    """While it lasts, what C libraries write to file descriptor 2 goes to the debug log.

    Where fd 2 cannot be duplicated (no console, as with pythonw), nothing is caught.
    """
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    import tempfile  # (when the audio libraries are first quietened)

    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            for line in sink.read().decode(errors="replace").splitlines():
                log.debug("audio library: %s", line)


MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]


class _AudioNoise:
    """A Qt message handler: the audio and speech libraries' messages to the debug log; any
    other message on to `passed_on` (Qt's printing if None)."""

    def __init__(self, passed_on: MessageHandler | None) -> None:
        self.passed_on = passed_on

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or "default"
        if kind != QtMsgType.QtFatalMsg and is_audio_noise(category, message):
            log.debug("%s: %s", category, message)
        elif self.passed_on is not None:
            self.passed_on(kind, context, message)
        else:
            print(qFormatLogMessage(kind, context, message), file=sys.stderr, flush=True)


def is_audio_noise(category: str, message: str) -> bool:
    if category == "default":
        return message.startswith(NOISE_MESSAGES)
    return any(category == c or category.startswith(f"{c}.") for c in NOISE_CATEGORIES)


@contextlib.contextmanager
def quiet_audio_libraries() -> Iterator[None]:
    """While it lasts, Qt's messages go through `_AudioNoise`; the handler before comes back.

    (The C audio libraries under miniaudio are kept quiet wherever a device is opened.)
    """
    noise = _AudioNoise(None)
    noise.passed_on = qInstallMessageHandler(noise)
    try:
        yield
    finally:
        qInstallMessageHandler(noise.passed_on)


def _clamp(v: float) -> float:
    # NaN would survive min/max as 1.0 (full volume); treat it as silence instead.
    return 0.0 if math.isnan(v) else min(max(v, 0.0), 1.0)
