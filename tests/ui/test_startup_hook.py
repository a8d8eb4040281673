"""PySide6's source scan of every imported module is answered without reading (ui/__init__.py)."""

import linecache
import sys


def test_a_module_imported_after_pyside_is_not_read_into_memory(tmp_path, monkeypatch):
    import ui  # noqa: F401

    module = tmp_path / "scamsense_probe_module.py"
    module.write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    __import__("scamsense_probe_module")  # an import statement: PySide hooks __import__
    try:
        assert str(module) not in linecache.cache  # PySide's hook would have read it there
    finally:
        sys.modules.pop("scamsense_probe_module", None)
