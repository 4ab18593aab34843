"""What a start loads before its first frame: only what that frame shows. The screens most
starts never open (the timer, care, rating), the tray and reminders, PyYAML (the content comes
from its cache), hashlib's libcrypto, sqlite, QtNetwork and the audio library come later or
never, and so do the Python types of Qt classes that only dialogs use.
(How long a start takes is measured by benchmarks/report.py, not here.)"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import app_env

pytestmark = pytest.mark.slow  # each starts the app twice

NEVER_BEFORE_THE_FIRST_FRAME = (
    "lowback_timer.ui.timer",
    "lowback_timer.core.session",
    "lowback_timer.core.breathing",
    "lowback_timer.ui.care",
    "lowback_timer.ui.rating",
    "lowback_timer.ui.background",
    "lowback_timer.ui.tray",
    "lowback_timer.app.reminder_service",
    "lowback_timer.core.review",  # (home reads the two-week review after the frame)
    "lowback_timer.core.spread",  # (only with answers "it spread" to count)
    "lowback_timer.core.walk",
    "datetime",
    "yaml",
    "_hashlib",
    "sqlite3",
    "miniaudio",
    "PySide6.QtDBus",
    "PySide6.QtNetwork",  # (Windows only: a named pipe; elsewhere a Unix socket, after the frame)
)
# Naming a Qt class makes its Python type with all its enums (QStyle ~6 ms): these only later.
TYPES_NEVER_BEFORE_THE_FIRST_FRAME = ("QStyle", "QMessageBox", "QFileDialog", "QProxyStyle")
REPORT = (
    "import sys\n"
    "from lowback_timer.commands.cli import main\n"
    "status = main(['--exit-after-first-frame'])\n"
    "import PySide6.QtWidgets as widgets\n"
    "made = [f'type:{name}' for name in vars(widgets) if name.startswith('Q')]\n"
    "print(' '.join(sorted(sys.modules) + made))\n"
    "raise SystemExit(status)\n"
)


def loaded_at_first_frame(env: dict[str, str]) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", REPORT], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(done.stdout.split())


def set_up_profile(home: Path) -> dict[str, str]:
    env = app_env(home)
    config = Path(env["XDG_CONFIG_HOME"]) / "lowback-timer"
    config.mkdir(parents=True)
    (config / "lowback-timer.conf").write_text(
        f"[General]\nsetup_done=true\nscreened_at={time.time()}\ntypes=sitting\n",
        encoding="utf-8",
    )
    return env


@pytest.mark.parametrize("first_run", [False, True], ids=["home screen", "first-run wizard"])
def test_a_start_loads_only_what_its_first_frame_shows(tmp_path: Path, first_run: bool) -> None:
    env = app_env(tmp_path) if first_run else set_up_profile(tmp_path)
    loaded_at_first_frame(env)  # the first start fills the content cache
    loaded = loaded_at_first_frame(env)
    assert "lowback_timer.ui.main_window" in loaded  # (it did start)
    assert ("lowback_timer.ui.wizard.wizard" in loaded) is first_run
    assert sorted(loaded & set(NEVER_BEFORE_THE_FIRST_FRAME)) == []
    made = {name.removeprefix("type:") for name in loaded if name.startswith("type:")}
    assert "QLabel" in made  # (the types made so far are seen)
    assert sorted(made & set(TYPES_NEVER_BEFORE_THE_FIRST_FRAME)) == []
