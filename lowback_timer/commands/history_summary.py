"""`lowback-timer history --summary [--json]`: the two-week review (core/review.py) headless:
days with a routine in the last 14, the first and the last week's median "before" ratings for
the back and the legs, and the line home would show, in the app's language. A history too
short for a review says so and exits 0 all the same."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from lowback_timer.app.controller import open_store
from lowback_timer.app.review_text import ReviewText
from lowback_timer.app.translations import chosen_language, translated
from lowback_timer.commands.history_csv import read_history
from lowback_timer.core.content import Content
from lowback_timer.core.history import History
from lowback_timer.core.review import as_json, review


def summary_command(
    content: Content,
    requested_lang: str | None,
    *,
    as_json_text: bool,
    today: date | None = None,
    folder: Path | None = None,
) -> int:
    """Exit status 0, or 2 when the history cannot be read."""
    sessions = read_history(History.sessions, folder)
    if sessions is None:
        return 2
    result = review(sessions, today or date.today())
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    lang = chosen_language(requested_lang, open_store(), content)
    with translated(app, lang):
        words = ReviewText()
        if as_json_text:
            found = {**as_json(result), "line": words.said(result, content, lang)}
            print(json.dumps(found, ensure_ascii=False, indent=2))
        else:
            print("\n".join(words.summary(result, content, lang)))
    return 0
