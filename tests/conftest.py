"""Shared test set-up. Offscreen Qt and a private settings folder, before anything imports Qt."""

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_SCALE_FACTOR", "1")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from core import i18n  # noqa: E402
from core.cli import Roots  # noqa: E402


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """No test reads or writes the real user's settings or progress."""
    monkeypatch.setenv("SCAMSENSE_HOME", str(tmp_path / "home"))
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def roots() -> Roots:
    return Roots(content_dir=ROOT / "content", locale_dir=ROOT / "locales", app_dir=ROOT)


@pytest.fixture
def english(roots):
    """The real catalogs, current language English; restored afterwards."""
    i18n.setup(roots.locale_dir, "en")
    yield
    i18n.setup(roots.locale_dir, "en")


SHIPPED_LOCALES = ("en", "zh_CN", "zh_TW")
