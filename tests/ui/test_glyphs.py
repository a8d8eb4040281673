"""Chinese must render as Chinese on a bare machine: the shipped font covers every character
of every shipped string, source and translation."""

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from core.catalogs import read_catalog, shipped_locales
from core.i18n import DOMAINS
from ui import theme


@pytest.fixture(scope="module")
def metrics(qapp):
    family = theme.load_fonts()
    assert family == theme.FONT_FAMILY, "the shipped CJK font did not load"
    return QFontMetrics(QFont(family))


def catalog_strings(roots):
    for locale in shipped_locales(roots.app_dir):
        for domain in DOMAINS:
            path = roots.locale_dir / locale / "LC_MESSAGES" / f"{domain}.po"
            for message in read_catalog(path):
                if not message.id:
                    continue
                ids = [message.id] if isinstance(message.id, str) else list(message.id)
                strings = [message.string] if isinstance(message.string, str) else list(message.string)
                for text in ids + strings:
                    yield f"{locale}/{domain}", text


def test_every_character_of_every_shipped_string_has_a_glyph(metrics, roots):
    missing: dict[str, set[str]] = {}
    for where, text in catalog_strings(roots):
        for char in set(text):
            if char.isspace() or ord(char) < 0x20:
                continue
            if not metrics.inFontUcs4(ord(char)):
                missing.setdefault(char, set()).add(where)
    assert not missing, "no glyph for: " + ", ".join(f"{c!r} (U+{ord(c):04X}) in {sorted(w)}" for c, w in missing.items())


def test_the_app_font_is_the_shipped_one(qapp, metrics):
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.font().family() == theme.FONT_FAMILY
    assert metrics.inFontUcs4(ord("骗")) and metrics.inFontUcs4(ord("騙"))
    for char in "‹▾":  # drawn by the shell outside any catalog
        assert metrics.inFontUcs4(ord(char)), char
