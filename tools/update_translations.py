"""Refresh the translations: collect tr() strings into the .ts files, then compile the .qm.

Japanese gets every string; English only the ones with plural forms (`%n`), which need "1 hold"
and "2 holds" from one source text.

Run: uv run python tools/update_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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
        known = translations(ts)
        subprocess.run([*command, "-target-language", lang, "-ts", str(ts)], check=True)
        if carry_over(ts, known):  # then once more, for lupdate's own layout of the file
            subprocess.run([*command, "-target-language", lang, "-ts", str(ts)], check=True)
        subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


def translations(ts: Path) -> dict[str, set[str]]:
    """Each source text's finished translations, whatever its context (its class)."""
    found: dict[str, set[str]] = {}
    for message in ET.parse(ts).iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        text = translation.text if translation is not None else None
        finished = translation is not None and translation.get("type") is None
        if source and finished and text and message.get("numerus") != "yes":
            found.setdefault(source, set()).add(text)
    return found


def carry_over(ts: Path, known: dict[str, set[str]]) -> int:
    """A text that moved to another class keeps its translation: an unfinished message whose
    source had exactly one finished translation before takes it, finished (lupdate offers it
    too, but as unfinished). Returns how many were carried."""
    tree = ET.parse(ts)
    carried = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        choices = known.get(message.findtext("source") or "", set())
        if translation is None or translation.get("type") != "unfinished" or len(choices) != 1:
            continue
        (choice,) = choices
        if translation.text in (None, "", choice):
            translation.text = choice
            del translation.attrib["type"]
            carried += 1
    if carried:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return carried


if __name__ == "__main__":
    raise SystemExit(main())
