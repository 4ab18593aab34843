"""The printable routine sheet, read back from the PDF as a reader (or pdftotext) sees it: the
stretches, holds, cues and the number to call in both languages; vector only; one page for a
usual routine and clean page breaks for a long one; A4 or Letter; errors that lose nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from lowback_timer.core.app_state import paper_for
from lowback_timer.core.content import Content
from lowback_timer.core.my_routine import Draft
from lowback_timer.core.routine import build_routine, expand
from lowback_timer.sheet import pdf as sheet_output
from lowback_timer.sheet.layout import Sheet, sheet_for
from lowback_timer.sheet.pdf import routine_sheet, write_pdf
from tests.cli import run
from tests.helpers import open_window
from tests.processes import run_app

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

TODAY = date(2026, 11, 26)


def pdf_text(path: Path) -> str:
    """The PDF's text as a reader copies it: NFKC (Qt writes some kanji as look-alike
    compatibility characters), without the spaces and line breaks pdftotext puts in."""
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(
        (key.strip(), value.strip())
        for key, value in (line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)
    )


def a_sheet(content: Content, lang: str, *, items: int | None = None) -> Sheet:
    routine = build_routine(content, ["fatigue", "sitting"], "desk", 5)
    if items is not None:  # a long "my routine": the same stretches over and over
        many = (routine.items * items)[:items]
        routine = expand(content, "desk", many, None)
    japan = next(n for n in content.emergency_numbers if "JP" in n.countries)
    return sheet_for(content, routine, lang, for_whom="", number=japan, today=TODAY)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_sheet_says_what_to_do_and_whom_to_call(
    qapp: object, content: Content, tmp_path: Path, lang: str
) -> None:
    sheet = a_sheet(content, lang)
    path = tmp_path / f"sheet-{lang}.pdf"
    assert write_pdf(sheet, path, "a4") == 1
    text = pdf_text(path)
    routine = build_routine(content, ["fatigue", "sitting"], "desk", 5)
    for item in routine.items:
        stretch = content.stretch_for(item.variant)
        assert squeezed(stretch.name(lang)) in text
        assert squeezed(stretch.cue(lang)) in text
    for shown in sheet.stretches:
        assert squeezed(shown.dose) in text  # the hold in seconds, each side
        assert re.search(r"\d+", shown.dose)
    # Each tier says its own action on its heading line: the emergency number for tier 1,
    # the advice line for tier 2 (never the emergency number after the tier-2 list).
    [(first_action, _), (second_action, _)] = sheet.warnings
    assert "119" in first_action and "#7119" not in first_action
    assert "#7119" in second_action and "119 " not in second_action.replace("#7119", "")
    assert squeezed(first_action) in text and squeezed(second_action) in text
    assert text.index(squeezed(first_action)) < text.index(squeezed(second_action))
    # The two lines under the signs: stop at once; no better after about two weeks.
    assert squeezed(content.guidance.stop_at_once(lang)) in text
    assert squeezed(content.guidance.no_better(lang)) in text
    assert squeezed(content.guidance.rule(lang)) in text
    for group in content.check_groups:
        if group.tier <= 2:
            assert squeezed(group.sheet(lang)) in text
    assert squeezed(content.guidance.prevention(lang)) in text


def test_english_words_on_the_sheet(qapp: object, content: Content, tmp_path: Path) -> None:
    path = tmp_path / "sheet.pdf"
    write_pdf(a_sheet(content, "en"), path, "a4")
    text = pdf_text(path)
    for words in (
        "30 s each side",
        "Key point:",
        "Day 1",
        "Day 14",
        "Go to the emergency department now (don't drive yourself), or call 119 (Japan; "
        "elsewhere, your local emergency number)",
        "See your doctor today, or call #7119",
        "injecting street drugs",
        "spinal injection",
        "No better after about 2 weeks of regular stretching? Have it checked.",
    ):
        assert squeezed(words) in text


def test_the_pictures_stay_vector(qapp: object, content: Content, tmp_path: Path) -> None:
    path = tmp_path / "sheet.pdf"
    write_pdf(a_sheet(content, "en"), path, "a4")
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert len(listing) == 2, listing  # the header lines only: no raster image


def test_a_long_routine_breaks_cleanly_onto_more_pages(
    qapp: object, content: Content, tmp_path: Path
) -> None:
    sheet = a_sheet(content, "en", items=10)
    path = tmp_path / "long.pdf"
    pages = write_pdf(sheet, path, "a4")
    assert pages == 2
    assert pdf_info(path)["Pages"] == "2"
    first, second = (
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-raw", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in (1, 2)
    )
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    # no stretch is split: each one's heading, dose and cue are on the same page
    texts = [squeezed(first), squeezed(second)]
    for shown in sheet.stretches:
        parts = [squeezed(f"{shown.number}. {shown.name}"), squeezed(shown.cue)]
        assert any(all(part in text for part in parts) for text in texts), shown.number
    assert "Tickabox" in texts[1] and "Tickabox" not in texts[0]  # the closing kept together


def test_six_stretches_still_fit_one_page(qapp: object, content: Content, tmp_path: Path) -> None:
    for lang in ("en", "ja"):
        assert write_pdf(a_sheet(content, lang, items=6), tmp_path / f"{lang}.pdf", "a4") == 1


@pytest.mark.parametrize(("paper", "size"), [("a4", "(A4)"), ("letter", "(letter)")])
def test_paper_sizes(qapp: object, content: Content, tmp_path: Path, paper: str, size: str) -> None:
    path = tmp_path / f"{paper}.pdf"
    write_pdf(a_sheet(content, "en"), path, paper)
    assert pdf_info(path)["Page size"].endswith(size)


def test_letter_where_letter_is_the_usual_paper() -> None:
    assert paper_for("US") == paper_for("ca") == "letter"
    assert paper_for("JP") == paper_for("GB") == paper_for(None) == "a4"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    qapp: object, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(b"%PDF- an older sheet")

    def broken(*_args: object) -> int:
        raise OSError("the disk is full")

    monkeypatch.setattr(sheet_output, "paint_sheet", broken)
    with pytest.raises(OSError, match=r"cannot write .*sheet\.pdf: the disk is full"):
        write_pdf(a_sheet(content, "en"), path, "a4")
    assert path.read_bytes() == b"%PDF- an older sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    """`sheet` sets the platform for its own process; keep the tests' environment as it was."""
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))


def test_sheet_command_writes_the_pdf(
    qapp: object,
    offscreen: None,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: Content,
) -> None:
    path = tmp_path / "routine.pdf"
    code, out, err = run(
        capsys, "sheet", "--type", "nerve", "--place", "floor", "-o", str(path), "--lang", "ja"
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"{path}: 1 page"
    text = pdf_text(path)
    for item in build_routine(content, ["nerve"], "floor", 5).items:
        assert squeezed(content.stretch_for(item.variant).name("ja")) in text
    assert squeezed(content.pain_type("nerve").name("ja")) in text
    assert squeezed("わたしのストレッチルーティン") in text


def test_without_routine_options_it_is_todays_routine(
    qapp: object,
    offscreen: None,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: Content,
) -> None:
    from lowback_timer.app.controller import open_store

    store = open_store()
    store.setValue("types", "standing")
    store.setValue("place", "standing")
    store.sync()
    path = tmp_path / "today.pdf"
    assert run(capsys, "sheet", "-o", str(path), "--lang", "en")[0] == 0
    text = pdf_text(path)
    today = build_routine(content, ["standing"], "standing", 5)
    for item in today.items:
        assert squeezed(content.stretch_for(item.variant).name("en")) in text
    assert squeezed(content.pain_type("standing").name("en")) in text


@pytest.mark.parametrize(
    "argv",
    [
        ["sheet", "-o", "/nonexistent-folder/x.pdf"],
        ["sheet", "-o", "x.pdf", "--paper", "a5"],
        ["sheet"],
        ["sheet", "-o", "x.pdf", "--minutes", "2"],
    ],
)
def test_bad_options_and_paths_are_one_line_and_exit_2(
    qapp: object, offscreen: None, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert out == ""


def test_unwritable_folder_says_which_file(
    qapp: object, offscreen: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "sheet", "-o", "/nonexistent-folder/x.pdf")
    assert code == 2
    assert err.startswith("lowback-timer sheet: cannot write /nonexistent-folder/x.pdf:")


def test_a_read_only_sheet_is_kept_and_exit_2(
    qapp: object, offscreen: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    kept = tmp_path / "old.pdf"
    kept.write_bytes(b"%PDF-1.4 the old sheet")
    kept.chmod(0o444)
    code, out, err = run(capsys, "sheet", "-o", str(kept))
    assert code == 2 and out == ""
    assert err.startswith(f"lowback-timer sheet: cannot write {kept}:") and "read-only" in err
    assert kept.read_bytes() == b"%PDF-1.4 the old sheet"


def test_dash_writes_the_pdf_to_standard_output(
    qapp: object, offscreen: None, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    from lowback_timer.commands.cli import main

    assert main(["sheet", "-o", "-"]) == 0
    captured = capfdbinary.readouterr()
    assert captured.out.startswith(b"%PDF") and captured.out.rstrip().endswith(b"%%EOF")
    assert captured.err.strip() == b"-: 1 page"  # the count beside, not inside, the PDF


def test_headless_without_any_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    path = tmp_path / "headless.pdf"
    done = run_app("sheet", "-o", str(path), "--paper", "letter", env=env)
    assert done.returncode == 0, done.stderr
    assert pdf_info(path)["Page size"].endswith("(letter)")


# --- the app ------------------------------------------------------------------------------


def test_print_opens_the_preview_of_todays_sheet(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    dialog = window.print_sheet()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QPrintPreviewDialog)
    assert dialog.windowTitle() == "My stretching routine"
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() == 1)  # the sheet was drawn for the printer
    dialog.reject()


def test_save_as_pdf_from_home(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    dialog = window.save_sheet_as_pdf()
    assert dialog.defaultSuffix() == "pdf"
    dialog.reject()
    path = tmp_path / "mine.pdf"
    assert window.write_sheet(path)
    assert window.statusBar().currentMessage() == f"Sheet saved as {path}"
    for item in window.controller.routine.items:
        name = content.stretch_for(item.variant).name("en")
        assert squeezed(name) in pdf_text(path)


def test_save_as_pdf_somewhere_unwritable_says_so_and_keeps_the_app(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    assert not window.write_sheet(tmp_path / "missing" / "x.pdf")
    assert window.statusBar().currentMessage() == ""


def test_the_saved_sheet_uses_my_routine(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    controller = window.controller
    controller.update_settings(replace(controller.settings, types=("nerve",)))
    path = tmp_path / "nerve.pdf"
    window.write_sheet(path)
    assert squeezed(content.pain_type("nerve").name("en")) in pdf_text(path)


def test_my_routine_is_named_on_the_sheet(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    controller = window.controller
    draft = Draft.of(build_routine(content, ["standing"], "standing", 3))
    assert controller.save_routine(draft)
    saved = controller.saved_routine
    assert saved is not None
    sheet = routine_sheet(controller)
    assert sheet.subtitle.startswith(saved.name("en"))
    assert [s.name for s in sheet.stretches] == [
        content.stretch_for(i.variant).name("en") for i in saved.items
    ]


def test_one_list_of_papers() -> None:
    from lowback_timer.core.app_state import PAPERS
    from lowback_timer.sheet.pdf import PAGE_SIZES

    assert tuple(PAGE_SIZES) == PAPERS


def test_how_a_language_is_written_comes_from_the_content(content: Content) -> None:
    """Italics and the space between sentences are the content's (meta.yaml), not code's."""
    assert content.meta.no_italics == ("ja",) and content.meta.no_sentence_space == ("ja",)
    english, japanese = a_sheet(content, "en"), a_sheet(content, "ja")
    assert english.italics and not english.no_sentence_space
    assert not japanese.italics and japanese.no_sentence_space


MOVE_WORDS = {"en": ("Heel raises", "10 times, slowly"), "ja": ("かかと上げ", "ゆっくり10回")}


def test_a_move_is_printed_with_its_count(content: Content, tmp_path: Path, lang: str) -> None:
    routine = build_routine(content, ["fatigue"], "desk", 3)
    japan = next(n for n in content.emergency_numbers if "JP" in n.countries)
    sheet = sheet_for(content, routine, lang, for_whom="", number=japan, today=TODAY)
    path = tmp_path / "sheet.pdf"
    write_pdf(sheet, path, "a4")
    text = pdf_text(path)
    name, count = (text.index(squeezed(w)) for w in MOVE_WORDS[lang])
    assert name < count  # the count under the move's name, as a hold's time under a stretch's
