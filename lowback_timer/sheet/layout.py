"""The printable routine sheet: one page to keep at the desk, with each stretch's picture, how
to do it, the hold and the one cue; how to breathe and how often; the warning signs that mean
stop and get help, with the number to call; a two-week tick-box log; everyday prevention.

It is drawn in points on any paged device (a PDF writer or a printer), so the same code makes
the PDF and the printout. Pictures are the timer's SVGs rendered on the device's painter, and
text is real text: the PDF stays vector, selectable and sharp in black and white. Routines up to
six stretches fit one page; longer ones flow onto more pages, never splitting a stretch, with the
warning box, the log and the footer kept together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPen,
)

from lowback_timer.app.pictures import draw_picture
from lowback_timer.app.text import Phrases, dose_text, fill
from lowback_timer.core.content import Content, EmergencyNumber, Urgency
from lowback_timer.core.language import join_sentences
from lowback_timer.core.routine import Routine

# Days in the tick-box log.
LOG_DAYS = 14
# The sheet's font where the content names none for its language (meta.print_fonts).
FALLBACK_FAMILIES = ("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")
INK = QColor(20, 20, 20)
GREY = QColor(90, 90, 90)
RULE_GREY = QColor(150, 150, 150)

_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


@dataclass(frozen=True)
class SheetStretch:
    number: int
    name: str
    image: str
    dose: str
    how_to: str
    cue: str


@dataclass(frozen=True)
class Sheet:
    """Every text on the sheet, in one language, ready to draw."""

    lang: str
    italics: bool  # the language's script has italics (meta.no_italics)
    fonts: tuple[str, ...]  # font families, best first (meta.print_fonts)
    no_sentence_space: bool  # (meta.no_sentence_space)
    title: str
    subtitle: str
    stretches: tuple[SheetStretch, ...]
    rule: str
    breathing: str
    how_often: str
    # (tier heading with what to do for it, its signs in short words), most urgent first:
    # each tier's own action on its heading line, so no number reads as meant for the others.
    warnings: tuple[tuple[str, tuple[str, ...]], ...]
    safety_lines: tuple[str, ...]  # stop a stretch at once for...; no better after two weeks
    log_title: str
    log_day: str  # "%1" = the day's number
    prevention: str
    not_advice: str
    page: str  # "%1" of "%2"


class SheetWords(QObject):
    """The sheet's own words (one translation context)."""

    def title(self) -> str:
        return self.tr("My stretching routine")

    def key_point(self) -> str:
        return self.tr("Key point: %1")

    def tier_line(self, heading: str, action: str) -> str:
        return fill(self.tr("%1: %2", "a warning tier's heading, then what to do"), heading, action)

    def action(self, urgency: Urgency, number: EmergencyNumber | None, lang: str) -> str:
        """What to do for the signs of a tier of this urgency, with the region's numbers."""
        if urgency is Urgency.EMERGENCY:
            if number is None:
                return self.tr(
                    "Go to the emergency department now (don't drive yourself), "
                    "or call your local emergency number"
                )
            return fill(
                self.tr(
                    "Go to the emergency department now (don't drive yourself), or call %1 "
                    "(%2; elsewhere, your local emergency number)"
                ),
                number.emergency,
                number.region(lang),
            )
        if number is None:
            return self.tr("See your doctor today, or call a medical advice line")
        return fill(self.tr("See your doctor today, or call %1"), number.helpline(lang))

    def log_title(self) -> str:
        return self.tr("Tick a box each day you do the routine")

    def log_day(self) -> str:
        return self.tr("Day %1")

    def page(self) -> str:
        return self.tr("Page %1 of %2")


def sheet_for(
    content: Content,
    routine: Routine,
    lang: str,
    *,
    for_whom: str,
    number: EmergencyNumber | None,
    today: date,
) -> Sheet:
    """The sheet of `routine`; `for_whom` names the types (or "my routine") on the subtitle."""
    words, phrases = SheetWords(), Phrases()
    guidance = content.guidance
    stretches = []
    for position, item in enumerate(routine.items, start=1):
        variant = content.variant(item.variant)
        stretch = content.stretch_for(item.variant)
        stretches.append(
            SheetStretch(
                number=position,
                name=stretch.name(lang),
                image=variant.image,
                dose=dose_text(stretch, item.hold_s, item.reps),
                how_to=variant.setup(lang),
                cue=fill(words.key_point(), stretch.cue(lang)),
            )
        )
    place = content.place(routine.place).short(lang)
    day = QLocale().toString(
        QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat
    )
    urgent = [t for t in content.tiers if t.urgency in (Urgency.EMERGENCY, Urgency.TODAY)]
    warnings = tuple(
        (
            words.tier_line(tier.heading(lang), words.action(tier.urgency, number, lang)),
            tuple(g.sheet(lang) for g in content.check_groups if g.tier == tier.tier),
        )
        for tier in urgent
    )
    return Sheet(
        lang=lang,
        italics=lang not in content.meta.no_italics,
        fonts=dict(content.meta.print_fonts).get(lang, FALLBACK_FAMILIES),
        no_sentence_space=lang in content.meta.no_sentence_space,
        title=words.title(),
        subtitle=" · ".join(
            x for x in (for_whom, phrases.plan_title(place, routine.total_s), day) if x
        ),
        stretches=tuple(stretches),
        rule=guidance.rule(lang),
        breathing=guidance.breathing(lang),
        how_often=guidance.how_often(lang),
        warnings=warnings,
        safety_lines=(guidance.stop_at_once(lang), guidance.no_better(lang)),
        log_title=words.log_title(),
        log_day=words.log_day(),
        prevention=guidance.prevention(lang),
        not_advice=guidance.not_advice(lang),
        page=words.page(),
    )


# --- drawing ------------------------------------------------------------------------------
# Sizes in points.
MARGIN_PT = 36
PICTURE, SMALL_PICTURE = (120.0, 80.0), (72.0, 48.0)
GAP = 8.0
PAGE_NUMBER_PT = 18.0
# Up to this many stretches, one to a row; more go two to a row.
ONE_COLUMN_UP_TO = 4


class _Pen:
    """Fonts in points on a painter scaled to points (pixel sizes, so the scale applies)."""

    def __init__(self, painter: QPainter, fonts: tuple[str, ...], *, italics: bool) -> None:
        self.painter = painter
        self.fonts = list(fonts)
        self.italics = italics

    def font(self, size: float, *, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(self.fonts)
        font.setPixelSize(max(1, round(size)))
        font.setBold(bold)
        font.setItalic(italic)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def height(self, text: str, width: float, font: QFont) -> float:
        self.painter.setFont(font)
        return self.painter.boundingRect(QRectF(0, 0, width, 10_000), _WRAP, text).height()

    def text(
        self, text: str, x: float, y: float, width: float, font: QFont, color: QColor = INK
    ) -> float:
        """Draw wrapped `text`; returns its height."""
        self.painter.setFont(font)
        self.painter.setPen(color)
        rect = self.painter.boundingRect(QRectF(x, y, width, 10_000), _WRAP, text)
        self.painter.drawText(QRectF(x, y, width, rect.height()), _WRAP, text)
        return rect.height()


@dataclass
class _Block:
    """A piece of the page that is never split: its height for a width, and how to draw it."""

    height: Callable[[float], float]
    draw: Callable[[float, float, float], None]  # x, y, width


def paint_sheet(sheet: Sheet, device: QPagedPaintDevice) -> int:
    """Draw the sheet on `device` (a begun page); returns the number of pages."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot draw on the output (is the file or printer writable?)")
    try:
        return _paint(sheet, device, painter)
    finally:
        painter.end()


def _paint(sheet: Sheet, device: QPagedPaintDevice, painter: QPainter) -> int:
    area = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    painter.scale(device.logicalDpiX() / 72.0, device.logicalDpiY() / 72.0)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = _Pen(painter, sheet.fonts, italics=sheet.italics)
    blocks = _blocks(sheet, pen)
    width = area.width()
    pages = _pages(blocks, width, area.height())
    if len(pages) > 1:  # then each page shows its number: leave room for it
        pages = _pages(blocks, width, area.height() - PAGE_NUMBER_PT)
    for index, page in enumerate(pages):
        if index:
            device.newPage()
        for block, top in page:
            block.draw(0.0, top, width)
        if len(pages) > 1:
            label = fill(sheet.page, index + 1, len(pages))
            pen.text(label, 0, area.height() - 12, width, pen.font(8), GREY)
    return len(pages)


def _pages(blocks: list[_Block], width: float, bottom: float) -> list[list[tuple[_Block, float]]]:
    """Blocks and their tops, page by page: a block that does not fit starts a new page."""
    pages: list[list[tuple[_Block, float]]] = [[]]
    y = 0.0
    for block in blocks:
        h = block.height(width)
        if y > 0 and y + h > bottom:
            pages.append([])
            y = 0.0
        pages[-1].append((block, y))
        y += h + GAP
    return pages


def _blocks(sheet: Sheet, pen: _Pen) -> list[_Block]:
    blocks = [_header(sheet, pen)]
    items = sheet.stretches
    if len(items) <= ONE_COLUMN_UP_TO:
        blocks += [_stretch_block(item, pen, PICTURE) for item in items]
    else:  # two to a row, smaller: six still fit one page
        cells = [_stretch_block(item, pen, SMALL_PICTURE, size=0.9) for item in items]
        blocks += [_row(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    blocks.append(_closing(sheet, pen))
    return blocks


def _row(cells: list[_Block]) -> _Block:
    """Two blocks side by side (the second place may stay empty)."""

    def cell_width(width: float) -> float:
        return (width - 2 * GAP) / 2

    def draw(x: float, y: float, width: float) -> None:
        for n, cell in enumerate(cells):
            cell.draw(x + n * (cell_width(width) + 2 * GAP), y, cell_width(width))

    return _Block(lambda w: max(c.height(cell_width(w)) for c in cells), draw)


def _header(sheet: Sheet, pen: _Pen) -> _Block:
    title, small, body = pen.font(18, bold=True), pen.font(9.5), pen.font(9.5)
    advice = join_sentences(sheet.no_sentence_space, sheet.rule, sheet.breathing, sheet.how_often)

    def parts(width: float) -> list[tuple[str, QFont, QColor, float]]:
        return [
            (sheet.title, title, INK, 2),
            (sheet.subtitle, small, GREY, 6),
            (advice, body, INK, 2),
        ]

    def height(width: float) -> float:
        return sum(pen.height(t, width, f) + gap for t, f, _, gap in parts(width))

    def draw(x: float, y: float, width: float) -> None:
        for text, font, color, gap in parts(width):
            y += pen.text(text, x, y, width, font, color) + gap
        pen.painter.setPen(QPen(RULE_GREY, 0.6))
        pen.painter.drawLine(QPointF(x, y + 2), QPointF(x + width, y + 2))

    return _Block(lambda w: height(w) + 4, draw)


def _stretch_block(
    item: SheetStretch, pen: _Pen, picture: tuple[float, float], *, size: float = 1.0
) -> _Block:
    picture_w, picture_h = picture
    name, dose = pen.font(12 * size, bold=True), pen.font(10 * size, bold=True)
    # Japanese has no true italics (a slanted CJK face reads badly): the words mark the cue.
    how, cue = pen.font(9.5 * size), pen.font(9.5 * size, italic=pen.italics)

    def lines(width: float) -> list[tuple[str, QFont, float]]:
        return [
            (f"{item.number}. {item.name}", name, 1),
            (item.dose, dose, 2),
            (item.how_to, how, 2),
            (item.cue, cue, 0),
        ]

    def text_height(width: float) -> float:
        text_w = width - picture_w - GAP
        return sum(pen.height(t, text_w, f) + gap for t, f, gap in lines(text_w))

    def draw(x: float, y: float, width: float) -> None:
        draw_picture(pen.painter, item.image, QRectF(x, y, picture_w, picture_h), mirrored=False)
        text_x, text_w = x + picture_w + GAP, width - picture_w - GAP
        for text, font, gap in lines(text_w):
            y += pen.text(text, text_x, y, text_w, font) + gap

    return _Block(lambda w: max(picture_h, text_height(w)), draw)


def _closing(sheet: Sheet, pen: _Pen) -> _Block:
    """The warning box, the log and the footer: kept together, on the last page."""
    heading, body, signs_font = pen.font(10.5, bold=True), pen.font(9), pen.font(8.5)
    small = pen.font(8.5)
    pad = 8.0

    def warning_lines() -> list[tuple[str, QFont, float]]:
        # Each tier's line says what it is and what to do: no title over them (room on the page).
        out: list[tuple[str, QFont, float]] = []
        for tier_line, signs in sheet.warnings:
            out.append((tier_line, heading, 1))
            out += [(f"• {sign}", signs_font, 0.5) for sign in signs]
            out[-1] = (out[-1][0], out[-1][1], 3)
        out += [(line, pen.font(9, bold=True), 1) for line in sheet.safety_lines]
        return out

    def box_height(width: float) -> float:
        inner = width - 2 * pad
        return 2 * pad + sum(pen.height(t, inner, f) + g for t, f, g in warning_lines())

    log_box = 18.0

    def log_height(width: float) -> float:
        return pen.height(sheet.log_title, width, heading) + 4 + log_box + 10

    def footer_height(width: float) -> float:
        return (
            pen.height(sheet.prevention, width, body)
            + 3
            + pen.height(sheet.not_advice, width, small)
        )

    def height(width: float) -> float:
        return box_height(width) + GAP + log_height(width) + GAP + footer_height(width)

    def draw(x: float, y: float, width: float) -> None:
        painter = pen.painter
        box = box_height(width)
        painter.setPen(QPen(INK, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(x, y, width, box), 6, 6)
        ty = y + pad
        for text, font, gap in warning_lines():
            ty += pen.text(text, x + pad, ty, width - 2 * pad, font) + gap
        y += box + GAP
        y += pen.text(sheet.log_title, x, y, width, heading) + 4
        _log_grid(pen, sheet.log_day, x, y, width, log_box)
        y += log_box + 10 + GAP
        y += pen.text(sheet.prevention, x, y, width, body) + 3
        pen.text(sheet.not_advice, x, y, width, small, GREY)

    return _Block(height, draw)


def _log_grid(pen: _Pen, day_label: str, x: float, y: float, width: float, box: float) -> None:
    """Fourteen boxes, one per day, numbered underneath."""
    cell = width / LOG_DAYS
    side = min(box, cell - 6)
    painter = pen.painter
    for day in range(LOG_DAYS):
        left = x + day * cell + (cell - side) / 2
        painter.setPen(QPen(INK, 0.9))
        painter.drawRect(QRectF(left, y, side, side))
        painter.setFont(pen.font(7))
        painter.setPen(GREY)
        painter.drawText(
            QRectF(x + day * cell, y + side + 1, cell, 10),
            int(Qt.AlignmentFlag.AlignHCenter),
            fill(day_label, day + 1),
        )
