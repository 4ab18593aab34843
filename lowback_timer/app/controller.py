"""The one object in charge of the app's state: the settings (persisted with QSettings), the
user's files, and today's routine. Screens read from it and send it intents; it decides
through core.app_state, writes through core, and says what changed:

- `settings_changed(Settings)` after any change of the settings;
- `routine_changed(Routine)` when today's routine is another one;
- `routine_saved(Path)` / `save_failed(str)` after `save_routine(draft)`;
- `problem_changed(str)`: a calm note for the home screen ("" when there is none), e.g. a
  "my routine" file that could not be read and was set aside.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QLockFile,
    QObject,
    QSettings,
    QStandardPaths,
    QTimer,
    Signal,
)

from lowback_timer.app.lock_files import holder_alive
from lowback_timer.app.settings_file import set_aside_if_broken, settings_path
from lowback_timer.app.start_at_login import StartAtLogin
from lowback_timer.app.text import fill
from lowback_timer.core import app_state, atomic, gate
from lowback_timer.core import settings as settings_rules
from lowback_timer.core.content import (
    Content,
    ContentInvalidError,
    EmergencyNumber,
    SavedRoutine,
)
from lowback_timer.core.my_routine import (
    FILE_NAME,
    Draft,
    load_my_routine,
    remove_stale_temporaries,
    save_my_routine,
)
from lowback_timer.core.routine import Answers, Routine
from lowback_timer.core.screening import Outcome
from lowback_timer.core.settings import Settings, coerce, migrated, stored, stored_keys

if TYPE_CHECKING:
    from lowback_timer.core.review import Review

log = logging.getLogger(__name__)

ORGANIZATION = APPLICATION = "lowback-timer"
# How long a write waits for another process's hold on the settings' lock, and when it tries
# again (Qt itself would wait up to 30 s, with the window frozen). (Not "#:": lupdate would take
# that for a note to the translators of the next text.)
SETTINGS_LOCK_WAIT_MS = 200
SETTINGS_RETRY_MS = 1000


# The QSettings property that carries the note about a settings file set aside on opening.
SET_ASIDE = "lowbackSetAside"


def name_application() -> None:
    """The application's names, which decide where its settings and data folder live."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)


def open_store() -> QSettings:
    """The user's settings; a file that Qt must not read is moved aside first (see
    app/settings_file.py), and the store carries the note about it: open it once a run, or the
    second opening has nothing left to say."""
    name_application()
    note = set_aside_if_broken(settings_path(ORGANIZATION, APPLICATION))
    store = QSettings()
    store.setProperty(SET_ASIDE, note)
    return store


def system_country() -> str | None:
    """The ISO 3166 code of the system locale's territory ("JP"), or None when unknown."""
    territory = QLocale.system().territory()
    if territory == QLocale.Country.AnyTerritory:
        return None
    return QLocale.territoryToCode(territory) or None


def default_data_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def read_settings(
    store: QSettings, content: Content, report: Callable[[str], None] = lambda _note: None
) -> Settings:
    """The stored settings, old keys read under their new names, and values out of range
    clamped (each fix told to `report`)."""
    raw = {name: store.value(name) for name in stored_keys() if store.contains(name)}
    return coerce(migrated(raw), report, app_state.vocabularies(content))


class Controller(QObject):
    settings_changed = Signal(object)
    routine_changed = Signal(object)
    routine_saved = Signal(object)
    save_failed = Signal(str)
    problem_changed = Signal(str)

    def __init__(
        self,
        content: Content,
        lang: str,
        store: QSettings,
        data_dir: Path | None = None,
        *,
        wall_clock: Callable[[], float] = time.time,
        country: str | None = None,
        login: StartAtLogin | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`country`: the system's ISO country code (default: from the system locale);
        `login`: where "start at login" is kept (default: the user's own)."""
        super().__init__(parent)
        self.login = login or StartAtLogin()
        self.country = country or system_country()
        self.content = content
        self.lang = lang
        self.store = store
        self.data_dir = data_dir or default_data_dir()
        self._notes: dict[str, str] = {}  # what the home screen should say, by its source
        self._note("settings-file", str(store.property(SET_ASIDE) or ""))
        self.wall_clock = wall_clock  # dates the safety check; tests move it
        self._write_failed = False  # the last settings write did not reach the disk
        self._hold_failed = False  # nor the last safety hold (`_keep_hold`)
        self._fixed: list[str] = []  # settings values fixed on reading, written by `tidy`
        self._held_at = self._read_hold()  # when a check or stop last ended routines
        self._settings = gate.held(read_settings(store, content, self._fixed.append), self._held_at)
        if self._fixed:
            log.warning("settings fixed on load: %s", "; ".join(self._fixed))
            self._note("settings-values", self._fixed_note(len(self._fixed)))
        self._saved: SavedRoutine | None = None
        self._load_my_routine(set_aside=False)
        self._routine = gate.routine_for(content, self._settings, self._saved, today=self.today())

    def tidy(self) -> None:
        """What the app (not a command that only reads) does once at start: store the settings
        fixed or renamed on reading (old keys removed), so the next start is quiet; remove the
        temporaries a crash left; move a broken "my routine" aside. __init__ only reads."""
        old = [step for step in settings_rules.MIGRATIONS if self.store.contains(step.old)]
        if self._fixed or old:
            for step in old:
                self.store.remove(step.old)
            renamed = [step.new for step in old if step.new is not None]
            present = [f.name for f in fields(Settings) if self.store.contains(f.name)]
            self._write(list(dict.fromkeys(present + renamed)))
            self._fixed = []
        remove_stale_temporaries(self.data_dir)
        if self._notes.get("my-routine"):
            self._load_my_routine()

    # --- what screens read --------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def problem(self) -> str:
        """The calm notes for the home screen, one paragraph each ("" when all is well)."""
        return "\n\n".join(note for note in self._notes.values() if note)

    @property
    def routine(self) -> Routine:
        """Today's routine: "my routine" if there is one, else the one for the answers."""
        return self._routine

    @property
    def prepare_s(self) -> int:
        """The get-ready time the timer will use."""
        prepare_s = self._settings.prepare_s
        return self.content.dose.prepare_s if prepare_s is None else prepare_s

    def routine_for(self, answers: Answers) -> Routine:
        """The routine for other answers than the saved ones (the gate's, as every routine)."""
        return gate.routine_for(self.content, self._settings, answers=answers, today=self.today())

    def today(self) -> str:
        """The local date, as the settings keep it."""
        return gate.local_day(self.wall_clock())

    def left_out_today(self) -> tuple[str, ...]:
        """The stretch ids a stop said to leave for today."""
        return gate.left_out_today(self._settings, self.today())

    def home_step(self) -> gate.HomeStep:
        """What home offers: today's routine, the questions first, or no routine at all."""
        return gate.home_step(self._settings, self._held_at, self.wall_clock())

    def new_day(self) -> None:
        """The routine again, in case the date changed since (today's leave-outs end)."""
        self._refresh_routine()

    def my_routine_path(self) -> Path:
        return self.data_dir / FILE_NAME

    @property
    def saved_routine(self) -> SavedRoutine | None:
        """The saved "my routine" in use, if any."""
        return self._saved

    def has_my_routine(self) -> bool:
        return self._saved is not None

    def start_step(self) -> gate.StartStep:
        """What Start must do, asked of the stored decision too (see `reread`)."""
        self.reread()
        return gate.start_step(self._settings, self.wall_clock())

    def recheck_due(self) -> bool:
        """Should the home screen ask for the safety check (not passed, or due again)?"""
        return gate.start_step(self._settings, self.wall_clock()) is not gate.StartStep.RUN

    def reread(self) -> None:
        """Take the stored safety decision where it is stricter than this window's: another
        copy, or an earlier run whose settings could not be written, may have found an urgent
        sign (the settings file, and the hold file in the data folder)."""
        decided = self._settings
        if not self._write_failed and self._settings_lock_free():  # else: memory and the hold
            self.store.sync()
            decided = gate.stricter(self._settings, read_settings(self.store, self.content))
        self._held_at = self._read_hold()
        decided = gate.held(decided, self._held_at)
        if decided != self._settings:
            self._settings = decided
            self.settings_changed.emit(decided)
            self._refresh_routine()

    def review_on_home(self, result: Review) -> bool:
        """Whether home shows the two-week review's line (there is one, not dismissed)."""
        from lowback_timer.core import review  # (after the first frame: home reads it then)

        hidden_until = self._settings.review_dismissed_until
        return review.shown_on_home(result, hidden_until, self.wall_clock())

    def emergency_number(self) -> EmergencyNumber | None:
        """The numbers the care screen shows first, large; None: "your local number"."""
        return app_state.region_for(self.content, self._settings, self.country)

    # --- intents ------------------------------------------------------------------------
    def update_settings(self, settings: Settings) -> None:
        """Keep new settings: store the keys that changed, rebuild the routine if it depends
        on them, and tell the screens."""
        before = self._settings
        if settings == before:
            return
        self._settings = settings
        self._store(before, settings)
        self.settings_changed.emit(settings)
        self._refresh_routine()

    def set_start_at_login(self, on: bool) -> bool:
        """Start the app hidden in the tray at login, or not; a failure is a home-screen note."""
        try:
            self.login.set(on)
        except OSError as exc:
            self._note("autostart", fill(self.tr("Start at login could not be changed: %1"), exc))
            return False
        self._note("autostart", "")
        return True

    def record_check(self, outcome: Outcome) -> None:
        now = self.wall_clock()
        self._keep_hold(now if not outcome.routine_allowed else None)
        self.update_settings(gate.after_check(self._settings, outcome, now))

    def confirm_unchanged(self) -> None:
        """The check was due and the user says nothing has changed since the last one (it is
        dated now only if it is still passed: see `gate.nothing_changed`)."""
        self.reread()
        self.update_settings(gate.nothing_changed(self._settings, self.wall_clock()))

    def record_stop(self, reason_id: str, stretch_id: str | None = None) -> None:
        """What the user felt on stopping, in `stretch_id` (None: not in a stretch)."""
        after = gate.after_stop(self.content, self._settings, reason_id)
        if stretch_id is not None:
            after = gate.rest_stretch_today(
                self.content, after, reason_id, stretch_id, self.today()
            )
        if after.screened_at == 0 and self._settings.screened_at > 0:
            self._keep_hold(self.wall_clock())
        self.update_settings(after)

    def dismiss_review(self) -> None:
        """Hide the two-week review's line on home for a week (`review.DISMISS_DAYS`)."""
        from lowback_timer.core import review

        until = review.dismissed_until(self.wall_clock())
        self.update_settings(replace(self._settings, review_dismissed_until=until))

    def record_spread(self, stretch_id: str) -> None:
        """ "Yes, it spread" after `stretch_id`: left out for today, and counted for the week."""
        from lowback_timer.core import spread

        self.update_settings(spread.spread_answered(self._settings, stretch_id, self.today()))

    def spreads_to_check(self) -> int:
        """How often the leg symptoms spread after a stretch in the last week, when that is
        often enough to have it checked (0 otherwise)."""
        if not self._settings.spread_days:
            return 0  # (nothing to count: the module and its dates stay out of the start)
        from lowback_timer.core import spread

        if not spread.check_up_due(self._settings, self.today()):
            return 0
        return spread.spread_count(self._settings, self.today())

    def record_answers(self, answers: Answers) -> None:
        self.update_settings(app_state.after_answers(self._settings, answers))

    def save_routine(self, draft: Draft) -> bool:
        """Save the edited routine as "my routine"; it becomes today's routine."""
        path = self.my_routine_path()
        try:
            save_my_routine(self.content, path, draft.place, draft.items)
        except (OSError, ContentInvalidError) as exc:
            self.save_failed.emit(str(exc))
            return False
        self._load_my_routine()
        self._refresh_routine()
        self.routine_saved.emit(path)
        return True

    # --- internals ----------------------------------------------------------------------
    def _store(self, before: Settings, after: Settings) -> None:
        old, new = asdict(before), asdict(after)
        self._write([name for name, value in new.items() if value != old[name]])

    def _write(self, names: list[str]) -> None:
        """Write these settings as they are now (never the others: another copy's or an
        earlier run's values of them stay as they are)."""
        values = asdict(self._settings)
        for name in names:
            if values[name] is None:
                self.store.remove(name)
            else:
                self.store.setValue(name, stored(values[name]))
        self._sync()

    def _sync(self) -> None:
        """Write what QSettings holds. Kept for this run either way, and a check that blocks
        routines is also kept in the hold file (`_keep_hold`), so the next start refuses too;
        while another process holds the settings' lock, again in a moment."""
        if not self._settings_lock_free():
            QTimer.singleShot(SETTINGS_RETRY_MS, self, self._sync)
            return
        self.store.sync()
        self._write_failed = self.store.status() != QSettings.Status.NoError
        self._note("settings-write", self._unsaved_note() if self._write_failed else "")

    def _settings_lock_free(self) -> bool:
        """Qt's own sync waits up to 30 s for `<settings>.lock`, on the GUI thread (a stop froze
        for 32 s): a lock whose process is gone, or that is garbled, is removed first; one a
        live process holds for more than a moment means "not now"."""
        lock = QLockFile(self.store.fileName() + ".lock")
        lock.setStaleLockTime(0)  # a holder that is gone: stale at once
        if lock.tryLock(SETTINGS_LOCK_WAIT_MS):
            lock.unlock()
            return True
        if lock.error() != QLockFile.LockError.LockFailedError:
            return True  # no lock can be made there: Qt's sync fails at once, and says so
        return not holder_alive(lock) and lock.removeStaleLockFile()

    # --- the safety decision, kept apart from the settings ----------------------------------
    def hold_path(self) -> Path:
        return self.data_dir / gate.HOLD_FILE

    def _read_hold(self) -> float:
        """When a check or stop last ended routines (0: never, or a check passed since)."""
        try:
            return float(self.hold_path().read_text("utf-8").strip() or 0)
        except FileNotFoundError:
            return 0.0
        except (OSError, ValueError):  # unreadable or garbled: stricter to count it
            return float("inf") if self.hold_path().exists() else 0.0

    def _keep_hold(self, since: float | None) -> None:
        """Keep a routine-ending outcome (its time) beside the history, or take it back after
        a check that passed (None); a failure is said on the home screen."""
        path = self.hold_path()
        self._held_at = since or 0.0
        try:
            if since is None:
                path.unlink(missing_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic.write_text(path, f"{since}\n")
        except OSError as exc:
            log.warning("cannot keep the safety hold in %s: %s", path, exc)
            self._hold_failed = since is not None
            return
        self._hold_failed = False

    def _refresh_routine(self) -> None:
        routine = gate.routine_for(self.content, self._settings, self._saved, today=self.today())
        if routine != self._routine:
            self._routine = routine
            self.routine_changed.emit(routine)

    def _load_my_routine(self, *, set_aside: bool = True) -> None:
        """Use the saved "my routine" if there is one; a broken file is set aside: say so."""
        loaded = load_my_routine(self.my_routine_path(), now=self.wall_clock(), set_aside=set_aside)
        self._saved = loaded.routine
        note = ""
        if loaded.errors and loaded.moved_to is not None:
            note = self.tr(
                "Your saved routine could not be read, so it was kept aside as %1. "
                "Today's routine is built from your answers instead.\n%2"
            )
        elif loaded.errors:
            note = self.tr(
                "Your saved routine %1 could not be read, and it could not be moved aside "
                "either; it is left as it is and not used. Today's routine is built from your "
                "answers instead.\n%2"
            )
        where = loaded.moved_to or self.my_routine_path()
        self._note("my-routine", fill(note, where, loaded.message) if note else "")

    def tell(self, source: str, note: str) -> None:
        """A note for the home screen from elsewhere in the app ("" takes it back)."""
        self._note(source, note)

    def _note(self, source: str, note: str) -> None:
        before = self.problem
        self._notes[source] = note
        if self.problem != before:
            self.problem_changed.emit(self.problem)

    def _fixed_note(self, count: int) -> str:
        return self.tr(
            "%n of your settings had values the app cannot use; they were reset to their "
            "defaults. You can set them again in Preferences.",
            "",
            count,
        )

    def _unsaved_note(self) -> str:
        """Plain words, no exception text: what is lost, and where it could not be written."""
        if self._hold_failed:
            return fill(
                self.tr(
                    "Your settings and the result of your safety check cannot be saved (in %1 "
                    "and %2), so they are forgotten when you quit. Please do the safety check "
                    "again before your next routine, and check that these folders can be "
                    "written."
                ),
                self.store.fileName(),
                self.data_dir,
            )
        return fill(
            self.tr(
                "Your settings cannot be saved to %1, so changes last only until you quit. "
                "Check that the folder exists and can be written."
            ),
            self.store.fileName(),
        )
