"""The main window's screens that most starts never open: the timer, the care screen and the
"how does it feel" rating. Each is made (and its module loaded) on first use, through
widgets.LazyPage, and wired to the window here."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lowback_timer.ui.care import CarePage
    from lowback_timer.ui.main_window import MainWindow
    from lowback_timer.ui.rating import RatingPage
    from lowback_timer.ui.timer import TimerPage


def timer(window: MainWindow) -> TimerPage:
    from lowback_timer.ui.timer import TimerPage

    content, lang, controller = window.controller.content, window.controller.lang, window.controller
    page = TimerPage(content, lang, controller.settings, clock=window.clock)
    controller.settings_changed.connect(page.apply_settings)
    page.home_requested.connect(window.show_home)
    page.restart_requested.connect(window.start_routine)
    page.stop_reported.connect(window.show_care_for_stop)
    page.spread.reported.connect(window.flow.spread)  # "Yes, it spread" after a stretch
    page.session_started.connect(window.flow.session_started)
    page.session_ended.connect(window.session_ended)
    page.windowTitleChanged.connect(lambda _title: window.update_title())
    return page


def care(window: MainWindow) -> CarePage:
    from lowback_timer.ui.care import CarePage

    page = CarePage(window.controller.content, window.controller.lang)
    page.finished.connect(window.show_home)
    page.skip_requested.connect(window.go_on_without_that_stretch)
    return page


def rating(window: MainWindow) -> RatingPage:
    from lowback_timer.ui.rating import RatingPage

    page, controller = RatingPage(), window.controller
    page.answered.connect(window.rated)
    page.stop_asking.connect(
        lambda: controller.update_settings(replace(controller.settings, ask_ratings=False))
    )
    return page
