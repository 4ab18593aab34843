"""How long the routine sheet takes to build and write as a PDF once the app has started, next
to a bare reference in the same run: a one-line PDF from QPdfWriter, the cost of the PDF engine
alone. Goal: the sheet under 0.3 s.

Run: uv run python benchmarks/sheet_build.py [--runs N]   (offscreen; no display needed)
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter

from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import build_routine
from lowback_timer.sheet.layout import sheet_for
from lowback_timer.sheet.pdf import write_pdf


def bare(path: Path) -> None:
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawText(100, 100, "A bare page")
    painter.end()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    QGuiApplication([])
    content = load_content()
    routine = build_routine(content, ["fatigue", "sitting"], "desk", 5)
    number = next(n for n in content.emergency_numbers if "JP" in n.countries)
    folder = Path(tempfile.mkdtemp())
    results: dict[str, list[float]] = {"bare one-line PDF": [], "routine sheet (en)": []}
    results["routine sheet (ja)"] = []
    start = time.perf_counter()
    bare(folder / "warm-bare.pdf")
    first_bare = time.perf_counter() - start
    start = time.perf_counter()
    write_pdf(  # the first one also loads the fonts and parses the pictures
        sheet_for(content, routine, "en", for_whom="", number=number, today=date.today()),
        folder / "warm.pdf",
        "a4",
    )
    print(
        f"first PDF of the run: bare {first_bare * 1000:.0f} ms, "
        f"sheet {(time.perf_counter() - start) * 1000:.0f} ms"
    )
    for _ in range(args.runs):
        start = time.perf_counter()
        bare(folder / "bare.pdf")
        results["bare one-line PDF"].append(time.perf_counter() - start)
        for lang in ("en", "ja"):
            start = time.perf_counter()
            sheet = sheet_for(
                content, routine, lang, for_whom="", number=number, today=date.today()
            )
            write_pdf(sheet, folder / f"sheet-{lang}.pdf", "a4")
            results[f"routine sheet ({lang})"].append(time.perf_counter() - start)
    for name, times in results.items():
        print(
            f"{name}: median {statistics.median(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms over {args.runs} runs"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
