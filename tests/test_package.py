"""The package as a release makes it: sdist, then the wheel built from that sdist, installed
into a fresh venv and run from another folder. A green run from the source tree can hide a
wheel without its pictures, routines or translations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _uv() -> list[str] | None:
    found = shutil.which("uv")
    if found:
        return [found]
    probe = subprocess.run([sys.executable, "-m", "uv", "--version"], capture_output=True)
    return [sys.executable, "-m", "uv"] if probe.returncode == 0 else None


UV = _uv()
pytestmark = pytest.mark.skipif(UV is None, reason="needs uv to build and install")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the venv's bin folder, the built wheel)."""
    assert UV is not None
    out = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    subprocess.run([*UV, "build", "-q", "--out-dir", str(out)], cwd=ROOT, env=env, check=True)
    [wheel] = out.glob("*.whl")
    venv = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([*UV, "venv", "-q", "--python", sys.executable, str(venv)], env=env, check=True)
    subprocess.run(
        [*UV, "pip", "install", "-q", "--python", str(venv / "bin" / "python"), str(wheel)],
        env=env,
        check=True,
    )
    return venv / "bin", wheel


def test_the_wheel_built_from_the_sdist_carries_everything(installed: tuple[Path, Path]) -> None:
    names = zipfile.ZipFile(installed[1]).namelist()
    for part in ("assets/illustrations/", "assets/sounds/", "routines/", "i18n/"):
        assert any(f"lowback_timer/{part}" in n for n in names), part
    assert any(n.endswith(".qm") for n in names)
    assert any(n.endswith("icon.svg") for n in names)
    assert any(n.endswith("licenses/LICENSE") for n in names)


def test_the_installed_app_runs_from_another_folder(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    bin_dir, _ = installed
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")} | {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "lowback-timer"), *argv],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    check = run("check")
    assert (check.returncode, check.stdout) == (0, "bundled routines: OK\n"), check.stderr
    plan = run("plan", "--type", "sitting", "--lang", "ja")
    assert plan.returncode == 0 and "デスク" in plan.stdout, plan.stderr
    frame = run("--exit-after-first-frame")
    assert frame.returncode == 0, frame.stderr
    assert (bin_dir / "lowback-timer-gui").is_file()
