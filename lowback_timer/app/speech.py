"""Optional spoken cues through QTextToSpeech; off by default, a no-op when unavailable.

QtTextToSpeech comes with PySide6-Addons (about 500 MB), which the app does not need: it is the
optional extra `lowback-timer[speech]`. Without it `speech_available()` is False and a `Speaker`
says nothing. The module is looked up by name (`importlib`), never imported at the top, so the
app and its type checks work without it.

The engine lives in a child process (`Voice`, this module run as `python -m`), never in the
app: speech-dispatcher without a sound server stops answering, and then `QTextToSpeech(...)`
blocks forever, holding Python's GIL (so a thread would not help: the whole app would stop, its
window and signals too). The app only writes lines to the child and reads its answers; one that
does not answer within `ANSWER_S` is given up on with one log line and killed, never waited
for. The child is started after the first frame (`Speaker(hold=True)` until `warm_up()`) or on
the first cue, once per run, and Preferences asks the same child whether an engine answers.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import logging
import math
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QProcess, QTimer, Signal, Slot

log = logging.getLogger(__name__)

# How to get spoken cues where they are missing (said in the log; Preferences has its own).
HOW_TO_GET = "pip install 'lowback-timer[speech]'"

# Qt's "mock" engine is a test double that says nothing; never pick it on its own.
_TEST_ENGINES = frozenset({"mock"})

# How long the child has to start and create its engine (speech-dispatcher took 1.6 s, and
# Python with QtTextToSpeech about 1 s more on a busy two-core machine).
ANSWER_S = 10.0

# How long a killed child may take to be gone (SIGKILL: at once, unless the system is stuck).
KILLED_MS = 200

# Why a voice cannot speak (`Voice.problem`); None while it works or has not answered yet.
NO_PACKAGE = "no-package"  # QtTextToSpeech is not installed
NO_ENGINE = "no-engine"  # no real engine, or none that initialises
SILENT = "silent"  # the engine did not answer within ANSWER_S

# The child: this module run by the same Python.
VOICE_COMMAND: tuple[str, ...] = (sys.executable, "-m", "lowback_timer.app.speech_process")

# PySide6.QtTextToSpeech once looked up; False where it cannot be imported (None: not yet).
_module: ModuleType | bool | None = None


def tts_module() -> ModuleType | None:
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

    Whether the system also has a working voice is what `voice()` answers, later.
    """
    return tts_module() is not None


def create_engine(names: Sequence[str] | None, parent: QObject) -> Any:
    """First engine among `names` (default: all real ones) that initialises, else None.

    The engine is a QTextToSpeech (typed Any: its module may be missing). It may block for
    ever (see the module's note): only the child and tests with Qt's mock engine call it."""
    tts = tts_module()
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


def best_locale(names: Sequence[str], lang: str) -> str | None:
    """The voice's locale for `lang` (the system's own where it fits), or None: better silence
    than Japanese read by an English voice (or the reverse)."""
    wanted = QLocale(lang).language()
    matches = [name for name in names if QLocale(name).language() == wanted]
    system = QLocale.system().name()
    return system if system in matches else (matches[0] if matches else None)


class Voice(QObject):
    """The text-to-speech engine in a child process, or a reason why there is none.

    `answered` comes once: None when the engine works (its locales are in `locales`), else the
    problem (NO_PACKAGE, NO_ENGINE, SILENT). `command` is the child's command line; empty, no
    process is started and the voice never answers (tests: with `answer_s`, it times out; with
    None, it waits for ever)."""

    answered = Signal(object)  # None or a problem
    said = Signal(str)  # the child started saying this text (for tests and the debug log)

    def __init__(
        self,
        command: Sequence[str] = VOICE_COMMAND,
        *,
        answer_s: float | None = ANSWER_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.command = tuple(command)
        self.answer_s = answer_s
        self.started = False
        self.locales: tuple[str, ...] = ()
        self.problem: str | None = None
        self.done = False  # answered (either way)
        self.closed = False
        self._process: QProcess | None = None
        self._buffer = b""
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._no_answer)

    @property
    def works(self) -> bool:
        return self.done and self.problem is None

    def start(self) -> None:
        """Start the child (once); returns at once."""
        if self.started:
            return
        self.started = True
        if self.answer_s is not None and math.isfinite(self.answer_s):
            self._deadline.start(round(self.answer_s * 1000))
        if not self.command:
            return
        process = self._process = QProcess(self)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._failed_to_start)
        process.start(self.command[0], list(self.command[1:]))

    def say(self, locale: str, text: str) -> None:
        if self.works:
            self._send({"say": text, "locale": locale})

    def stop(self) -> None:
        if self.works:
            self._send({"stop": True})

    def close(self) -> None:
        """End the child: killed, so stuck or not it is gone at once (the short wait only
        collects it, so that Qt does not warn of a process still running)."""
        self.closed = True
        self._deadline.stop()
        process = self._process
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.closeWriteChannel()
            process.kill()
            process.waitForFinished(KILLED_MS)

    def _send(self, message: dict[str, Any]) -> None:
        if self._process is not None:
            self._process.write((json.dumps(message) + "\n").encode())

    def _answer(self, problem: str | None) -> None:
        if self.done:
            return
        self.done = True
        self.problem = problem
        self._deadline.stop()
        if problem == NO_PACKAGE:
            log.info(
                "Speech is unavailable (QtTextToSpeech is not installed: %s); cues stay silent.",
                HOW_TO_GET,
            )
        elif problem == NO_ENGINE:
            log.info("Speech is unavailable (no working text-to-speech engine); cues stay silent.")
        elif problem == SILENT:
            log.info(
                "The speech engine did not answer within %g s (speech-dispatcher without a "
                "sound server?); cues stay silent.",
                self.answer_s,
            )
            self.close()
        else:
            log.debug("Speech engine ready, voices: %s", " ".join(self.locales))
        self.answered.emit(problem)

    @Slot()
    def _no_answer(self) -> None:
        self._answer(SILENT)

    @Slot()
    def _read(self) -> None:
        assert self._process is not None
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                log.debug("speech child: %s", line.decode(errors="replace"))
                continue
            if "locales" in message:
                self.locales = tuple(message["locales"])
                self._answer(None)
            elif "problem" in message:
                self._answer(str(message["problem"]))
            elif "said" in message:
                log.debug("Saying: %s", message["said"])
                self.said.emit(str(message["said"]))

    @Slot()
    def _read_errors(self) -> None:
        assert self._process is not None
        text = bytes(self._process.readAllStandardError().data()).decode(errors="replace")
        for line in text.splitlines():
            log.debug("speech child: %s", line)

    @Slot(int, QProcess.ExitStatus)
    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        if self.closed:
            return
        if not self.done:
            log.debug("The speech child ended (%d) before it answered.", code)
            self._answer(NO_ENGINE)
        elif self.works:
            log.info("The speech engine ended (%d); cues stay silent.", code)
            self.problem = NO_ENGINE

    @Slot(QProcess.ProcessError)
    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.debug("The speech child did not start: %s", error)
            self._answer(NO_ENGINE)


def make_voice() -> Voice:
    """The voice `voice()` shares (tests replace this)."""
    return Voice()


_shared: Voice | None = None


def voice() -> Voice:
    """The app's one voice, started on first use; it ends (unwaited) as the app quits, or
    as Python exits (before PySide6 deletes the application: a timer may start the voice after
    `aboutToQuit`)."""
    global _shared
    if _shared is None:
        _shared = made = make_voice()
        app = QCoreApplication.instance()
        if app is not None:
            made.setParent(app)
            app.aboutToQuit.connect(made.close)
        made.start()
    return _shared


@atexit.register  # (registered after PySide6's own clean-up, so it runs before it)
def _close_shared() -> None:
    if _shared is not None and shiboken6.isValid(_shared):
        _shared.close()


class Speaker(QObject):
    """Speaks short cues in the chosen language, or nothing.

    Nothing is started until speech is enabled and, with `hold`, `warm_up()` was called (the
    timer screen calls it after its first frame); a cue said before then starts the voice,
    unless held. A cue said while the voice starts is said when it answers (only the latest).
    `engines` (tests): create those engines here, at once, instead (Qt's "mock" never blocks).
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        enabled: bool = False,
        engines: Sequence[str] | None = None,
        hold: bool = False,
    ) -> None:
        super().__init__(parent)
        self._engine_names = engines
        self._engine: Any = None  # in this process (with `engines`), once enabled
        self._voice: Voice | None = None  # the child's (without `engines`), once started
        self._held = hold
        self._pending: str | None = None  # said before the voice answered
        self._tried = False  # engine creation is attempted (and logged) at most once
        self._language = "en"
        self._locale: str | None = None  # the voice's locale for the language
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
        """The QTextToSpeech engine in this process (with `engines`), or None."""
        return self._engine

    @property
    def voice(self) -> Voice | None:
        """The child's voice once started (without `engines`), or None."""
        return self._voice

    def warm_up(self) -> None:
        """From now on the voice may start; it starts now if speech is on."""
        self._held = False
        if self._enabled:
            self._start()

    def set_enabled(self, b: bool) -> None:
        self._enabled = b
        if not b:
            self.stop()
            self._pending = None
        elif not self._held:
            self._start()

    def _start(self) -> None:
        if self._tried:
            return
        self._tried = True
        if self._engine_names is None:
            if not speech_available():
                log.info(
                    "Speech is unavailable (QtTextToSpeech is not installed: %s); "
                    "cues stay silent.",
                    HOW_TO_GET,
                )
                return
            self._voice = voice()
            if self._voice.done:
                self._answered(self._voice.problem)
            else:
                self._voice.answered.connect(self._answered)
            return
        self._engine = create_engine(self._engine_names, self)
        if self._engine is None:
            log.info("Speech is unavailable (no working text-to-speech engine); cues stay silent.")
        else:
            self._apply_language()

    @Slot(object)
    def _answered(self, problem: object) -> None:
        pending, self._pending = self._pending, None
        if problem is None:
            self._apply_language()
            if pending is not None:
                self.say(pending)

    def set_language(self, lang: str) -> None:
        """Any language of the content ("en", "ja"); Qt knows which voice fits it."""
        if QLocale(lang).language() == QLocale.Language.C:
            raise ValueError(f"unknown language {lang!r}")
        self._language = lang
        self._apply_language()

    def say(self, text: str) -> None:
        """Start speaking `text` (asynchronous), replacing anything still being spoken."""
        if not self._enabled:
            return
        voice_ = self._voice
        if self._engine_names is None:
            if voice_ is None or not voice_.done:
                self._pending = text  # said once the voice answers
                if not self._held:
                    self._start()
            elif voice_.works and self._voice_ok and self._locale is not None:
                voice_.say(self._locale, text)
            return
        engine = self._engine
        if engine is None or not self._voice_ok:
            return
        if engine.state() == engine.State.Error:
            return
        if engine.state() != engine.State.Ready:
            engine.stop(engine.BoundaryHint.Immediate)
        engine.say(text)

    def stop(self) -> None:
        self._pending = None
        if self._voice is not None:
            self._voice.stop()
        elif self._engine is not None and self._engine.state() != self._engine.State.Error:
            self._engine.stop(self._engine.BoundaryHint.Immediate)

    def _apply_language(self) -> None:
        engine = self._engine
        if engine is not None:
            names = [loc.name() for loc in engine.availableLocales()]
        elif self._voice is not None and self._voice.works:
            names = list(self._voice.locales)
        else:
            return
        self._locale = best_locale(names, self._language)
        self._voice_ok = self._locale is not None
        if self._locale is None:
            if self._language not in self._no_voice_logged:
                self._no_voice_logged.add(self._language)
                log.info("No %s voice for speech; spoken cues are off in it.", self._language)
            return
        if engine is not None and engine.locale().name() != self._locale:
            engine.setLocale(QLocale(self._locale))


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
