"""Filling translated texts: Qt's `%1`..`%9` place markers, in one pass.

`QString.arg` is not available in PySide6, and chained `.replace("%1", ...)` breaks when an
argument itself contains `%2` (a file path, a region name). Counts use Qt's plural forms
instead: `self.tr("%n holds", "", n)`.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"%([1-9])")


def fill(template: str, *args: object) -> str:
    """`fill("Hold %1 of %2", 3, 8)` -> "Hold 3 of 8"; markers without an argument stay."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(args[index]) if index < len(args) else match.group(0)

    return _MARKER.sub(value, template)
