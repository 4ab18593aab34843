"""The app in the Linux desktop's launcher: `lowback-timer --install-desktop-entry` writes a
`.desktop` launcher whose Exec is this installed app, the icon in the hicolor theme (the SVG
and PNGs rendered from it) and AppStream metainfo, all under $XDG_DATA_HOME (~/.local/share);
`--remove-desktop-entry` takes away exactly what it wrote.

What was written is listed in a manifest (lowback-timer/desktop-files.txt in the data home), so
removing never touches a file the app did not write; a file of the same name that someone else
wrote is left alone and named. Installing again rewrites the same files (idempotent). Every
file is written whole or not at all (core/atomic.py). QtGui renders the PNGs; no display is
needed (the command runs offscreen).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from lowback_timer import __version__
from lowback_timer.core import atomic, autostart
from lowback_timer.core.content import assets_dir

APP_ID = autostart.APP_ID
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
MANIFEST = Path("lowback-timer") / "desktop-files.txt"
RELEASE_DATE = "2026-11-26"


class DesktopInstallError(OSError):
    """What could not be written or removed, said in one line."""


def data_home(env: Mapping[str, str] = os.environ) -> Path:
    base = env.get("XDG_DATA_HOME", "")
    return Path(base) if base and os.path.isabs(base) else Path.home() / ".local" / "share"


def planned(home: Path) -> dict[Path, str]:
    """Each file to write and what it is ("desktop", "metainfo", "svg", "png:<size>")."""
    icons = home / "icons" / "hicolor"
    files = {
        home / "applications" / f"{APP_ID}.desktop": "desktop",
        home / "metainfo" / f"{APP_ID}.metainfo.xml": "metainfo",
        icons / "scalable" / "apps" / f"{APP_ID}.svg": "svg",
    }
    for size in PNG_SIZES:
        files[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = f"png:{size}"
    return files


def install(home: Path, command: Sequence[str]) -> list[Path]:
    """Write every file; returns them. Raises DesktopInstallError before writing anything
    when a file of one of the names exists and was not written by this app."""
    files = planned(home)
    ours = set(_manifest(home))
    foreign = [p for p in files if p.exists() and p not in ours]
    if foreign:
        raise DesktopInstallError(
            f"{foreign[0]} exists and was not written by this app; nothing was changed"
        )
    written: list[Path] = []
    try:
        for path, kind in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            with atomic.replacing(path) as tmp:
                tmp.write_bytes(_content(kind, command))
            written.append(path)
    except OSError as exc:
        raise DesktopInstallError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        _write_manifest(home, sorted(set(written) | ours))
    return written


def remove(home: Path) -> list[Path]:
    """Remove what the manifest lists (and the folders that leaves empty); returns what went."""
    removed = []
    for path in _manifest(home):
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise DesktopInstallError(f"cannot remove {path}: {exc.strerror or exc}") from exc
        _prune(path.parent, home)
    manifest = home / MANIFEST
    manifest.unlink(missing_ok=True)
    _prune(manifest.parent, home)
    return removed


def _prune(folder: Path, home: Path) -> None:
    """Remove `folder` and its parents up to `home` while they are empty."""
    while folder != home and home in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _manifest(home: Path) -> list[Path]:
    try:
        lines = (home / MANIFEST).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    # Only files inside the data home that this app would write: a manifest edited by hand
    # cannot make `remove` delete anything else.
    allowed = set(planned(home))
    return [Path(line) for line in lines if Path(line) in allowed]


def _write_manifest(home: Path, files: Sequence[Path]) -> None:
    path = home / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, "".join(f"{p}\n" for p in files))


# --- what the files say ---------------------------------------------------------------------
def _content(kind: str, command: Sequence[str]) -> bytes:
    if kind == "desktop":
        return desktop_entry(command).encode()
    if kind == "metainfo":
        return metainfo().encode()
    svg = (assets_dir() / "icon.svg").read_bytes()
    if kind == "svg":
        return svg
    return _png(svg, int(kind.split(":")[1]))


NAME = "Low-back Timer"
SUMMARY = "Guided stretches for an aching lower back and heavy legs"
NAME_JA = "腰ストレッチタイマー"
SUMMARY_JA = "腰の痛みや脚の重だるさに向けた、ガイド付きのストレッチ"


def desktop_entry(command: Sequence[str]) -> str:
    exec_line = " ".join(autostart.quote_exec(arg) for arg in command)
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={NAME}",
            f"Name[ja]={NAME_JA}",
            f"Comment={SUMMARY}",
            f"Comment[ja]={SUMMARY_JA}",
            f"Exec={exec_line}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Utility;Qt;",
            "Keywords=stretch;back;posture;break;reminder;",
            "StartupNotify=true",
            f"StartupWMClass={APP_ID}",
            autostart.MARKER,
            "",
        ]
    )


def metainfo() -> str:
    description_en = (
        "It asks which of four common patterns fits you, where you are and how much time you "
        "have, then walks you through a short routine of four base stretches, each side, with "
        "a picture, one cue, a countdown and a breathing pacer. A safety check comes first, "
        "and a stop button is always one key away. Hourly reminders to change posture, a "
        "printable routine sheet and a history that stays on your computer. General guidance, "
        "not medical advice."
    )
    description_ja = (
        "4つのタイプ、場所、使える時間を選ぶと、4つの基本ストレッチを左右それぞれ、絵とポイント、"
        "カウントダウン、呼吸のガイドつきで案内します。始める前に安全チェックがあり、中止ボタンは"
        "いつでも押せます。1時間ごとの姿勢リマインダー、印刷できるシート、このコンピューターの中だけに"
        "残る記録つき。一般的な情報であり、医学的な助言ではありません。"
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT</project_license>
  <name>{escape(NAME)}</name>
  <name xml:lang="ja">{escape(NAME_JA)}</name>
  <summary>{escape(SUMMARY)}</summary>
  <summary xml:lang="ja">{escape(SUMMARY_JA)}</summary>
  <description>
    <p>{escape(description_en)}</p>
    <p xml:lang="ja">{escape(description_ja)}</p>
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <developer id="io.github.lowback_timer">
    <name>The lowback-timer authors</name>
  </developer>
  <categories>
    <category>Utility</category>
  </categories>
  <content_rating type="oars-1.1"/>
  <releases>
    <release version="{__version__}" date="{RELEASE_DATE}"/>
  </releases>
</component>
"""


def _png(svg: bytes, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    renderer = QSvgRenderer(QByteArray(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # (bytes, as typed, fails)
    return bytes(data.data())


def desktop_command(install_it: bool, env: Mapping[str, str] = os.environ) -> int:
    """`--install-desktop-entry` / `--remove-desktop-entry`: one line of output, exit 0; a
    file that cannot be written, or one someone else wrote, is one line on stderr and exit 2."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # PNGs only; never a window
    # QtSvg renders only with an application object; held until the files are written.
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    home = data_home(env)
    try:
        if install_it:
            written = install(home, autostart.installed_command())
            print(
                f"Installed the launcher entry, icon and metainfo: {len(written)} files in {home}"
            )
        else:
            removed = remove(home)
            print(f"Removed {len(removed)} files of the launcher entry from {home}")
    except DesktopInstallError as exc:
        print(f"lowback-timer: {exc}", file=sys.stderr)
        return 2
    return 0
