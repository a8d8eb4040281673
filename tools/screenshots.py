#!/usr/bin/env python3
"""Screenshots of every screen in every language, offscreen, to look at before calling a change done.

    python tools/screenshots.py [--out DIR] [--locales zh_CN en] [--screens home settings]
                                [--region CN] [--size 1100x800] [--scale 100]

Screens open with no parameters, as from the home screen. The files are
<screen>_<locale>.png in DIR (default: screenshots/, which git ignores).

The app runs with its folders in a temporary one (XDG_DATA_HOME, XDG_CONFIG_HOME and
SCAMSENSE_HOME): the pictures never show, and the run never touches, the quiz scores or
settings of the person running it. Each screen is grabbed once its layout has settled.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def private_folders(root: Path) -> None:
    """Point every folder the app reads or writes at ``root`` (before the app is imported)."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "SCAMSENSE_HOME"):
        folder = root / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(folder)


def settle(app, window, rounds: int = 30) -> None:
    """Let the window finish laying itself out: posted events, deferred layouts and zero-delay
    timers run until no visible widget moves or resizes between two rounds. One
    processEvents() left some screens half laid out (settings_en clipped and overlapping)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QWidget

    previous = None
    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QApplication.sendPostedEvents()
        window.layout().activate()
        shape = tuple(
            (w.x(), w.y(), w.width(), w.height()) for w in window.findChildren(QWidget) if w.isVisible()
        )
        if shape == previous:
            return
        previous = shape


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--locales", nargs="+", default=["zh_CN", "zh_TW", "en"])
    parser.add_argument("--screens", nargs="+")
    parser.add_argument("--region")
    parser.add_argument("--size", default="1100x800")
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args(argv)
    scratch = tempfile.TemporaryDirectory(prefix="scamsense-screenshots-")
    private_folders(Path(scratch.name))

    from core.cli import Roots
    from core.settings import SettingsStore
    from ui.app import build_window, get_app
    from ui.wiring import SCREENS

    app = get_app()
    width, height = (int(n) for n in args.size.split("x"))
    roots = Roots(ROOT / "content", ROOT / "locales", ROOT)
    args.out.mkdir(parents=True, exist_ok=True)
    with scratch:
        store = SettingsStore(Path(scratch.name) / "settings.json", persistent=False)
        window = build_window(roots, lang=args.locales[0], region=args.region, store=store)
        window.resize(width, height)
        window.services.state.set_text_scale(args.scale)
        window.show()
        for locale in args.locales:
            window.services.state.set_locale(locale)
            for key in args.screens or list(SCREENS):
                window.go_home()
                if key != window.current:  # Home from Home would make Back look usable
                    window.navigate(key, None)
                settle(app, window)
                path = args.out / f"{key}_{locale}.png"
                window.grab().save(str(path))
                print(path)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
