"""The installed commands' entry point (`lowback-timer`, `lowback-timer-gui`): the early signal
handlers first (core/exits.py), then the command line. Tests call `lowback_timer.commands.cli.main`
directly, so pytest keeps its own Ctrl+C."""

from __future__ import annotations

from lowback_timer.core import exits


def main() -> int:
    exits.install()
    from lowback_timer.commands.cli import main as cli_main

    return cli_main()
