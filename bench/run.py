#!/usr/bin/env python3
"""ScamSense's performance, each figure against a baseline measured side by side in this run.

    python bench/run.py [--runs N]

- start to home screen shown, against a bare PySide6 window (QApplication, one label, shown);
- switching language with a guide open (budget: 100 ms);
- peak memory after visiting every screen in every language, against the bare window;
- the self-check's throughput and its 100 KB / 1 KB time ratio (bench/selfcheck_bench.py).

Runs alternate between the app and its baseline so a busy machine slows both alike.
Nothing here is a test: it prints figures, it does not pass or fail.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT / "bench" / "harness.py"
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def timed(mode: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(HARNESS), mode], env=ENV, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def peak_kib(mode: str) -> int:
    out = subprocess.run([sys.executable, str(HARNESS), mode], env=ENV, check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


def compile_sources() -> None:
    """Byte-compile the app's modules first, as a user's second start finds them.

    Otherwise a machine with PYTHONDONTWRITEBYTECODE set (this one has it) compiles every
    module from source on every start, which no installed copy does, and the figure would
    measure the compiler. PySide6's own Python files are compiled alike for both sides.
    """
    import compileall

    for folder in ("core", "ui"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)
    compileall.compile_file(str(ROOT / "main.py"), quiet=1)


def startup(runs: int) -> None:
    compile_sources()
    timed("bare-start"), timed("app-start")  # warm the file cache for both, and the region cache
    bare, app = [], []
    for _ in range(runs):
        bare.append(timed("bare-start"))
        app.append(timed("app-start"))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"start to home screen shown: {a * 1000:.0f} ms vs bare window {b * 1000:.0f} ms "
          f"(median of {runs}) = {a / b:.2f}x (target <= 1.5x)")


def memory(runs: int) -> None:
    bare = statistics.median(peak_kib("bare-memory") for _ in range(runs))
    app = statistics.median(peak_kib("app-memory") for _ in range(runs))
    checked = statistics.median(peak_kib("app-memory-checked") for _ in range(runs))
    print(f"peak memory, every screen in every language: {app / 1024:.0f} MiB vs bare window "
          f"{bare / 1024:.0f} MiB = {app / bare:.2f}x (target <= 2x)")
    print(f"  the same with one message checked (the self-check's engine loaded): {checked / 1024:.0f} MiB "
          f"= {checked / bare:.2f}x")


def language_switch(runs: int) -> None:
    """In-process: open a guide, then switch language over and over."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from core import i18n
    from core.cli import Roots
    from core.settings import SettingsStore
    from ui.app import build_window, get_app

    app = get_app()
    with tempfile.TemporaryDirectory() as home:
        store = SettingsStore(Path(home) / "settings.json", persistent=False)
        window = build_window(Roots(ROOT / "content", ROOT / "locales", ROOT), lang="en", store=store)
        window.show()
        locales = i18n.catalogs().locales()

        def switch_all() -> list[float]:
            times = []
            for _ in range(runs):
                for locale in locales[1:] + locales[:1]:
                    started = time.perf_counter()
                    window.services.state.set_locale(locale)
                    app.processEvents()
                    times.append(time.perf_counter() - started)
            return times

        home_times = switch_all()  # baseline: the home screen alone
        window.navigate("guides", {"guide": "impersonate_authority"})
        app.processEvents()
        guide_times = switch_all()
    g, h = statistics.median(guide_times), statistics.median(home_times)
    print(f"switch language with a guide open: {g * 1000:.1f} ms median, {max(guide_times) * 1000:.1f} ms worst "
          f"(home screen alone: {h * 1000:.1f} ms) = {g / 0.1:.2f}x the 100 ms budget")


def selfcheck() -> None:
    script = ROOT / "bench" / "selfcheck_bench.py"
    if script.exists():
        subprocess.run([sys.executable, str(script)], env=ENV, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    home = tempfile.TemporaryDirectory(prefix="scamsense-bench-")  # the app's folders, not the user's
    ENV["SCAMSENSE_HOME"] = home.name
    print(f"ScamSense benchmarks ({os.cpu_count()} cores, Python {sys.version.split()[0]}, offscreen)")
    startup(args.runs)
    memory(max(3, args.runs // 3))
    selfcheck()
    language_switch(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
