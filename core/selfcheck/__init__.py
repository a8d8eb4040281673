"""ScamSense self-check: an explained, offline verdict on a pasted message (no Qt).

    from core.selfcheck import load_checker
    checker = load_checker(content_dir)
    result = checker.check(text)      # raises InputTooLarge over 100 KB (UTF-8 bytes)
    result.verdict, result.score, result.scam_types, result.signals, result.advice
"""

# The engine (and the link and phone libraries it needs) is imported on first use of one of
# these names: importing core.selfcheck.rules (the content linter, the guides' library) costs
# only the rules module, not phonenumbers, idna and the public-suffix list (about 7 MB).
_ENGINE_NAMES = ("MAX_INPUT_BYTES", "VERDICTS", "Checker", "InputRejected", "InputTooLarge", "Result", "Signal", "load_checker")


def __getattr__(name: str):
    if name in _ENGINE_NAMES:
        from core.selfcheck import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'core.selfcheck' has no attribute {name!r}")


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
