"""``--self-test``: prove this installation works, from content to screens.

Loads every content file, translates every string in every locale, renders
every page in every locale and region, then (in ui/selftest.py) builds every
screen offscreen in every locale. Prints a summary; exit code 0 or 1. The
packaging pipeline runs it on the frozen bundle.
"""

from __future__ import annotations

import os
import sys
import time

from core import content, i18n
from core.content import ContentLibrary


# Fictional on purpose (a .example link, a +855 number): it must exercise the link parser, the
# public-suffix list and the phone-number data, which a broken bundle would leave out.
_SAMPLE_SCAM = "Your parcel is held. Pay the fee within 24 hours at http://parcel-fee.example/pay or call +855 12 345 678."
_SAMPLE_GENUINE = "Your login code is 5173. It expires in 10 minutes. Do not share it with anyone."


def _check_the_checker(roots, out) -> list[str]:
    try:
        from core.selfcheck import load_checker
    except ImportError as exc:
        return [f"self-check: cannot load: {exc}"]
    try:
        checker = load_checker(roots.content_dir, roots.locale_dir)
        scam, genuine = checker.check(_SAMPLE_SCAM), checker.check(_SAMPLE_GENUINE)
    except Exception as exc:  # a missing data file in a bundle, say: report it, keep testing
        return [f"self-check: does not run: {type(exc).__name__}: {exc}"]
    print(f"self-check: sample scam {scam.verdict} ({scam.score}), sample genuine {genuine.verdict} ({genuine.score})", file=out)
    failures = []
    if scam.verdict == "low":
        failures.append("self-check: a sample scam came out low")
    if genuine.verdict != "low":
        failures.append("self-check: a sample genuine message did not come out low")
    return failures


def _check_the_word_list(out) -> list[str]:
    """The quiz cuts Chinese messages at word boundaries from a shipped list; without it the
    pieces fall back to pairs of characters, silently. A bundle must carry it."""
    from core.quiz.scoring import WORDS_FILE, WordList

    words = WordList.read(WORDS_FILE)
    print(f"quiz: {len(words.freq)} Chinese words to cut red-flag messages with", file=out)
    return [] if words.freq else [f"quiz: the Chinese word list is missing or empty: {WORDS_FILE.name}"]


def run_self_test(roots, out=None) -> int:
    out = out or sys.stdout
    started = time.perf_counter()
    failures: list[str] = []

    catalogs = i18n.setup(roots.locale_dir)
    locales = catalogs.locales()
    library = ContentLibrary.load(roots.content_dir)
    failures += [f"content: {p}" for p in library.problems]
    texts = library.texts()
    for locale in locales:
        for domain in i18n.DOMAINS:
            i18n.translator(locale, domain)  # compiles or loads every catalog
        translate = i18n.translator(locale, "content").gettext
        for _file, _line, text in texts:
            if not translate(text):
                failures.append(f"content: empty translation in {locale}: {text[:60]}")
    failures += [f"catalog: {p}" for p in catalogs.problems]
    print(f"content: {sum(len(f) for f in library.files.values())} files, {len(texts)} strings, locales: {', '.join(locales)}", file=out)

    from core.render import Renderer

    renderer = Renderer(roots.content_dir)
    rendered = 0
    for producer in content.pages():
        for template, label, context in producer(library):
            for locale in locales:
                try:
                    html = renderer.render(template, locale, **context)
                except Exception as exc:  # report every failure, keep going
                    failures.append(f"render: {template} ({label}, {locale}): {type(exc).__name__}: {exc}")
                    continue
                if not html.strip():
                    failures.append(f"render: {template} ({label}, {locale}) is empty")
                rendered += 1
    print(f"templates: {rendered} pages rendered", file=out)

    failures += _check_the_checker(roots, out)
    failures += _check_the_word_list(out)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from ui.selftest import check_screens
    except ImportError as exc:
        failures.append(f"screens: the user interface cannot load: {exc}")
    else:
        built, screen_failures = check_screens(roots, locales)
        failures += screen_failures
        print(f"screens: {built} screen/locale combinations built offscreen", file=out)

    rejected = catalogs.rejected()
    failures += [f"catalog {name}: translation rejected (placeholders differ): {src[:50]}" for name, src, _bad in rejected]
    elapsed = time.perf_counter() - started
    for failure in failures:
        print(f"FAIL {failure}", file=out)
    verdict = "FAILED" if failures else "OK"
    print(f"self-test {verdict}: {len(failures)} problem(s) in {elapsed:.1f} s", file=out)
    return 1 if failures else 0
