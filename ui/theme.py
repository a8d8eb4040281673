"""Fills ui/theme.qss with sizes (100-200% text) and colours (normal or high contrast),
and registers the shipped CJK font so Chinese never renders as boxes."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

UI_DIR = Path(__file__).resolve().parent
FONT_FILE = UI_DIR / "fonts" / "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"
CJK_LANGUAGES = ("zh", "ja", "ko")

BASE_PX = 18  # at 100%: large enough for an older reader at a desk

PALETTES = {
    "normal": {
        "bg": "#F4F6F9",
        "surface": "#FFFFFF",
        "text": "#1B2430",
        "heading": "#12345A",
        "muted": "#4D5B6A",
        "border": "#B8C4D2",
        "primary": "#1D4E89",
        "primary_hover": "#2A62A6",
        "on_primary": "#FFFFFF",
        "on_primary_muted": "#A9BCD6",
        "pressed": "#DCE6F2",
        "focus": "#E8A317",
        "link": "#1D4E89",
        "tile_hover": "#EEF3FA",
        "phone_bg": "#E9EEF4",
        "warn_bg": "#FFF4D6",
        "warn_border": "#C58A00",
        "warn_text": "#4A3300",
        "high": "#A3211A",
        "high_bg": "#FDECEA",
        "medium": "#7A4F00",
        "medium_bg": "#FFF4D6",
        "low": "#1E6B3A",
        "low_bg": "#E7F4EC",
        "disabled_bg": "#E6EAF0",
        "disabled_text": "#5F6B78",
        "tick": "check-light",  # ui/icons/check-light.svg: a white tick on the primary face
    },
    "high_contrast": {
        "bg": "#000000",
        "surface": "#000000",
        "text": "#FFFFFF",
        "heading": "#FFFF00",
        "muted": "#E0E0E0",
        "border": "#FFFFFF",
        "primary": "#FFFF00",
        "primary_hover": "#FFFF66",
        "on_primary": "#000000",
        "on_primary_muted": "#555500",
        "pressed": "#333333",
        "focus": "#00FFFF",
        "link": "#00FFFF",
        "tile_hover": "#1A1A1A",
        "phone_bg": "#111111",
        "warn_bg": "#000000",
        "warn_border": "#FFFF00",
        "warn_text": "#FFFF00",
        "high": "#FF6B6B",
        "high_bg": "#000000",
        "medium": "#FFD24D",
        "medium_bg": "#000000",
        "low": "#7CFC9A",
        "low_bg": "#000000",
        "disabled_bg": "#000000",
        "disabled_text": "#B0B0B0",
        "tick": "check-dark",  # a black tick on the yellow face
    },
}


def sizes(scale: int) -> dict[str, int]:
    base = round(BASE_PX * scale / 100)
    return {"base": base, "small": round(base * 0.85), "large": round(base * 1.2), "h2": round(base * 1.35), "h1": round(base * 1.75)}


_SCALED = re.compile(r"@s(\d+)\b")


def stylesheet(scale: int = 100, palette: str = "normal") -> str:
    text = (UI_DIR / "theme.qss").read_text(encoding="utf-8")
    # @sN: N pixels at 100% text, grown with the text size (padding, check-box indicators), so
    # a control at 200% keeps the proportions it has at 100% instead of its text touching the border
    base = sizes(scale)["base"]
    text = _SCALED.sub(lambda m: f"{round(int(m.group(1)) * base / BASE_PX)}px", text)
    values = {**PALETTES[palette], **{f"{k}px": f"{v}px" for k, v in sizes(scale).items()}}
    values["icons"] = (UI_DIR / "icons").as_posix()  # url() in a stylesheet needs a full path
    # longest names first, so @primary_hover is not read as @primary + _hover
    for name in sorted(values, key=len, reverse=True):
        text = text.replace(f"@{name}", values[name])
    leftover = re.search(r"@\w+", re.sub(r"/\*.*?\*/", "", text, flags=re.S))
    if leftover:
        raise ValueError(f"ui/theme.qss: unknown name {leftover.group(0)}")
    return text


# The kiosk's attract screen fills a large screen: each size is a share of the screen's height
# (at 1920x1080 the numbers are about 97 px, the rule about 49 px), never less than theme.qss
# sets for the text size (which is what a low screen, 800x600, shows).
ATTRACT_HEIGHT_SHARES = {"number": 0.09, "rule": 0.045, "name": 0.045, "call": 0.03, "number_name": 0.028,
                         "start": 0.045, "language": 0.033}


def attract_sheet(scale: int, height: int) -> str:
    """Sizes (no colours) for the attract screen, set on the screen itself over theme.qss."""
    size = sizes(scale)
    grown = lambda key, floor: max(round(floor), round(height * ATTRACT_HEIGHT_SHARES[key]))  # noqa: E731
    number = grown("number", 48 * size["base"] / BASE_PX)  # theme.qss: @s48
    start = grown("start", size["h1"])
    language = grown("language", size["h2"])
    grow_start = start / size["h1"]  # the start button's room grows with its text
    grow_language = language / size["h2"]
    # numbers and web addresses are Latin in every language: set in the Latin UI font, whose
    # bold is a real one (the CJK font's drawn-on bold disappears above about 64 px)
    latin = [family for family in font_families("en") if family != _cjk_family]
    number_family = f' font-family: "{latin[0]}";' if latin else ""
    return f"""
QLabel#attractName {{ font-size: {grown("name", size["h1"])}px; }}
QLabel#attractRule {{ font-size: {grown("rule", size["h1"])}px; }}
QLabel#attractCall {{ font-size: {grown("call", size["large"])}px; }}
QLabel#attractNumber {{ font-size: {number}px;{number_family} }}
QLabel#attractNumber[fit="small"] {{ font-size: {round(number * size["h1"] / (48 * size["base"] / BASE_PX))}px; }}
QLabel#attractNumber[fit="smaller"] {{ font-size: {round(number * size["h2"] / (48 * size["base"] / BASE_PX))}px; }}
QLabel#attractNumberName {{ font-size: {grown("number_name", size["large"])}px; }}
QPushButton#attractStart {{
    font-size: {start}px; min-height: {round(88 * grow_start)}px; min-width: {round(320 * grow_start)}px;
    padding: {round(12 * grow_start)}px {round(48 * grow_start)}px;
}}
QPushButton[role="language"] {{
    font-size: {language}px; min-height: {round(72 * grow_language)}px; min-width: {round(120 * grow_language)}px;
    padding: {round(8 * grow_language)}px {round(24 * grow_language)}px;
}}
"""


_cjk_family = ""
_latin_family: str | None = None


def load_fonts() -> str:
    """Register the shipped CJK font and make it the app's font. Returns the family used.

    ``use_font_for(locale)`` then picks the font for the app's language.
    """
    global _cjk_family
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    _cjk_family = FONT_FAMILY if FONT_FAMILY in families else (families[0] if families else "")
    if _cjk_family:
        font = QFont(_cjk_family)
        font.setPixelSize(BASE_PX)
        QGuiApplication.setFont(font)
    return _cjk_family


def font_families(locale: str) -> list[str]:
    """The app's font families for a language, first choice first.

    Chinese is set in the shipped CJK font, whose punctuation is full-width as Chinese
    typesetting wants. Other languages are set in the system's own UI font with the CJK font
    behind it for any Chinese they quote: English set in the CJK font gets full-width
    quotation marks and dashes (“refund” with wide gaps around it).
    """
    global _latin_family
    if not _cjk_family or locale.split("_")[0] in CJK_LANGUAGES:
        return [_cjk_family] if _cjk_family else []
    if _latin_family is None:
        from PySide6.QtGui import QFontInfo

        # the system font is often an alias ("Sans Serif"); ask which real family it is
        _latin_family = QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)).family()
    if not _latin_family or _latin_family == _cjk_family:
        return [_cjk_family]
    return [_latin_family, _cjk_family]


def use_font_for(locale: str) -> None:
    """Make the app's font the one for ``locale`` (at start and on each language switch)."""
    families = font_families(locale)
    if not families or QGuiApplication.font().families() == families:
        return
    font = QFont()
    font.setFamilies(families)
    font.setPixelSize(BASE_PX)
    QGuiApplication.setFont(font)
    _repolish_fonts()


def _repolish_fonts() -> None:
    """Make every widget the stylesheet has polished take the app's new font family.

    Such a widget keeps the family it had when it was polished (the stylesheet's font rules
    resolve against the parent's font once, then): without this most labels of an app started
    in Chinese stay in the CJK font's Latin glyphs after a switch to English, beside numbers in
    the new font. Polishing again, parents before children, lets each resolve against its
    parent's new font; about a quarter of what re-applying the whole stylesheet costs.
    """
    app = QGuiApplication.instance()
    if not (hasattr(app, "styleSheet") and app.styleSheet()):
        return  # at start-up: the stylesheet, applied next, polishes with the new font
    from PySide6.QtCore import Qt  # not at import: the Qt namespace is slow to build at start-up
    from PySide6.QtWidgets import QWidget
    from shiboken6 import isValid

    direct = Qt.FindChildOption.FindDirectChildrenOnly
    styled = Qt.WidgetAttribute.WA_StyleSheet
    pending = list(app.topLevelWidgets())
    while pending:
        widget = pending.pop()
        if not isValid(widget):
            continue  # deleted meanwhile: polishing its parent can rebuild its children (a file dialog's)
        if widget.testAttribute(styled):  # one not polished yet will be, with the new font
            widget.style().polish(widget)
        pending.extend(widget.findChildren(QWidget, options=direct))


def apply(app, scale: int = 100, high_contrast: bool = False) -> None:
    app.setStyleSheet(stylesheet(scale, "high_contrast" if high_contrast else "normal"))
