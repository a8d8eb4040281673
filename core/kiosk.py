"""Kiosk mode's configuration, the admin PIN and the wrong-PIN throttle. No Qt here.

The configuration is a small YAML file, by default ``kiosk.yaml`` in the user config folder
(``core.settings.config_dir()``; ``python main.py --kiosk --kiosk-config PATH`` points elsewhere).
Every key is optional::

    # ScamSense kiosk configuration
    region: CN                      # whose hotlines are shown (a code from content/regions.yaml)
    languages: [zh_CN, zh_TW, en]   # offered on the attract screen; the first is the default
    idle_timeout: 90                # seconds without a touch before "Still there?" (15-3600)
    countdown: 20                   # seconds "Still there?" waits before the reset (5-120)
    printing: false                 # true: offer "Print handout" at the counter
    admin_pin_hash: "scrypt$..."    # written by `python main.py kiosk set-pin`; never a PIN

A missing or damaged file never stops the kiosk: every value that cannot be used falls back to
its safe default, and each problem is reported as ``file:line: message`` for the admin.
The PIN is stored only as a salted scrypt hash and compared in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.problems import Problem
from core.settings import atomic_write_text, config_dir
from core.yamlio import loads_yaml

CONFIG_NAME = "kiosk.yaml"
DEFAULT_IDLE_TIMEOUT = 90
DEFAULT_COUNTDOWN = 20
IDLE_RANGE = (15, 3600)
COUNTDOWN_RANGE = (5, 120)
PIN_PATTERN = re.compile(r"[0-9]{4,12}")

# scrypt with n=2**14, r=8, p=1: about 16 MiB and a few tens of milliseconds per try
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_HASH_RE = re.compile(r"scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)")

TEMPLATE = """\
# ScamSense kiosk configuration (read when the app starts with --kiosk).
# Every key is optional; a key left out, or a value that cannot be used, gets its default.
region: {region}                 # whose hotlines are shown: a code from content/regions.yaml
languages: [{languages}]   # offered on the attract screen; the first one is the default
idle_timeout: {idle_timeout}                # seconds without a touch before "Still there?" (15-3600)
countdown: {countdown}                   # seconds "Still there?" waits before the reset (5-120)
printing: {printing}                 # true: offer "Print handout" when a printer is set up
# The admin PIN, as a salted hash. Set or change it with:  python main.py kiosk set-pin
admin_pin_hash: {pin_hash}
"""


def default_path() -> Path:
    return config_dir() / CONFIG_NAME


@dataclass(frozen=True)
class KioskConfig:
    region: str | None = None  # None: the region the app would choose anyway
    languages: tuple[str, ...] = ()  # empty: every shipped language
    idle_timeout: int = DEFAULT_IDLE_TIMEOUT
    countdown: int = DEFAULT_COUNTDOWN
    printing: bool = False
    admin_pin_hash: str | None = None
    path: Path | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def has_pin(self) -> bool:
        return self.admin_pin_hash is not None

    def warnings(self) -> list[str]:
        return [str(p) for p in self.problems]


def load_config(
    path: Path | None = None,
    regions: set[str] | None = None,
    locales: list[str] | None = None,
) -> KioskConfig:
    """Read the configuration. Never raises for a bad file: see ``KioskConfig.problems``.

    ``regions`` and ``locales`` are the known codes; when given, unknown ones are reported.
    """
    path = Path(path) if path else default_path()
    name = str(path)
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(name, 0, "no kiosk configuration file here; using safe defaults (no admin PIN: "
                                          "set one with `python main.py kiosk set-pin`)"))
        return KioskConfig(path=path, problems=tuple(problems))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, 1, f"cannot read the file ({exc}); using safe defaults"))
        return KioskConfig(path=path, problems=tuple(problems))

    data, yaml_problems = loads_yaml(text, name)
    problems += yaml_problems
    if data is None and not yaml_problems:
        data = {}  # an empty file
    if data is None:
        problems.append(Problem(name, problems[0].line if problems else 1, "the file could not be read as YAML; using safe defaults"))
        return KioskConfig(path=path, problems=tuple(problems))
    if not isinstance(data, dict):
        problems.append(Problem(name, getattr(data, "line", 1), "expected keys such as `region:` and `idle_timeout:`; using safe defaults"))
        return KioskConfig(path=path, problems=tuple(problems))

    def line(key: str) -> int:
        return data.line_of(key) if hasattr(data, "line_of") else 1

    values: dict = {}
    known = {"region", "languages", "idle_timeout", "countdown", "printing", "admin_pin_hash"}
    for key in data:
        if key not in known:
            problems.append(Problem(name, line(key), f"unknown key `{key}` ignored (known: {', '.join(sorted(known))})"))

    if "region" in data and data["region"] is not None:
        region = data["region"]
        if not isinstance(region, str) or (regions is not None and region.upper() not in regions):
            choices = f" (one of {', '.join(sorted(regions))})" if regions else ""
            problems.append(Problem(name, line("region"), f"region {region!r} is not known{choices}; using the default region"))
        else:
            values["region"] = region.upper()

    if "languages" in data and data["languages"] is not None:
        raw = data["languages"]
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            problems.append(Problem(name, line("languages"), "languages must be a list such as [zh_CN, en]; offering every language"))
        else:
            good = []
            for code in raw:
                if locales is not None and code not in locales:
                    problems.append(Problem(name, line("languages"), f"language {code!r} is not shipped (shipped: {', '.join(locales)}); left out"))
                elif code not in good:
                    good.append(code)
            values["languages"] = tuple(good)

    for key, low_high, default in (("idle_timeout", IDLE_RANGE, DEFAULT_IDLE_TIMEOUT), ("countdown", COUNTDOWN_RANGE, DEFAULT_COUNTDOWN)):
        if key in data and data[key] is not None:
            value = data[key]
            low, high = low_high
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                problems.append(Problem(name, line(key), f"{key} must be a whole number of seconds from {low} to {high}, not {value!r}; using {default}"))
            else:
                values[key] = value

    if "printing" in data and data["printing"] is not None:
        if not isinstance(data["printing"], bool):
            problems.append(Problem(name, line("printing"), f"printing must be true or false, not {data['printing']!r}; printing is off"))
        else:
            values["printing"] = data["printing"]

    pin_hash = data.get("admin_pin_hash")
    if pin_hash is None:
        problems.append(Problem(name, line("admin_pin_hash") if "admin_pin_hash" in data else 1,
                                "no admin PIN is set, so the kiosk cannot be left from the screen; "
                                "set one with `python main.py kiosk set-pin`"))
    elif not isinstance(pin_hash, str) or not _HASH_RE.fullmatch(pin_hash):
        problems.append(Problem(name, line("admin_pin_hash"), "admin_pin_hash is not a hash written by "
                                "`python main.py kiosk set-pin`; set the PIN again"))
    else:
        values["admin_pin_hash"] = str(pin_hash)

    return KioskConfig(path=path, problems=tuple(problems), **values)


# --- the PIN --------------------------------------------------------------------------------------


def valid_pin(pin: str) -> bool:
    """A PIN is 4 to 12 digits: easy on a touch-screen keypad."""
    return bool(PIN_PATTERN.fullmatch(pin))


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` with a random 16-byte salt. The PIN itself is never stored."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, maxmem=64 * 1024 * 1024, **_SCRYPT)
    b64 = lambda raw: base64.b64encode(raw).decode("ascii")  # noqa: E731
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${b64(salt)}${b64(digest)}"


def verify_pin(pin: str, stored: str | None) -> bool:
    """True if ``pin`` matches the stored hash; constant-time comparison. No hash: always False."""
    match = _HASH_RE.fullmatch(stored or "")
    if not match:
        return False
    n, r, p = (int(match.group(i)) for i in (1, 2, 3))
    if n > 2**20 or r > 32 or p > 16:  # refuse a hash that would take the machine's memory
        return False
    try:
        salt = base64.b64decode(match.group(4), validate=True)
        expected = base64.b64decode(match.group(5), validate=True)
        digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(expected), maxmem=256 * 1024 * 1024)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


def set_pin(path: Path | None, pin: str) -> Path:
    """Store the hash of ``pin`` in the configuration file, keeping every other line.

    A missing file is created from the documented template with safe defaults. Returns the path.
    """
    if not valid_pin(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    path = Path(path) if path else default_path()
    pin_hash = hash_pin(pin)
    line = f'admin_pin_hash: "{pin_hash}"'
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = TEMPLATE.format(region="CN", languages="zh_CN, zh_TW, en", idle_timeout=DEFAULT_IDLE_TIMEOUT,
                               countdown=DEFAULT_COUNTDOWN, printing="false", pin_hash='""')
    pattern = re.compile(r"^admin_pin_hash\s*:.*$", re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _m: line, text, count=1)
    else:
        text = text + ("" if text.endswith("\n") or not text else "\n") + line + "\n"
    atomic_write_text(path, text)
    try:
        os.chmod(path, 0o600)  # only the kiosk's account reads it
    except OSError:
        pass
    return path


class PinThrottle:
    """Wrong PINs slow down: after ``free`` wrong tries, each one locks the pad for twice as long.

    Delays: 0, 0, 0, 2, 4, 8, ... seconds, at most ``cap``. A right PIN clears the count.
    The clock is injectable so tests need not wait.
    """

    def __init__(self, free: int = 3, first_delay: float = 2.0, cap: float = 300.0, clock: Callable[[], float] = time.monotonic):
        self.free = free
        self.first_delay = first_delay
        self.cap = cap
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0

    def remaining(self) -> float:
        """Seconds before another try is accepted (0: now)."""
        return max(0.0, self.locked_until - self.clock())

    def delay_for(self, failures: int) -> float:
        if failures <= self.free:
            return 0.0
        return min(self.cap, self.first_delay * 2 ** (failures - self.free - 1))

    def attempt(self, pin: str, stored: str | None) -> tuple[bool, float]:
        """Try a PIN. Returns (accepted, seconds locked now). A try while locked is refused unchecked."""
        wait = self.remaining()
        if wait > 0:
            return False, wait
        if verify_pin(pin, stored):
            self.failures = 0
            self.locked_until = 0.0
            return True, 0.0
        self.failures += 1
        delay = self.delay_for(self.failures)
        self.locked_until = self.clock() + delay
        return False, delay
