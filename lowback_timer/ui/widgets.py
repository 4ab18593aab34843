"""The small reusable widgets: a stretch picture, check rows and type cards that toggle when
clicked anywhere, the exclusive "None of these" box, a calm notice line, large buttons, Enter on
a window's buttons, a page made on first use, and the layout and scroll helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, QStandardPaths, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # a file dialog is opened seldom: its module is loaded then
    from PySide6.QtWidgets import QFileDialog

from lowback_timer.app.pictures import draw_picture
from lowback_timer.core.content import Content
from lowback_timer.core.settings import ELSEWHERE
from lowback_timer.ui.style import SPACING, is_dark, label, repolish, scaled_font


def link_exclusive(
    none_box: QCheckBox, boxes: list[QCheckBox], changed: Callable[[], None]
) -> None:
    """ "None of these" / "Not sure": ticking it clears the others, ticking another clears it."""

    def other_toggled(checked: bool) -> None:
        if checked:
            none_box.setChecked(False)
        changed()

    def none_toggled(checked: bool) -> None:
        if checked:
            for box in boxes:
                box.setChecked(False)
        changed()

    for box in boxes:
        box.toggled.connect(other_toggled)
    none_box.toggled.connect(none_toggled)


# Room left on the screen for a window's title bar, which the window's size leaves out.
TITLE_BAR = 40


def available_geometry(window: QWidget) -> QRect:
    """Where windows may go on `window`'s screen: all of it but the panels."""
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 960, 540)


def screen_room(window: QWidget) -> QSize:
    """The most a window's own size may be on its screen: the screen's available geometry (no
    panel) less a title bar. 960 x 500 on a 1920 x 1080 screen at 200 %."""
    return available_geometry(window).size() - QSize(0, TITLE_BAR)


def open_at(window: QWidget, width: int, height: int) -> None:
    """Give `window` this size to open at, or less where its screen is smaller, centred on
    the screen's available geometry: a window manager that places windows lower down (openbox
    put the 680 px window at y = 135 on a 1280 x 800 screen) would run it past the bottom."""
    window.resize(QSize(width, height).boundedTo(screen_room(window)))
    centre(window)


def centre(window: QWidget) -> None:
    """Place `window` (at its size) in the middle of its screen's available geometry."""
    room, size = available_geometry(window), window.size()
    left = room.left() + max(0, (room.width() - size.width()) // 2)
    top = room.top() + max(0, (room.height() - size.height() - TITLE_BAR) // 2)
    window.move(left, top)


def scrolled(widget: QWidget) -> QScrollArea:
    """A borderless scroll area whose view always follows the keyboard focus, so the focused
    item (the one Space would tick) is never out of sight."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _FollowFocus(area)
    return area


class _FollowFocus(QObject):
    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Let go of the application's signal with the area: a focus change while a window
            # is torn down otherwise reaches this object half destroyed ("Slot not found").
            connection = app.focusChanged.connect(self._moved)
            area.destroyed.connect(lambda: app.focusChanged.disconnect(connection))

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self._area):  # focus moves while the window is torn down
            return
        inner = self._area.widget()
        if new is not None and inner is not None and inner.isAncestorOf(new):
            self._area.ensureWidgetVisible(new)


class _ClickToToggle(QObject):
    """Clicking anywhere on a card or row (its text included) toggles its check box."""

    def __init__(self, box: QCheckBox, parent: QObject) -> None:
        super().__init__(parent)
        self._box = box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self._box.isEnabled()
        ):
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
            return True
        return False


class _FocusMark(QObject):
    """Marks `frame` (property "focused") while its check box has the keyboard focus, so the
    style sheet rings the whole row or card, not only the small box."""

    def __init__(self, box: QCheckBox, frame: QFrame) -> None:
        super().__init__(frame)
        self._frame = frame
        frame.setProperty("focused", False)
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._frame.setProperty("focused", event.type() == QEvent.Type.FocusIn)
            repolish(self._frame)
        return False


class CheckRow(QFrame):
    """A check box whose text wraps (QCheckBox's own text never wraps)."""

    def __init__(self, text: str, *, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkRow")
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.text_label = label(text, factor=1.1, bold=bold)
        self.text_label.setBuddy(self.box)
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING // 4, 2, SPACING // 4, 2)
        row.setSpacing(SPACING // 2)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text_label, 1)
        clicker = _ClickToToggle(self.box, self)
        self.text_label.installEventFilter(clicker)
        self.installEventFilter(clicker)
        _FocusMark(self.box, self)


class TypeCard(QFrame):
    """One type as a card: its name and how it feels; the whole card toggles. Its border is
    the highlight colour when chosen, and thicker while it has the keyboard focus."""

    def __init__(self, name: str, feels: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typeCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.box = QCheckBox(name)
        self.box.setFont(scaled_font(1.25, bold=True))
        self.box.setAccessibleName(name)
        self.box.setAccessibleDescription(feels)
        self.feels = label(feels, factor=1.1)
        self.feels.setIndent(28)
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACING, SPACING * 3 // 4, SPACING, SPACING * 3 // 4)
        column.setSpacing(SPACING // 3)
        column.addWidget(self.box)
        column.addWidget(self.feels)
        column.addStretch(1)
        clicker = _ClickToToggle(self.box, self)
        self.feels.installEventFilter(clicker)
        self.installEventFilter(clicker)
        _FocusMark(self.box, self)
        self.box.toggled.connect(self._restyle)
        self._restyle(False)

    def _restyle(self, checked: bool) -> None:
        self.setProperty("chosen", checked)
        repolish(self)


class WrappedLabel(QLabel):
    """A label whose text wraps and which asks for the height its text needs at the width it
    has: a window made as small as it goes grows taller instead of cutting lines off (Qt sizes
    a window from its children's minimum sizes, which know nothing of wrapping)."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        # Texts it may show in turn: it is always as tall as the tallest, so that changing
        # the text (the title's "Paused — ") moves nothing below it.
        self.steady_for: tuple[str, ...] = ()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        # Only once it is on screen: before, its width is not yet the one its layout gives.
        if self.isVisible() and self.width() >= hint.width():
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def heightForWidth(self, width: int) -> int:
        own = super().heightForWidth(width)
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        metrics = self.fontMetrics()
        extra = margins.top() + margins.bottom()
        tallest = [
            metrics.boundingRect(0, 0, inner, 4000, flags, t).height() for t in self.steady_for
        ]
        return max([own, *(h + extra for h in tallest)])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


def wrapped(text: str = "", *, factor: float = 1.0, bold: bool = False) -> WrappedLabel:
    """`style.label`'s wrapping label (plain text, the scaled font) as a `WrappedLabel`."""
    widget = WrappedLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    if factor != 1.0 or bold:
        widget.setFont(scaled_font(factor, bold=bold))
    return widget


class Notice(QFrame):
    """A calm, non-modal notice line with an optional button, for the home screen."""

    def __init__(
        self, text: str = "", button_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notice")  # its frame: the app's style sheet (ui/style.py)
        self.text = wrapped(text, factor=1.05)  # (the window grows for its lines)
        self.button = QPushButton(button_text)
        self.button.setVisible(bool(button_text))
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        row.setSpacing(SPACING)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()  # until there is something to say


_Slot = Callable[[], object] | SignalInstance
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class EnterClicks(QObject):
    """Enter and Return press the focused push or tool button of the window it is installed
    on, as Space does (once per press: a held key does not press again).

    Qt presses a focused push button on Enter only in a dialog, and not one that is not "auto
    default" (the preview's Move buttons). A button that does not take Enter lets the key go
    up to its window, where this filter sees it first. On the windows, not on the whole
    application: an application-wide Python filter makes every event of every widget pass
    through Python. A check box or radio button keeps Qt's meaning: the key goes on to the
    dialog, whose default button (the wizard's Next) takes it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and event.modifiers() in _PLAIN
        ):
            # The key came up from the window's focused widget, which did not take it: a push
            # button that is not "auto default" (one that is takes Enter itself) or a tool
            # button.
            button = watched.focusWidget() if isinstance(watched, QWidget) else None
            takes_enter = isinstance(button, QPushButton) and button.autoDefault()
            if (
                isinstance(button, (QPushButton, QToolButton))
                and not takes_enter
                and button.isEnabled()
                and button.isVisible()
                and button.menu() is None
            ):
                if not event.isAutoRepeat():
                    button.click()
                return True
        return False


def enter_clicks(window: QWidget) -> None:
    """Let Enter press the focused button anywhere in `window` (a top-level window)."""
    window.installEventFilter(EnterClicks(window))


P = TypeVar("P", bound=QWidget)


class LazyPage(Generic[P]):
    """A page of a stack made on first use: most starts open neither the timer nor the care
    or rating screens, and building them (and loading their modules) slowed every start."""

    def __init__(self, stack: QStackedWidget, make: Callable[[], P]) -> None:
        self._stack, self._make = stack, make
        self._page: P | None = None

    def __call__(self) -> P:
        if self._page is None:
            self._page = self._make()
            self._stack.addWidget(self._page)
        return self._page

    def made(self) -> P | None:
        """The page, or None while it has not been needed."""
        return self._page


def big_button(text: str, slot: _Slot, height: int = 48, factor: float = 1.2) -> QPushButton:
    """A large button, easy to hit from where one stands."""
    button = QPushButton(text)
    button.setMinimumHeight(height)
    button.setFont(scaled_font(factor))
    button.clicked.connect(slot)
    return button


_Item = QWidget | QLayout | int  # an int is that much stretch


def laid_out(layout: QBoxLayout, *items: _Item | tuple[QWidget | QLayout, int]) -> QBoxLayout:
    """`layout` with `items` added in order; (item, n) gives the item stretch n."""
    for entry in items:
        item, stretch = entry if isinstance(entry, tuple) else (entry, 0)
        if isinstance(item, int):
            layout.addStretch(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)
    return layout


def centred(inner: QWidget | QLayout, max_width: int) -> QWidget:
    """`inner` in a column at most `max_width` wide, centred: long lines stay easy to read
    on a wide window, and the page looks full rather than left-aligned and empty."""
    column = QWidget()
    column.setMaximumWidth(max_width)
    if isinstance(inner, QLayout):
        column.setLayout(inner)
    else:
        laid_out(QVBoxLayout(column), inner).setContentsMargins(0, 0, 0, 0)
    outer = QWidget()
    row = laid_out(QHBoxLayout(outer), 1, (column, 100), 1)
    row.setContentsMargins(0, 0, 0, 0)
    return outer


def tab_to_chosen(buttons: list[QRadioButton]) -> None:
    """Tab reaches a group of radio buttons at its chosen one, not its first: only the chosen
    button takes Tab focus (the arrows still move between them, and a click works on all)."""

    def update(_checked: bool = False) -> None:
        chosen = [b for b in buttons if b.isChecked()]
        for button in buttons:
            tab = button.isChecked() or (not chosen and button is buttons[0])
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if tab else Qt.FocusPolicy.ClickFocus)

    for button in buttons:
        button.toggled.connect(update)
    update()


class Picture(QWidget):
    def __init__(
        self, parent: QWidget | None = None, *, minimum: tuple[int, int] = (240, 160)
    ) -> None:
        super().__init__(parent)
        self._image = ""
        self._mirrored = False
        self.setMinimumSize(*minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Picture"))

    def show_image(self, image: str, *, mirrored: bool = False) -> None:
        if (image, mirrored) != (self._image, self._mirrored):
            self._image, self._mirrored = image, mirrored
            self.update()

    @property
    def image(self) -> str:
        return self._image

    @property
    def mirrored(self) -> bool:
        return self._mirrored

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._image:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_picture(
            painter,
            self._image,
            QRectF(self.rect()),
            mirrored=self._mirrored,
            dark=is_dark(self.palette()),
        )


class RegionChoice(QComboBox):
    """Whose emergency numbers to show first: each region of the content, or elsewhere."""

    def __init__(self, content: Content, lang: str, chosen: str) -> None:
        super().__init__()
        for number in content.emergency_numbers:
            self.addItem(number.region(lang), number.id)
        self.addItem(self.tr("Somewhere else"), ELSEWHERE)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.setAccessibleName(self.tr("Where you live"))
        self.setAccessibleDescription(self.tr("Its emergency numbers are shown first."))

    def region(self) -> str:
        return str(self.currentData())


def ask_where_to_save(
    parent: QWidget,
    title: str,
    name: str,
    name_filter: str,
    then: Callable[[Path], object],
) -> QFileDialog:
    """A window-modal "save as" dialog starting in the user's Documents with `name`; `then`
    gets the chosen path (the suffix of `name` added when the user left it out)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, str(Path(folder) / name))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(Path(name).suffix.lstrip("."))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
    dialog.open()
    return dialog
