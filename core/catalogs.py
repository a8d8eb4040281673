"""Checks on the gettext catalogs: is the template current, is every locale complete?

The catalogs are made with ``pybabel`` (see tools/i18n.py). Here the same extraction
runs in-process, so the linter and the tests can tell when ``locales/<domain>.pot``
no longer matches the code and content, and when a shipped locale has a string
that is missing, untranslated, fuzzy, or whose placeholders differ from the source.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from core.i18n import DOMAINS, SOURCE_LOCALE, placeholders
from core.yamlio import Problem


def _mapping(root: Path, domain: str):
    from babel.messages.frontend import parse_mapping_cfg

    cfg = root / "locales" / f"{domain}.cfg"
    with open(cfg, encoding="utf-8") as handle:
        return parse_mapping_cfg(handle, filename=str(cfg))


def extract(root: Path, domain: str):
    """Extract ``domain``'s messages from the sources, as ``pybabel extract`` would."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    root = Path(root)
    method_map, options_map = _mapping(root, domain)
    if str(root) not in sys.path:  # the YAML extractor is imported by name, as pybabel does
        sys.path.insert(0, str(root))
    catalog = Catalog(project="ScamSense", domain=domain)
    cwd = os.getcwd()
    os.chdir(root)  # mapping patterns are relative to the project root
    try:
        for filename, lineno, message, comments, context in extract_from_dir(
            ".", method_map, options_map, keywords=_keywords(), comment_tags=("TRANSLATORS:",), strip_comment_tags=True
        ):
            catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    finally:
        os.chdir(cwd)
    return catalog


def _keywords():
    from babel.messages.extract import DEFAULT_KEYWORDS

    keywords = dict(DEFAULT_KEYWORDS)
    keywords["N_"] = None
    return keywords


def read_catalog(path: Path):
    """Read a .po/.pot; raises CatalogError with the line on a syntax error."""
    from babel.messages.pofile import PoFileError, read_po

    from core.i18n import CatalogError

    try:
        with open(path, "rb") as handle:
            return read_po(handle, abort_invalid=True)
    except PoFileError as exc:
        from core.i18n import _error_line

        raise CatalogError(_display(path), _error_line(path, exc), str(exc)) from exc


def _display(path: Path) -> str:
    parts = Path(path).parts
    return "/".join(parts[parts.index("locales"):]) if "locales" in parts else str(path)


def _key(message) -> tuple:
    return (message.id if isinstance(message.id, str) else tuple(message.id), message.context)


def shipped_locales(root: Path) -> list[str]:
    base = Path(root) / "locales"
    return sorted(p.name for p in base.iterdir() if (p / "LC_MESSAGES" / "ui.po").is_file()) if base.is_dir() else []


def check_template(root: Path, domain: str) -> list[Problem]:
    """The committed .pot must list exactly what the sources contain."""
    from core.i18n import CatalogError

    root = Path(root)
    pot_path = root / "locales" / f"{domain}.pot"
    display = f"locales/{domain}.pot"
    if not pot_path.is_file():
        return [Problem(display, 1, "missing; run: python tools/i18n.py update")]
    try:
        pot = read_catalog(pot_path)
    except CatalogError as exc:
        return [exc.problem]
    fresh = extract(root, domain)
    have = {_key(m) for m in pot if m.id}
    want = {_key(m) for m in fresh if m.id}
    problems = []
    for key in sorted(want - have, key=str)[:20]:
        message = fresh.get(*key) if isinstance(key[0], str) else fresh.get(key[0], key[1])
        where = message.locations[0] if message and message.locations else ("?", 0)
        problems.append(Problem(display, 1, f"stale: '{_short(key[0])}' ({where[0]}:{where[1]}) is not in it; run: python tools/i18n.py update"))
    for key in sorted(have - want, key=str)[:20]:
        problems.append(Problem(display, 1, f"stale: '{_short(key[0])}' is no longer used; run: python tools/i18n.py update"))
    return problems


def check_locale(root: Path, locale: str, domain: str) -> list[Problem]:
    """A shipped locale must translate every message of the template, unfuzzy, placeholders intact."""
    from core.i18n import CatalogError

    root = Path(root)
    po_path = root / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"
    display = f"locales/{locale}/LC_MESSAGES/{domain}.po"
    if not po_path.is_file():
        return [Problem(display, 1, "missing; run: python tools/i18n.py update")]
    try:
        po = read_catalog(po_path)
        pot = read_catalog(root / "locales" / f"{domain}.pot")
    except (CatalogError, OSError) as exc:
        return [exc.problem] if isinstance(exc, CatalogError) else [Problem(display, 1, str(exc))]
    problems = []
    for message in pot:
        if not message.id:
            continue
        entry = po.get(message.id, message.context)
        source = message.id if isinstance(message.id, str) else message.id[0]
        if entry is None:
            problems.append(Problem(display, 1, f"missing '{_short(source)}'; run: python tools/i18n.py update"))
            continue
        line = entry.lineno or 1
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        if not all(strings):
            problems.append(Problem(display, line, f"untranslated: '{_short(source)}'"))
        elif entry.fuzzy:
            problems.append(Problem(display, line, f"fuzzy (needs review): '{_short(source)}'"))
        else:
            sources = [message.id] if isinstance(message.id, str) else list(message.id)
            allowed = set().union(*(placeholders(s) for s in sources))
            for translated in strings:
                if placeholders(translated) - allowed or (len(sources) == 1 and placeholders(translated) != allowed):
                    problems.append(
                        Problem(display, line, f"placeholders differ from the source in '{_short(source)}': "
                                f"{sorted(placeholders(translated))} vs {sorted(allowed)}")
                    )
    return problems


def check_all(root: Path) -> list[Problem]:
    problems = []
    for domain in DOMAINS:
        problems += check_template(root, domain)
        for locale in shipped_locales(root):
            if locale != SOURCE_LOCALE:
                problems += check_locale(root, locale, domain)
    return problems


def _short(text: str, width: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"
