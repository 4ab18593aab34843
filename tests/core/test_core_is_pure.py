"""lowback_timer.core never imports Qt, so it runs and is tested without a QApplication."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import lowback_timer.core


def test_importing_every_core_module_pulls_in_no_qt() -> None:
    names = [
        m.name for m in pkgutil.iter_modules(lowback_timer.core.__path__, "lowback_timer.core.")
    ]
    assert "lowback_timer.core.content" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
