#!/usr/bin/env python3
"""Screenshots of every screen in every language, offscreen, to look at before calling a change done.

    python tools/screenshots.py [--out DIR] [--locales zh_CN en] [--screens home settings]
                                [--region CN] [--size 1100x800] [--scale 100]

Screens open with no parameters, as from the home screen. The files are
<screen>_<locale>.png in DIR (default: screenshots/, which git ignores).
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--locales", nargs="+", default=["zh_CN", "zh_TW", "en"])
    parser.add_argument("--screens", nargs="+")
    parser.add_argument("--region")
    parser.add_argument("--size", default="1100x800")
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args(argv)

    from core.cli import Roots
    from core.settings import SettingsStore
    from ui.app import build_window, get_app
    from ui.wiring import SCREENS

    app = get_app()
    width, height = (int(n) for n in args.size.split("x"))
    roots = Roots(ROOT / "content", ROOT / "locales", ROOT)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        store = SettingsStore(Path(scratch) / "settings.json", persistent=False)
        window = build_window(roots, lang=args.locales[0], region=args.region, store=store)
        window.resize(width, height)
        window.services.state.set_text_scale(args.scale)
        window.show()
        for locale in args.locales:
            window.services.state.set_locale(locale)
            for key in args.screens or list(SCREENS):
                window.go_home()
                window.navigate(key, None)
                app.processEvents()
                path = args.out / f"{key}_{locale}.png"
                window.grab().save(str(path))
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
