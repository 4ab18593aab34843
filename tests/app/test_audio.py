"""Sound and speech cues: real playback through miniaudio's null backend, devices open only while
a cue plays, volume/mute, silent fallbacks in one line, the generated WAV files, and speech as
an optional extra."""

from __future__ import annotations

import importlib.util
import logging
import math
import os
import signal
import sys
import time
import types
import wave
from array import array
from collections.abc import Callable, Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import miniaudio  # type: ignore[import-untyped]
import pytest
from PySide6.QtCore import (
    SIGNAL,
    QCoreApplication,
    QLoggingCategory,
    QObject,
    QProcess,
    qCInfo,
    qCritical,
    qCWarning,
    qWarning,
)
from pytestqt.qtbot import QtBot

from lowback_timer.app import sound, speech
from lowback_timer.app.sound import CUES, SoundPlayer
from lowback_timer.app.speech import Speaker
from lowback_timer.core.content import Content
from lowback_timer.ui.preferences import PreferencesDialog
from tests.helpers import make_controller
from tests.test_signals import RUNNING, App

ROOT = Path(__file__).resolve().parents[2]
SOUNDS = files("lowback_timer") / "assets" / "sounds"
NULL = [miniaudio.Backend.NULL]
SHORTEST = min(CUES, key=lambda c: len((SOUNDS / f"{c}.wav").read_bytes()))


class SpyDevice(miniaudio.PlaybackDevice):  # type: ignore[misc]
    """A real miniaudio device that keeps what it played (as 16-bit samples) and is counted."""

    made: list[SpyDevice] = []  # noqa: RUF012  (reset per test by the fixture)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.played = bytearray()  # written on the audio thread
        SpyDevice.made.append(self)

    def _data_callback(self, device: Any, output: Any, input: Any, framecount: int) -> None:
        super()._data_callback(device, output, input, framecount)
        self.played += miniaudio.ffi.buffer(output, framecount * self.sample_width)[:]

    @property
    def closed(self) -> bool:
        return self._device is None and self._context is None

    def samples(self) -> array[int]:
        got = array("h", bytes(self.played))
        if sys.byteorder == "big":
            got.byteswap()
        return got


@pytest.fixture
def devices(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[SpyDevice]]:
    SpyDevice.made = []
    monkeypatch.setattr(miniaudio, "PlaybackDevice", SpyDevice)
    yield SpyDevice.made
    for device in SpyDevice.made:
        device.close()  # even where a test failed half-way


def _info_lines(caplog: pytest.LogCaptureFixture, name: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == name and r.levelno >= logging.INFO]


def _wav_samples(cue: str) -> array[int]:
    with wave.open(str(SOUNDS / f"{cue}.wav"), "rb") as w:
        samples = array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _not_playing(player: SoundPlayer) -> Callable[[], None]:
    def check() -> None:
        assert not player.playing

    return check


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))


# --- SoundPlayer: playing --------------------------------------------------------------------


def test_a_cue_plays_whole_through_a_device_that_is_closed_afterwards(
    qtbot: QtBot, devices: list[SpyDevice]
) -> None:
    player = SoundPlayer(volume=1.0, backends=NULL)
    player.preload()  # the probe opens and closes one device
    assert len(devices) == 1 and devices[0].closed and not player.playing
    start = time.monotonic()
    player.play(SHORTEST)
    assert player.playing and len(devices) == 2 and not devices[1].closed
    qtbot.waitUntil(_not_playing(player), timeout=5000)
    expected = _wav_samples(SHORTEST)
    assert time.monotonic() - start >= len(expected) / sound.RATE  # never cut short
    assert devices[1].closed
    heard = devices[1].samples()
    assert heard[: len(expected)] == expected
    assert not any(heard[len(expected) :])  # then silence until the device closed


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_no_audio_thread_runs_while_nothing_plays(qtbot: QtBot, devices: list[SpyDevice]) -> None:
    player = SoundPlayer(backends=NULL)
    player.preload()
    idle = _threads()
    player.play(SHORTEST)
    assert _threads() > idle  # the device's thread
    qtbot.waitUntil(_not_playing(player), timeout=5000)
    assert _threads() == idle


def test_volume_scales_the_samples_played(qtbot: QtBot, devices: list[SpyDevice]) -> None:
    player = SoundPlayer(volume=0.5, backends=NULL)
    player.play(SHORTEST)
    qtbot.waitUntil(_not_playing(player), timeout=5000)
    player.set_volume(0.25)
    player.play(SHORTEST)
    qtbot.waitUntil(_not_playing(player), timeout=5000)
    original = _wav_samples(SHORTEST)
    for device, volume in zip(devices[1:], (0.5, 0.25), strict=True):
        heard = device.samples()[: len(original)]
        assert heard == array("h", [round(s * volume) for s in original])
        assert max(map(abs, heard)) < max(map(abs, original))


def test_a_new_cue_replaces_the_one_playing_on_the_same_device(
    qtbot: QtBot, devices: list[SpyDevice]
) -> None:
    player = SoundPlayer(volume=1.0, backends=NULL)
    player.play("done")
    player.play(SHORTEST)
    player.play(SHORTEST)
    assert len(devices) == 2  # the probe's and one for playing
    qtbot.waitUntil(_not_playing(player), timeout=5000)
    assert all(d.closed for d in devices)
    heard = devices[1].samples().tobytes()
    done, last = _wav_samples("done").tobytes(), _wav_samples(SHORTEST).tobytes()
    at = heard.find(last)
    assert at >= 0 and at % 2 == 0  # the last cue was played whole
    assert not any(heard[at + len(last) :])  # and nothing after it
    assert done not in heard  # the first was cut short


def test_muted_player_opens_no_device(qtbot: QtBot, devices: list[SpyDevice]) -> None:
    player = SoundPlayer(muted=True, backends=NULL)
    for cue in CUES:
        player.play(cue)
    assert devices == [] and not player.playing
    player.set_muted(False)
    player.play("switch-side")
    assert player.playing and len(devices) == 2
    player.set_muted(True)  # stops at once
    assert not player.playing and devices[1].closed
    player.play("switch-side")
    assert len(devices) == 2


def test_volume_zero_opens_no_device(qtbot: QtBot, devices: list[SpyDevice]) -> None:
    player = SoundPlayer(volume=0.0, backends=NULL)
    player.play("done")
    assert not player.playing and devices == []  # not even the probe


def test_volume_is_clamped() -> None:
    assert SoundPlayer(volume=3.0, use_audio=False).volume == 1.0
    player = SoundPlayer(volume=-1.0, use_audio=False)
    assert player.volume == 0.0
    for given, expected in [(0.3, 0.3), (1.5, 1.0), (-0.2, 0.0), (math.nan, 0.0)]:
        player.set_volume(given)
        assert player.volume == expected


def test_the_packaged_files_decode_to_their_samples(qtbot: QtBot, devices: list[SpyDevice]) -> None:
    player = SoundPlayer(volume=1.0, backends=NULL)
    player.preload()
    assert player.available
    for cue in CUES:
        assert player._samples(cue) == _wav_samples(cue)


def test_unknown_cue_is_a_programming_error(qtbot: QtBot) -> None:
    with pytest.raises(ValueError, match="unknown sound cue"):
        SoundPlayer(use_audio=False).play("fanfare")


# --- SoundPlayer: no sound -------------------------------------------------------------------


def test_forced_off_player_is_silent(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=sound.__name__)
    player = SoundPlayer(use_audio=False)
    for cue in CUES * 2:
        player.play(cue)
    assert player.available is False
    assert _info_lines(caplog, sound.__name__) == []


ALSA = "ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default"


class NoDevice:
    """`miniaudio.PlaybackDevice` where there is no sound card: ALSA complains on stderr from C,
    then miniaudio raises."""

    tries = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        NoDevice.tries += 1
        os.write(2, f"{ALSA}\n".encode() * 20)
        raise miniaudio.MiniaudioError("failed to init device", -401)


def test_no_device_says_one_line_and_the_libraries_chatter_goes_to_the_debug_log(
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    NoDevice.tries = 0
    monkeypatch.setattr(miniaudio, "PlaybackDevice", NoDevice)
    caplog.set_level(logging.DEBUG, logger=sound.__name__)
    player = SoundPlayer()
    for cue in CUES * 3:
        player.play(cue)  # never raises
    assert not player.available and not player.playing
    assert NoDevice.tries == 1  # probed once, then never again
    assert _info_lines(caplog, sound.__name__) == [
        "Sounds are off (no audio output device); using visual cues only."
    ]
    debug = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert debug.count(f"audio library: {ALSA}") == 20  # seen with --verbose
    assert ALSA not in capfd.readouterr().err


def test_only_the_null_backend_is_no_device(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Left to its own order, miniaudio ends on its null backend, which plays to no one."""
    made: list[Any] = []

    def null_only(*args: Any, backends: Sequence[Any] | None = None, **kwargs: Any) -> Any:
        assert backends is None
        made.append(SpyDevice(*args, backends=NULL, **kwargs))
        return made[-1]

    monkeypatch.setattr(miniaudio, "PlaybackDevice", null_only)
    caplog.set_level(logging.INFO, logger=sound.__name__)
    player = SoundPlayer()
    player.play("done")
    assert not player.available
    assert len(made) == 1 and made[0].closed
    assert _info_lines(caplog, sound.__name__) == [
        "Sounds are off (no audio output device); using visual cues only."
    ]


def test_a_device_lost_later_turns_sounds_off_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger=sound.__name__)
    player = SoundPlayer(backends=NULL)
    player.preload()
    assert player.available
    monkeypatch.setattr(miniaudio, "PlaybackDevice", NoDevice)  # headphones unplugged
    for cue in CUES:
        player.play(cue)
    assert not player.available and not player.playing
    lines = _info_lines(caplog, sound.__name__)
    assert len(lines) == 1 and lines[0].startswith("Sounds are off (no audio output device")


def test_an_older_probe_says_its_reason(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other tests replace `_open_audio` with one that takes no arguments."""
    monkeypatch.setattr(sound, "_open_audio", lambda: (None, "no audio output device"))
    caplog.set_level(logging.INFO, logger=sound.__name__)
    SoundPlayer().play("done")
    assert _info_lines(caplog, sound.__name__) == [
        "Sounds are off (no audio output device); using visual cues only."
    ]


# --- the libraries' chatter ------------------------------------------------------------------

OWN_WARNING = "a warning of the app's own"


def qt_log(say: Callable[..., None], category: str, message: str) -> None:
    """`say` (qCWarning, qCInfo) `message` in a Qt logging category. (PySide's stubs ask for
    bytes; it takes str only.)"""
    say(QLoggingCategory(category), message)  # type: ignore[arg-type]


def chatter() -> None:
    """What Qt's speech libraries (PySide6-Addons) print where they find no engine or sound."""
    qt_log(qCWarning, "qt.speech.tts", "No engine")
    qt_log(qCInfo, "qt.multimedia.ffmpeg", "Using Qt multimedia with FFmpeg version 7.1.5")
    qWarning("PulseAudioService: pa_context_connect() failed")
    qCritical('Error loading text-to-speech plug-in "speechd"')


@pytest.mark.qt_log_ignore(f"^{OWN_WARNING}$")
def test_the_speech_libraries_chatter_goes_to_the_debug_log(
    qtbot: QtBot, qtlog: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger=sound.__name__)
    with sound.quiet_audio_libraries():
        chatter()
        qWarning(OWN_WARNING)
    # Only the app's own warning went on to the handler before (pytest-qt's here, Qt's
    # printing to stderr in the app).
    assert [r.message for r in qtlog.records] == [OWN_WARNING]
    assert _info_lines(caplog, sound.__name__) == []
    debug = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert len(debug) == 4 and "qt.speech.tts: No engine" in debug  # seen with --verbose


@pytest.mark.qt_log_ignore("^No engine$")
def test_afterwards_the_handler_before_gets_every_message_again(qtbot: QtBot, qtlog: Any) -> None:
    with sound.quiet_audio_libraries():
        pass
    qt_log(qCWarning, "qt.speech.tts", "No engine")
    assert [r.message for r in qtlog.records] == ["No engine"]


@pytest.mark.parametrize(
    ("category", "message", "noise"),
    [
        ("qt.multimedia.ffmpeg.mediadataholder", "anything", True),
        ("qt.multimedia", "anything", True),
        ("qt.speech.tts", "anything", True),
        ("default", "PulseAudioService: pa_context_connect() failed", True),
        ("qt.multimediafoo", "anything", False),  # not a child of qt.multimedia
        ("default", "QWidget::setLayout: ...", False),
        ("qt.qpa.xcb", "Couldn't load library", False),
    ],
)
def test_which_messages_are_the_audio_libraries(category: str, message: str, noise: bool) -> None:
    assert sound.is_audio_noise(category, message) is noise


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals end the app")
def test_a_session_without_a_sound_device_says_one_line_about_sound(tmp_path: Path) -> None:
    """The real app: on a machine without sound (as where the tests run), one line says so;
    where sound works, none. Never the libraries' own dozens of lines."""
    settings = tmp_path / "config" / "lowback-timer" / "lowback-timer.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[General]\nscreened_at={time.time()}\n", encoding="utf-8")
    app = App(tmp_path, "session", "--type", "nerve", "--lang", "en")
    said = app.wait_for(RUNNING)
    app.quit_with(signal.SIGINT)
    about_sound = [line for line in said.splitlines() if "Sounds are off" in line]
    assert len(about_sound) <= 1
    others = [line for line in said.splitlines() if line not in about_sound]
    for noise in ("qt.multimedia", "PulseAudioService", "FFmpeg", "symbols", "ALSA"):
        assert not [line for line in others if noise in line and "DEBUG" not in line], said


# --- the WAV files -----------------------------------------------------------------------


def _read(data_path: Path) -> tuple[wave._wave_params, array[int]]:
    with wave.open(str(data_path), "rb") as w:
        params = w.getparams()
        samples = array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return params, samples


@pytest.mark.parametrize("cue", CUES)
def test_sound_file_is_soft_short_mono(cue: str) -> None:
    resource = SOUNDS / f"{cue}.wav"
    assert resource.is_file()
    path = Path(str(resource))
    assert path.stat().st_size < 100_000
    params, samples = _read(path)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, sound.RATE)
    assert 0.25 <= params.nframes / params.framerate < 1.0
    peak_dbfs = 20 * math.log10(max(abs(s) for s in samples) / 32768)
    assert peak_dbfs < -6.0
    # Starts and ends at silence, so playback never clicks.
    assert abs(samples[0]) < 50 and abs(samples[-1]) < 50


def _load_make_sounds(monkeypatch: pytest.MonkeyPatch) -> Callable[[Sequence[str]], int]:
    spec = importlib.util.spec_from_file_location("make_sounds", ROOT / "tools" / "make_sounds.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_sounds", module)
    spec.loader.exec_module(module)
    main: Callable[[Sequence[str]], int] = module.main
    return main


def test_make_sounds_is_deterministic_and_matches_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = _load_make_sounds(monkeypatch)
    assert main(["--out", str(tmp_path / "a")]) == 0
    assert main(["--out", str(tmp_path / "b")]) == 0
    for cue in CUES:
        first = (tmp_path / "a" / f"{cue}.wav").read_bytes()
        assert first == (tmp_path / "b" / f"{cue}.wav").read_bytes()
        assert first == (SOUNDS / f"{cue}.wav").read_bytes(), f"{cue}.wav is stale"


# --- Speaker -----------------------------------------------------------------------------


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[Sequence[str] | None]:
    calls: list[Sequence[str] | None] = []
    real = speech.create_engine

    def spy(names: Sequence[str] | None, parent: QObject) -> Any:
        calls.append(names)
        return real(names, parent)

    monkeypatch.setattr(speech, "create_engine", spy)
    return calls


@pytest.fixture
def no_speech_package(monkeypatch: pytest.MonkeyPatch) -> None:
    """As without PySide6-Addons (the optional extra `speech`)."""
    monkeypatch.setattr(speech, "_module", False)


@pytest.fixture
def tts(monkeypatch: pytest.MonkeyPatch) -> Any:
    """PySide6.QtTextToSpeech, where the optional extra `speech` is installed."""
    module = pytest.importorskip("PySide6.QtTextToSpeech")
    monkeypatch.setattr(speech, "_module", module)
    return module


def test_speaker_off_by_default_creates_no_engine(
    qtbot: QtBot, engine_calls: list[Sequence[str] | None]
) -> None:
    speaker = Speaker()
    speaker.set_language("ja")
    speaker.say("Breathe in.")
    assert not speaker.enabled
    assert speaker.engine is None
    assert engine_calls == []


def test_without_the_speech_package_the_speaker_is_a_quiet_no_op(
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    no_speech_package: None,
    engine_calls: list[Sequence[str] | None],
) -> None:
    caplog.set_level(logging.INFO, logger=speech.__name__)
    assert not speech.speech_available()
    speaker = Speaker(enabled=True)
    assert not speaker.available and speaker.engine is None
    speaker.set_language("ja")
    speaker.say("Breathe out.")
    speaker.stop()
    speaker.set_enabled(False)
    speaker.set_enabled(True)
    assert engine_calls == []
    assert _info_lines(caplog, speech.__name__) == [
        "Speech is unavailable (QtTextToSpeech is not installed: "
        "pip install 'lowback-timer[speech]'); cues stay silent."
    ]


def test_speech_is_available_exactly_where_qttexttospeech_imports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(speech, "_module", None)  # not looked up yet
    installed = importlib.util.find_spec("PySide6.QtTextToSpeech") is not None
    assert speech.speech_available() is installed
    assert Speaker().available is installed


HINT = "Spoken cues need the optional speech package: pip install 'lowback-timer[speech]'"


BUNDLE_HINT = (
    "This self-contained build has no spoken cues: the app installed with pip has them "
    "(lowback-timer[speech])"
)


@pytest.mark.parametrize(("frozen", "hint"), [(False, HINT), (True, BUNDLE_HINT)])
def test_preferences_say_how_to_get_spoken_cues(
    qtbot: QtBot,
    content: Content,
    tmp_path: Path,
    no_speech_package: None,
    monkeypatch: pytest.MonkeyPatch,
    frozen: bool,
    hint: str,
) -> None:
    monkeypatch.setattr(sys, "frozen", frozen, raising=False)  # (PyInstaller's bundle sets it)
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    qtbot.addWidget(dialog)
    assert not dialog.speech.isEnabled()
    assert dialog.speech.toolTip() == hint


def test_preferences_offer_spoken_cues_where_speech_is_installed(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech, "_module", types.ModuleType("PySide6.QtTextToSpeech"))
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.speech.isEnabled()
    assert dialog.speech.toolTip() == ""


def test_only_qts_mock_engine_is_no_real_voice(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tts: Any
) -> None:
    # Only Qt's silent "mock" test engine is left: it must not count as a real voice.
    monkeypatch.setattr(tts.QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    assert speech.create_engine(None, QObject()) is None


# --- the voice in its own process: never waited for ---------------------------------------

NEVER_ANSWERS = (sys.executable, "-c", "import sys; sys.stdin.read()")  # a stuck engine
NO_SUCH_PROGRAM = ("/nonexistent/lowback-timer-speech",)
NO_ANSWER = (
    "The speech engine did not answer within 0.05 s (speech-dispatcher without a sound "
    "server?); cues stay silent."
)


@pytest.fixture
def speech_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """As with the optional extra installed (whether it is or not: the voice is a fake)."""
    monkeypatch.setattr(speech, "_module", types.ModuleType("PySide6.QtTextToSpeech"))


def use_voice(monkeypatch: pytest.MonkeyPatch, *args: Any, **kwargs: Any) -> list[speech.Voice]:
    """The app's voice from now on: Voice(*args, **kwargs); the ones made are listed."""
    made: list[speech.Voice] = []

    def make() -> speech.Voice:
        made.append(speech.Voice(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(speech, "make_voice", make)
    return made


def test_an_engine_that_never_answers_is_given_up_with_one_line(
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    speech_installed: None,
    engine_calls: list[Sequence[str] | None],
) -> None:
    caplog.set_level(logging.INFO, logger=speech.__name__)
    made = use_voice(monkeypatch, (), answer_s=0.05)
    speaker = Speaker(enabled=True)
    speaker.say("Get ready.")  # returns at once: the voice answers later, or never
    voice = speaker.voice
    assert voice is not None and not voice.done
    with qtbot.waitSignal(voice.answered) as answer:
        pass
    assert answer.args == [speech.SILENT]
    speaker.say("Hold, right side.")
    speaker.set_enabled(False)
    speaker.set_enabled(True)
    speaker.say("Switch to the left side.")
    assert len(made) == 1 and engine_calls == []  # tried once, never in this process
    assert _info_lines(caplog, speech.__name__) == [NO_ANSWER]


def test_a_stuck_engine_process_is_killed_not_waited_for(
    qtbot: QtBot, speech_installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = use_voice(monkeypatch, NEVER_ANSWERS, answer_s=0.05)
    speaker = Speaker(enabled=True)
    voice = made[0]
    process = voice._process
    assert process is not None
    with qtbot.waitSignal(voice.answered):
        speaker.say("Get ready.")
    assert voice.problem == speech.SILENT
    # Given up: the process is gone, so neither quitting nor anything else waits for it.
    assert process.state() == QProcess.ProcessState.NotRunning


def test_a_voice_is_ended_as_the_app_quits(
    qtbot: QtBot, speech_installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    quitting = app.receivers(SIGNAL("aboutToQuit()"))
    made = use_voice(monkeypatch, NEVER_ANSWERS, answer_s=None)  # stuck for ever
    Speaker(enabled=True)
    voice = made[0]
    assert voice.parent() is app
    assert app.receivers(SIGNAL("aboutToQuit()")) == quitting + 1  # voice.close
    process = voice._process
    assert process is not None
    qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.Running)
    voice.close()  # (what app.exec() returning calls: not emitted here, for other objects)
    assert process.state() == QProcess.ProcessState.NotRunning
    app.aboutToQuit.disconnect(voice.close)
    voice.setParent(None)  # (the test's application lives on)


def test_a_speaker_starts_nothing_while_held(
    qtbot: QtBot, speech_installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = use_voice(monkeypatch, (), answer_s=None)
    speaker = Speaker(enabled=True, hold=True)
    speaker.say("Get ready.")
    assert speaker.voice is None and made == []
    speaker.warm_up()
    assert speaker.voice is made[0] and made[0].started


@pytest.mark.slow  # starts Python with QtTextToSpeech
def test_the_engine_process_says_what_the_speaker_says(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tts: Any
) -> None:
    """The real child with Qt's mock engine: a cue said before it answered comes once it has
    (only the latest), then each cue as it is said."""
    made = use_voice(monkeypatch, (*speech.VOICE_COMMAND, "mock"))
    speaker = Speaker(enabled=True)
    said: list[str] = []
    made[0].said.connect(said.append)
    speaker.say("Get ready.")
    speaker.say("Get ready: Calf stretch.")
    qtbot.waitUntil(lambda: said == ["Get ready: Calf stretch."], timeout=30_000)
    assert "en_US" in made[0].locales
    speaker.say("Hold, right side.")
    qtbot.waitUntil(lambda: said[-1:] == ["Hold, right side."], timeout=5000)
    speaker.set_language("ja")  # the mock engine has no Japanese: nothing is sent
    speaker.say("息を吸います。")
    speaker.set_language("en")
    speaker.say("Breathe in.")
    qtbot.waitUntil(lambda: said[-1:] == ["Breathe in."], timeout=5000)
    assert "息を吸います。" not in said
    made[0].close()


@pytest.mark.slow  # starts Python with QtTextToSpeech
def test_an_engine_process_without_a_working_engine_says_so(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tts: Any
) -> None:
    made = use_voice(monkeypatch, (*speech.VOICE_COMMAND, "no-such-engine"))
    speaker = Speaker(enabled=True)
    with qtbot.waitSignal(made[0].answered, timeout=30_000) as answer:
        speaker.say("Get ready.")
    assert answer.args == [speech.NO_ENGINE]


NO_ENGINE_TEXT = "No speech engine answers: install speech-dispatcher"
SILENT_TEXT = (
    "The speech engine does not answer: speech-dispatcher needs a sound server "
    "(PulseAudio or PipeWire)"
)


@pytest.mark.parametrize(
    ("command", "answer_s", "why"),
    [(NO_SUCH_PROGRAM, None, NO_ENGINE_TEXT), ((), 0.05, SILENT_TEXT)],
    ids=["no engine", "no answer"],
)
def test_preferences_grey_spoken_cues_out_when_no_engine_answers(
    qtbot: QtBot,
    content: Content,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    speech_installed: None,
    command: tuple[str, ...],
    answer_s: float | None,
    why: str,
) -> None:
    made = use_voice(monkeypatch, command, answer_s=answer_s)
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    qtbot.addWidget(dialog)
    # Open at once, the box usable while the engine is tried (off the GUI thread).
    assert dialog.speech.isEnabled() and made[0].started and not made[0].done
    qtbot.waitUntil(lambda: not dialog.speech.isEnabled())
    assert dialog.speech.toolTip() == why
    assert dialog.speech.accessibleDescription() == why
    # Known from now on: the next dialog is greyed at once, and tries nothing again.
    again = PreferencesDialog(make_controller(content, tmp_path / "again"))
    qtbot.addWidget(again)
    assert not again.speech.isEnabled() and len(made) == 1


def test_the_answer_may_come_after_the_dialog_is_gone(
    qtbot: QtBot,
    content: Content,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    speech_installed: None,
) -> None:
    made = use_voice(monkeypatch, (), answer_s=0.05)
    dialog = PreferencesDialog(make_controller(content, tmp_path))
    dialog.deleteLater()
    with qtbot.waitSignal(made[0].answered):
        pass


def test_new_say_replaces_current_utterance(qtbot: QtBot, tts: Any) -> None:
    speaker = Speaker(enabled=True, engines=["mock"])
    engine = speaker.engine
    assert engine is not None
    assert engine.locale().language() == engine.locale().Language.English
    words: list[str] = []
    engine.sayingWord.connect(lambda word, *_: words.append(word))
    speaker.say("one two three")
    assert engine.state() == tts.QTextToSpeech.State.Speaking
    speaker.say("four")

    def finished() -> None:
        assert engine.state() == tts.QTextToSpeech.State.Ready
        assert words == ["four"]

    qtbot.waitUntil(finished, timeout=2000)


def test_language_without_voice_speaks_nothing(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, tts: Any
) -> None:
    caplog.set_level(logging.INFO, logger=speech.__name__)
    speaker = Speaker(enabled=True, engines=["mock"])  # the mock engine has no Japanese
    engine = speaker.engine
    assert engine is not None
    speaker.set_language("ja")
    speaker.say("息を吸います。")
    speaker.set_language("ja")
    assert engine.state() == tts.QTextToSpeech.State.Ready
    assert _info_lines(caplog, speech.__name__) == [
        "No ja voice for speech; spoken cues are off in it."
    ]
    speaker.set_language("en")
    speaker.say("Breathe in.")
    assert engine.state() == tts.QTextToSpeech.State.Speaking
    speaker.set_enabled(False)
    assert engine.state() == tts.QTextToSpeech.State.Ready
