"""Help → Keyboard shortcuts: every key the app answers to, in one small window.

The menus' keys and the timer's are read from the QActions and QShortcuts themselves, so the
list cannot drift from what the keys do; the keys that widgets handle themselves (the rating
rows, Qt's own Tab, Space, Enter and Esc) cannot be read back and are listed here by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.ui.style import SPACING, scaled_font
from lowback_timer.ui.widgets import enter_clicks

NATIVE = QKeySequence.SequenceFormat.NativeText
PORTABLE = QKeySequence.SequenceFormat.PortableText
# Keys the timer's running view reads itself (Space: pause, unless a button has the focus),
# and Enter, which answers "No" to the question after a stretch (ui/spread_question.py).
TIMER_OWN_KEYS = ("Space", "Enter")


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[tuple[str, str], ...]  # (keys, what they do)


def plain(text: str) -> str:
    """A menu text as read aloud: without its mnemonic ("&History", "記録(&H)") and the
    closing "…"."""
    text = re.sub(r"\s*\(&[^&\s]\)", "", text)  # the Japanese way: the letter in brackets
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


def keys_of(shortcut: QShortcut) -> list[QKeySequence]:
    """Its keys (a QShortcut is no dict: `for key in shortcut` does not work)."""
    return shortcut.keys()


def keys_text(sequences: list[QKeySequence]) -> str:
    return " / ".join(s.toString(NATIVE) for s in sequences if not s.isEmpty())


def menu_sections(bar: QMenuBar) -> list[Section]:
    """One section per menu of `bar`: its actions that have a shortcut, in menu order."""
    sections = []
    for top in bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu) or not top.isVisible():
            continue
        rows = tuple(_menu_rows(menu, ()))
        if rows:
            sections.append(Section(plain(top.text()), rows))
    return sections


def _menu_rows(menu: QMenu, path: tuple[str, ...]) -> list[tuple[str, str]]:
    rows = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += _menu_rows(sub, (*path, plain(action.text())))
        elif action.isVisible() and keys_text(action.shortcuts()):
            rows.append((keys_text(action.shortcuts()), " › ".join((*path, plain(action.text())))))
    return rows


def shortcut_rows(
    shortcuts: list[QShortcut], descriptions: dict[str, str], own: tuple[str, ...] = ()
) -> tuple[tuple[str, str], ...]:
    """The enabled `shortcuts` as (keys, what they do): a shortcut's "What's this" text, else
    its key's entry in `descriptions`; the keys of one action share a row ("Left / B"). The
    `own` keys (portable names) that no shortcut holds are added with their descriptions: the
    widget reads them itself. Rows come in the order of `descriptions`, keys it lacks last."""
    merged: dict[str, list[QKeySequence]] = {}
    held = set()
    for shortcut in shortcuts:
        if not shortcut.isEnabled():
            continue
        for key in keys_of(shortcut):
            held.add(key.toString(PORTABLE))
            what = shortcut.whatsThis() or descriptions.get(key.toString(PORTABLE), "")
            merged.setdefault(what, []).append(key)
    for name in own:
        if name not in held:
            merged.setdefault(descriptions[name], []).append(QKeySequence(name))
    order = list(descriptions)

    def rank(keys: list[QKeySequence]) -> int:
        return min(
            order.index(name) if name in order else len(order)
            for name in (key.toString(PORTABLE) for key in keys)
        )

    return tuple(
        (keys_text(keys), what) for what, keys in sorted(merged.items(), key=lambda i: rank(i[1]))
    )


def own_shortcuts(window: QWidget) -> list[QShortcut]:
    """The QShortcuts that act in `window` itself: not those of a dialog it parents (a file
    dialog, kept after "Save as PDF", has its own Del and Ctrl+D)."""
    found = []
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if isinstance(owner, QWidget) and owner.window() is window:
            found.append(shortcut)
    return found


class ShortcutsDialog(QDialog):
    """A read-only list in two columns (keys, what they do), one heading row per section:
    the menus of `bar`, the QShortcuts of `timer`, any other QShortcut in `window`, then the
    keys that no object holds."""

    def __init__(
        self, bar: QMenuBar, timer: QWidget, window: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        enter_clicks(self)  # Enter presses the focused button
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.sections = self._sections(bar, timer, window)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setFont(scaled_font(1.05))
        heading_font = scaled_font(1.1, bold=True)
        for section in self.sections:
            heading = QTreeWidgetItem(self.tree, [section.title])
            heading.setFont(0, heading_font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setFirstColumnSpanned(True)
            for keys, what in section.rows:
                QTreeWidgetItem(heading, [keys, what])
            heading.setExpanded(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.setSpacing(SPACING)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.tree.setFocus()
        self._fit()

    def _fit(self) -> None:
        """Tall enough to show every row at once, where the screen allows."""
        tree = self.tree
        tree.doItemsLayout()
        section = tree.topLevelItem(tree.topLevelItemCount() - 1)
        last = section.child(section.childCount() - 1) if section is not None else None
        if last is None:
            return
        rows = tree.visualItemRect(last).bottom() + 1
        height = rows + tree.header().sizeHint().height() + 2 * tree.frameWidth() + 4
        screen = self.screen().availableGeometry().height() if self.screen() else 800
        tree.setMinimumHeight(min(height, screen * 2 // 3))
        self.resize(max(620, self.sizeHint().width()), self.sizeHint().height())

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, keys, what they do) for every row shown."""
        return [(s.title, keys, what) for s in self.sections for keys, what in s.rows]

    def _sections(self, bar: QMenuBar, timer: QWidget, window: QWidget) -> list[Section]:
        found = menu_sections(bar)
        timer_keys = timer.findChildren(QShortcut)
        rows = shortcut_rows(timer_keys, self._timer_descriptions(), TIMER_OWN_KEYS)
        if rows:
            found.append(Section(self.tr("During a routine"), rows))
        others = [s for s in own_shortcuts(window) if s not in timer_keys]
        rows = tuple((keys, what) for keys, what in shortcut_rows(others, {}) if what)
        if rows:
            found.append(Section(self.tr("Elsewhere"), rows))
        return [*found, *self._fixed_sections()]

    def _timer_descriptions(self) -> dict[str, str]:
        """What each of the timer's keys does, by its portable name (a QShortcut's "What's
        this" text, when it has one, comes first)."""
        back, skip = self.tr("Back to the step before"), self.tr("Skip to the next step")
        return {
            "Space": self.tr("Pause, or go on"),
            "Left": back,
            "B": back,
            "Right": skip,
            "N": skip,
            "Esc": self.tr("Stop now (“Something feels wrong”)"),
            "Backspace": self.tr("Stopped by mistake: go on with the routine"),
            "Enter": self.tr("After a stretch, “Did it spread?”: No (Tab, then Enter: Yes)"),
        }

    def _fixed_sections(self) -> list[Section]:
        """The keys that widgets handle themselves (see ui/rating.py), and Qt's own."""
        return [
            Section(
                self.tr("How do they feel? (before and after a routine)"),
                (
                    (self.tr("0 … 9"), self.tr("Choose that number in the row with the focus")),
                    (self.tr("Left / Right"), self.tr("One less / one more")),
                    (self.tr("Home / End"), self.tr("0 / 10")),
                    (self.tr("Tab"), self.tr("The other row")),
                    (self.tr("Enter"), self.tr("Go on")),
                    (self.tr("Esc"), self.tr("Skip the question")),
                ),
            ),
            Section(
                self.tr("Everywhere"),
                (
                    (self.tr("Tab / Shift+Tab"), self.tr("The next / the previous control")),
                    (self.tr("Space"), self.tr("Press the button or tick the box with the focus")),
                    (self.tr("Enter"), self.tr("The highlighted button (Next, OK, Start…)")),
                    (self.tr("Esc"), self.tr("Close a dialog, or cancel it")),
                    (self.tr("Alt + underlined letter"), self.tr("That menu or button")),
                ),
            ),
        ]
