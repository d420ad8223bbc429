"""A quicker form of the scan PySide runs after every import.

Once QtCore is loaded, PySide asks of each module imported whether its source mentions "PySide6"
(for its opt-in `from __feature__ import ...`, which dgfacil does not use). It asks through
`inspect.getsource`, which also looks the module up among all those loaded: ~0.1 s over the ~380
modules that opening a workshop loads (the store, SQLAlchemy, pydantic). Reading the file and
looking for the same word gives the same answer in a quarter of the time. Where PySide no longer has
this function, or a module has no .py file, PySide's own check runs.
"""

from __future__ import annotations

import sys
from types import ModuleType


def quicken() -> None:
    """Put the quicker check in place of PySide's (once; after PySide6.QtCore is imported)."""
    feature = sys.modules.get("shibokensupport.feature")
    own = getattr(feature, "_mod_uses_pyside", None)
    if own is None or hasattr(own, "pysides_own"):  # not there, or quickened already
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return own(module)

    uses_pyside.pysides_own = own  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
