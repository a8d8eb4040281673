"""One measured run, in a fresh process, for bench/run.py. Not for people to call directly.

    python bench/harness.py bare-start      a bare PySide6 window: show, then quit
    python bench/harness.py app-start       ScamSense: build the home screen as the app does, show, quit
    python bench/harness.py bare-memory     bare window shown; prints peak RSS (KiB)
    python bench/harness.py app-memory      every screen in every language visited; prints peak RSS (KiB)
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    label.resize(1100, 800)
    label.show()
    app.processEvents()


def app(visit_all: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from core.cli import Roots
    from core.settings import SettingsStore
    from ui.app import build_window, get_app

    qt_app = get_app()
    store = SettingsStore(ROOT / "build" / "bench-settings.json", persistent=False)  # never written
    window = build_window(Roots(ROOT / "content", ROOT / "locales", ROOT), lang="zh_CN", store=store)
    window.show()
    qt_app.processEvents()
    if visit_all:
        from core import i18n
        from ui.wiring import SCREENS

        for locale in i18n.catalogs().locales():
            window.services.state.set_locale(locale)
            for key in SCREENS:
                window.navigate(key, None)
                qt_app.processEvents()


def main() -> int:
    mode = sys.argv[1]
    if mode == "bare-start":
        bare()
        os._exit(0)  # the figure is start-to-shown: skip the teardown for both sides
    elif mode == "app-start":
        app(visit_all=False)
        os._exit(0)
    elif mode == "bare-memory":
        bare()
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    elif mode == "app-memory":
        app(visit_all=True)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
