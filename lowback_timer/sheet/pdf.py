"""Where the routine sheet goes: a PDF file (from the app or `lowback-timer sheet`), or a
printer through Qt's print preview.

A PDF is written to a temporary file next to the target and renamed over it at the end, so a
failure never leaves half a file, nor spoils an older sheet of the same name.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from lowback_timer.app.controller import Controller
from lowback_timer.core.atomic import replacing
from lowback_timer.core.content import Content
from lowback_timer.core.routine import Answers
from lowback_timer.sheet.layout import MARGIN_PT, Sheet, paint_sheet, sheet_for

# Qt's page size for each of core.app_state.PAPERS (the one list; a test keeps them matched).
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
# The PDF's coordinate resolution (text and pictures are vector whatever it is).
PDF_DPI = 600


def routine_sheet(controller: Controller, answers: Answers | None = None) -> Sheet:
    """The sheet of today's routine ("my routine" or the saved answers'), or of `answers`, in
    the app's language, with the numbers of the user's region."""
    content, lang = controller.content, controller.lang
    if answers is None:
        routine = controller.routine
        saved = controller.saved_routine
        for_whom = (
            saved.name(lang)
            if saved is not None
            else type_names(content, lang, controller.settings.types)
        )
    else:
        routine = controller.routine_for(answers)
        for_whom = type_names(content, lang, answers.types)
    return sheet_for(
        content,
        routine,
        lang,
        for_whom=for_whom,
        number=controller.emergency_number(),
        today=date.fromtimestamp(controller.wall_clock()),
    )


def type_names(content: Content, lang: str, types: tuple[str, ...] = ()) -> str:
    return QCoreApplication.translate("Sheet", ", ").join(
        content.pain_type(t).name(lang) for t in types
    )


def page_layout(paper: str) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAGE_SIZES[paper]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_PT, MARGIN_PT, MARGIN_PT, MARGIN_PT),
        QPageLayout.Unit.Point,
    )


def write_pdf(sheet: Sheet, path: Path, paper: str) -> int:
    """Write the sheet as a PDF at `path`, whole or not at all; returns the page count.
    Raises OSError with a message that names the file."""
    try:
        with replacing(path) as tmp:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(PDF_DPI)
            writer.setPageLayout(page_layout(paper))
            writer.setTitle(sheet.title)
            writer.setCreator("Low-back Timer")
            pages = paint_sheet(sheet, writer)
            del writer  # flushes and closes the file
            if tmp.stat().st_size == 0:
                raise OSError("nothing was written")
    except BrokenPipeError:
        raise  # `sheet -o - | head`: the reader went away (exit 141, not an error)
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return pages
