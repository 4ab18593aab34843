"""Running the app as a user would, in a process of its own: `python -m lowback_timer ARGV`
with its own home, settings, data and cache folders, headless."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def app_env(home: Path, **changes: str) -> dict[str, str]:
    """This environment with the app's folders under `home` and the offscreen platform."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        **changes,
    }


def run_app(*argv: str, env: dict[str, str], **kwargs: Any) -> subprocess.CompletedProcess[Any]:
    """`python -m lowback_timer ARGV` to its end: text output captured, a minute at most
    (`kwargs` as for `subprocess.run` change any of that)."""
    options: dict[str, Any] = {"capture_output": True, "text": True, "timeout": 60}
    options.update(kwargs)
    return subprocess.run(
        [sys.executable, "-m", "lowback_timer", *argv], env=env, check=False, **options
    )
