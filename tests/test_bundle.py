"""The self-contained bundle (tools/bundle.py): built with PyInstaller and run headless from
another folder. Slow (a minute or more) and needs PyInstaller: only when asked, with
LOWBACK_TEST_BUNDLE=1 (e.g. `LOWBACK_TEST_BUNDLE=1 uv run --with pyinstaller pytest
tests/test_bundle.py`)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    os.environ.get("LOWBACK_TEST_BUNDLE") != "1" or importlib.util.find_spec("PyInstaller") is None,
    reason="slow: set LOWBACK_TEST_BUNDLE=1 and have PyInstaller",
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))


def test_the_bundle_runs_headless_and_stays_small(tmp_path: Path) -> None:
    import bundle  # type: ignore[import-not-found]  # (tools/ is not a package)

    folder = bundle.build(tmp_path / "bundle")
    assert bundle.smoke_test(folder) == []
    assert bundle.size_mb(folder) < 150
