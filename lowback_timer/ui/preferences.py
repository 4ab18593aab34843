"""Preferences: sounds, spoken cues, the breathing pacer, the get-ready time, the reminders
(and which desktop sources tell them you were away, Do Not Disturb and locking) and the language.

The ranges come from the declarations in core.settings, so the dialog cannot offer a value the
app would clamp later; the languages come from the content.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QSlider,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.app import speech
from lowback_timer.app.controller import Controller
from lowback_timer.app.text import fill
from lowback_timer.core.settings import (
    ELSEWHERE,
    SPREAD_AUTO,
    SPREAD_OFF,
    SPREAD_ON,
    Settings,
    limits,
)
from lowback_timer.ui.style import SPACING, in_every_script, label, with_focus_ring
from lowback_timer.ui.widgets import RegionChoice, enter_clicks

if TYPE_CHECKING:
    from lowback_timer.app.desktop_sources import SourcesReport

# The context of the sources' display names (app/dbus_calls.py's SOURCE_CONTEXT; not
# imported, so that the dialog does not load QtDBus).
SOURCE_CONTEXT = "DesktopSource"


def _seconds_box(name: str, value: float, suffix: str) -> QDoubleSpinBox:
    """Seconds with one decimal, limited to the setting's range (whole seconds for ints)."""
    lo, hi = limits(name)
    whole = Settings.__dataclass_fields__[name].metadata["kind"] is int
    box = QDoubleSpinBox()
    box.setDecimals(0 if whole else 1)
    box.setSingleStep(1 if whole else 0.5)
    box.setRange(lo, hi)
    box.setValue(value)
    box.setSuffix(suffix)
    with_focus_ring(box)
    return box


class PreferencesDialog(QDialog):
    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        idle_known: bool | None = None,
    ) -> None:
        """`idle_known`: whether the desktop can say how long the user was away (None: not
        asked, nothing said)."""
        super().__init__(parent)
        enter_clicks(self)  # Enter presses the focused button
        self.controller = controller
        self.setWindowTitle(self.tr("Preferences"))
        settings = controller.settings
        self._original = settings
        self._content_prepare_s = controller.content.dose.prepare_s
        self.sounds = QCheckBox(
            self.tr("Play soft sounds when a hold starts, ends or changes side")
        )
        self.sounds.setChecked(not settings.muted)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(settings.volume * 100))
        self.volume.setAccessibleName(self.tr("Volume"))
        self.sounds.toggled.connect(self.volume.setEnabled)
        self.volume.setEnabled(self.sounds.isChecked())
        self.breath_sounds = QCheckBox(self.tr("Soft tones for breathing in and out"))
        self.breath_sounds.setChecked(settings.breath_sounds)
        self.speech = QCheckBox(self.tr("Spoken cues (where the system has a voice)"))
        self.speech.setChecked(settings.speech)
        # Said only with spoken cues on, and on by default with them: a few words at the
        # start of each hold, for the person lying with eyes closed.
        self.breath_words = QCheckBox(
            self.tr("Say “In” and “Out” at the first breaths of each hold")
        )
        self.breath_words.setChecked(settings.breath_words)
        self.speech.toggled.connect(self._speech_toggled)
        self._speech_toggled(self.speech.isChecked())
        self.basic_japanese = None
        if (
            controller.lang == "ja"
            and speech.speech_available()
            and speech.japanese_voice_is_basic()
        ):
            self.basic_japanese = label(
                self.tr(
                    "Japanese speech here is basic (espeak-ng): short words in kana, "
                    "spoken plainly."
                )
            )
        if not speech.speech_available():  # QtTextToSpeech is in the optional PySide6-Addons
            self._no_speech(speech.NO_PACKAGE)
        else:  # whether an engine answers comes later (never waited for)
            voice = speech.voice()
            if voice.done:
                self._voice_answered(voice.problem)
            else:
                voice.answered.connect(self._voice_answered)
        self.pacer = QCheckBox(self.tr("Show the breathing pacer"))
        self.pacer.setChecked(settings.pacer)
        seconds = self.tr(" s")  # the unit after a number of seconds, translated as PreviewRow's
        self.breath_in = _seconds_box("breath_in_s", settings.breath_in_s, seconds)
        self.breath_out = _seconds_box("breath_out_s", settings.breath_out_s, seconds)
        self.animations = QCheckBox(self.tr("Animate the pacer (turn off for a still screen)"))
        self.animations.setChecked(settings.animations)
        self.prepare = _seconds_box("prepare_s", controller.prepare_s, seconds)
        self.ask_ratings = QCheckBox(
            self.tr("Ask how my back and legs feel before and after a routine")
        )
        self.ask_ratings.setChecked(settings.ask_ratings)
        self.spread_check = self._spread_choice(settings.spread_check)
        self.gentle = QCheckBox(
            self.tr("Gentler routine: longer, easier holds and more time to change position")
        )
        self.gentle.setChecked(settings.gentle)
        number = controller.emergency_number()
        self._shown_region = settings.region or (number.id if number is not None else ELSEWHERE)
        self.region = RegionChoice(controller.content, controller.lang, self._shown_region)
        self._reminder_fields(settings)
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the system"), "")
        for code in controller.content.languages:
            self.language.addItem(controller.content.language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        in_every_script(self.language)

        routine = _form()
        routine.addRow(self.sounds)
        routine.add(self.tr("Volume"), self.volume)
        routine.addRow(self.breath_sounds)
        routine.addRow(self.speech)
        routine.addRow(self.breath_words)
        routine.addRow(self.pacer)
        routine.add(self.tr("Breathe in for"), self.breath_in)
        routine.add(self.tr("Breathe out for"), self.breath_out)
        routine.addRow(self.animations)
        routine.add(self.tr("Get ready before each stretch"), self.prepare)
        routine.addRow(self.gentle)
        routine.addRow(self.ask_ratings)
        reminders = _form()
        reminders.addRow(self.reminders)
        reminders.add(self.tr("Every"), self.interval)
        reminders.add(self.tr("From"), self.work_start)
        reminders.add(self.tr("Until"), self.work_end)
        reminders.add(self.tr("On"), self.days_row)
        reminders.add(self.tr("During a presentation, wait up to"), self.defer_limit)
        if self.start_at_login is not None:
            reminders.addRow(self.start_at_login)
        general = _form()  # (the routine's tab is full at 200 %: the safety question is here)
        general.add(
            self.tr("After each stretch, ask whether leg symptoms spread"), self.spread_check
        )
        general.add(self.tr("Emergency numbers for"), self.region)
        general.add(self.tr("Language"), self.language)
        self.tabs = QTabWidget()
        for form, notes, title in (
            (routine, [], self.tr("Routine")),
            (reminders, [self.idle_note, self.sources_note], self.tr("Reminders")),
            (
                general,
                [
                    label(self.tr("A new language is used from the next start.")),
                    self.basic_japanese,
                ],
                self.tr("General"),
            ),
        ):
            page = QWidget()
            column = QVBoxLayout(page)
            column.addLayout(form)
            for note in notes:
                if note is not None:
                    column.addWidget(note)
            column.addStretch(1)
            self.tabs.addTab(page, title)
        self.set_idle_known(idle_known)  # (once the note is in its tab, not a window of its own)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def settings(self) -> Settings:
        """The settings as chosen in the dialog (the rest kept as they were)."""
        return replace(
            self._original,
            muted=not self.sounds.isChecked(),
            volume=self.volume.value() / 100,
            breath_sounds=self.breath_sounds.isChecked(),
            speech=self.speech.isChecked(),
            breath_words=self.breath_words.isChecked(),
            pacer=self.pacer.isChecked(),
            breath_in_s=self.breath_in.value(),
            breath_out_s=self.breath_out.value(),
            animations=self.animations.isChecked(),
            prepare_s=self._prepare_s(),
            gentle=self.gentle.isChecked(),
            ask_ratings=self.ask_ratings.isChecked(),
            spread_check=str(self.spread_check.currentData()),
            language=str(self.language.currentData()),
            region=self._region(),
            reminders=self.reminders.isChecked(),
            reminder_interval_min=self.interval.value(),
            work_start_min=_minutes(self.work_start.time()),
            work_end_min=_minutes(self.work_end.time()),
            work_days=tuple(str(d) for d, box in enumerate(self.days) if box.isChecked()),
            reminder_defer_limit_min=self.defer_limit.value(),
        )

    def _spread_choice(self, chosen: str) -> QComboBox:
        """When the timer asks whether the leg symptoms spread: for the types that ask it in
        the content (the nerve type; the default), always, or never."""
        content, lang = self.controller.content, self.controller.lang
        names = self.tr(", ").join(t.name(lang) for t in content.types if t.asks_spread)
        box = QComboBox()
        for text, value in (
            (fill(self.tr("For “%1”"), names), SPREAD_AUTO),
            (self.tr("Always"), SPREAD_ON),
            (self.tr("Never"), SPREAD_OFF),
        ):
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        return box

    def _speech_toggled(self, on: bool) -> None:
        """The breath words are part of the spoken cues: offered while those are ticked."""
        self.breath_words.setEnabled(on)

    def apply(self) -> None:
        """Keep what the dialog shows (its OK button)."""
        self.controller.update_settings(self.settings())
        box = self.start_at_login
        if box is not None and box.isChecked() != self.controller.login.enabled():
            self.controller.set_start_at_login(box.isChecked())

    def _reminder_fields(self, settings: Settings) -> None:
        """The hourly posture reminders: on or off, how often, on which hours and days, how
        long one waits for a presentation to end, and start at login."""
        self.reminders = QCheckBox(self.tr("Remind me to change posture while I work"))
        self.reminders.setChecked(settings.reminders)
        self.interval = QSpinBox()
        lo, hi = limits("reminder_interval_min")
        self.interval.setRange(lo, hi)
        self.interval.setSingleStep(15)
        self.interval.setValue(settings.reminder_interval_min)
        self.interval.setSuffix(self.tr(" min"))
        self.work_start = QTimeEdit(_time(settings.work_start_min))
        self.work_end = QTimeEdit(_time(settings.work_end_min))
        for edit in (self.work_start, self.work_end):
            edit.setDisplayFormat("HH:mm")
        chosen = set(settings.work_days)
        self.days = []
        self.days_row = QWidget()
        row = QHBoxLayout(self.days_row)
        row.setContentsMargins(0, 0, 0, 0)
        for day in range(7):  # Monday first, named in the app's language by Qt
            name = QLocale().dayName(day + 1, QLocale.FormatType.ShortFormat)
            box = QCheckBox(name)
            box.setChecked(str(day) in chosen)
            self.days.append(box)
            row.addWidget(box)
        self.defer_limit = QSpinBox()
        self.defer_limit.setRange(*limits("reminder_defer_limit_min"))
        self.defer_limit.setSingleStep(5)
        self.defer_limit.setValue(settings.reminder_defer_limit_min)
        self.defer_limit.setSuffix(self.tr(" min"))
        with_focus_ring(self.interval, self.work_start, self.work_end, self.defer_limit)
        self.defer_limit.setToolTip(
            self.tr(
                "While a window is full screen or notifications are silenced, a reminder "
                "waits this long, then comes anyway."
            )
        )
        self.idle_note = label(
            self.tr(
                "This desktop does not tell how long you were away, so a reminder comes "
                "on time even after a break. Press “I moved” to start the hour again."
            ),
        )
        self.sources_note = label("")  # which desktop sources answer, once known
        self.sources_note.hide()
        login = self.controller.login
        self.start_at_login = None
        if login.supported:
            self.start_at_login = QCheckBox(self.tr("Start at login, in the tray"))
            self.start_at_login.setChecked(login.enabled())
        for widget in (
            self.interval,
            self.work_start,
            self.work_end,
            self.days_row,
            self.defer_limit,
        ):
            self.reminders.toggled.connect(widget.setEnabled)
            widget.setEnabled(settings.reminders)

    def set_idle_known(self, known: bool | None) -> None:
        """The note shows when the desktop cannot tell idle time (None: not asked). The answer
        may come after the dialog opened, or after it was closed and deleted."""
        if shiboken6.isValid(self.idle_note):
            self.idle_note.setVisible(known is False)

    def set_sources(self, report: SourcesReport) -> None:
        """Says which desktop sources answer (from `DesktopSources`), or that none does. The
        answer may come after the dialog opened, or after it was deleted."""
        self.set_idle_known(report.idle is not None)
        if not shiboken6.isValid(self.sources_note):
            return

        def names(found: tuple[str, ...]) -> str:
            shown = [QCoreApplication.translate(SOURCE_CONTEXT, name) for name in found]
            return self.tr(", ").join(shown)

        lines = [
            fill(self.tr("How long you were away: %1"), names((report.idle,)))
            if report.idle
            else self.tr("How long you were away: no source answers on this desktop"),
            fill(self.tr("Do Not Disturb and full screen: %1"), names(report.busy))
            if report.busy
            else self.tr(
                "Do Not Disturb and full screen: no source answers; reminders come anyway"
            ),
            fill(self.tr("Screen lock: %1"), names(report.lock))
            if report.lock
            else self.tr("Screen lock: no source answers; reminders come while it is locked"),
        ]
        self.sources_note.setText("\n".join(lines))
        self.sources_note.show()

    def _voice_answered(self, problem: object) -> None:
        """The voice's answer, which may come after the dialog was closed and deleted."""
        if problem is not None and shiboken6.isValid(self.speech):
            self._no_speech(str(problem))

    def _no_speech(self, problem: str) -> None:
        """Grey the spoken cues out, saying why (its tooltip and accessible description: a
        line of its own would not fit the tab at 200 %, tests/ui/test_focus.py)."""
        if problem == speech.NO_PACKAGE and getattr(sys, "frozen", False):
            # A bundle leaves QtTextToSpeech out, and cannot start its voice as `python -m`.
            why = self.tr(
                "This self-contained build has no spoken cues: the app installed with pip has "
                "them (lowback-timer[speech])"
            )
        elif problem == speech.NO_PACKAGE:
            why = self.tr(
                "Spoken cues need the optional speech package: pip install 'lowback-timer[speech]'"
            )
        elif problem == speech.SILENT:
            why = self.tr(
                "The speech engine does not answer: speech-dispatcher needs a sound server "
                "(PulseAudio or PipeWire)"
            )
        else:
            why = self.tr("No speech engine answers: install speech-dispatcher")
        self.speech.setEnabled(False)
        self.speech.setToolTip(why)
        self.speech.setAccessibleDescription(why)
        self.breath_words.setEnabled(False)  # (said only with the spoken cues)

    def _prepare_s(self) -> int | None:
        """The get-ready time; left at the content's own, it keeps following the content."""
        chosen = round(self.prepare.value())
        if self._original.prepare_s is None and chosen == self._content_prepare_s:
            return None
        return chosen

    def _region(self) -> str:
        """The region; left as guessed from the system, it keeps following the system."""
        chosen = self.region.region()
        return "" if not self._original.region and chosen == self._shown_region else chosen


class _Form(QFormLayout):
    """A form whose fields are named, for screen readers, by the label beside them."""

    def __init__(self) -> None:
        super().__init__()
        self.setVerticalSpacing(SPACING // 2)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

    def add(self, text: str, field: QWidget) -> None:
        self.addRow(text, field)
        field.setAccessibleName(text)


def _form() -> _Form:
    return _Form()


def _time(minutes: int) -> QTime:
    minutes = min(minutes, 24 * 60 - 1)  # "until midnight" shows as 23:59
    return QTime(minutes // 60, minutes % 60)


def _minutes(time: QTime) -> int:
    return time.hour() * 60 + time.minute()
