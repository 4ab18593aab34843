"""Printing the routine sheet: Qt's print preview, which also opens the system's print dialog.
Its own module so that QtPrintSupport is loaded only when the user prints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QToolBar, QWidget

from lowback_timer.sheet.layout import Sheet, paint_sheet
from lowback_timer.sheet.pdf import page_layout
from lowback_timer.ui.widgets import centre

MIN_WIDTH = 760  # a page large enough to read when the toolbar is narrower


class SheetPreview(QPrintPreviewDialog):
    """The preview keeps its printer: the dialog only borrows it, and a printer collected
    while the preview paints would crash the app. Qt's toolbar takes no focus, so a Print
    button (and Ctrl+P) beneath the page prints from the keyboard."""

    def __init__(self, sheet: Sheet, paper: str, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(paper))
        printer.setDocName(sheet.title)
        super().__init__(printer, parent)
        self._printer = printer
        self.sheet = sheet
        self.setWindowTitle(sheet.title)
        self.paintRequested.connect(self._paint)
        self.print_button = self._add_buttons()

    def _add_buttons(self) -> QPushButton:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        print_button = buttons.addButton(
            self.tr("&Print… (Ctrl+P)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        print_button.setDefault(True)
        print_button.clicked.connect(self.open_print_dialog)
        buttons.rejected.connect(self.reject)
        shortcut = QAction(self)
        shortcut.setShortcut(QKeySequence.StandardKey.Print)
        shortcut.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.triggered.connect(self.open_print_dialog)
        self.addAction(shortcut)
        layout = self.layout()
        assert layout is not None  # Qt's: the toolbar's window and the page
        layout.addWidget(buttons)
        return print_button

    def fit_toolbar(self, available_width: int, height: int) -> None:
        """Wide enough for Qt's whole toolbar (Page setup and Print sit at its end), never
        wider than the screen."""
        self.ensurePolished()  # the style sheet's larger icons and padding count
        toolbar = self.findChild(QToolBar)
        needed = toolbar.sizeHint().width() if toolbar is not None else 0
        layout = self.layout()
        if layout is not None:
            layout.activate()
            needed += layout.contentsMargins().left() + layout.contentsMargins().right()
        width = max(MIN_WIDTH, needed)
        self.resize(min(width, available_width), height)
        centre(self)

    def open_print_dialog(self) -> QPrintDialog:
        """The system's print dialog, without blocking; printing closes the preview, as Qt's
        own Print does."""
        dialog = QPrintDialog(self._printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._print)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # its open() takes only a slot to call back in PySide
        return dialog

    def _print(self) -> None:
        preview = self.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.print_()
        self.accept()

    def _paint(self, printer: QPrinter) -> None:
        paint_sheet(self.sheet, printer)
