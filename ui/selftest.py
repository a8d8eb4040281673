"""The screen half of ``--self-test``: build every screen in every locale, offscreen."""

from __future__ import annotations

import tempfile
from pathlib import Path

from core import i18n
from core.settings import SettingsStore


def check_screens(roots, locales: list[str]) -> tuple[int, list[str]]:
    from ui.app import build_window, get_app
    from ui.wiring import SCREENS

    app = get_app()
    failures: list[str] = []
    built = 0
    with tempfile.TemporaryDirectory() as scratch:
        # never touch the person's real settings from a self-test
        store = SettingsStore(Path(scratch) / "settings.json", persistent=False)
        window = build_window(roots, lang=locales[0], store=store)
        window.show()
        for locale in locales:
            window.services.state.set_locale(locale)
            for key in SCREENS:
                try:
                    window.navigate(key, None)
                    app.processEvents()
                    screen = window.screens[key]
                    if not screen.title():
                        failures.append(f"screens: {key} has no title in {locale}")
                    built += 1
                except Exception as exc:  # report every screen that fails, keep going
                    failures.append(f"screens: {key} in {locale}: {type(exc).__name__}: {exc}")
            window.go_home()
        failures += check_keyboard()
        window.services.state.close()
        window.close()
        window.deleteLater()
        app.processEvents()
    i18n.set_locale(locales[0])
    return built, failures


def check_keyboard() -> list[str]:
    """The kiosk keyboard's pinyin tables are there (a bundle that left out ui/pinyin/ fails here)."""
    from ui import ime

    expected = {"zh_Hans": ("pianzi", "骗子"), "zh_Hant": ("pianzi", "騙子"), ime.ZHUYIN: ("ㄆㄧㄢㄗ", "騙子")}
    failures = []
    for name, (spelling, word) in expected.items():
        try:
            if word not in ime.table(name).exact(spelling):
                failures.append(f"keyboard: {spelling} does not give {word} in the {name} table")
        except OSError as exc:
            failures.append(f"keyboard: the {name} table cannot be read: {exc}")
    return failures
