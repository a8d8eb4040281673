"""The stylesheet as a person sees it: centred button text, disabled buttons that look disabled,
check boxes and padding that grow with the text size."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QPushButton, QRadioButton, QStyle, QStyleOptionButton

from ui import theme


def _ink_columns(image, ink: QColor, tolerance: int = 60) -> list[int]:
    """The x of every column holding a pixel close to ``ink`` (the text), inside a 6 px inset."""
    columns = []
    for x in range(6, image.width() - 6):
        for y in range(6, image.height() - 6):
            c = image.pixelColor(x, y)
            if abs(c.red() - ink.red()) + abs(c.green() - ink.green()) + abs(c.blue() - ink.blue()) < tolerance:
                columns.append(x)
                break
    return columns


def test_a_primary_buttons_text_is_centred_like_its_neighbours(make_window, qtbot):
    """The situation screen's Yes (primary) and No: both labels sit in the middle of the button."""
    window = make_window("en")
    window.resize(1100, 800)
    window.navigate("situation", None)
    screen = window.screens["situation"]
    window.back_button.setFocus()  # no focus frame on the buttons measured
    qtbot.wait(10)
    ink = QColor(theme.PALETTES["normal"]["on_primary"])
    image = screen.yes.grab().toImage()
    columns = _ink_columns(image, ink)
    assert columns, "no text drawn on the Yes button"
    middle = (columns[0] + columns[-1]) / 2
    assert abs(middle - image.width() / 2) < image.width() * 0.1, (columns[0], columns[-1], image.width())


def test_a_disabled_primary_button_looks_disabled(make_window, qtbot):
    """With no guide chosen, the workshop's Present button has a pale face and dimmer text."""
    window = make_window("en")
    window.navigate("workshop", None)
    screen = window.screens["workshop"]
    window.back_button.setFocus()
    assert not screen.present_button.isEnabled()
    disabled = screen.present_button.grab().toImage()
    screen.suggest()
    assert screen.present_button.isEnabled()
    qtbot.wait(10)
    enabled = screen.present_button.grab().toImage()
    centre = lambda img: img.pixelColor(8, img.height() // 2)  # noqa: E731 - inside the border, left of the text
    assert centre(enabled) == QColor(theme.PALETTES["normal"]["primary"])
    assert centre(disabled) != centre(enabled)
    assert centre(disabled).lightness() > 200, "a disabled primary button should not keep the dark face"
    # the text: lower contrast against its face than the enabled button's white on blue
    assert _ink_columns(disabled, QColor(theme.PALETTES["normal"]["on_primary"])) == []
    assert _ink_columns(disabled, QColor(theme.PALETTES["normal"]["disabled_text"]), tolerance=30)


def _indicator(widget) -> QRect:
    option = QStyleOptionButton()
    option.initFrom(widget)
    element = QStyle.SubElement.SE_CheckBoxIndicator if isinstance(widget, QCheckBox) else QStyle.SubElement.SE_RadioButtonIndicator
    return widget.style().subElementRect(element, option, widget)


def test_check_boxes_and_radio_buttons_grow_with_the_text(make_window, qtbot):
    window = make_window("en")
    window.navigate("settings", None)
    screen = window.screens["settings"]
    boxes = (screen.contrast, next(iter(screen.region_buttons.values())))
    at_100 = [_indicator(w).height() for w in boxes]
    window.services.state.set_text_scale(200)
    qtbot.wait(10)
    at_200 = [_indicator(w).height() for w in boxes]
    for small, large, widget in zip(at_100, at_200, boxes):
        assert small >= 24, f"{type(widget).__name__} indicator {small} px at 100%"
        assert large >= 1.8 * small, f"{type(widget).__name__} indicator {small} px at 100%, {large} px at 200%"
        text = widget.fontMetrics().height()
        assert large >= 0.8 * text, f"{large} px indicator beside {text} px text at 200%"


def test_button_padding_grows_with_the_text(make_window, qtbot):
    """At 200% the room between a button's text and its border grows with the text: at least a
    third of the text's height above and below it, as at 100% (it had shrunk to a fifth)."""
    window = make_window("en")
    window.navigate("settings", None)
    chip = window.screens["settings"].size_buttons[100]
    plain = QPushButton("Clear", window)  # an ordinary button
    for scale in (100, 200):
        window.services.state.set_text_scale(scale)
        qtbot.wait(10)
        for button in (chip, plain):
            text = button.fontMetrics().height()
            gap = (button.sizeHint().height() - text) / 2
            assert gap >= text / 3, f"{button.text()!r} at {scale}%: {gap} px above and below {text} px text"


@pytest.mark.parametrize("contrast", [False, True])
def test_a_check_box_in_a_list_is_seen_ticked_or_not_in_both_colour_schemes(make_window, qtbot, contrast):
    """An unticked box shows its edge in the text colour; a ticked one its face in the primary
    colour with a tick on it (in high contrast the unticked box had vanished on black)."""
    window = make_window("en")
    window.services.state.set_high_contrast(contrast)
    window.navigate("workshop", None)
    qtbot.wait(20)
    screen = window.screens["workshop"]
    view = screen.guide_list
    colours = theme.PALETTES["high_contrast" if contrast else "normal"]

    def left_of_row(row: int) -> set[str]:
        rect = view.visualRect(view.model().index(row, 0))
        image = view.viewport().grab(rect.adjusted(0, 0, -(rect.width() - 48), 0)).toImage()
        return {image.pixelColor(x, y).name().upper() for x in range(image.width()) for y in range(image.height())}

    view.setCurrentRow(-1)
    view.clearSelection()
    assert colours["text"].upper() in left_of_row(0), "no edge of an unticked box"
    view.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.wait(10)
    ticked = left_of_row(0)
    assert colours["primary"].upper() in ticked and colours["on_primary"].upper() in ticked, "no ticked box"


def test_english_is_set_without_chinese_full_width_quotes_and_chinese_in_the_shipped_font(make_window):
    """English set in the CJK font got wide gaps around “quoted” words; Chinese keeps the
    shipped font, whose full-width punctuation is what Chinese typesetting wants."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    if theme.font_families("en") == [theme.FONT_FAMILY]:
        pytest.skip("this system has no UI font besides the shipped one")
    window = make_window("en")
    english = QFontMetrics(QApplication.font()).horizontalAdvance("“refund”")
    window.services.state.set_locale("zh_CN")  # switches live
    assert QApplication.font().families()[0] == theme.FONT_FAMILY
    chinese = QFontMetrics(QApplication.font()).horizontalAdvance("“refund”")
    assert english < chinese
    window.services.state.set_locale("en")
    assert QApplication.font().families()[0] != theme.FONT_FAMILY


def _fonts_in_use(window) -> dict[str, set[str]]:
    """The font family each widget, list item and document of ``window`` is drawn in, by kind."""
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QListWidget, QTextEdit, QWidget

    fonts: dict[str, set[str]] = {"widget": set(), "list item": set(), "document": set()}
    for widget in [window, *window.findChildren(QWidget)]:
        fonts["widget"].add(QFontInfo(widget.font()).family())
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                fonts["list item"].add(QFontInfo(widget.item(row).font().resolve(widget.font())).family())
        if isinstance(widget, QTextEdit):
            fonts["document"].add(QFontInfo(widget.document().defaultFont()).family())
    return fonts


def _visit_every_screen(window, qtbot) -> None:
    """Every screen built, a guide open and a message checked (a result list and documents)."""
    from ui.wiring import SCREENS

    for key in SCREENS:
        if key != "attract":  # the kiosk's, not reachable from an ordinary window
            window.navigate(key, None)
    window.navigate("guides", {"guide": "already_paid"})
    window.navigate("selfcheck", None)
    screen = window.screens["selfcheck"]
    screen.input.setPlainText("我是公安局的警官，你涉嫌洗钱，请把钱转到安全账户。Click http://refund.example now")
    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)
    assert screen.signal_list.count() > 0
    qtbot.wait(10)


def test_english_after_a_switch_from_chinese_uses_the_fonts_of_an_english_start(make_window, qtbot):
    """A kiosk visitor who taps English in an app started in Chinese sees what someone who started
    in English sees: not the CJK font's Latin letters on most labels beside numbers set in the
    Latin font (two fonts on one screen, "…" drawn as a centred "⋯")."""
    if theme.font_families("en") == [theme.FONT_FAMILY]:
        pytest.skip("this system has no UI font besides the shipped one")
    switched = make_window("zh_CN")
    _visit_every_screen(switched, qtbot)  # every screen built while the app is in Chinese
    assert _fonts_in_use(switched)["widget"] == {theme.FONT_FAMILY}
    switched.services.state.set_locale("en")
    qtbot.wait(10)
    after_switch = _fonts_in_use(switched)

    fresh = make_window("en")
    _visit_every_screen(fresh, qtbot)
    english_start = _fonts_in_use(fresh)
    assert english_start["widget"] == {theme.font_families("en")[0]}
    assert after_switch == english_start

    fresh.services.state.set_locale("zh_CN")  # and back: Chinese in the shipped font again
    qtbot.wait(10)
    assert _fonts_in_use(fresh)["widget"] == {theme.FONT_FAMILY}
