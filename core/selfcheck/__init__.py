"""ScamSense self-check: an explained, offline verdict on a pasted message (no Qt).

    from core.selfcheck import load_checker
    checker = load_checker(content_dir)
    result = checker.check(text)      # raises InputTooLarge over 100 KB (UTF-8 bytes)
    result.verdict, result.score, result.scam_types, result.signals, result.advice
"""

from core.selfcheck.engine import (
    MAX_INPUT_BYTES,
    VERDICTS,
    Checker,
    InputRejected,
    InputTooLarge,
    Result,
    Signal,
    load_checker,
)

__all__ = [
    "MAX_INPUT_BYTES",
    "VERDICTS",
    "Checker",
    "InputRejected",
    "InputTooLarge",
    "Result",
    "Signal",
    "load_checker",
]
