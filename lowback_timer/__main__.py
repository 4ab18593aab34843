# The first instruction: Ctrl+C and SIGTERM exit quietly from here on (core/exits.py).
from lowback_timer.core import exits

exits.install()

from lowback_timer.commands.cli import main  # noqa: E402  (after the signal handlers, on purpose)

raise SystemExit(main())
