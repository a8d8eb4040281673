"""The person's settings and where the app keeps its files.

Settings are a small JSON file in the user's config folder. Writes are atomic
(a temporary file, then ``os.replace``), so a crash never leaves half a file.
A corrupt file is moved aside (never deleted: it may hold something the person
made) and the app starts with defaults and a message that says what happened.

``SCAMSENSE_HOME`` points every folder at one place (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

APP_DIR_NAME = "ScamSense"
TEXT_SCALES = (100, 125, 150, 175, 200)


def _base(kind: str) -> Path:
    home_override = os.environ.get("SCAMSENSE_HOME")
    if home_override:
        return Path(home_override) / kind
    if sys.platform == "win32":
        root = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(root) / APP_DIR_NAME / kind
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME / kind
    env = {"config": "XDG_CONFIG_HOME", "data": "XDG_DATA_HOME", "cache": "XDG_CACHE_HOME"}[kind]
    default = {"config": ".config", "data": ".local/share", "cache": ".cache"}[kind]
    root = os.environ.get(env) or str(Path.home() / default)
    return Path(root) / APP_DIR_NAME.lower()


def config_dir() -> Path:
    return _base("config")


def cache_dir() -> Path:
    """What can be rebuilt from the content at any time (never anything a person typed)."""
    return _base("cache")


def data_dir() -> Path:
    """Where progress and past scores live (never in kiosk mode)."""
    return _base("data")


def atomic_write_text(path: Path, text: str) -> None:
    """Write a whole file or nothing: temp file in the same folder, fsync, replace."""
    _atomic_write(path, "w", text, encoding="utf-8")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """atomic_write_text for bytes (the start-up caches)."""
    _atomic_write(path, "wb", data)


def _atomic_write(path: Path, mode: str, data, **open_args) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def move_aside(path: Path) -> Path:
    """Keep a damaged file next to where it was, under a name that says so."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    os.replace(path, target)
    return target


class Settings(SimpleNamespace):
    """What the person chose. A namespace, not a dataclass: see core/problems.py."""

    language: str | None  # None: follow the system the first time
    region: str | None  # None: from the system locale
    text_scale: int  # percent
    high_contrast: bool

    def __init__(self, language: str | None = None, region: str | None = None, text_scale: int = 100, high_contrast: bool = False):
        super().__init__(language=language, region=region, text_scale=text_scale, high_contrast=high_contrast)

    def as_dict(self) -> dict:
        return dict(vars(self))

    @classmethod
    def from_json(cls, raw: dict) -> tuple["Settings", list[str]]:
        """Build from parsed JSON, keeping every valid field and naming the invalid ones."""
        settings, bad = cls(), []
        types = {"language": (str, type(None)), "region": (str, type(None)), "text_scale": int, "high_contrast": bool}
        for name in vars(settings):
            if name not in raw:
                continue
            value = raw[name]
            if isinstance(value, types[name]) and not (name == "text_scale" and (isinstance(value, bool) or value not in TEXT_SCALES)):
                setattr(settings, name, value)
            else:
                bad.append(name)
        return settings, bad


class SettingsStore:
    """Loads and saves ``settings.json``. ``warning`` says what went wrong on load, if anything."""

    def __init__(self, path: Path | None = None, persistent: bool = True):
        self.path = Path(path) if path else config_dir() / "settings.json"
        self.persistent = persistent
        self.warning: str | None = None

    def load(self) -> Settings:
        self.warning = None
        if not self.persistent:
            return Settings()
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        except (OSError, UnicodeDecodeError) as exc:
            return self._corrupt(f"it could not be read ({exc})")
        import json  # here, not at the top: a kiosk and a first start read no settings

        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            return self._corrupt(f"line {exc.lineno}: {exc.msg}")
        if not isinstance(raw, dict):
            return self._corrupt("it does not hold a set of settings")
        settings, bad = Settings.from_json(raw)
        if bad:
            self.warning = f"{self.path}: ignored invalid value(s) for: {', '.join(bad)}; using defaults for those."
        return settings

    def _corrupt(self, reason: str) -> Settings:
        try:
            kept = move_aside(self.path)
            self.warning = f"{self.path} was damaged ({reason}). It was kept as {kept.name}; starting with default settings."
        except OSError:
            self.warning = f"{self.path} was damaged ({reason}); starting with default settings."
        return Settings()

    def save(self, settings: Settings) -> None:
        if not self.persistent:
            return
        import json

        atomic_write_text(self.path, json.dumps(settings.as_dict(), indent=2, ensure_ascii=False) + "\n")
