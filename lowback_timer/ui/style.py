"""Type sizes and spacing, derived from the system font so the palette and size are respected;
and the app's look: one style sheet that makes the keyboard focus plain to see in any palette,
and each language's fonts from the content (`Look`, installed by `ui.app.application`)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from lowback_timer.app.text import keep_sentence_ends

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle

SPACING = 16

# Every colour is a palette role, so a dark or high-contrast system palette is followed. The
# focus ring is 3 px in the palette's highlight colour; the default button has a 2 px ring in
# the text colour, so "focused" and "default" never look alike. Margins keep the outer size the
# same in every state (nothing moves when the focus does).
STYLE_SHEET = """
QPushButton, QToolButton {
    color: palette(button-text);
    background: palette(button);
    border: 1px solid palette(dark);
    border-radius: 5px;
    margin: 2px;
    padding: 5px 14px;
}
QPushButton:hover, QToolButton:hover { background: palette(midlight); }
QPushButton:pressed, QPushButton:checked, QToolButton:pressed, QToolButton:checked {
    background: palette(mid);
}
QPushButton:default { border: 2px solid palette(button-text); margin: 1px; }
QPushButton:disabled, QToolButton:disabled { color: palette(mid); border-color: palette(mid); }
QPushButton:focus, QToolButton:focus { border: 3px solid palette(highlight); margin: 0px; }
QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 5px; padding: 2px 4px; }
QCheckBox:focus, QRadioButton:focus { border-color: palette(highlight); }
QComboBox {
    color: palette(text);
    background: palette(base);
    border: 1px solid palette(dark);
    border-radius: 4px;
    margin: 1px;
    padding: 3px 8px;
}
QComboBox:focus { border: 2px solid palette(highlight); margin: 0px; }
QRadioButton#choice {
    border: 2px solid palette(mid);
    border-radius: 8px;
    margin: 1px;
    padding: 10px 14px;
}
QRadioButton#choice:checked { border-color: palette(highlight); background: palette(base); }
QRadioButton#choice:focus { border: 3px solid palette(highlight); margin: 0px; }
#typeCard { border: 2px solid palette(mid); border-radius: 10px; margin: 1px; }
#typeCard[chosen="true"] { border-color: palette(highlight); }
#typeCard[focused="true"] { border: 3px solid palette(highlight); margin: 0px; }
#checkRow { border: 2px solid transparent; border-radius: 6px; }
#checkRow[focused="true"] { border-color: palette(highlight); }
#checkRow QCheckBox:focus { border-color: transparent; }
#notice { border: 1px solid palette(highlight); border-radius: 8px; }
"""
# A dark palette's "dark" and "mid" are darker than its window: borders drawn in them vanish
# (Back, Pause, Skip under Adwaita:dark). There they take the lighter roles instead.
_DARK_SWAPS = (("palette(dark)", "palette(light)"), ("palette(mid)", "palette(midlight)"))


def is_dark(palette: QPalette) -> bool:
    """A dark palette: its window colour is darker than mid grey."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def style_sheet(palette: QPalette) -> str:
    """The style sheet for this palette: borders that show against its window colour."""
    sheet = STYLE_SHEET
    if is_dark(palette):
        for light_role, dark_role in _DARK_SWAPS:
            sheet = sheet.replace(light_role, dark_role)
    return sheet


def scaled_font(factor: float, *, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


class TextLabel(QLabel):
    """Content text: whatever text it is given later keeps its Japanese sentence ends too."""

    def setText(self, text: str) -> None:
        super().setText(keep_sentence_ends(text))


def label(
    text: str = "",
    *,
    factor: float = 1.0,
    bold: bool = False,
    wrap: bool = True,
    parent: QWidget | None = None,
) -> QLabel:
    """A label for content text: plain text always (content is never parsed as rich text);
    a Japanese sentence's last characters are never left alone on a line."""
    widget = TextLabel(keep_sentence_ends(text), parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if factor != 1.0 or bold:
        widget.setFont(scaled_font(factor, bold=bold))
    return widget


def reading_width() -> int:
    """A comfortable widest line for a page's text column: about 100 average characters of
    the app font (so it grows with the text size)."""
    return QFontMetrics(QApplication.font()).averageCharWidth() * 100


def font_families(
    base: QFont, lang: str, by_language: Mapping[str, Sequence[str]], *, every: bool = False
) -> list[str]:
    """The family list for the app font: the language's own families first (the content's
    meta.screen_fonts), then the system's; with `every`, then the other languages' too, for a
    widget that names each language in its own script ("日本語"). Qt skips a family that is
    not installed, so none is looked up here (each lookup asked fontconfig, at every start),
    and a font file is opened only when its characters are drawn."""
    own = list(by_language.get(lang, ()))
    # With others after it, the system's by its real name ("DejaVu Sans"): an alias such as
    # "Sans Serif" is passed over in a list, and the next family would draw the Latin text.
    system = [QFontInfo(base).family()] if every else base.families()
    others = [f for key, fs in by_language.items() if key != lang for f in fs] if every else []
    return list(dict.fromkeys([*own, *system, *others]))


def _language() -> str:
    """The language the translators set (`QLocale.setDefault`): "ja_JP" -> "ja"."""
    return QLocale().name().split("_")[0]


def in_every_script(widget: QWidget) -> None:
    """`widget` names languages each in its own script (the language list): the app's font,
    with every language's families after it, so that "日本語" is drawn in a proportional face
    and not in whatever fontconfig falls back on (the monospaced IPAGothic)."""
    look = _installed_look(QApplication.instance())
    if look is None or not look.fonts:
        return
    font = QFont(widget.font())
    font.setFamilies(font_families(look.base_font, _language(), look.fonts, every=True))
    widget.setFont(font)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a property its rules select on changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


@functools.cache
def _focus_style() -> QStyle:
    """The system style, with a 2 px focus ring in the highlight colour on spin boxes and time
    edits (a style sheet border there breaks their arrow buttons). Made on first use, and set
    on those boxes alone: as the application's style, every widget's drawing went through
    this Python code. (QStyle's Python type, with its many enums, costs ~6 ms to make: not
    before the first frame.)"""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPalette, QPen
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOptionComplex

    class FocusStyle(QProxyStyle):
        def drawComplexControl(
            self,
            control: QStyle.ComplexControl,
            option: QStyleOptionComplex,
            painter: QPainter,
            widget: QWidget | None = None,
        ) -> None:
            super().drawComplexControl(control, option, painter, widget)
            if (
                control == QStyle.ComplexControl.CC_SpinBox
                and option.state & QStyle.StateFlag.State_HasFocus
            ):
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3)
                painter.restore()

    style = FocusStyle(QStyleFactory.create(QApplication.style().name()))
    style.setParent(QApplication.instance())  # lives as long as the application
    return style


def with_focus_ring(*boxes: QWidget) -> None:
    """The focus ring on these spin boxes and time edits (see `_focus_style`)."""
    for box in boxes:
        box.setStyle(_focus_style())


class Look(QObject):
    """The app's look on `app`: the style sheet (spin boxes: `with_focus_ring`) and the font of
    the language (`follow_language`, once its translator is installed: that language's
    families from the content first). `remove()` undoes it. (Enter on buttons is each
    window's: widgets.enter_clicks.)"""

    def __init__(self, app: QApplication, fonts: Mapping[str, Sequence[str]] | None = None) -> None:
        super().__init__(app)
        self.app = app
        self._before = (app.styleSheet(), QFont(app.font()))
        self.base_font = QFont(app.font())
        self.fonts: Mapping[str, Sequence[str]] = fonts or {}  # by language, from the content
        app.setStyleSheet(style_sheet(app.palette()))
        app.paletteChanged.connect(self._follow_palette)
        self.follow_language()
        _LOOKS[id(app)] = self

    def _follow_palette(self, palette: QPalette) -> None:
        sheet = style_sheet(palette)
        if sheet != self.app.styleSheet():
            self.app.setStyleSheet(sheet)

    def use_fonts(self, by_language: Mapping[str, Sequence[str]]) -> None:
        """The content's font families per language (meta.screen_fonts)."""
        self.fonts = by_language
        self.follow_language()

    def follow_language(self) -> None:
        """The font for the language of `QLocale()` (set with the translators): call it after
        installing them. Nothing is looked up when the content names no fonts."""
        if not self.fonts:
            return
        font = QFont(self.base_font)
        font.setFamilies(font_families(self.base_font, _language(), self.fonts))
        if font.families() != self.app.font().families():
            self.app.setFont(font)

    def remove(self) -> None:
        sheet, font = self._before
        self.app.paletteChanged.disconnect(self._follow_palette)
        self.app.setStyleSheet(sheet)
        self.app.setFont(font)
        _LOOKS.pop(id(self.app), None)
        self.setParent(None)
        self.deleteLater()


# The look installed on each application. Not `app.findChild(Look)`: that makes a Python object
# of every child of the application, the style among them, and QStyle's type costs ~6 ms.
_LOOKS: dict[int, Look] = {}


def _installed_look(app: QCoreApplication | None) -> Look | None:
    look = _LOOKS.get(id(app)) if app is not None else None
    return look if look is not None and look.app is app else None


def apply_look(
    app: QCoreApplication | None = None, fonts: Mapping[str, Sequence[str]] | None = None
) -> Look | None:
    """Install the look on the application (once), with the content's font families per
    language (meta.screen_fonts); None without a QApplication."""
    app = app or QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return None
    found = _installed_look(app)
    if found is None:
        return Look(app, fonts)
    if fonts is not None:
        found.use_fonts(fonts)
    return found
