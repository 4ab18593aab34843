"""lowback-timer: calm, guided stretches for an aching lower back and heavy legs."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lowback-timer")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
