"""One measured run, in a fresh process, for bench/run.py. Not for people to call directly.

    python bench/harness.py bare-start      a bare PySide6 window: show, then quit
    python bench/harness.py app-start       ScamSense started as `python main.py --lang zh_CN`; quit once shown
    python bench/harness.py bare-memory     bare window shown; prints peak RSS (KiB)
    python bench/harness.py app-memory      every screen in every language visited; prints peak RSS (KiB)
    python bench/harness.py app-memory-checked   the same, and one message checked on the self-check screen
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


def app_start() -> None:
    """The real start: main.py and its command line, with the home folder bench/run.py made
    (SCAMSENSE_HOME: no settings, and the region cache its warm-up run wrote, as on any start
    after the first).

    Only the event loop is replaced: instead of running until the window closes, it delivers
    the pending events (the first paint of the home screen) and leaves, as bare() does.
    """
    if "SCAMSENSE_HOME" not in os.environ:
        raise SystemExit("app-start runs from bench/run.py, which sets SCAMSENSE_HOME")
    sys.argv = [str(ROOT / "main.py"), "--lang", "zh_CN"]
    sys.path.insert(0, str(ROOT))
    # PySide6 is imported through the app's ui package, as main.py does: imported bare first, its
    # import hook would read the source of the core modules main.py imports next, which the real
    # start never does (ui/__init__.py answers the hook before any module is scanned).
    import ui  # noqa: F401
    from PySide6.QtWidgets import QApplication

    QApplication.exec = lambda self: (self.processEvents(), os._exit(0))[1]
    import main

    main.main()


def app_every_screen(check_a_message: bool) -> None:
    """Every screen in every language, from one window (the memory figure); with
    ``check_a_message`` the self-check screen is used too, which loads its checker."""
    sys.path.insert(0, str(ROOT))
    from core.cli import Roots
    from core.settings import SettingsStore
    from ui.app import build_window, get_app

    qt_app = get_app()
    store = SettingsStore(ROOT / "build" / "bench-settings.json", persistent=False)  # never written
    window = build_window(Roots(ROOT / "content", ROOT / "locales", ROOT), lang="zh_CN", store=store)
    window.show()
    qt_app.processEvents()
    from core import i18n
    from ui.wiring import SCREENS

    for locale in i18n.catalogs().locales():
        window.services.state.set_locale(locale)
        for key in SCREENS:
            window.navigate(key, None)
            qt_app.processEvents()
            if key == "selfcheck" and check_a_message:  # its checker loads on the first check
                screen = window.screens[key]
                screen.input.setPlainText("【某银行】您的账户存在风险，请点击 http://192.0.2.1/verify 并把验证码发给客服。")
                screen.run_check()
                qt_app.processEvents()


def main() -> int:
    mode = sys.argv[1]
    if mode == "bare-start":
        bare()
        os._exit(0)  # the figure is start-to-shown: skip the teardown for both sides
    elif mode == "app-start":
        app_start()
    elif mode == "bare-memory":
        bare()
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    elif mode in ("app-memory", "app-memory-checked"):
        app_every_screen(check_a_message=mode == "app-memory-checked")
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
