"""A real main window, built as the app builds it, with a private settings file."""

import pytest

from core import i18n
from core.settings import SettingsStore


@pytest.fixture
def make_window(qtbot, roots, tmp_path):
    windows = []

    def make(lang="en", region=None, store=None):
        store = store or SettingsStore(tmp_path / "settings.json")
        from ui.app import build_window

        window = build_window(roots, lang=lang, region=region, store=store)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.windowHandle().requestActivate()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts belong to the active window
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.services.state.close()
    i18n.setup(roots.locale_dir, "en")
