"""The command line, run as a person would run it."""

import subprocess
import sys
from pathlib import Path

import pytest

MAIN = Path(__file__).resolve().parent.parent / "main.py"


def run(*args, timeout=300):
    return subprocess.run([sys.executable, str(MAIN), *args], capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def test_help_lists_every_option_and_command():
    result = run("--help")
    assert result.returncode == 0
    for word in ("--lang", "--region", "--version", "--self-test", "content"):
        assert word in result.stdout


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("ScamSense ")


def test_an_unknown_region_is_refused_with_the_choices():
    result = run("--region", "XX")
    assert result.returncode == 2
    assert "CN" in result.stderr and "AU" in result.stderr


@pytest.mark.slow
def test_self_test_passes_on_this_checkout():
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test OK" in result.stdout
    assert "screens:" in result.stdout and "templates:" in result.stdout
