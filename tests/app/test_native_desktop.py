"""The desktop's answers from local libraries (app/native_desktop.py): X11's idle time and
full-screen window on a throw-away Xvfb server, and each C library looked for once a run."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from subprocess import DEVNULL

import pytest

from lowback_timer.app import native_desktop as native
from lowback_timer.app.native_desktop import X11Fullscreen, XScreenSaverIdle

# --- a real X server ----------------------------------------------------------------------
needs_x = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xprop") and shutil.which("xwininfo")),
    reason="Xvfb and x11-utils (xprop, xwininfo) are not installed",
)


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A throw-away X server (-noreset: root properties outlive the short-lived clients)."""
    read, write = os.pipe()
    command = ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-noreset"]
    with subprocess.Popen(command, pass_fds=(write,), stderr=DEVNULL) as server:
        os.close(write)
        with open(read, encoding="ascii") as pipe:
            display = ":" + pipe.readline().strip()
        try:
            yield display
        finally:
            server.terminate()


def xprop(display: str, *args: str) -> None:
    subprocess.run(["xprop", "-display", display, *args], check=True)


@needs_x
def test_x11_idle_and_fullscreen_on_xvfb(xvfb: str) -> None:
    idle = XScreenSaverIdle(xvfb).idle_seconds()
    if idle is None and native._library("Xss") is None:
        pytest.skip("libXss (libxss1) is not installed")
    assert idle is not None and 0.0 <= idle < 600.0

    fullscreen = X11Fullscreen(xvfb, own_windows=lambda: [])
    assert not fullscreen.busy()  # no window manager, no active window
    info = subprocess.run(
        ["xwininfo", "-root", "-display", xvfb], capture_output=True, text=True, check=True
    ).stdout
    root = next(line.split()[3] for line in info.splitlines() if "Window id:" in line)
    # The root window plays the active window (there is no window manager to set one).
    xprop(xvfb, "-root", "-f", "_NET_ACTIVE_WINDOW", "32x", "-set", "_NET_ACTIVE_WINDOW", root)
    assert not fullscreen.busy()  # active, but not full screen
    xprop(xvfb, "-root", "-f", "_NET_WM_STATE", "32a", "-set", "_NET_WM_STATE",
          "_NET_WM_STATE_FULLSCREEN")  # fmt: skip
    assert fullscreen.busy()
    assert not X11Fullscreen(xvfb, own_windows=lambda: [int(root, 16)]).busy()  # our own window
    # An active window that no longer exists: the X error is ignored, not fatal.
    xprop(
        xvfb, "-root", "-f", "_NET_ACTIVE_WINDOW", "32x", "-set", "_NET_ACTIVE_WINDOW", "0x7ff0001"
    )
    assert not fullscreen.busy()


def test_a_library_is_looked_for_once_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """`find_library` starts `ldconfig -p`: it was asked at every idle or full-screen query."""
    asked: list[str] = []

    def find_library(name: str) -> None:
        asked.append(name)

    monkeypatch.setattr("ctypes.util.find_library", find_library)
    native._library.cache_clear()
    try:
        for _ in range(3):
            assert native._library("no-such-library-here") is None
    finally:
        native._library.cache_clear()
    assert asked == ["no-such-library-here"]
