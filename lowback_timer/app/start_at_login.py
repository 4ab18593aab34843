"""Start at login, where the platform makes it simple:

- Linux and other XDG desktops: a `.desktop` file in the user's autostart folder
  (freedesktop.org Desktop Application Autostart). Only a file this app wrote is ever replaced
  or removed: it carries `MARKER`; it is written whole or not at all (core/atomic.py);
- Windows: the user's `Run` key in the registry, through QSettings;
- macOS: not done (it needs a signed login item or a LaunchAgent plist); `supported` is False
  there and Preferences does not offer it.

Each start is hidden in the tray (`lowback-timer --tray`). The file's functions are plain
Python; only `StartAtLogin` (the Windows key, the translated name) needs Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from lowback_timer.core import atomic

FILE_NAME = "lowback-timer.desktop"
# The app's id on the desktop: the launcher entry, the icon and the metainfo share it.
APP_ID = "io.github.lowback_timer.LowbackTimer"
MARKER = "X-Lowback-Timer-Autostart=true"


class AutostartError(OSError):
    """The autostart file could not be written or removed; the message says which and why."""


def autostart_file(env: Mapping[str, str] = os.environ) -> Path:
    """$XDG_CONFIG_HOME/autostart/lowback-timer.desktop (~/.config when it is unset or not an
    absolute path, as the XDG spec says)."""
    base = env.get("XDG_CONFIG_HOME", "")
    config = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return config / "autostart" / FILE_NAME


def installed_command(argv0: str | None = None) -> list[str]:
    """How to start this installed app: the `lowback-timer` script when it is what runs now
    (or is on PATH), else this Python with `-m lowback_timer`."""
    script = Path(argv0 if argv0 is not None else sys.argv[0])
    if script.name == "lowback-timer" and script.exists():
        return [str(script.resolve())]
    import shutil  # (only when "start at login" is written)

    found = shutil.which("lowback-timer")
    if found:
        return [found]
    return [sys.executable, "-m", "lowback_timer"]


def launch_command(argv0: str | None = None) -> list[str]:
    """How to start it hidden in the tray, as at login."""
    return [*installed_command(argv0), "--tray"]


def desktop_entry(command: Sequence[str], name: str, comment: str) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={name}",
            f"Comment={comment}",
            f"Exec={' '.join(quote_exec(arg) for arg in command)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            MARKER,
            "",
        ]
    )


def is_enabled(path: Path) -> bool:
    """Whether our autostart file is there (a file of the same name that we did not write
    does not count, and is left alone)."""
    return _ours(path)


def enable(path: Path, command: Sequence[str], name: str, comment: str) -> None:
    if path.exists() and not _ours(path):
        raise AutostartError(f"{path} exists and was not written by this app; left as it is")
    text = desktop_entry(command, name, comment)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(path, text)
    except OSError as exc:
        raise AutostartError(f"cannot write {path}: {exc.strerror or exc}") from exc


def disable(path: Path) -> None:
    if not _ours(path):
        return
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise AutostartError(f"cannot remove {path}: {exc.strerror or exc}") from exc


def _ours(path: Path) -> bool:
    try:
        return MARKER in path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False


# Characters that make the Desktop Entry spec's Exec key need an argument in double quotes.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`=")


def quote_exec(arg: str) -> str:
    """An Exec argument, quoted as the Desktop Entry spec says ('%' is doubled always)."""
    arg = arg.replace("%", "%%")
    if not arg or _RESERVED & set(arg):
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        return f'"{escaped}"'
    return arg


_RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
_RUN_NAME = "LowbackTimer"


class StartAtLogin:
    def __init__(self, platform: str = sys.platform, env: Mapping[str, str] = os.environ):
        self.platform = platform
        self.path: Path = autostart_file(env)

    @property
    def supported(self) -> bool:
        return self.platform != "darwin"

    def enabled(self) -> bool:
        if self.platform == "win32":
            return bool(self._run_key().value(_RUN_NAME))
        return self.supported and is_enabled(self.path)

    def set(self, on: bool) -> None:
        """Raises OSError (AutostartError) with a message saying what failed."""
        if not self.supported or on == self.enabled():
            return
        command = launch_command()
        if self.platform == "win32":
            key = self._run_key()
            if on:
                from subprocess import list2cmdline

                key.setValue(_RUN_NAME, list2cmdline(command))
            else:
                key.remove(_RUN_NAME)
            key.sync()
            if key.status() != QSettings.Status.NoError:
                raise AutostartError("cannot change the Windows Run key")
        elif on:
            enable(
                self.path,
                command,
                QCoreApplication.translate("StartAtLogin", "Low-back Timer"),
                QCoreApplication.translate(
                    "StartAtLogin", "Reminds you to change posture while you work"
                ),
            )
        else:
            disable(self.path)

    @staticmethod
    def _run_key() -> QSettings:
        return QSettings(_RUN_KEY, QSettings.Format.NativeFormat)
