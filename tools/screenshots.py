"""Render every screen to PNG, in English and Japanese, for a look before a change lands, and
for the README's pictures (docs/screenshots/).

Run: uv run python tools/screenshots.py [OUT_DIR]   (default: screenshots/, ignored by git)
     uv run python tools/screenshots.py --docs      (docs/screenshots/, small PNGs)
     --dark: every screen in a dark palette as well (--docs: always the few in DARK)
     --docs also takes a few screens at 200 % (1920 x 1080 at QT_SCALE_FACTOR=2: a 960 x 540
     screen in logical pixels), in a process of their own: --at-200 does only those.
With the real fonts and window system (as the README's set is made):
     QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" \
         uv run python tools/screenshots.py --docs
Uses a fake clock, so the timer shows a chosen moment of each phase.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings, QSize, QStandardPaths, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from lowback_timer.app.controller import Controller
from lowback_timer.app.desktop_watch import IdleMonitor
from lowback_timer.app.reminder_service import ReminderService
from lowback_timer.app.translations import install_translators
from lowback_timer.core.content import Content
from lowback_timer.core.history import History
from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import Answers, Phase
from lowback_timer.ui.app import application
from lowback_timer.ui.background import Background
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.reminder_popup import ReminderPopup
from lowback_timer.ui.style import apply_look

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "screenshots"
SIZE = QSize(1000, 720)  # the main window and the dialogs
#: --docs: no picture larger than this (a larger one is scaled down, keeping its shape)
DOCS_MAX = QSize(1000, 760)


#: --docs also shoots these screens (name without the language) in a dark palette, saved as
#: <lang>-dark-<screen>.png: home, the timer holding and paused, the wizard, a care screen and
#: the reminder
DARK = (
    "home",
    "timer-hold-right",
    "timer-left-paused",
    "wizard-type",
    "wizard-place",
    "wizard-preview",
    "wizard-safety",
    "care-urgent",
    "reminder-popup",
)


def dark_palette() -> QPalette:
    """A dark system palette (KDE's Breeze Dark), light, mid and dark derived by Qt."""
    palette = QPalette(QColor("#31363b"), QColor("#31363b"))
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, colour in (
        (role.Window, "#31363b"),
        (role.WindowText, "#eff0f1"),
        (role.Base, "#232629"),
        (role.AlternateBase, "#2b2f33"),
        (role.Text, "#eff0f1"),
        (role.Button, "#31363b"),
        (role.ButtonText, "#eff0f1"),
        (role.Highlight, "#3daee9"),
        (role.HighlightedText, "#eff0f1"),
        (role.ToolTipBase, "#31363b"),
        (role.ToolTipText, "#eff0f1"),
        (role.PlaceholderText, "#a1a9b1"),
        (role.Link, "#1d99f3"),
    ):
        palette.setColor(name, QColor(colour))
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, name, QColor("#6e7175"))
    return palette


class Saver:
    """Grabs a widget into OUT_DIR/<name>.png; for the docs, at one pixel per pixel, scaled
    down to fit DOCS_MAX, without an alpha channel, compressed the most. (A palette of 256
    colours made them smaller still, but shifted the colours visibly.)"""

    def __init__(self, out: Path, *, small: bool) -> None:
        self.out, self.small = out, small
        self.written: list[Path] = []
        self.only: tuple[str, ...] | None = None  # the screens to save (None: all)
        self.tag = ""  # after the language: "ja-dark-home"

    def __call__(self, widget: QWidget, name: str) -> None:
        lang, screen = name.split("-", 1)
        if self.only is not None and screen not in self.only:
            return
        name = f"{lang}-{self.tag}-{screen}" if self.tag else name
        QApplication.processEvents()
        image = widget.grab().toImage()
        if self.small:
            image = shrink(image)
        path = self.out / f"{name}.png"
        if not image.save(str(path), quality=0):  # quality 0: the smallest file
            raise OSError(f"could not write {path}")
        self.written.append(path)
        print("wrote", path)


def shrink(image: QImage) -> QImage:
    image.setDevicePixelRatio(1)
    if image.width() > DOCS_MAX.width() or image.height() > DOCS_MAX.height():
        image = image.scaled(
            DOCS_MAX,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image.convertToFormat(QImage.Format.Format_RGB888)  # no alpha channel to store


class _Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


Save = Callable[[QWidget, str], None]


def shoot(content: Content, lang: str, save: Save) -> None:
    app = application()
    translators = install_translators(app, lang)
    apply_look(app, dict(content.meta.screen_fonts))
    # The same folder each time: History shows where the data lives.
    folder = Path(tempfile.gettempdir()) / "lowback-timer-screenshots" / lang
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    store = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    store.setValue("setup_done", True)
    store.setValue("screened_at", time.time())
    store.setValue("types", "fatigue,sitting")
    clock = _Clock()
    window = MainWindow(Controller(content, lang, store, folder), clock=clock)
    window.resize(SIZE)
    window.show()
    save(window, f"{lang}-home")
    preview = window.print_sheet()
    # as the user gets it: wide enough for its whole toolbar (WindowActions.print_sheet)
    save(preview, f"{lang}-print-preview")
    preview.reject()
    shoot_timer(window, clock, lang, save)
    shoot_spread(window, clock, lang, save)
    shoot_wizard(window, lang, save)
    shoot_reminders(window, lang, save)
    shoot_history(window, lang, save)
    shoot_review(content, lang, save)
    keys = window.show_shortcuts()
    save(keys, f"{lang}-keyboard-shortcuts")
    keys.reject()
    window.quit()
    for translator in translators:
        app.removeTranslator(translator)


def shoot_timer(window: MainWindow, clock: _Clock, lang: str, save: Save) -> None:
    """A moment of each phase, the stop and its care screen, and the end."""
    window.start_session(Answers(("fatigue", "sitting"), "desk", 5))
    page = window.timer_page
    assert page.session is not None
    clock.now += 1.2
    page.catch_up()
    save(window, f"{lang}-timer-prepare")
    page.skip()
    clock.now += 7.4
    page.catch_up()
    save(window, f"{lang}-timer-hold-right")
    while page.session.step.phase is not Phase.HOLD or page.session.step.side != "left":
        page.skip()
    clock.now += 3
    page.toggle_pause()
    save(window, f"{lang}-timer-left-paused")
    page.toggle_pause()
    page.stop()
    save(window, f"{lang}-timer-stop")
    page.reason_buttons["sharp-pain"].click()
    save(window, f"{lang}-care-stop")
    window.start_session(Answers(("fatigue",), "desk", 3))
    while page.session.step.stretch != "heel-raises":  # their get-ready, after the stretches
        page.skip()
    clock.now = page.session.next_deadline() or clock.now  # their get-ready ends
    page.catch_up()
    clock.now += 5.2  # the second time, going up
    page.catch_up()
    save(window, f"{lang}-timer-move")
    window.start_session(Answers(("standing",), "desk", 3))
    while page.session.state.value == "running":
        page.skip()
    save(window, f"{lang}-timer-done")


def shoot_spread(window: MainWindow, clock: _Clock, lang: str, save: Save) -> None:
    """After a stretch, "did it spread?" (the nerve type asks), "Go gently" after a Yes, the
    question after the last stretch, and home after one Yes and after two (the check-up)."""
    controller = window.controller
    before = controller.settings
    none_yet = replace(before, left_out_today=(), left_out_on="", spread_days=())
    controller.update_settings(none_yet)
    page = window.timer_page
    for number in (1, 2):
        window.start_session(Answers(("nerve", "sitting"), "desk", 5))
        session = page.session
        assert session is not None
        while session.is_active and not page.running_view.spread.isVisibleTo(page):
            page.skip()
        clock.now += 2.3
        page.catch_up()
        if number == 1:
            save(window, f"{lang}-timer-spread-question")
        page.running_view.spread.yes.click()
        if number == 1:
            save(window, f"{lang}-timer-spread-gently")
        window.show_home()
        save(window, f"{lang}-home-spread-{'left-out' if number == 1 else 'check-up'}")
    # A routine that ends on a stretch (the marching left out): asked on the "done" screen.
    controller.update_settings(replace(none_yet, avoid=("marching",)))
    window.start_session(Answers(("nerve",), "desk", 5))
    session = page.session
    while session is not None and (deadline := session.next_deadline()) is not None:
        clock.now = deadline  # every hold done, on time
        page.catch_up()
    save(window, f"{lang}-timer-spread-done")
    controller.update_settings(before)
    window.show_home()


def shoot_wizard(window: MainWindow, lang: str, save: Save) -> None:
    """The wizard's pages, and the care screens after the check."""
    wizard = window.change_answers()
    wizard.resize(SIZE)
    for name in ("type", "place", "preview"):
        save(wizard, f"{lang}-wizard-{name}")
        wizard.next()
    wizard.reject()
    check = window.run_safety_check()
    check.resize(SIZE)
    save(check, f"{lang}-wizard-safety")
    last = check.groups[-1]
    while check.currentPage() is not last:
        check.groups[check.currentId() - check.SAFETY].answer(False)
    last.answer(True)  # a group that asks which items apply
    save(check, f"{lang}-wizard-safety-which")
    check.reject()
    welcome = window.open_wizard()
    welcome.resize(SIZE)
    save(welcome, f"{lang}-wizard-welcome")
    welcome.reject()
    check = window.run_safety_check()
    check.groups[0].answer(True)  # tier 1: straight to the care screen
    save(window, f"{lang}-care-urgent")
    window.controller.update_settings(replace(window.controller.settings, region="elsewhere"))
    window.show_care_for_stop("weakness")
    save(window, f"{lang}-care-elsewhere")


def shoot_history(window: MainWindow, lang: str, save: Save) -> None:
    """The rating rows, and the history window over three weeks of made-up sessions."""
    window.show_home()
    window._ask_rating(window.controller.routine)  # (an earlier shot left a check due)
    window.rating.back.set_value(6)
    window.rating.legs.set_value(5)
    window.rating.back.setFocus()
    save(window, f"{lang}-rating")
    window.rating.skip_button.click()
    window.show_home()
    now = [time.time() - 21 * 86400]  # the last routine today, none tomorrow
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
    dialog.resize(760, SIZE.height())
    save(dialog, f"{lang}-history")
    dialog.close()


#: Three weeks of routines, (days ago, back before, legs before): no better (the back's median
#: 5.5 in the first week, 6 in the last; the legs' 4 in both).
NO_BETTER = (
    *((20, 5, 4), (18, 6, 4), (17, 5, 5), (15, 6, 4), (12, 6, 5), (10, 5, 4), (8, 6, 4)),
    *((5, 6, 4), (4, 5, 5), (2, 6, 4), (1, 5, 4), (0, 6, 5)),
)
#: The same, the legs worse at the end (4 -> 6): the "soon" tier's words.
WORSE = (*NO_BETTER[:7], (5, 6, 6), (4, 5, 6), (2, 6, 7), (1, 5, 6), (0, 6, 6))


def shoot_review(content: Content, lang: str, save: Save) -> None:
    """The two-week review's line on home (a window of its own, past set-up, after its first
    frame) and in History: no better, then worse."""
    store, folder = _past_set_up(f"{lang}-review")
    store.setValue("types", "fatigue,sitting")
    window = MainWindow(Controller(content, lang, store, folder))
    window.resize(SIZE)
    window.show()
    for name, ratings in (("review", NO_BETTER), ("review-worse", WORSE)):
        write_ratings(window.history.path, ratings)
        window.start_reviews()
        window.show_home()
        save(window, f"{lang}-home-{name}")
        dialog = window.open_history()
        dialog.resize(760, SIZE.height())
        save(dialog, f"{lang}-history-{name}")
        dialog.close()
    window.quit()


def write_ratings(path: Path, ratings: tuple[tuple[int, int, int], ...]) -> None:
    """The history: one routine on each of these days (at 8:00), rated before and after."""
    today = datetime.combine(date.today(), datetime.min.time()).timestamp() + 8 * 3600
    now = [today]
    history = History(path, clock=lambda: now[0])
    history.delete_all()
    for days_ago, back, legs in ratings:
        now[0] = today - days_ago * 86400
        session = history.start_session("", "desk", ["sitting", "fatigue"])
        history.rate(session, "before", back, legs)
        now[0] += 300
        history.finish_session(session, 8, 0, True, None)
        history.rate(session, "after", max(0, back - 2), max(0, legs - 1))
    history.close()


def shoot_reminders(window: MainWindow, lang: str, save: Save) -> None:
    """The reminder popup, the tray's menu, the status window (no tray), the status window
    during the reminder's walk and after it, and Preferences."""
    window.show_home()
    boot = _Clock()  # the walk's countdown at a chosen moment
    service = ReminderService(window.controller, ReminderPopup(), boot=boot)
    background = Background(
        window.controller, window, service=service, has_tray=lambda: False, idle=IdleMonitor([])
    )
    background.service.show_now()
    save(background.popup, f"{lang}-reminder-popup")
    background.popup.hide()
    menu = background.commands.menu()
    menu.popup(QPoint(40, 40))
    save(menu, f"{lang}-tray-menu")
    menu.hide()
    assert background.status_window is not None
    background.status_window.show()
    save(background.status_window, f"{lang}-status-window")
    service.start_walk()
    boot.now += 25
    background.status_window.update_status()
    save(background.status_window, f"{lang}-status-walking")
    boot.now += 95  # its end: the line Background._walk_ended adds (without the cue)
    service.end_walk()
    background.status_window.say(background.tr("Walk done — welcome back"))
    save(background.status_window, f"{lang}-status-walk-done")
    background.status_window.hide()
    prefs = window.open_preferences()
    for tab in range(prefs.tabs.count()):
        prefs.tabs.setCurrentIndex(tab)
        save(prefs, f"{lang}-preferences-{tab + 1}")
    prefs.reject()


def shoot_dark(content: Content, save: Saver, *, only: tuple[str, ...] | None) -> None:
    """The screens named in `only` (None: every one) in a dark palette, in every language,
    saved as <lang>-dark-<screen>.png; the palette is put back after."""
    app = application()
    light = app.palette()
    app.setPalette(dark_palette())
    save.only, save.tag = only, "dark"
    try:
        for lang in content.languages:
            shoot(content, lang, save)
    finally:
        app.setPalette(light)
        save.only, save.tag = None, ""


#: 1920 x 1080 at 200 %: the screen's room in logical pixels, less a panel and a title bar
AT_200_ROOM = QSize(960, 500)


def shoot_at_200(content: Content, lang: str, save: Save) -> None:
    """Home, the wizard, the timer (holding and paused) and the care screen on a 1920 x 1080
    screen at 200 % (run with QT_SCALE_FACTOR=2): the windows as large as the screen's room,
    the stop button and the wizard's buttons in sight."""
    app = application()
    translators = install_translators(app, lang)
    apply_look(app, dict(content.meta.screen_fonts))
    clock = _Clock()
    window = MainWindow(Controller(content, lang, *_past_set_up(f"{lang}-200")), clock=clock)
    window.resize(AT_200_ROOM)
    window.show()
    save(window, f"{lang}-200-home")
    wizard = window.open_wizard()
    wizard.resize(AT_200_ROOM)
    wizard.next()  # the safety check's first group
    save(wizard, f"{lang}-200-wizard")
    wizard.reject()
    window.start_session(Answers(("standing",), "floor", 5))
    page = window.timer_page
    page.skip()
    clock.now += 7.4
    page.catch_up()
    save(window, f"{lang}-200-timer")
    page.toggle_pause()
    save(window, f"{lang}-200-timer-paused")
    page.stop()
    page.reason_buttons["sharp-pain"].click()
    save(window, f"{lang}-200-care")
    window.quit()
    for translator in translators:
        app.removeTranslator(translator)


def _past_set_up(name: str) -> tuple[QSettings, Path]:
    """Settings past set-up and the safety check, in a fresh folder; no ratings asked."""
    folder = Path(tempfile.gettempdir()) / "lowback-timer-screenshots" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    store = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    for key, value in (("setup_done", True), ("screened_at", time.time()), ("ask_ratings", False)):
        store.setValue(key, value)
    return store, folder


def at_200_in_own_process(out: Path) -> None:
    """QT_SCALE_FACTOR is read once, as the application starts: a process of its own."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2"}
    command = [sys.executable, str(Path(__file__).resolve()), "--docs", "--at-200", str(out)]
    subprocess.run(command, env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", nargs="?", type=Path, help="where the PNG files go")
    parser.add_argument(
        "--docs",
        action="store_true",
        help=f"the README's set: small PNGs, into {DOCS.relative_to(ROOT)}/ by default",
    )
    parser.add_argument(
        "--dark",
        action="store_true",
        help="every screen in a dark palette too (with --docs, or --docs alone: only "
        + ", ".join(DARK)
        + ")",
    )
    parser.add_argument(
        "--at-200",
        action="store_true",
        help="only the 200 %% screens (start it with QT_SCALE_FACTOR=2; --docs does)",
    )
    args = parser.parse_args(argv)
    out: Path = args.out_dir or (DOCS if args.docs else Path("screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    QStandardPaths.setTestModeEnabled(True)
    content = load_content()
    save = Saver(out, small=args.docs)
    if args.at_200:
        for lang in content.languages:
            shoot_at_200(content, lang, save)
        return 0
    if args.docs:
        at_200_in_own_process(out)
    for lang in content.languages:
        shoot(content, lang, save)
    if args.docs or args.dark:
        shoot_dark(content, save, only=DARK if args.docs else None)
    total = sum(p.stat().st_size for p in save.written)
    print(f"{len(save.written)} pictures, {total / 1e6:.1f} MB in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
