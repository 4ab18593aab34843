"""Printing the routine sheet: Qt's print preview, which also opens the system's print dialog.
Its own module so that QtPrintSupport is loaded only when the user prints."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from lowback_timer.sheet.layout import Sheet, paint_sheet
from lowback_timer.sheet.pdf import page_layout


class SheetPreview(QPrintPreviewDialog):
    """The preview keeps its printer: the dialog only borrows it, and a printer collected
    while the preview paints would crash the app."""

    def __init__(self, sheet: Sheet, paper: str, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(paper))
        printer.setDocName(sheet.title)
        super().__init__(printer, parent)
        self._printer = printer
        self.sheet = sheet
        self.setWindowTitle(sheet.title)
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        paint_sheet(self.sheet, printer)
