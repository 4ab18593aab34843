"""The history window: how often (this week and the four before), did it help (the two-week
review's line and the ratings chart), which routines; export as CSV, where the data lives,
delete it all. Nothing leaves the computer."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.app.history_recorder import HistoryRecorder
from lowback_timer.app.review_text import ReviewText
from lowback_timer.app.text import fill
from lowback_timer.core.content import Content
from lowback_timer.ui.ratings_chart import RatingsChart
from lowback_timer.ui.style import SPACING, label
from lowback_timer.ui.widgets import ask_where_to_save, enter_clicks, laid_out, open_at

WEEKS = 5


class HistoryWindow(QDialog):
    def __init__(
        self,
        recorder: HistoryRecorder,
        content: Content,
        lang: str,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        enter_clicks(self)  # Enter presses the focused button
        self.recorder, self.content, self.lang = recorder, content, lang
        self.today = today
        self.setWindowTitle(self.tr("Your history"))
        open_at(self, 720, 640)  # (less on a small screen, centred)
        self.weeks = QTableWidget(WEEKS, 2)
        self.weeks.setHorizontalHeaderLabels(
            [self.tr("Days with a routine"), self.tr("Reminders answered")]
        )
        self.weeks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.weeks.setTabKeyNavigation(False)  # one Tab stop; the arrows walk its cells
        self.weeks.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.weeks.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.weeks.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.weeks.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.weeks.setAccessibleName(self.tr("The last five weeks"))
        self.review = label(factor=1.05)  # the two-week review's line, or why not yet
        self.review.setAccessibleName(self.tr("Two-week review"))
        self.chart = RatingsChart()
        self.chart.setAccessibleName(self.tr("How your back and legs felt"))
        self.totals = label()
        self.where = label(factor=0.95)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.clicked.connect(self._open_folder)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export)
        self.delete_button = QPushButton(self.tr("Delete all…"))
        self.delete_button.clicked.connect(self.confirm_delete)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # No default button: Enter presses the focused one only (Open folder was the
        # default, and Enter anywhere opened a file manager).
        for button in (
            self.open_folder,
            self.export_button,
            self.delete_button,
            *buttons.buttons(),
        ):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(label(self.tr("The last five weeks"), factor=1.2, bold=True))
        layout.addWidget(self.weeks)
        layout.addWidget(
            label(self.tr("How your back and legs felt (0 to 10)"), factor=1.2, bold=True)
        )
        layout.addWidget(self.review)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.totals)
        layout.addLayout(laid_out(QHBoxLayout(), (self.where, 1), self.open_folder))
        layout.addLayout(
            laid_out(QHBoxLayout(), self.export_button, self.delete_button, 1, buttons)
        )
        recorder.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        today = self.today or date.today()
        overview = self.recorder.overview(today, WEEKS)
        # (`label()`s keep a Japanese sentence's end whole whatever text they are given)
        self.where.setText(
            fill(self.tr("Kept only on this computer, in %1"), self.recorder.path.parent)
        )
        for button in (self.export_button, self.delete_button):
            button.setEnabled(overview is not None)
        self.review.setVisible(overview is not None)
        if overview is None:
            self.totals.setText(self.tr("The history cannot be read right now."))
            return
        self.review.setText(ReviewText().said(overview.review, self.content, self.lang))
        locale = QLocale()
        for row, week in enumerate(overview.weeks):
            start = QDate(week.start.year, week.start.month, week.start.day)
            name = (
                self.tr("This week")
                if week.start <= today < week.start + timedelta(days=7)
                else fill(
                    self.tr("Week of %1"), locale.toString(start, self.tr("d MMM", "day and month"))
                )
            )
            self.weeks.setVerticalHeaderItem(row, QTableWidgetItem(name))
            self._cell(row, 0, fill(self.tr("%1 of 7"), week.routine_days))
            self._cell(
                row,
                1,
                fill(self.tr("%1 of %2"), week.reminders_acted_on, week.reminders_shown),
            )
        self.chart.set_points(overview.ratings)
        self.totals.setText(self._totals(overview.totals))

    def _cell(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.weeks.setItem(row, column, item)

    def _totals(self, totals: dict[str, int]) -> str:
        if not totals:
            return self.tr("No routines yet.")
        names = []
        for type_id, count in sorted(totals.items(), key=lambda kv: -kv[1]):
            try:
                name = self.content.pain_type(type_id).name(self.lang) if type_id else ""
            except KeyError:
                name = type_id
            names.append(fill(self.tr("%1: %2"), name or self.tr("Not sure"), count))
        return fill(self.tr("Routines by type: %1"), self.tr(", ").join(names))

    # --- actions ------------------------------------------------------------------------
    def export(self) -> QFileDialog:
        return ask_where_to_save(
            self,
            self.tr("Export CSV"),
            "lowback-timer-history.csv",
            self.tr("CSV files (*.csv)"),
            self.write_csv,
        )

    def write_csv(self, path: Path) -> bool:
        try:
            self.recorder.export_csv(path)
        except OSError as exc:
            self._warn(self.tr("Export CSV"), fill(self.tr("Could not write %1: %2"), path, exc))
            return False
        return True

    def confirm_delete(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete all history"),
            self.tr(
                "Delete every session, rating and reminder kept so far? This cannot be undone."
            ),
            parent=self,
        )
        delete = box.addButton(self.tr("Delete all"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: button is delete and self.delete_all())
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def delete_all(self) -> bool:
        done = self.recorder.delete_all()
        self.refresh()
        return done

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.recorder.path.parent)))

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
