"""Refresh the translations: collect tr() strings into the .ts files, then compile the .qm.

Japanese gets every string; English only the ones with plural forms (`%n`), which need "1 hold"
and "2 holds" from one source text.

Run: uv run python tools/update_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "lowback_timer" / "i18n"
#: The folders of the package whose code says texts through tr().
TRANSLATED = ("app", "commands", "sheet", "ui")
#: language -> extra lupdate options
LANGUAGES = {"ja": [], "en": ["-pluralonly"]}


def main() -> int:
    sources = sorted(
        str(p)
        for room in TRANSLATED  # the rooms whose texts are shown (core has none: YAML)
        for p in (ROOT / "lowback_timer" / room).rglob("*.py")
    )
    bin_dir = Path(sys.executable).parent
    lupdate = shutil.which("pyside6-lupdate", path=str(bin_dir)) or "pyside6-lupdate"
    lrelease = shutil.which("pyside6-lrelease", path=str(bin_dir)) or "pyside6-lrelease"
    for lang, options in LANGUAGES.items():
        ts = I18N / f"lowback_timer_{lang}.ts"
        command = [lupdate, "-no-obsolete", "-locations", "none", *options, *sources]
        subprocess.run([*command, "-target-language", lang, "-ts", str(ts)], check=True)
        subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
