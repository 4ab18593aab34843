"""Running the command line in the test's process, as a user would from a shell."""

from __future__ import annotations

import pytest

from lowback_timer.commands.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`lowback-timer ARGV...`: (exit status, stdout, stderr)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits (--help, --version, errors)
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
