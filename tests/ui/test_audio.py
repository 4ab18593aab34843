"""Sound and speech cues: silent fallbacks, volume/mute, the generated WAV files, and the
audio libraries' chatter folded into one line."""

from __future__ import annotations

import importlib.util
import logging
import math
import signal
import sys
import time
import wave
from array import array
from collections.abc import Callable, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QLoggingCategory,
    QObject,
    QUrl,
    qCInfo,
    qCritical,
    qCWarning,
    qWarning,
)
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from lowback_timer.ui import sound, speech
from lowback_timer.ui.sound import CUES, SoundPlayer
from lowback_timer.ui.speech import Speaker
from tests.test_signals import RUNNING, App

ROOT = Path(__file__).resolve().parents[2]
SOUNDS = files("lowback_timer") / "assets" / "sounds"


class FakeEffect(QSoundEffect):
    """A QSoundEffect that records calls instead of touching an audio device."""

    instances: list[FakeEffect] = []  # noqa: RUF012  (reset per test by the fixture)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plays = 0
        self.volumes: list[float] = []
        self.source_path = ""
        self.fake_status = QSoundEffect.Status.Ready
        FakeEffect.instances.append(self)

    def setSource(self, url: QUrl | str) -> None:
        self.source_path = QUrl(url).toLocalFile()

    def setVolume(self, volume: float) -> None:
        self.volumes.append(volume)

    def play(self) -> None:
        self.plays += 1

    def stop(self) -> None:
        pass

    def status(self) -> QSoundEffect.Status:
        return self.fake_status


@pytest.fixture
def fake_audio(monkeypatch: pytest.MonkeyPatch) -> list[FakeEffect]:
    FakeEffect.instances = []
    monkeypatch.setattr(sound, "_open_audio", lambda: (FakeEffect, ""))
    return FakeEffect.instances


def _info_lines(caplog: pytest.LogCaptureFixture, name: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == name]


# --- SoundPlayer -------------------------------------------------------------------------


def test_forced_off_player_is_silent(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=sound.__name__)
    player = SoundPlayer(use_audio=False)
    for cue in CUES * 2:
        player.play(cue)
    assert player.available is False
    assert len(_info_lines(caplog, sound.__name__)) <= 1


def test_no_output_device_logs_once_and_creates_no_effect(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A QSoundEffect without a device would print a Qt warning, so none may be created.
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    created: list[object] = []
    monkeypatch.setattr(QSoundEffect, "__init__", lambda *a: created.append(a))
    caplog.set_level(logging.INFO, logger=sound.__name__)
    player = SoundPlayer()
    for cue in CUES * 3:
        player.play(cue)
    assert not player.available
    assert created == []
    lines = _info_lines(caplog, sound.__name__)
    assert len(lines) == 1
    assert "visual cues only" in lines[0]


def test_effect_error_turns_player_off_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, fake_audio: list[FakeEffect]
) -> None:
    caplog.set_level(logging.INFO, logger=sound.__name__)
    player = SoundPlayer()
    player.play("hold-start")
    assert fake_audio[0].plays == 1
    fake_audio[1].fake_status = QSoundEffect.Status.Error
    fake_audio[1].statusChanged.emit()
    fake_audio[1].statusChanged.emit()
    for cue in CUES:
        player.play(cue)
    assert not player.available
    assert sum(e.plays for e in fake_audio) == 1
    assert len(_info_lines(caplog, sound.__name__)) == 1


def test_effects_load_packaged_files(qtbot: QtBot, fake_audio: list[FakeEffect]) -> None:
    player = SoundPlayer(volume=0.25)
    player.play("done")
    assert sorted(Path(e.source_path).name for e in fake_audio) == sorted(f"{c}.wav" for c in CUES)
    assert all(Path(e.source_path).is_file() for e in fake_audio)
    assert all(e.volumes == [0.25] for e in fake_audio)
    assert [e.plays for e in fake_audio] == [1 if c == "done" else 0 for c in CUES]


def test_volume_is_clamped(qtbot: QtBot, fake_audio: list[FakeEffect]) -> None:
    assert SoundPlayer(volume=3.0, use_audio=False).volume == 1.0
    player = SoundPlayer(volume=-1.0)
    assert player.volume == 0.0
    player.preload()
    for given, expected in [(0.3, 0.3), (1.5, 1.0), (-0.2, 0.0), (math.nan, 0.0)]:
        player.set_volume(given)
        assert player.volume == expected
        assert all(e.volumes[-1] == expected for e in fake_audio)


def test_muted_player_plays_nothing(qtbot: QtBot, fake_audio: list[FakeEffect]) -> None:
    player = SoundPlayer(muted=True)
    for cue in CUES:
        player.play(cue)
    assert sum(e.plays for e in fake_audio) == 0
    player.set_muted(False)
    player.play("switch-side")
    assert sum(e.plays for e in fake_audio) == 1
    player.set_muted(True)
    player.play("switch-side")
    assert sum(e.plays for e in fake_audio) == 1


def test_unknown_cue_is_a_programming_error(qtbot: QtBot) -> None:
    with pytest.raises(ValueError, match="unknown sound cue"):
        SoundPlayer(use_audio=False).play("fanfare")


# --- the audio libraries' chatter ----------------------------------------------------------

PULSE = "PulseAudioService: pa_context_connect() failed"
OWN_WARNING = "a warning of the app's own"


def qt_log(say: Callable[..., None], category: str, message: str) -> None:
    """`say` (qCWarning, qCInfo) `message` in a Qt logging category. (PySide's stubs ask for
    bytes; it takes str only.)"""
    say(QLoggingCategory(category), message)  # type: ignore[arg-type]


def chatter() -> None:
    """What Qt's audio libraries print where there is no sound device (and speech fails)."""
    for library in ("pipewire-0.3", "va-drm"):
        qt_log(qCWarning, "qt.multimedia.symbolsresolver", f"Couldn't load {library} library")
        qt_log(qCWarning, "qt.multimedia.symbolsresolver", f"Couldn't resolve {library} symbols")
    qt_log(qCInfo, "qt.multimedia.ffmpeg", "Using Qt multimedia with FFmpeg version 7.1.5")
    qWarning(PULSE)
    qCritical('Error loading text-to-speech plug-in "speechd"')


@pytest.mark.qt_log_ignore(f"^{OWN_WARNING}$")
def test_the_audio_libraries_chatter_becomes_the_reason_in_one_line(
    qtbot: QtBot,
    qtlog: Any,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sound, "_open_audio", lambda: (None, "no audio output device"))
    caplog.set_level(logging.DEBUG, logger=sound.__name__)
    with sound.quiet_audio_libraries():
        chatter()
        qWarning(OWN_WARNING)
        player = SoundPlayer()
        for cue in CUES:
            player.play(cue)
    # Only the app's own warning went on to the handler before (pytest-qt's here, Qt's
    # printing to stderr in the app).
    assert [r.message for r in qtlog.records] == [OWN_WARNING]
    infos = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert infos == [f"Sounds are off (no audio output device; {PULSE}); using visual cues only."]
    debug = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert len(debug) == 7 and f"default: {PULSE}" in debug  # seen with --verbose


@pytest.mark.qt_log_ignore("Couldn't load pipewire-0.3 library")
def test_afterwards_the_handler_before_gets_every_message_again(
    qtbot: QtBot, qtlog: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sound.quiet_audio_libraries():
        pass
    qt_log(qCWarning, "qt.multimedia.symbolsresolver", "Couldn't load pipewire-0.3 library")
    assert [r.message for r in qtlog.records] == ["Couldn't load pipewire-0.3 library"]
    # and a player says its reason alone
    monkeypatch.setattr(sound, "_open_audio", lambda: (None, "no audio output device"))
    caplog.set_level(logging.INFO, logger=sound.__name__)
    SoundPlayer().play("done")
    assert _info_lines(caplog, sound.__name__) == [
        "Sounds are off (no audio output device); using visual cues only."
    ]


@pytest.mark.parametrize(
    ("category", "message", "noise"),
    [
        ("qt.multimedia.ffmpeg.mediadataholder", "anything", True),
        ("qt.multimedia", "anything", True),
        ("qt.speech.tts", "anything", True),
        ("default", PULSE, True),
        ("qt.multimediafoo", "anything", False),  # not a child of qt.multimedia
        ("default", "QWidget::setLayout: ...", False),
        ("qt.qpa.xcb", "Couldn't load library", False),
    ],
)
def test_which_messages_are_the_audio_libraries(category: str, message: str, noise: bool) -> None:
    assert sound.is_audio_noise(category, message) is noise


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals end the app")
def test_a_session_without_a_sound_device_says_one_line_about_sound(tmp_path: Path) -> None:
    """The real app: on a machine without sound (as where the tests run: no PulseAudio), one
    line says so; where sound works, none. Never the libraries' own dozen lines."""
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
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 44_100)
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
    real = speech._create_engine

    def spy(names: Sequence[str] | None, parent: QObject) -> QTextToSpeech | None:
        calls.append(names)
        return real(names, parent)

    monkeypatch.setattr(speech, "_create_engine", spy)
    return calls


def test_speaker_off_by_default_creates_no_engine(
    qtbot: QtBot, engine_calls: list[Sequence[str] | None]
) -> None:
    speaker = Speaker()
    speaker.set_language("ja")
    speaker.say("Breathe in.")
    assert not speaker.enabled
    assert speaker.engine is None
    assert engine_calls == []


def test_enabling_without_engine_is_a_quiet_no_op(
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    engine_calls: list[Sequence[str] | None],
) -> None:
    # Only Qt's silent "mock" test engine is left: it must not count as a real voice.
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    caplog.set_level(logging.INFO, logger=speech.__name__)
    speaker = Speaker()
    speaker.set_enabled(True)
    speaker.say("Breathe out.")
    speaker.set_enabled(False)
    speaker.set_enabled(True)
    speaker.say("Breathe out.")
    assert speaker.engine is None
    assert engine_calls == [None]
    assert len(_info_lines(caplog, speech.__name__)) == 1


def test_new_say_replaces_current_utterance(qtbot: QtBot) -> None:
    speaker = Speaker(enabled=True, engines=["mock"])
    engine = speaker.engine
    assert engine is not None
    assert engine.locale().language() == engine.locale().Language.English
    words: list[str] = []
    engine.sayingWord.connect(lambda word, *_: words.append(word))
    speaker.say("one two three")
    assert engine.state() == QTextToSpeech.State.Speaking
    speaker.say("four")

    def finished() -> None:
        assert engine.state() == QTextToSpeech.State.Ready
        assert words == ["four"]

    qtbot.waitUntil(finished, timeout=2000)


def test_language_without_voice_speaks_nothing(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=speech.__name__)
    speaker = Speaker(enabled=True, engines=["mock"])  # the mock engine has no Japanese
    engine = speaker.engine
    assert engine is not None
    speaker.set_language("ja")
    speaker.say("息を吸います。")
    speaker.set_language("ja")
    assert engine.state() == QTextToSpeech.State.Ready
    assert _info_lines(caplog, speech.__name__) == [
        "No ja voice for speech; spoken cues are off in it."
    ]
    speaker.set_language("en")
    speaker.say("Breathe in.")
    assert engine.state() == QTextToSpeech.State.Speaking
    speaker.set_enabled(False)
    assert engine.state() == QTextToSpeech.State.Ready
