"""The one i18n module: explicit ``_``, ``ngettext``, ``N_`` and the catalog plumbing.

* Two gettext domains: ``ui`` (the chrome) and ``content`` (guides, quizzes, rules).
* English is the source language; it needs no catalog.
* Catalogs live as ``locales/<locale>/LC_MESSAGES/<domain>.po``. The matching
  ``.mo`` is compiled on first use (and again whenever the ``.po`` is newer), so
  a fresh clone needs no manual compile step; a frozen bundle ships ``.mo`` only.
* A missing string falls back to the source; so does a translation whose
  placeholders differ from the source's (``{name}`` or ``%(name)s``). Neither
  crashes, neither leaves a label empty.
* Nothing is installed into builtins and nothing is translated at import time:
  mark module-level strings with ``N_`` and translate them when shown. Widgets
  retranslate when ``set_locale`` notifies its listeners.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

from core.problems import Problem

SOURCE_LOCALE = "en"
DOMAINS = ("ui", "content")

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}|%\(([A-Za-z_][A-Za-z0-9_]*)\)[sdif]|%[sdif]")


def placeholders(text: str) -> set[str]:
    """The named placeholders in a message: ``{name}``, ``%(name)s``, and bare ``%s``."""
    names = set()
    for match in _PLACEHOLDER.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        names.add(match.group(1) or match.group(2) or token)
    return names


class GuardedTranslations(_gettext.GNUTranslations):
    """GNU translations that refuse a translation whose placeholders differ from the source."""

    def __init__(self, fp, name: str):
        self.name = name
        self.rejected: dict[str, str] = {}
        super().__init__(fp)

    def _guard(self, source: str, translated: str) -> str:
        if translated is source or translated == source:
            return translated
        if placeholders(translated) != placeholders(source):
            self.rejected.setdefault(source, translated)
            return source
        return translated

    def gettext(self, message):
        return self._guard(message, super().gettext(message))

    def ngettext(self, msgid1, msgid2, n):
        translated = super().ngettext(msgid1, msgid2, n)
        return self._guard(msgid1 if n == 1 else msgid2, translated)

    def pgettext(self, context, message):
        return self._guard(message, super().pgettext(context, message))

    # A parsed catalog, kept as marshal data: it loads in a quarter of the time parsing the .mo
    # takes (the content catalog's 2,000 entries cost about 3 ms of every start).
    def state(self) -> tuple:
        return (self._catalog, self._info, self._charset)

    @classmethod
    def from_state(cls, state: tuple, name: str) -> GuardedTranslations:
        catalog, info, charset = state
        if not isinstance(catalog, dict) or not isinstance(info, dict):
            raise ValueError("not a parsed catalog")
        self = cls.__new__(cls)
        _gettext.NullTranslations.__init__(self)
        self.name = name
        self.rejected = {}
        self._catalog, self._info, self._charset = catalog, info, charset
        forms = info.get("plural-forms")  # as GNUTranslations._parse reads it
        self.plural = _gettext.c2py(forms.split(";")[1].split("plural=")[1]) if forms else (lambda n: int(n != 1))
        return self


def compile_po(po_path: Path, problems: list | None = None) -> bytes:
    """Compile a .po file to .mo bytes (fuzzy entries left out).

    A syntax error is reported (file and line) into ``problems`` and the rest of the
    catalog is still used; without a ``problems`` list it raises CatalogError.
    """
    import contextlib

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        with open(po_path, "rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except PoFileError as exc:
        error = CatalogError(str(po_path), _error_line(po_path, exc), str(exc))
        if problems is None:
            raise error from exc
        problems.append(error.problem)
        with open(po_path, "rb") as handle, contextlib.redirect_stdout(io.StringIO()):
            catalog = read_po(handle, abort_invalid=False)  # keep every entry that is fine
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CatalogError(str(po_path), 1, f"cannot read the catalog: {exc}") from exc
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _error_line(po_path: Path, exc) -> int:
    """The 1-based line of a Babel PoFileError (its own count is not always the file's)."""
    guess = (getattr(exc, "lineno", 0) or 0) + 1
    bad = (getattr(exc, "line", "") or "").strip()
    if bad:
        try:
            lines = Path(po_path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return guess
        matches = [n for n, text in enumerate(lines, 1) if text.strip() == bad]
        if matches:
            return min(matches, key=lambda n: abs(n - guess))
    return guess


class CatalogError(Exception):
    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.problem = Problem(file, line, message)


class Catalogs:
    """Every shipped locale's catalogs, loaded lazily and cached."""

    def __init__(self, localedir: Path, cache_dir: Path | None = None):
        self.localedir = Path(localedir)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None  # parsed catalogs
        self._cache: dict[tuple[str, str], _gettext.NullTranslations] = {}
        self._lock = threading.Lock()
        self.problems: list[Problem] = []

    def locales(self) -> list[str]:
        """The source locale first, then every locale that ships a ``ui`` catalog."""
        found = []
        if self.localedir.is_dir():
            for entry in sorted(self.localedir.iterdir()):
                messages = entry / "LC_MESSAGES"
                if (messages / "ui.po").is_file() or (messages / "ui.mo").is_file():
                    found.append(entry.name)
        return [SOURCE_LOCALE] + [code for code in found if code != SOURCE_LOCALE]

    def translations(self, locale: str, domain: str) -> _gettext.NullTranslations:
        key = (locale, domain)
        with self._lock:
            cached = self._cache.get(key)
            if cached is None:
                cached = self._cache[key] = self._load(locale, domain)
            return cached

    def _load(self, locale: str, domain: str) -> _gettext.NullTranslations:
        if locale == SOURCE_LOCALE:
            return _gettext.NullTranslations()
        base = self.localedir / locale / "LC_MESSAGES" / domain
        po, mo = base.with_suffix(".po"), base.with_suffix(".mo")
        try:
            data = self._mo_bytes(po, mo, self.problems)
        except CatalogError as exc:
            self.problems.append(exc.problem)
            return _gettext.NullTranslations()
        if data is None:
            return _gettext.NullTranslations()
        try:
            return self._parse(data, f"{locale}/{domain}")
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            self.problems.append(Problem(str(mo), 1, f"cannot read the compiled catalog: {exc}"))
            return _gettext.NullTranslations()

    def _parse(self, data: bytes, name: str) -> GuardedTranslations:
        """The compiled catalog ``data``, parsed; through the cache folder when there is one.

        The cache is keyed by the bytes' length and CRC-32, so any change to a catalog is a miss; a
        damaged or foreign cache file is parsed afresh and replaced.
        """
        return _through_cache(
            self.cache_dir,
            name.replace("/", "-"),
            data,
            load=lambda state: GuardedTranslations.from_state(state, name),
            parse=lambda: GuardedTranslations(io.BytesIO(data), name),
            state=lambda translations: translations.state(),
        )

    @staticmethod
    def _mo_bytes(po: Path, mo: Path, problems: list) -> bytes | None:
        try:
            po_stat = po.stat()
        except OSError:
            po_stat = None
        try:
            mo_stat = mo.stat()
        except OSError:
            mo_stat = None
        if po_stat is None:
            return mo.read_bytes() if mo_stat else None
        if mo_stat is not None and mo_stat.st_mtime_ns >= po_stat.st_mtime_ns:
            return mo.read_bytes()
        before = len(problems)
        data = compile_po(po, problems)
        if len(problems) > before:
            return data  # not cached: the error is reported again on every start until fixed
        from core.settings import atomic_write_bytes

        try:  # keep the compiled file for the next start; a read-only tree just recompiles
            atomic_write_bytes(mo, data)
        except OSError:
            pass
        return data

    def rejected(self) -> list[tuple[str, str, str]]:
        """Translations refused by the placeholder guard so far: (catalog, source, translation)."""
        out = []
        for translations in list(self._cache.values()):
            if isinstance(translations, GuardedTranslations):
                out.extend((translations.name, src, bad) for src, bad in translations.rejected.items())
        return out


# --- the current language -------------------------------------------------------------------

_catalogs: Catalogs | None = None
_locale = SOURCE_LOCALE
_ui = _gettext.NullTranslations()
_content = _gettext.NullTranslations()
_listeners: list[Callable[[str], None]] = []


def setup(localedir: Path, locale: str = SOURCE_LOCALE, cache_dir: Path | None = None) -> Catalogs:
    """Point the module at a locale directory (resolved once, in main.py) and pick a locale.

    With ``cache_dir``, parsed catalogs are kept there for the next start.
    """
    global _catalogs, _names_cache
    _catalogs = Catalogs(localedir, cache_dir)
    _names_cache = None
    set_locale(locale)
    return _catalogs


def catalogs() -> Catalogs:
    if _catalogs is None:
        raise RuntimeError("core.i18n.setup() has not been called")
    return _catalogs


def current_locale() -> str:
    return _locale


def set_locale(locale: str) -> None:
    """Switch language live and tell every listener (each widget retranslates itself)."""
    global _locale, _ui, _content
    if _catalogs is None:
        raise RuntimeError("core.i18n.setup() has not been called")
    _ui = _catalogs.translations(locale, "ui")
    _content = _catalogs.translations(locale, "content")
    changed = locale != _locale
    _locale = locale
    if changed:
        for listener in list(_listeners):
            listener(locale)


def add_listener(callback: Callable[[str], None]) -> None:
    _listeners.append(callback)


def remove_listener(callback: Callable[[str], None]) -> None:
    if callback in _listeners:
        _listeners.remove(callback)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it (translate when shown)."""
    return message


def _(message: str) -> str:
    """Translate a ``ui`` string into the current language. ``_("")`` is ``""``."""
    if not message:
        return ""
    return _ui.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _ui.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    if not message:
        return ""
    return _ui.pgettext(context, message)


def content_gettext(message: str) -> str:
    """Translate a ``content`` string (guides, quiz, rules) into the current language."""
    if not message:
        return ""
    return _content.gettext(message)


def translator(locale: str, domain: str) -> _gettext.NullTranslations:
    """Translations for a locale that need not be the current one (lint, handouts, tests)."""
    return catalogs().translations(locale, domain)


# --- choosing a locale ------------------------------------------------------------------------

# Chinese is chosen by script, not by country: Hong Kong and Macao read Traditional.
_CHINESE_TRADITIONAL = {"TW", "HK", "MO", "HANT"}


def normalize(code: str) -> str:
    """``zh-TW.UTF-8`` -> ``zh_TW``; ``C``/``POSIX``/empty -> ``""``."""
    code = (code or "").split(".")[0].split("@")[0].replace("-", "_")
    if code in ("", "C", "POSIX"):
        return ""
    parts = code.split("_")
    return "_".join([parts[0].lower()] + [p.upper() if len(p) == 2 else p.title() for p in parts[1:]])


def match_locale(requested: str, available: list[str]) -> str | None:
    """The shipped locale that best serves ``requested`` (e.g. ``en_GB`` -> ``en``), or None."""
    code = normalize(requested)
    if not code:
        return None
    if code in available:
        return code
    parts = code.split("_")
    language = parts[0]
    if language == "zh":
        traditional = any(p.upper() in _CHINESE_TRADITIONAL for p in parts[1:])
        for candidate in (["zh_TW", "zh_HK"] if traditional else ["zh_CN", "zh_SG"]):
            if candidate in available:
                return candidate
    same_language = [loc for loc in available if loc.split("_")[0] == language]
    return same_language[0] if same_language else None


def system_locale_names() -> list[str]:
    """What the environment asks for, most specific first (LANGUAGE may list several)."""
    names = []
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            names.append(value)
            break
    names[:0] = [part for part in os.environ.get("LANGUAGE", "").split(":") if part]
    return names


def choose_locale(candidates: list[str], available: list[str]) -> str:
    """The first candidate we ship, else the source language."""
    for name in candidates:
        match = match_locale(name, available)
        if match:
            return match
    return SOURCE_LOCALE


_NAMES_FILE = "languages.json"
_names_cache: dict[str, str] | None = None


def display_name(locale: str) -> str:
    """The language's name in its own script (e.g. ``简体中文``), from Babel's CLDR data.

    The names of the shipped languages are kept in ``locales/languages.json`` (written by
    ``tools/i18n.py`` from Babel, and checked against it by a test) so that the start-up does
    not load CLDR; any other locale is asked of Babel directly.
    """
    global _names_cache
    if _names_cache is None:
        _names_cache = _read_names(_catalogs) if _catalogs is not None else {}
    name = _names_cache.get(locale) if isinstance(_names_cache, dict) else None
    return name if isinstance(name, str) and name else cldr_name(locale)


def _read_names(catalogs: Catalogs) -> dict:
    """locales/languages.json, through the catalogs' cache folder when there is one: the start-up
    shows the current language's name, and marshal (built in) loads where json is a package to
    import (1.5 ms). The cache is keyed by the file's bytes, as the parsed catalogs are."""
    try:
        data = (catalogs.localedir / _NAMES_FILE).read_bytes()
    except OSError:
        return {}

    def parse() -> dict:
        import json

        try:
            names = json.loads(data.decode("utf-8"))
        except ValueError:  # UnicodeDecodeError is one
            return {}
        return names if isinstance(names, dict) else {}

    def load(state) -> dict:
        if not isinstance(state, dict):
            raise TypeError("not a table of names")
        return state

    return _through_cache(catalogs.cache_dir, "languages", data, load=load, parse=parse, state=lambda names: names)


def _through_cache(cache_dir: Path | None, stem: str, data: bytes, load: Callable, parse: Callable, state: Callable):
    """``parse()`` of ``data``, kept in ``cache_dir`` as marshal data for the next start.

    The cache file is keyed by the bytes' length and CRC-32, so any change to them is a miss; a
    damaged or foreign cache file (``load`` raises) is parsed afresh and replaced, and a
    read-only folder only means parsing again next time.
    """
    if cache_dir is None:
        return parse()
    import marshal
    import zlib  # not hashlib: importing it costs more than the cache saves

    path = cache_dir / f"{stem}-{len(data)}-{zlib.crc32(data):08x}.marshal"
    try:
        return load(marshal.loads(path.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        pass
    from core.settings import atomic_write_bytes

    parsed = parse()
    try:
        for old in cache_dir.glob(f"{stem}-*.marshal"):
            old.unlink()
        atomic_write_bytes(path, marshal.dumps(state(parsed)))
    except (OSError, ValueError):
        pass
    return parsed


def cldr_name(locale: str) -> str:
    """Ask Babel's CLDR data for a locale's name in its own script."""
    from babel import Locale, UnknownLocaleError

    try:
        parsed = Locale.parse(locale)
    except (ValueError, UnknownLocaleError):
        return locale
    if parsed.language == "zh":
        # Chinese readers choose a script, not a country: 简体中文 / 繁體中文, as every Chinese
        # language menu says, rather than CLDR's "中文 (简体, 中国)". Both words are CLDR's own.
        script = "Hant" if (parsed.script == "Hant" or (not parsed.script and parsed.territory in _CHINESE_TRADITIONAL)) else "Hans"
        written = Locale.parse(f"zh_{script}")
        return written.scripts[script] + written.languages["zh"]
    return parsed.get_display_name(parsed) or locale
