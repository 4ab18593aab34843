"""Start at login, where the platform makes it simple:

- Linux and other XDG desktops: an autostart `.desktop` file (core/autostart.py);
- Windows: the user's `Run` key in the registry, through QSettings;
- macOS: not done (it needs a signed login item or a LaunchAgent plist); `supported` is False
  there and Preferences does not offer it.

Each start is hidden in the tray (`lowback-timer --tray`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from lowback_timer.core import autostart

_RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
_RUN_NAME = "LowbackTimer"


class StartAtLogin:
    def __init__(self, platform: str = sys.platform, env: Mapping[str, str] = os.environ):
        self.platform = platform
        self.path: Path = autostart.autostart_file(env)

    @property
    def supported(self) -> bool:
        return self.platform != "darwin"

    def enabled(self) -> bool:
        if self.platform == "win32":
            return bool(self._run_key().value(_RUN_NAME))
        return self.supported and autostart.is_enabled(self.path)

    def set(self, on: bool) -> None:
        """Raises OSError (autostart.AutostartError) with a message saying what failed."""
        if not self.supported or on == self.enabled():
            return
        command = autostart.launch_command()
        if self.platform == "win32":
            key = self._run_key()
            if on:
                key.setValue(_RUN_NAME, subprocess.list2cmdline(command))
            else:
                key.remove(_RUN_NAME)
            key.sync()
            if key.status() != QSettings.Status.NoError:
                raise autostart.AutostartError("cannot change the Windows Run key")
        elif on:
            autostart.enable(
                self.path,
                command,
                QCoreApplication.translate("StartAtLogin", "Low-back Timer"),
                QCoreApplication.translate(
                    "StartAtLogin", "Reminds you to change posture while you work"
                ),
            )
        else:
            autostart.disable(self.path)

    @staticmethod
    def _run_key() -> QSettings:
        return QSettings(_RUN_KEY, QSettings.Format.NativeFormat)
