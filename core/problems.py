"""A problem in a content or catalog file, reported as ``file:line: message``."""

from __future__ import annotations

from typing import NamedTuple


# NamedTuple rather than a dataclass here and in the other types the home screen needs
# (core.cli.Roots, core.regions, core.settings): making dataclasses at import time costs
# about 5 ms of every start.
class Problem(NamedTuple):
    """One thing wrong with a content file, reported as ``file:line: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "message": self.message}
