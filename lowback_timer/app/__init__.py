"""The running app without widgets (see the README's layout). Every module here uses Qt, so
this is where PySide6 is first imported, and where one of its start-up costs is taken off."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401  (first, so that the hook below exists)


def _names_pyside(module: ModuleType) -> bool:
    """Whether `module` holds anything of PySide6 (a class, a module, a function)."""
    for value in list(vars(module).values()):
        owner = getattr(value, "__module__", None) or getattr(value, "__name__", "")
        if isinstance(owner, str) and owner.startswith(("PySide6", "shiboken6")):
            return True
    return False


def _no_source_scan() -> None:
    """PySide6 reads the source of every module imported after it (`inspect.getsource`, kept
    in `linecache`: 5 MiB and about 9 ms at each start) to learn whether it mentions PySide6,
    for its `from __feature__ import ...` switches, which this app does not use. It is told
    from the module's names instead. A PySide6 without this private hook is left as it is."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", _names_pyside)  # noqa: B010  (a private name)


_no_source_scan()
