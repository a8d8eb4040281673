#!/usr/bin/env python3
"""Catalog chores for translators and developers, wrapping ``pybabel``.

    python tools/i18n.py update             extract both domains, update every locale's .po
    python tools/i18n.py init LOCALE        start a new language (e.g. ja, vi, ms)
    python tools/i18n.py compile [DEST]     compile .mo files (the bundle does this)
    python tools/i18n.py check              report stale templates and incomplete locales
    python tools/i18n.py fill LOCALE DOMAIN FILE.json
                                            set translations from a {"source": "translation"} map

Adding a language needs no code change: ``init``, translate, and the language
appears in the picker.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.catalogs import check_all, shipped_locales  # noqa: E402
from core.i18n import DOMAINS, compile_po  # noqa: E402

LOCALES = ROOT / "locales"


def pybabel(*args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "babel.messages.frontend", *args]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


@contextmanager
def locked():
    """Several translators (or helpers) may run this at once: one at a time."""
    with open(LOCALES / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def update() -> None:
    """Extract both domains with pybabel, then merge each locale's .po.

    Refuses to run while a content file cannot be parsed: its strings would drop
    out of the template and their translations with them. Translations of a
    string that disappears and comes back are revived from the obsolete entries.
    """
    from core.content import ContentLibrary

    broken = [p for p in ContentLibrary.load(ROOT / "content").problems if "syntax" in p.message or "UTF-8" in p.message]
    if broken:
        for problem in broken:
            print(problem, file=sys.stderr)
        raise SystemExit("fix the files above first; nothing was changed")
    with locked():
        for domain in DOMAINS:
            pot = LOCALES / f"{domain}.pot"
            before = pot.read_text(encoding="utf-8") if pot.exists() else None
            pybabel(
                "extract", "-F", f"locales/{domain}.cfg", "-k", "N_", "-c", "TRANSLATORS:",
                "--add-location=file", "--sort-by-file", "--no-wrap",
                "--project=ScamSense", "--copyright-holder=ScamSense contributors",
                "-o", str(pot.relative_to(ROOT)), ".",
            )
            _keep_if_only_dates_changed(pot, before)
            for locale in shipped_locales(ROOT):
                po = LOCALES / locale / "LC_MESSAGES" / f"{domain}.po"
                if po.exists():
                    _merge(pot, po)
                else:
                    pybabel("init", "-D", domain, "-i", str(pot), "-d", str(LOCALES), "-l", locale, "--no-wrap")
    write_language_names()


_DATES = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.M)


def _keep_if_only_dates_changed(path: Path, before: str | None) -> None:
    """Rewrite nothing when only a header date moved: no churn in every commit's diff."""
    if before is not None and _DATES.sub("", path.read_text(encoding="utf-8")) == _DATES.sub("", before):
        path.write_text(before, encoding="utf-8")


def _merge(pot: Path, po: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    with open(pot, "rb") as handle:
        template = read_po(handle)
    with open(po, "rb") as handle:
        catalog = read_po(handle)
    known = {m.id: m.string for m in catalog if m.id and m.string}
    known.update({key: m.string for key, m in catalog.obsolete.items() if m.string and key not in known})
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    revived = 0
    for message in catalog:
        if message.id and not message.string and message.id in known:
            message.string = known[message.id]
            revived += 1
    before = po.read_text(encoding="utf-8")
    with open(po, "wb") as handle:
        write_po(handle, catalog, width=0, include_previous=False)
    _keep_if_only_dates_changed(po, before)
    print(f"updated {po.relative_to(ROOT)}" + (f" (revived {revived})" if revived else ""))


def init(locale: str) -> None:
    with locked():
        for domain in DOMAINS:
            pybabel("init", "-D", domain, "-i", str(LOCALES / f"{domain}.pot"), "-d", str(LOCALES), "-l", locale, "--no-wrap")
    write_language_names()


def write_language_names() -> None:
    """locales/languages.json: each shipped language's name in its own script, from CLDR."""
    from core.i18n import SOURCE_LOCALE, cldr_name

    names = {code: cldr_name(code) for code in [SOURCE_LOCALE] + shipped_locales(ROOT)}
    (LOCALES / "languages.json").write_text(json.dumps(names, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def compile_all(dest: Path) -> None:
    for locale in shipped_locales(ROOT):
        for domain in DOMAINS:
            po = LOCALES / locale / "LC_MESSAGES" / f"{domain}.po"
            out = dest / locale / "LC_MESSAGES" / f"{domain}.mo"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(compile_po(po))
            print(f"compiled {out}")


def fill(locale: str, domain: str, mapping_file: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    po_path = LOCALES / locale / "LC_MESSAGES" / f"{domain}.po"
    with locked():
        with open(po_path, "rb") as handle:
            catalog = read_po(handle)
        unknown = []
        for source, translation in mapping.items():
            message = catalog.get(source)
            if message is None:
                unknown.append(source)
                continue
            message.string = translation
            message.flags.discard("fuzzy")
        with open(po_path, "wb") as handle:
            write_po(handle, catalog, width=0, include_previous=False)
    print(f"{po_path.relative_to(ROOT)}: set {len(mapping) - len(unknown)} translation(s)")
    for source in unknown:
        print(f"  not in the catalog (run update first?): {source[:70]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update")
    sub.add_parser("init").add_argument("locale")
    sub.add_parser("compile").add_argument("dest", nargs="?", type=Path, default=LOCALES)
    sub.add_parser("check")
    fill_parser = sub.add_parser("fill")
    fill_parser.add_argument("locale")
    fill_parser.add_argument("domain", choices=DOMAINS)
    fill_parser.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "init":
        init(args.locale)
    elif args.command == "compile":
        compile_all(args.dest)
    elif args.command == "fill":
        fill(args.locale, args.domain, args.file)
    else:
        problems = check_all(ROOT)
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
