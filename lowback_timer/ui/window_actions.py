"""The main window's menus and the dialogs they open (guidance, about, keyboard shortcuts,
history, the sheet's preview and PDF, Preferences) and the one "Has anything changed?"
question: kept here so that the window itself only switches screens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from lowback_timer import __version__
from lowback_timer.app.text import fill
from lowback_timer.core.app_state import paper_for
from lowback_timer.ui.widgets import ask_where_to_save, screen_room

if TYPE_CHECKING:  # built on first use, not before the first frame (dialog types included:
    # each Qt class's Python type is made with all its enums when first named)
    from PySide6.QtWidgets import QAbstractButton, QDialog, QFileDialog, QMessageBox

    from lowback_timer.ui.history_window import HistoryWindow
    from lowback_timer.ui.main_window import MainWindow
    from lowback_timer.ui.preferences import PreferencesDialog
    from lowback_timer.ui.shortcuts import ShortcutsDialog


class WindowActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._changed_box: QMessageBox | None = None  # "Has anything changed?", while open

    def build_menu(self) -> None:
        window = self.window
        routine_menu = window.menuBar().addMenu(self.tr("&Routine"))
        for text, shortcut, slot in (
            (self.tr("&Start my routine"), QKeySequence("Ctrl+Return"), window.start_routine),
            (self.tr("Change &answers…"), None, window.change_answers),
            (self.tr("Safety &check…"), None, window.run_safety_check),
            (None, None, None),
            (self.tr("&History…"), QKeySequence("Ctrl+H"), window.open_history),
            (self.tr("P&rint sheet…"), QKeySequence.StandardKey.Print, window.print_sheet),
            (self.tr("Save sheet as P&DF…"), None, window.save_sheet_as_pdf),
            (None, None, None),
            (
                self.tr("&Preferences…"),
                QKeySequence.StandardKey.Preferences,
                window.open_preferences,
            ),
            (self.tr("&Quit"), QKeySequence.StandardKey.Quit, window.quit),
        ):
            if text is None:
                routine_menu.addSeparator()
                continue
            action = QAction(text, window)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            routine_menu.addAction(action)
        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("How often, and what to expect"), window)
        guide.triggered.connect(window.show_guidance)
        help_menu.addAction(guide)
        keys = QAction(self.tr("&Keyboard shortcuts"), window)
        keys.setShortcut(QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(window.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction(self.tr("&About"), window)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def show_guidance(self) -> QMessageBox:
        """How often to stretch and what to expect, said once, here."""
        from PySide6.QtWidgets import QMessageBox

        controller = self.window.controller
        guidance, lang = controller.content.guidance, controller.lang
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("How often, and what to expect"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(guidance.rule(lang))
        # (and that symptoms which move up towards the back, or ease, are fine: centralisation)
        texts = (guidance.how_often(lang), guidance.expect(lang), guidance.spread_up_ok(lang))
        box.setInformativeText("\n\n".join(texts))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def show_shortcuts(self) -> ShortcutsDialog:
        """Every key the app answers to, read from its menus and the timer's shortcuts."""
        window = self.window
        window.timer_page.pause()  # nothing runs on behind a dialog
        from lowback_timer.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(window.menuBar(), window.timer_page, window, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self.window,
            self.tr("About Low-back Timer"),
            fill(
                self.tr(
                    "Low-back Timer %1\n\nGuided stretches for an aching lower back and heavy "
                    "legs. General guidance, not a diagnosis or a treatment.\n\nYour history "
                    "and settings stay on this computer; nothing is sent anywhere."
                ),
                __version__,
            ),
        )

    def open_history(self) -> HistoryWindow:
        """The history window (not modal: it can stay open beside the app)."""
        from lowback_timer.ui.history_window import HistoryWindow  # built on first use

        # The session just finished is shown: its writes get a moment (a locked history
        # shows what it has, and the window refreshes when the rest lands).
        main = self.window
        main.history.flush(timeout_s=1.0)
        history = HistoryWindow(main.history, main.controller.content, main.controller.lang, main)
        history.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        history.show()
        return history

    def print_sheet(self) -> QDialog:
        """Today's routine sheet through Qt's print preview (the printer's own dialog too)."""
        from lowback_timer.sheet.pdf import routine_sheet
        from lowback_timer.ui.sheet_preview import SheetPreview  # QtPrintSupport, on use

        window = self.window
        dialog = SheetPreview(routine_sheet(window.controller), self.paper(), window)
        room = screen_room(window)
        dialog.fit_toolbar(room.width(), min(max(700, window.height()), room.height()))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def save_sheet_as_pdf(self) -> QFileDialog:
        """Ask where, then write today's routine sheet there as a PDF."""
        return ask_where_to_save(
            self.window,
            self.tr("Save sheet as PDF"),
            self.tr("stretching-routine.pdf"),
            self.tr("PDF files (*.pdf)"),
            self.write_sheet,
        )

    def write_sheet(self, path: Path) -> bool:
        from lowback_timer.sheet.pdf import routine_sheet, write_pdf

        try:
            write_pdf(routine_sheet(self.window.controller), path, self.paper())
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Save sheet as PDF"), str(exc), parent=self.window
            )
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.open()
            return False
        self.window.statusBar().showMessage(fill(self.tr("Sheet saved as %1"), path), 10_000)
        return True

    def paper(self) -> str:
        return paper_for(self.window.controller.country)

    def open_preferences(self) -> PreferencesDialog:
        """Window-modal, not blocking; the settings apply when the user presses OK."""
        window = self.window
        window.timer_page.pause()  # nothing runs on behind a dialog
        from lowback_timer.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(window.controller, window)
        dialog.accepted.connect(dialog.apply)
        dialog.open()
        if window.ask_sources is not None:  # the notes come when the desktop answers
            window.ask_sources(dialog.set_sources)
        return dialog

    def ask_if_changed(
        self, nothing_changed: Callable[[], None], show_check: Callable[[], None]
    ) -> QMessageBox:
        """The check is due again: one question before the routine, not the whole check. Only
        one such question is ever open: asking again brings it forward."""
        from PySide6.QtWidgets import QMessageBox

        if self._changed_box is not None and self._changed_box.isVisible():
            self._changed_box.raise_()
            self._changed_box.activateWindow()
            return self._changed_box
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Safety check"))
        box.setText(self.tr("Has anything changed since your last safety check?"))
        box.setInformativeText(
            self.tr("New pain, numbness, weakness, or anything that feels different from usual.")
        )
        same = box.addButton(self.tr("Nothing has changed"), QMessageBox.ButtonRole.AcceptRole)
        check = box.addButton(self.tr("Show me the check"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(same)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered(button: QAbstractButton) -> None:
            self._changed_box = None
            if button is same:
                nothing_changed()
            elif button is check:
                show_check()

        box.buttonClicked.connect(answered)
        box.finished.connect(lambda _result: self._forget_changed_box(box))
        self._changed_box = box
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def _forget_changed_box(self, box: QMessageBox) -> None:
        if self._changed_box is box:
            self._changed_box = None
