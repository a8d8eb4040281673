#!/usr/bin/env python3
"""Build the one-folder bundle, prove it runs, and weigh it against a bare PySide6 window.

    python tools/build_bundle.py [--dist DIR] [--skip-baseline]

1. ``pyinstaller build.spec``          -> DIR/scamsense/
2. ``pyinstaller bench/bare.spec``     -> DIR/bare_window/ (PyInstaller's defaults, same run)
3. ``DIR/scamsense/scamsense --self-test`` offscreen, with a throw-away home folder
4. prints both sizes and their ratio (target: at most 1.25)

Exit status 1 if a build or the frozen self-test fails. CI runs this after the tests.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE_TARGET = 1.25


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def pyinstaller(spec: Path, dist: Path, work: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(dist), "--workpath", str(work), str(spec)],
        cwd=ROOT, check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args(argv)
    work = ROOT / "build" / "pyinstaller"

    print("building the ScamSense bundle ...", flush=True)
    pyinstaller(ROOT / "build.spec", args.dist, work / "app")
    app_dir = args.dist / "scamsense"
    binary = app_dir / ("scamsense.exe" if os.name == "nt" else "scamsense")

    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SCAMSENSE_HOME=home)
        print(f"running {binary.relative_to(ROOT) if binary.is_relative_to(ROOT) else binary} --self-test ...", flush=True)
        result = subprocess.run([str(binary), "--self-test"], env=env, capture_output=True, text=True, timeout=600)
    print(result.stdout.rstrip())
    if result.returncode != 0:
        print(result.stderr.rstrip(), file=sys.stderr)
        print("FAILED: the frozen bundle's self-test failed", file=sys.stderr)
        return 1

    app_size = folder_size(app_dir)
    print(f"bundle: {app_size / 2**20:.1f} MiB in {app_dir}")
    if not args.skip_baseline:
        print("building the bare PySide6 window bundle (baseline) ...", flush=True)
        pyinstaller(ROOT / "bench" / "bare.spec", args.dist, work / "bare")
        bare_size = folder_size(args.dist / "bare_window")
        ratio = app_size / bare_size
        verdict = "within" if ratio <= SIZE_TARGET else "OVER"
        print(f"bare PySide6 window bundle: {bare_size / 2**20:.1f} MiB")
        print(f"size ratio: {ratio:.2f}x the bare window ({verdict} the {SIZE_TARGET}x target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
