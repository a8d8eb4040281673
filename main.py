#!/usr/bin/env python3
"""ScamSense (识骗): start the app, or run a command (``python main.py --help``)."""

import sys
from pathlib import Path


def _app_dir() -> Path:
    """The folder holding content/ and locales/: the checkout, or the PyInstaller bundle."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent


def main() -> int:
    app_dir = _app_dir()
    if str(app_dir) not in sys.path:
        sys.path.insert(0, str(app_dir))
    from core.cli import Roots, main as cli_main

    roots = Roots(content_dir=app_dir / "content", locale_dir=app_dir / "locales", app_dir=app_dir)
    return cli_main(sys.argv[1:], roots)


if __name__ == "__main__":
    sys.exit(main())
