#!/usr/bin/env python3
"""Set up everything ScamSense needs on this machine, then start it or test it.

    python3 bootstrap.py [APP OPTIONS]   install, then start the app (e.g. --lang zh_CN)
    python3 bootstrap.py test [PYTEST OPTIONS]
                                         install the test tools too, then run the tests

It makes a virtual environment in .venv, installs the pinned packages from
requirements.txt (and requirements-dev.txt for tests) when they changed, and on
Debian or Ubuntu installs the few system libraries Qt needs when they are
missing (as root; otherwise it prints the one command to run). Only the Python
standard library is used here, so it runs on a fresh machine.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 10)

# What Qt's widgets need from the system on Debian/Ubuntu, offscreen (tests) and on screen.
QT_LIBS = ["libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libglib2.0-0", "libdbus-1-3", "libpulse0"]  # libpulse0: read aloud
QT_SCREEN_LIBS = [
    "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
    "libxcb-shape0", "libxcb-render-util0", "libxcb-image0", "libxcb-xinerama0", "libxcb-randr0",
]


def say(message: str) -> None:
    print(f"[bootstrap] {message}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(requirement_files: list[str]) -> Path:
    python = venv_python()
    if not python.exists():
        say(f"creating a virtual environment in {VENV.name}/")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(ROOT.glob("requirements*.txt")):  # -r includes are covered too
        digest.update(path.name.encode() + path.read_bytes())
    stamp = VENV / f".installed-{'-'.join(Path(n).stem for n in requirement_files)}"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return python
    say("installing the pinned packages (" + ", ".join(requirement_files) + ")")
    args = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    for name in requirement_files:
        args += ["-r", str(ROOT / name)]
    subprocess.run(args, check=True)
    stamp.write_text(digest.hexdigest())
    return python


def missing_debian_packages(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for package in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
        )
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_system_libraries(packages: list[str]) -> None:
    """On Debian/Ubuntu, install what Qt needs if it is missing."""
    if not sys.platform.startswith("linux"):
        return
    missing = missing_debian_packages(packages)
    if not missing:
        return
    if not shutil.which("apt-get"):
        say("Qt may need these system libraries: " + " ".join(missing))
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        sudo = "sudo " if shutil.which("sudo") else ""
        raise SystemExit(
            f"[bootstrap] Qt needs system libraries that are not installed. Run once:\n"
            f"    {sudo}apt-get update && {sudo}{' '.join(command)}\n"
            f"then run this command again."
        )
    say("installing system libraries for Qt: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(command, check=True, env=env)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def check_python() -> None:
    if sys.version_info < MIN_PYTHON:
        raise SystemExit(f"[bootstrap] ScamSense needs Python {'.'.join(map(str, MIN_PYTHON))} or newer; this is {sys.version.split()[0]}.")


def main(argv: list[str]) -> int:
    check_python()
    if argv[:1] == ["test"]:
        ensure_system_libraries(QT_LIBS)
        python = ensure_venv(["requirements-dev.txt"])
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.run([str(python), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env).returncode
    ensure_system_libraries(QT_LIBS + (QT_SCREEN_LIBS if has_display() else []))
    python = ensure_venv(["requirements.txt"])
    if not has_display():
        say("No screen was found (neither DISPLAY nor WAYLAND_DISPLAY is set).")
        say("ScamSense is a desktop app: run this on a desktop, or try it without a screen:")
        say("    QT_QPA_PLATFORM=offscreen python3 bootstrap.py --self-test")
        return 1
    return subprocess.run([str(python), str(ROOT / "main.py"), *argv], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
