"""`lowback-timer sheet`: today's routine sheet (or the one for the options) as a PDF, with no
display; the sheet itself is lowback_timer/sheet/."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from lowback_timer.app.controller import Controller, open_store
from lowback_timer.app.translations import chosen_language, translated
from lowback_timer.core.app_state import paper_for
from lowback_timer.core.atomic import STDOUT
from lowback_timer.core.content import Content
from lowback_timer.core.routine import Answers
from lowback_timer.sheet.pdf import routine_sheet, write_pdf


def sheet_command(
    content: Content,
    answers: Answers | None,
    out: Path,
    paper: str | None,
    requested_lang: str | None,
) -> int:
    """`lowback-timer sheet`: the PDF, with no display (the offscreen platform); `answers`
    None means today's routine, as the app shows it."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window, display or not
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    store = open_store()
    lang = chosen_language(requested_lang, store, content)
    controller = Controller(content, lang, store)
    try:
        with translated(app, lang):
            pages = write_pdf(
                routine_sheet(controller, answers),
                out,
                paper_for(controller.country) if paper is None else paper,
            )
    except BrokenPipeError:
        raise  # the command line's own answer to a reader gone (exit 141)
    except OSError as exc:
        print(f"lowback-timer sheet: {exc}", file=sys.stderr)
        return 2
    # The PDF itself may be going to standard output: then the count goes to stderr.
    to_stdout = str(out) in (STDOUT, "/dev/stdout")
    print(f"{out}: {pages} page{'s' if pages != 1 else ''}", file=sys.stderr if to_stdout else None)
    return 0
