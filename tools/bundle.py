"""A self-contained one-folder bundle for people without Python (PyInstaller), then a smoke
test of the bundled app, headless, and its size.

    uv run --with 'pyinstaller>=6.10,<7' python tools/bundle.py [--out dist/bundle]

The bundle leaves out every Qt module the app does not use (WebEngine, Quick, Qml, 3D,
Multimedia, Charts...), so it stays small. Its smoke test runs `--version`, `check`, `plan`
and `--exit-after-first-frame` (offscreen) from another folder, and it prints the size
(goal: under 150 MB). Slow (a minute or more): CI runs it only when asked, through
tests/test_bundle.py with LOWBACK_TEST_BUNDLE=1.

Windows and macOS: the same PyInstaller command builds a folder there; what a release would
add is an installer (Inno Setup or MSIX on Windows; a .app in a signed, notarised .dmg on
macOS, which needs an Apple Developer ID) — not built here.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Qt modules the app uses; every other PySide6 module is excluded from the bundle.
USED = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork", "QtDBus", "QtPrintSupport"}
UNUSED = [
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
]


def build(out: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="bundle-"))
    entry = work / "lowback_timer_main.py"
    entry.write_text("from lowback_timer.start import main\nraise SystemExit(main())\n")
    argv = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--onedir",
        "--strip",  # debug symbols are most of the libraries' size
        "--name",
        "lowback-timer",
        "--distpath",
        str(out),
        "--workpath",
        str(work / "build"),
        "--specpath",
        str(work),
        "--collect-data",
        "lowback_timer",  # routines, pictures, sounds, translations
        *[
            arg
            for name in UNUSED
            if name not in USED
            for arg in ("--exclude-module", f"PySide6.{name}")
        ],
        str(entry),
    ]
    subprocess.run(argv, check=True, cwd=work)
    folder = out / "lowback-timer"
    prune(folder)
    return folder


#: Parts PyInstaller collects that this app never loads: Qt's translations other than the
#: app's languages, TLS and network-information plugins (the app only uses a local socket).
def prune(folder: Path) -> None:
    qt = folder / "_internal" / "PySide6" / "Qt"
    for qm in (qt / "translations").glob("*.qm"):
        if not qm.name.endswith(("_ja.qm", "_en.qm")):
            qm.unlink()
    for plugin in ("tls", "networkinformation"):
        for path in sorted((qt / "plugins" / plugin).glob("*"), reverse=True):
            path.unlink()


def smoke_test(folder: Path) -> list[str]:
    """What fails when the bundled app is run headless from another folder ([] = all fine)."""
    exe = folder / ("lowback-timer.exe" if sys.platform == "win32" else "lowback-timer")
    home = Path(tempfile.mkdtemp(prefix="bundle-home-"))
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    failures = []
    for argv in (["--version"], ["check"], ["plan", "--lang", "ja"], ["--exit-after-first-frame"]):
        done = subprocess.run(
            [str(exe), *argv], cwd=home, env=env, capture_output=True, text=True, timeout=120
        )
        if done.returncode != 0:
            failures.append(
                f"{' '.join(argv)}: exit {done.returncode}: {done.stderr.strip()[-300:]}"
            )
    return failures


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "bundle")
    args = parser.parse_args()
    folder = build(args.out)
    failures = smoke_test(folder)
    for failure in failures:
        print(f"FAILED {failure}", file=sys.stderr)
    print(f"{folder}: {size_mb(folder):.0f} MB; smoke test {'failed' if failures else 'passed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
