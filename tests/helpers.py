"""Helpers shared by the UI tests: a controller and a main window with their own files, the
wizard, clicks, and the texts a screen shows."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot

from lowback_timer.app.controller import Controller
from lowback_timer.app.reminder_service import ReminderService
from lowback_timer.core.content import Content
from lowback_timer.core.settings import Settings, stored
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.reminder_popup import ReminderPopup
from lowback_timer.ui.wizard import SetupWizard
from lowback_timer.ui.wizard.safety import GroupPage

PASSED = object()  # "the check was passed just now"


def store_in(folder: Path) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def store_settings(store: QSettings, settings: Settings) -> None:
    """Write every setting, as a user's settings file would hold them."""
    for name, value in asdict(settings).items():
        if value is None:
            store.remove(name)
        else:
            store.setValue(name, stored(value))
    store.sync()


def make_controller(
    content: Content,
    folder: Path,
    store: QSettings | None = None,
    *,
    lang: str = "en",
    now: float | None = None,
    country: str = "JP",
) -> Controller:
    """A controller on its own files, tidied as the app's start does; the system's country is
    Japan unless told otherwise."""
    clock: Callable[[], float] = time.time if now is None else (lambda: now)
    store = store or store_in(folder)
    controller = Controller(content, lang, store, folder, wall_clock=clock, country=country)
    controller.tidy()
    return controller


def open_window(
    qtbot: QtBot,
    content: Content,
    folder: Path,
    *,
    screened_at: object = PASSED,
    store: QSettings | None = None,
    now: float | None = None,
    ratings: bool = False,
) -> MainWindow:
    """A main window past set-up (and, unless told otherwise, past the safety check); it asks
    for the before/after ratings only with `ratings`."""
    store = store or store_in(folder)
    store.setValue("ask_ratings", ratings)
    if screened_at is not None:
        store.setValue("setup_done", True)
        store.setValue("screened_at", time.time() if screened_at is PASSED else screened_at)
    window = MainWindow(make_controller(content, folder, store, now=now))
    qtbot.addWidget(window)
    window.show()
    return window


def make_wizard(
    qtbot: QtBot,
    content: Content,
    folder: Path,
    settings: Settings | None = None,
    mode: str = SetupWizard.SETUP,
    *,
    lang: str = "en",
) -> SetupWizard:
    store = store_in(folder if folder.is_dir() else folder.parent)
    if settings is not None:
        store_settings(store, settings)
    wizard = SetupWizard(make_controller(content, folder, store, lang=lang), mode=mode)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def visible_texts(widget: QWidget) -> list[str]:
    """Every text a screen shows (its visible labels), once the event loop has shown what was
    just added."""
    QApplication.processEvents()
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget) and w.text()]


def next_button(wizard: QWizard) -> QWidget:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button is not None
    return button


def click(widget: QWidget) -> None:
    """A left click; on a button, near its indicator (a wide button is not all hit area)."""
    pos = QPoint(8, widget.height() // 2) if isinstance(widget, QAbstractButton) else QPoint()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def finish(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button is not None and button.isVisible() and button.isEnabled()
    click(button)


def sign_of(content: Content, tier: int) -> str:
    """A sign of this tier that the first-run check asks about."""
    return next(
        s.id for g in content.check_groups for s in content.signs_in(g.id) if s.tier == tier
    )


def answer_check(wizard: SetupWizard, *signs: str) -> None:
    """From the current group of the safety check on: "Yes" to the groups of these signs
    (ticking them where the group asks which), "No" to the others, until the check is over."""
    while wizard.isVisible() and wizard.currentId() >= SetupWizard.SAFETY:
        page = wizard.currentPage()
        assert isinstance(page, GroupPage)
        before = wizard.currentId()
        mine = [s.id for s in page.signs if s.id in signs]
        click(page.yes if mine else page.no)  # an answer that needs nothing more goes on
        if wizard.isVisible() and wizard.currentId() == before:  # "which ones?"
            for sign in mine:
                click(page.rows[sign].box)
            if page.nextId() == -1:
                finish(wizard)
            else:
                wizard.next()
        assert not wizard.isVisible() or wizard.currentId() != before, "the check did not go on"


def to_type_page(wizard: SetupWizard, *signs: str) -> None:
    """Welcome -> safety check ("No" to every group but those of `signs`) -> [advice] -> type
    page."""
    wizard.next()
    assert wizard.currentId() == SetupWizard.SAFETY
    answer_check(wizard, *signs)
    if wizard.currentId() == SetupWizard.ADVICE:
        wizard.next()
    assert wizard.currentId() == SetupWizard.TYPE


def answer(wizard: SetupWizard, types: tuple[str, ...], place: str, minutes: int) -> None:
    """On the type page: tick the types ("Not sure" for none), pick place and time, preview."""
    for type_id, card in wizard.type_page.cards.items():
        card.box.setChecked(type_id in types)
    if not types:
        click(wizard.type_page.not_sure.box)
    wizard.next()
    assert wizard.currentId() == SetupWizard.PLACE
    click(wizard.place_page.place_buttons[place])
    click(wizard.place_page.minute_buttons[minutes])
    wizard.next()
    assert wizard.currentId() == SetupWizard.PREVIEW


def popup_of(service: ReminderService) -> ReminderPopup:
    """The service's popup as the widget the app gives it (the service knows a protocol)."""
    popup = service.popup
    assert isinstance(popup, ReminderPopup)
    return popup
