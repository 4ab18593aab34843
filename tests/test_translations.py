"""The translations are complete: collecting the tr() texts again (as
tools/update_translations.py does, but into a copy of the .ts files) finds nothing new or
unfinished, and the compiled .qm files are those of the .ts files.

After adding or changing a text: `uv run python tools/update_translations.py`, translate what
it marked unfinished in lowback_timer_ja.ts (and any %n plural in lowback_timer_en.ts), then run
the tool again to compile the .qm files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "lowback_timer" / "i18n"
#: The folders of the package whose code says texts through tr().
TRANSLATED = ("app", "commands", "sheet", "ui")
#: language -> extra lupdate options (as in tools/update_translations.py)
LANGUAGES = {"ja": [], "en": ["-pluralonly"]}
HOW_TO_FIX = "run `uv run python tools/update_translations.py` and translate these"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _sources() -> list[str]:
    return sorted(
        str(p)
        for room in TRANSLATED  # the rooms whose texts are shown (core has none: YAML)
        for p in (ROOT / "lowback_timer" / room).rglob("*.py")
    )


def _unfinished(ts: Path) -> list[str]:
    """`context: source` of every message without a finished translation."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                found.append(f"{name}: {message.findtext('source', '')!r}")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_is_translated(lang: str, tmp_path: Path) -> None:
    """lupdate over the code, into a copy: no new message, none left unfinished."""
    lupdate = _tool("pyside6-lupdate")
    real = I18N / f"lowback_timer_{lang}.ts"
    copy = tmp_path / real.name
    shutil.copyfile(real, copy)
    command = [lupdate, "-no-obsolete", "-locations", "none", *LANGUAGES[lang], *_sources()]
    result = subprocess.run(
        [*command, "-target-language", lang, "-ts", str(copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    missing = _unfinished(copy)
    assert not missing, f"{real.name}: {len(missing)} untranslated; {HOW_TO_FIX}:\n" + "\n".join(
        missing
    )
    # Texts gone from the code (lupdate -no-obsolete drops them) mean the file is stale too.
    assert copy.read_bytes() == real.read_bytes(), f"{real.name} is out of date; {HOW_TO_FIX}"
    # A "#:" code comment before a tr() reaches the translators as a note: none are meant.
    assert b"<extracomment>" not in real.read_bytes(), f"{real.name}: use '#', not '#:'"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_translations_match(lang: str, tmp_path: Path) -> None:
    """The .qm the app loads is the .ts compiled (lrelease was run after the last edit)."""
    lrelease = _tool("pyside6-lrelease")
    ts = I18N / f"lowback_timer_{lang}.ts"
    qm = tmp_path / f"{lang}.qm"
    result = subprocess.run(
        [lrelease, str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        f"{ts.with_suffix('.qm').name} is not {ts.name} compiled; {HOW_TO_FIX}"
    )
