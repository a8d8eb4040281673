"""The user interface: the only package that imports Qt.

Importing it first tells PySide6 not to read the source of every module imported after it.
PySide6 looks through each module's whole source for ``from __feature__ import`` (its opt-in
snake_case and true_property), through ``linecache``, which then keeps every source in memory.
This app never uses ``__feature__``. The answer it gets without reading is the one a module
without source gets, as in the frozen bundle: "does not use PySide's features". That saves a
few milliseconds of start-up and the memory of the sources. ``_mod_uses_pyside`` is internal
to PySide6 (6.11); should it move, nothing breaks: the scan simply runs again, and
tests/ui/test_startup_hook.py says so.
"""

import sys

import PySide6  # noqa: F401  (installs the import hook this answers)


def _uses_no_pyside_features(module) -> bool:
    return False


_feature = sys.modules.get("shibokensupport.feature")
if _feature is not None and hasattr(_feature, "_mod_uses_pyside"):
    _feature._mod_uses_pyside = _uses_no_pyside_features
