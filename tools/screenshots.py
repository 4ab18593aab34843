"""Render every screen to PNG, in English and Japanese, for a look before a change lands.

Run: uv run python tools/screenshots.py [OUT_DIR]   (default: screenshots/, ignored by git)
Uses a fake clock, so the timer shows a chosen moment of each phase.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QWidget

from lowback_timer.core.content import Content
from lowback_timer.core.history import History
from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import Answers, Phase
from lowback_timer.ui.app import application
from lowback_timer.ui.background import Background
from lowback_timer.ui.controller import Controller
from lowback_timer.ui.desktop import IdleMonitor
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.translations import install_translators


class _Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def _save(widget: QWidget, out: Path, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(out / f"{name}.png"))
    print("wrote", out / f"{name}.png")


def shoot(content: Content, lang: str, out: Path) -> None:
    app = application()
    translators = install_translators(app, lang)
    folder = Path(tempfile.mkdtemp())
    store = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    store.setValue("setup_done", True)
    store.setValue("screened_at", time.time())
    store.setValue("types", "fatigue,sitting")
    clock = _Clock()
    window = MainWindow(Controller(content, lang, store, folder), clock=clock)
    window.resize(1000, 720)
    window.show()
    _save(window, out, f"{lang}-home")
    preview = window.print_sheet()
    preview.resize(900, 720)
    _save(preview, out, f"{lang}-print-preview")
    preview.reject()
    window.start_session(Answers(("fatigue", "sitting"), "desk", 5))
    page = window.timer_page
    assert page.session is not None
    clock.now += 1.2
    page.catch_up()
    _save(window, out, f"{lang}-timer-prepare")
    page.skip()
    clock.now += 7.4
    page.catch_up()
    _save(window, out, f"{lang}-timer-hold-right")
    while page.session.step.phase is not Phase.HOLD or page.session.step.side != "left":
        page.skip()
    clock.now += 3
    page.toggle_pause()
    _save(window, out, f"{lang}-timer-left-paused")
    page.toggle_pause()
    page.stop()
    _save(window, out, f"{lang}-timer-stop")
    page.reason_buttons["sharp-pain"].click()
    _save(window, out, f"{lang}-care-stop")
    window.start_session(Answers(("standing",), "desk", 3))
    while page.session.state.value == "running":
        page.skip()
    _save(window, out, f"{lang}-timer-done")
    wizard = window.change_answers()
    wizard.resize(1000, 720)
    for name in ("type", "place", "preview"):
        _save(wizard, out, f"{lang}-wizard-{name}")
        wizard.next()
    wizard.reject()
    check = window.run_safety_check()
    check.resize(1000, 720)
    _save(check, out, f"{lang}-wizard-safety")
    last = check.groups[-1]
    while check.currentPage() is not last:
        check.groups[check.currentId() - check.SAFETY].answer(False)
    last.answer(True)  # a group that asks which items apply
    _save(check, out, f"{lang}-wizard-safety-which")
    check.reject()
    welcome = window.open_wizard()
    welcome.resize(1000, 720)
    _save(welcome, out, f"{lang}-wizard-welcome")
    welcome.reject()
    check = window.run_safety_check()
    check.groups[0].answer(True)  # tier 1: straight to the care screen
    _save(window, out, f"{lang}-care-urgent")
    window.controller.update_settings(replace(window.controller.settings, region="elsewhere"))
    window.show_care_for_stop("weakness")
    _save(window, out, f"{lang}-care-elsewhere")
    shoot_reminders(window, lang, out)
    shoot_history(window, lang, out)
    window.quit()
    for translator in translators:
        app.removeTranslator(translator)


def shoot_history(window: MainWindow, lang: str, out: Path) -> None:
    """The rating rows, and the history window over three weeks of made-up sessions."""
    window.show_home()
    window._ask_rating(window.controller.routine)  # (an earlier shot left a check due)
    window.rating.back.set_value(6)
    window.rating.legs.set_value(5)
    window.rating.back.setFocus()
    _save(window, out, f"{lang}-rating")
    window.rating.skip_button.click()
    window.show_home()
    now = [time.time() - 20 * 86400]
    history = History(window.history.path, clock=lambda: now[0])
    history.delete_all()
    for day, (back, legs) in enumerate([(6, 5), (6, 4), (5, 4), (5, 3), (4, 3), (4, 2), (3, 2)]):
        now[0] += 3 * 86400
        session = history.start_session("", "desk", ["sitting", "fatigue"])
        history.rate(session, "before", back, legs)
        now[0] += 300
        history.finish_session(session, 8, 0, True, None)
        history.rate(session, "after", max(0, back - 2), max(0, legs - 2 + day % 2))
        for event in ("shown", "moved", "shown", "snoozed", "shown"):
            history.record_reminder(event)
    history.close()
    dialog = window.open_history()
    _save(dialog, out, f"{lang}-history")
    dialog.close()


def shoot_reminders(window: MainWindow, lang: str, out: Path) -> None:
    """The reminder popup, the tray's menu, the status window (no tray) and Preferences."""
    window.show_home()
    background = Background(window.controller, window, has_tray=False, idle=IdleMonitor([]))
    background.service.show_now()
    _save(background.popup, out, f"{lang}-reminder-popup")
    background.popup.hide()
    menu = background.commands.menu()
    menu.popup(QPoint(40, 40))
    _save(menu, out, f"{lang}-tray-menu")
    menu.hide()
    assert background.status_window is not None
    background.status_window.show()
    _save(background.status_window, out, f"{lang}-status-window")
    background.status_window.hide()
    prefs = window.open_preferences()
    for tab in range(prefs.tabs.count()):
        prefs.tabs.setCurrentIndex(tab)
        _save(prefs, out, f"{lang}-preferences-{tab + 1}")
    prefs.reject()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    QStandardPaths.setTestModeEnabled(True)
    content = load_content()
    for lang in content.languages:
        shoot(content, lang, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
