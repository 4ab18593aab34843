"""The app in the Linux desktop's launcher: `lowback-timer --install-desktop-entry` writes a
`.desktop` launcher whose Exec is this installed app, the icon in the hicolor theme (the SVG
and PNGs rendered from it) and AppStream metainfo, all under $XDG_DATA_HOME (~/.local/share);
`--remove-desktop-entry` takes away exactly what it wrote.

What was written is listed, with a checksum per file, in a manifest (lowback-timer/desktop-files.txt
in the data home), written before the files: removing or reinstalling touches only files that
are still byte for byte what the app wrote; one written or edited by someone else is left alone
and named. Installing again rewrites the same files (idempotent). Every
file is written whole or not at all (core/atomic.py). QtGui renders the PNGs; no display is
needed (the command runs offscreen).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from lowback_timer import __version__
from lowback_timer.app import start_at_login
from lowback_timer.core import atomic
from lowback_timer.core.content import assets_dir

APP_ID = start_at_login.APP_ID
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
    when a file of one of the names exists and is not, byte for byte, one this app wrote (a
    launcher edited by hand, or someone else's of the same name)."""
    contents = {path: _content(kind, command) for path, kind in planned(home).items()}
    recorded = _manifest(home)
    for path in contents:
        if not _ours(path, recorded):
            raise DesktopInstallError(
                f"{path} exists and was not written by this app (or was changed since); "
                "nothing was changed"
            )
    # The manifest first, with the new files' checksums beside the old ones: however far the
    # writing gets, every file it leaves is listed, and `remove` can take it back.
    new = {path: _sha256(data) for path, data in contents.items()}
    _write_manifest(home, {p: recorded.get(p, set()) | {h} for p, h in new.items()})
    written: list[Path] = []
    for path, data in contents.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with atomic.replacing(path) as tmp:
                tmp.write_bytes(data)
        except OSError as exc:
            raise DesktopInstallError(f"cannot write {path}: {exc.strerror or exc}") from exc
        written.append(path)
    _write_manifest(home, {p: {h} for p, h in new.items()})
    return written


def remove(home: Path) -> tuple[list[Path], list[Path]]:
    """Remove the files the manifest lists that are still as this app wrote them (and the
    folders that leaves empty); returns (removed, left because they were changed since)."""
    removed, changed = [], []
    for path, hashes in _manifest(home).items():
        try:
            if not path.is_file():
                continue
            if _sha256(path.read_bytes()) not in hashes:
                changed.append(path)
                continue
            path.unlink()
        except OSError as exc:
            raise DesktopInstallError(f"cannot remove {path}: {exc.strerror or exc}") from exc
        removed.append(path)
        _prune(path.parent, home)
    manifest = home / MANIFEST
    try:
        manifest.unlink(missing_ok=True)
    except OSError as exc:
        raise DesktopInstallError(f"cannot remove {manifest}: {exc.strerror or exc}") from exc
    _prune(manifest.parent, home)
    return removed, changed


def _prune(folder: Path, home: Path) -> None:
    """Remove `folder` and its parents up to `home` while they are empty."""
    while folder != home and home in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ours(path: Path, recorded: Mapping[Path, set[str]]) -> bool:
    """May install overwrite `path`: absent, or as this app wrote it?"""
    try:
        if not path.exists():
            return True
        return path.is_file() and _sha256(path.read_bytes()) in recorded.get(path, set())
    except OSError as exc:
        raise DesktopInstallError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _manifest(home: Path) -> dict[Path, set[str]]:
    """What this app wrote: each file with the checksums of what it wrote there. Lines are
    `<sha256>  <path>`; a line of an older version (a path alone) vouches for nothing."""
    path = home / MANIFEST
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise DesktopInstallError(f"cannot read the list of files {path}: {reason}") from exc
    # Only files inside the data home that this app would write: a manifest edited by hand
    # cannot make `remove` delete anything else.
    allowed = set(planned(home))
    found: dict[Path, set[str]] = {}
    for line in lines:
        digest, _, name = line.partition("  ")
        if len(digest) == 64 and Path(name) in allowed:
            found.setdefault(Path(name), set()).add(digest)
    return found


def _write_manifest(home: Path, files: Mapping[Path, set[str]]) -> None:
    path = home / MANIFEST
    text = "".join(f"{h}  {p}\n" for p in sorted(files) for h in sorted(files[p]))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(path, text)
    except OSError as exc:
        raise DesktopInstallError(
            f"cannot write the list of files {path}: {exc.strerror or exc}; nothing was changed"
        ) from exc


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
    exec_line = " ".join(start_at_login.quote_exec(arg) for arg in command)
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
            start_at_login.MARKER,
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
            written = install(home, start_at_login.installed_command())
            print(
                f"Installed the launcher entry, icon and metainfo: {len(written)} files in {home}"
            )
        else:
            removed, changed = remove(home)
            print(f"Removed {len(removed)} files of the launcher entry from {home}")
            for path in changed:
                print(f"lowback-timer: left {path}: it was changed since it was written")
    except OSError as exc:  # DesktopInstallError, and any other the file system says
        message = str(exc) if isinstance(exc, DesktopInstallError) else exc.strerror or exc
        print(f"lowback-timer: {message}", file=sys.stderr)
        return 2
    return 0
