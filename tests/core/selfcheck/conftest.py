from pathlib import Path

import pytest

from core.selfcheck import load_checker

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def checker():
    return load_checker(ROOT / "content")
