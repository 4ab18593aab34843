"""Refresh the Japanese translation: collect tr() strings into the .ts, then compile the .qm.

Run: uv run python tools/update_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "lowback_timer" / "i18n" / "lowback_timer_ja.ts"


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "lowback_timer" / "ui").glob("*.py"))
    bin_dir = Path(sys.executable).parent
    lupdate = shutil.which("pyside6-lupdate", path=str(bin_dir)) or "pyside6-lupdate"
    lrelease = shutil.which("pyside6-lrelease", path=str(bin_dir)) or "pyside6-lrelease"
    subprocess.run(
        [lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(TS)], check=True
    )
    subprocess.run([lrelease, str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
