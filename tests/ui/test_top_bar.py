"""The top bar at 200% text: one line high, the title on one line, Back and Home never squeezed."""

import pytest
from PySide6.QtGui import QFontMetrics

from ui.wiring import SCREENS

KEYS = [key for key in SCREENS if key != "attract"]  # the kiosk's attract screen hides the bar


def _check_bar(window, key: str, normal_height: int) -> None:
    """The bar's height and buttons on screen ``key``."""
    bar, title = window.top_bar, window.title_label
    assert bar.height() <= 2 * normal_height, f"{key}: bar {bar.height()} px, {normal_height} px at 100%"
    for button in (window.back_button, window.home_button, window.language_button):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), f"{key}: {button.text()!r} squeezed"
    assert title.height() < 2 * title.fontMetrics().height(), f"{key}: the title takes two lines or more"


def _check_title(window, key: str) -> None:
    """The title as drawn on screen ``key``: whole or cut short with "…", never cut at the top."""
    title = window.title_label
    title.grab()  # drawn as a person sees it (the tooltip follows the drawing)
    pixels, shown = title.shown_text()
    full = window.screens[key].title()
    assert title.text() == full and title.accessibleName() in ("", full)
    font = title.font()
    font.setPixelSize(pixels)
    metrics = QFontMetrics(font)
    area = title.contentsRect()
    assert metrics.horizontalAdvance(shown) <= area.width(), f"{key}: {shown!r} wider than its room"
    assert metrics.height() <= area.height(), f"{key}: {shown!r} cut at the top and bottom"
    if shown != full:  # cut short: it says so, and the whole title is at hand
        assert shown.endswith("…") and full.startswith(shown[:-1].rstrip())
        assert title.toolTip() == full


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_at_200_percent_the_top_bar_stays_one_line_on_every_screen_and_after_a_switch(make_window, qtbot, lang):
    window = make_window(lang)
    window.resize(1100, 800)
    qtbot.wait(10)
    normal_height = window.top_bar.height()
    window.services.state.set_text_scale(200)
    for key in KEYS:
        window.navigate(key, None)
        qtbot.wait(10)
        _check_bar(window, key, normal_height)
    window.navigate("situation", None)
    other = "zh_CN" if lang == "en" else "en"
    window.services.state.set_locale(other)  # the title was cut at the top and bottom after this
    qtbot.wait(10)
    _check_bar(window, "situation", normal_height)
    _check_title(window, "situation")
    window.services.state.set_locale(lang)
    for key in KEYS:
        window.navigate(key, None)
        qtbot.wait(10)
        _check_title(window, key)


def test_the_longest_title_is_set_smaller_or_cut_short_rather_than_wrapped(make_window, qtbot):
    """"Is this happening to me now?" does not fit beside Back, Home and the language menu at
    200% in a 1100 px window: it is drawn smaller than the title's size, or cut with "…"."""
    window = make_window("en")
    window.resize(1100, 800)
    window.services.state.set_text_scale(200)
    window.navigate("situation", None)
    qtbot.wait(10)
    title = window.title_label
    pixels, shown = title.shown_text()
    full_width = title.fontMetrics().horizontalAdvance(title.text())
    assert full_width > title.contentsRect().width(), "this window is wide enough for the whole title"
    assert pixels < title.font().pixelSize() or shown != title.text()
    assert title.height() < 2 * title.fontMetrics().height(), "the title takes two lines"
