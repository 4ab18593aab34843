"""lowback-timer: calm, guided stretches for an aching lower back and heavy legs."""

# The one place the version is written (pyproject.toml reads it from here): reading it back
# through importlib.metadata cost 22 ms of every start.
__version__ = "0.1.0"
