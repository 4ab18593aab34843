"""Render the stretch illustrations and the app icon to PNGs for a visual check.

Usage::

    uv run python tools/render_illustrations.py [OUTPUT_DIR]

Every SVG in ``lowback_timer/assets/illustrations`` plus ``lowback_timer/assets/icon.svg`` is
rendered at 480 px and 120 px wide, over white and over a dark window colour (#202124) (there
as the app draws it on a dark window: ``app.pictures.dark_svg``), each as drawn and mirrored
(horizontal flip, as the timer shows the left side). A contact sheet of all renders is written
as ``contact-sheet.png``. Exits non-zero, naming the files, if any SVG is not valid for
``QSvgRenderer``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from lowback_timer.app.pictures import dark_svg

ASSETS = Path(__file__).resolve().parent.parent / "lowback_timer" / "assets"
ILLUSTRATIONS = ASSETS / "illustrations"
ICON = ASSETS / "icon.svg"
WIDTHS = (480, 120)
BACKGROUNDS = {"light": QColor("#ffffff"), "dark": QColor("#202124")}
DEFAULT_OUTPUT = Path("/tmp/illustrations")


def svg_files() -> list[Path]:
    """Return every illustration SVG (sorted) followed by the icon, if present."""
    files = sorted(ILLUSTRATIONS.glob("*.svg"))
    if ICON.is_file():
        files.append(ICON)
    return files


def render(renderer: QSvgRenderer, width: int, background: QColor, mirrored: bool) -> QImage:
    """Render ``renderer`` at ``width`` px wide over ``background``, optionally mirrored."""
    view = renderer.viewBoxF()
    aspect = view.height() / view.width() if view.width() > 0 else 1.0
    height = max(1, round(width * aspect))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if mirrored:
        painter.translate(width, 0)
        painter.scale(-1, 1)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def contact_sheet(images: list[tuple[str, QImage]], columns: int = 4) -> QImage:
    """Lay ``images`` out in a grid (in order) on a neutral grey background."""
    gap = 8
    cell_w = max(image.width() for _, image in images)
    cell_h = max(image.height() for _, image in images)
    rows = (len(images) + columns - 1) // columns
    sheet = QImage(
        columns * (cell_w + gap) + gap,
        rows * (cell_h + gap) + gap,
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    sheet.fill(QColor("#808080"))
    painter = QPainter(sheet)
    for index, (_, image) in enumerate(images):
        row, column = divmod(index, columns)
        painter.drawImage(gap + column * (cell_w + gap), gap + row * (cell_h + gap), image)
    painter.end()
    return sheet


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "output",
        nargs="?",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"folder for the PNGs (default: {DEFAULT_OUTPUT})",
    )
    args = parser.parse_args()
    output: Path = args.output
    output.mkdir(parents=True, exist_ok=True)

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    invalid: list[Path] = []
    sheet_images: list[tuple[str, QImage]] = []
    files = svg_files()
    if not files:
        print(f"no SVG files found in {ILLUSTRATIONS}", file=sys.stderr)
        return 1
    for path in files:
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            invalid.append(path)
            continue
        dark = renderer  # the icon is drawn as it is on any background
        if path.parent == ILLUSTRATIONS:
            dark = QSvgRenderer(QByteArray(dark_svg(path.read_text(encoding="utf-8")).encode()))
        for width in WIDTHS:
            for bg_name, bg in BACKGROUNDS.items():
                for mirrored in (False, True):
                    image = render(dark if bg_name == "dark" else renderer, width, bg, mirrored)
                    suffix = "-mirrored" if mirrored else ""
                    name = f"{path.stem}-{width}-{bg_name}{suffix}.png"
                    if not image.save(str(output / name)):
                        print(f"could not write {output / name}", file=sys.stderr)
                        return 1
                    if width == WIDTHS[0]:
                        sheet_images.append((name, image))
        print(f"rendered {path.name}")

    if sheet_images:
        contact_sheet(sheet_images).save(str(output / "contact-sheet.png"))
    del app
    if invalid:
        for path in invalid:
            print(f"INVALID SVG: {path}", file=sys.stderr)
        return 1
    print(f"wrote PNGs to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
