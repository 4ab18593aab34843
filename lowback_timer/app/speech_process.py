"""The speech engine's own process (app/speech.py starts it as `python -m
lowback_timer.app.speech_process`): it creates the engine, says which locales it has (or the
problem), then says what each line from the app asks. A stuck engine (speech-dispatcher without a
sound server blocks in its constructor, holding Python's lock) stops only this process; it ends
as soon as its input closes (the app ended)."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from lowback_timer.app.speech import NO_ENGINE, NO_PACKAGE, create_engine, tts_module


def _tell(**message: Any) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class _Lines(QObject):
    """The parent's lines, read on a thread, handed to the event loop."""

    line = Signal(str)


def serve(engines: Sequence[str] | None = None) -> int:
    """The child: create the engine, say which locales it has (or the problem), then say what
    each line asks. Ends as soon as its input closes (the app ended), stuck or not."""
    app = QCoreApplication([])
    if tts_module() is None:
        _tell(problem=NO_PACKAGE)
        return 0
    engine = create_engine(engines, app)
    if engine is None:
        _tell(problem=NO_ENGINE)
        return 0
    _tell(locales=[loc.name() for loc in engine.availableLocales()], engine=engine.engine())

    def handle(line: str) -> None:
        message = json.loads(line)
        if "say" in message:
            if engine.locale().name() != message["locale"]:
                engine.setLocale(QLocale(message["locale"]))
            if engine.state() != engine.State.Ready:
                engine.stop(engine.BoundaryHint.Immediate)
            engine.say(message["say"])
            _tell(said=message["say"])
        elif "stop" in message:
            engine.stop(engine.BoundaryHint.Immediate)

    lines = _Lines()
    lines.line.connect(handle)

    def read() -> None:
        for line in sys.stdin:
            lines.line.emit(line)
        os._exit(0)  # the app ended: whatever the engine is doing

    threading.Thread(target=read, daemon=True).start()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(serve(sys.argv[1:] or None))
