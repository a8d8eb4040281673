"""Kiosk mode: the idle reset leaves nothing of a visitor, escapes are swallowed, the PIN gets out."""

import dataclasses

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from core import i18n
from core.kiosk import load_config, set_pin
from core.regions import REGION_CODES
from ui.kiosk import CORNER_PX

PIN = "482916"
MARK = "zqxjvisitor"  # a made-up word: if it shows up anywhere after the reset, state was left behind
PASTED = f"Your parcel is held at customs. Pay the fee within 2 hours at http://parcel-{MARK}.example or it is returned. {MARK}"


@pytest.fixture
def kiosk(qtbot, roots, tmp_path):
    made = []

    def make(**changes):
        path = tmp_path / "kiosk.yaml"
        set_pin(path, PIN)
        config = load_config(path, regions=set(REGION_CODES), locales=i18n.setup(roots.locale_dir).locales())
        assert not config.problems, config.warnings()
        config = dataclasses.replace(config, **changes)
        from ui.app import build_window

        window = build_window(roots, kiosk=config)
        qtbot.addWidget(window)
        window.kiosk.start()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.size() == window.windowHandle().screen().size())  # fullscreen has taken effect
        made.append(window)
        return window

    yield make
    for window in made:
        window.kiosk.unlocked = True  # so the test's clean-up may close it
        QApplication.instance().removeEventFilter(window.kiosk)
        window.services.state.close()
    i18n.setup(roots.locale_dir, "en")


def every_string(root: QWidget) -> str:
    """Everything a screen holds as text, shown or hidden: what a next visitor could find."""
    parts = []
    for widget in [root, *root.findChildren(QWidget)]:
        parts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            parts.append(widget.text())
        if isinstance(widget, QLineEdit):
            parts.append(widget.text())
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            parts.append(widget.toPlainText())
        if isinstance(widget, QListWidget):
            parts += [widget.item(i).text() for i in range(widget.count())]
    return "\n".join(p for p in parts if p)


def run_idle_reset(qtbot, window) -> None:
    controller = window.kiosk
    controller.idle.setInterval(20)
    controller.tick.setInterval(5)
    controller.idle.start()
    qtbot.waitUntil(controller.still_there.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: window.current == "attract", timeout=5000)
    assert not controller.still_there.isVisible()


# --- a visitor's traces on each screen, and how to tell they are gone -------------------------------


def dirty_selfcheck(qtbot, window):
    window.navigate("selfcheck")
    screen = window.screens["selfcheck"]
    screen.input.setPlainText(PASTED)
    screen.check_button.click()
    qtbot.waitUntil(lambda: screen.result_box.isVisibleTo(screen), timeout=5000)
    return lambda: not screen.result_box.isVisibleTo(screen) and not screen.input.document().isUndoAvailable()


def dirty_guides(qtbot, window):
    window.navigate("guides")
    screen = window.screens["guides"]
    screen.search.setText(MARK)
    screen.search.setText("police")
    screen.list.setCurrentRow(0)
    screen.list.itemActivated.emit(screen.list.item(0))
    if screen.pages.currentIndex() == 1:
        screen.browser.verticalScrollBar().setValue(screen.browser.verticalScrollBar().maximum())
    return lambda: screen.pages.currentIndex() == 0 and screen.search.text() == "" and not screen.search.isUndoAvailable()


def dirty_quiz(qtbot, window):
    window.navigate("quiz")
    screen = window.screens["quiz"]
    next(iter(screen.set_buttons.values())).click()
    assert screen.session is not None
    screen.name_field.setText(MARK)
    return lambda: screen.session is None and not screen.name_field.isUndoAvailable()


def dirty_situation(qtbot, window):
    window.navigate("situation")
    screen = window.screens["situation"]
    screen.answer(True)
    screen.answer(False)
    return lambda: screen.answers == []


def dirty_settings(qtbot, window):
    window.navigate("settings")
    screen = window.screens["settings"]
    screen.region_buttons["HK"].click()
    screen.size_buttons[200].click()
    screen.contrast.setChecked(True)
    screen.language_buttons["en"].click()
    state = window.services.state
    assert (state.region, state.text_scale, state.high_contrast, state.locale) == ("HK", 200, True, "en")
    return lambda: (state.region, state.text_scale, state.high_contrast, state.locale) == ("CN", 100, False, "zh_CN")


VISITS = {
    "selfcheck": dirty_selfcheck,
    "guides": dirty_guides,
    "quiz": dirty_quiz,
    "situation": dirty_situation,
    "settings": dirty_settings,
}


@pytest.mark.parametrize("key", sorted(VISITS))
def test_idle_reset_leaves_nothing_of_the_visitor_on_each_screen(kiosk, qtbot, key):
    window = kiosk()
    assert window.current == "attract"
    window.navigate("home")
    is_clean = VISITS[key](qtbot, window)
    assert not is_clean(), "the visit left no trace to clear: the test would prove nothing"
    QGuiApplication.clipboard().setText(MARK)

    run_idle_reset(qtbot, window)

    screen = window.screens[key]
    assert is_clean()
    assert MARK not in every_string(window)
    assert QGuiApplication.clipboard().text() == ""
    assert window.history == []
    assert i18n.current_locale() == "zh_CN"
    for area in screen.findChildren(QAbstractScrollArea):
        assert area.verticalScrollBar().value() == 0, area.objectName()
    for field in screen.findChildren(QLineEdit):
        assert field.text() == "" or field.isReadOnly()
    assert not window.kiosk.keyboard.isVisible()


def test_a_whole_visit_across_every_screen_is_wiped_in_one_reset(kiosk, qtbot):
    window = kiosk()
    checks = [visit(qtbot, window) for key, visit in VISITS.items() if key != "settings"]
    checks.append(dirty_settings(qtbot, window))
    run_idle_reset(qtbot, window)
    assert all(check() for check in checks)
    assert MARK not in every_string(window)


def test_touching_during_the_countdown_keeps_the_visit(kiosk, qtbot):
    window = kiosk()
    window.navigate("home")
    window.navigate("selfcheck")
    window.screens["selfcheck"].input.setPlainText(PASTED)
    controller = window.kiosk
    controller.idle.setInterval(20)
    controller.tick.setInterval(1000)
    controller.idle.start()
    qtbot.waitUntil(controller.still_there.isVisible, timeout=3000)
    qtbot.mouseClick(controller.still_there.here_button, Qt.MouseButton.LeftButton)
    assert not controller.still_there.isVisible()
    assert window.current == "selfcheck"
    assert window.screens["selfcheck"].input.toPlainText() == PASTED


def test_nobody_there_means_no_countdown(kiosk, qtbot):
    window = kiosk()
    controller = window.kiosk
    controller.idle.setInterval(10)
    controller.idle.start()
    qtbot.wait(80)
    assert not controller.still_there.isVisible()
    assert controller.idle.isActive()


# --- escapes -------------------------------------------------------------------------------------


def test_escape_keys_close_and_alt_f4_do_nothing(kiosk, qtbot):
    window = kiosk()
    window.navigate("home")
    window.navigate("settings")
    attempts = [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Space, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Super_L, Qt.KeyboardModifier.NoModifier),
    ]
    for key, modifiers in attempts:
        qtbot.keyClick(window.focusWidget() or window, key, modifiers)
        assert window.isVisible() and window.isFullScreen(), key
    assert window.current == "settings"
    assert window.close() is False
    assert window.isVisible()


def test_context_menus_and_drops_are_refused(kiosk, qtbot):
    window = kiosk()
    window.navigate("home")
    window.navigate("selfcheck")
    field = window.screens["selfcheck"].input
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), field.mapToGlobal(QPoint(10, 10)))
    QApplication.sendEvent(field.viewport(), menu_event)
    qtbot.wait(20)
    assert QApplication.activePopupWidget() is None

    mime = QMimeData()
    mime.setText(MARK)
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(field.viewport(), enter)
    assert not enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(field.viewport(), drop)
    assert MARK not in field.toPlainText()


def test_minimising_comes_back_fullscreen(kiosk, qtbot):
    window = kiosk()
    window.showMinimized()
    qtbot.waitUntil(window.isFullScreen, timeout=3000)


def test_a_file_dialog_is_refused(kiosk, qtbot):
    window = kiosk()
    dialog = QFileDialog(window, "save")
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert dialog.result() == QFileDialog.DialogCode.Rejected


# --- the admin's way out -------------------------------------------------------------------------


def tap_corner(qtbot, window, times: int) -> None:
    for _ in range(times):
        # through the QWindow, as a real touch arrives: the corner is caught before any widget
        qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(window.width() - CORNER_PX // 2, CORNER_PX // 2))


def type_pin(qtbot, pad, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)


def test_five_corner_taps_and_the_pin_leave_the_kiosk(kiosk, qtbot):
    window = kiosk()
    pad = window.kiosk.admin
    tap_corner(qtbot, window, 4)
    assert not pad.isVisible()
    tap_corner(qtbot, window, 1)
    assert pad.isVisible()
    type_pin(qtbot, pad, "000000")
    assert pad.pages.currentIndex() == 0
    assert pad.pin_message.text()
    assert not window.kiosk.unlocked
    assert window.close() is False

    type_pin(qtbot, pad, PIN)
    assert window.kiosk.unlocked
    assert pad.pages.currentIndex() == 1
    qtbot.mouseClick(pad.exit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_taps_spread_out_open_nothing(kiosk, qtbot):
    window = kiosk()
    now = [1000.0]
    window.kiosk.clock = lambda: now[0]
    for _ in range(5):
        tap_corner(qtbot, window, 1)
        now[0] += 1.0  # five taps over five seconds: not the gesture
    assert not window.kiosk.admin.isVisible()


def test_wrong_pins_slow_down_and_the_pad_goes_back_to_the_kiosk(kiosk, qtbot):
    window = kiosk()
    now = [5000.0]
    window.kiosk.throttle.clock = lambda: now[0]
    pad = window.kiosk.admin
    window.kiosk.open_admin()
    for _ in range(3):
        type_pin(qtbot, pad, "1111")
        assert pad.ok_button.isEnabled()  # three slips are free
    type_pin(qtbot, pad, "1111")
    assert not pad.ok_button.isEnabled()
    assert "2" in pad.pin_message.text()
    window.kiosk.submit_pin()  # even the right PIN is not checked while locked
    pad.pin_field.setText(PIN)
    window.kiosk.submit_pin()
    assert not window.kiosk.unlocked
    now[0] += 2.5
    window.kiosk._lock_tick()
    assert pad.ok_button.isEnabled()
    type_pin(qtbot, pad, PIN)
    assert window.kiosk.unlocked
    qtbot.mouseClick(pad.back_button, Qt.MouseButton.LeftButton)
    assert not window.kiosk.unlocked and not pad.isVisible()
    assert window.close() is False


def test_without_a_pin_the_pad_explains_and_stays_shut(kiosk, qtbot):
    window = kiosk(admin_pin_hash=None)
    window.kiosk.open_admin()
    pad = window.kiosk.admin
    assert "kiosk set-pin" in pad.pin_message.text()
    assert not pad.ok_button.isEnabled()


def test_configuration_problems_are_shown_to_the_admin(kiosk, qtbot, tmp_path):
    window = kiosk()
    path = tmp_path / "bad.yaml"
    path.write_text("region: XX\nidle_timeout: soon\n", encoding="utf-8")
    config = load_config(path, regions=set(REGION_CODES))
    window.kiosk.config = config
    window.kiosk.admin.show_warnings(config.warnings())
    assert "bad.yaml:2" in window.kiosk.admin.panel_warnings.text()


# --- attract screen and keyboard -------------------------------------------------------------------


def test_attract_screen_cycles_every_rule_in_every_offered_language(kiosk, qtbot):
    window = kiosk()
    screen = window.screens["attract"]
    slides = screen.slides()
    locales = {locale for _rule, locale in slides}
    assert locales == set(window.kiosk.config.languages)
    seen = set()
    for _ in range(len(slides)):
        rule, locale = slides[screen.step % len(slides)]
        expected = i18n.translator(locale, "content").gettext(rule)
        assert screen.rule_label.text() == expected
        seen.add((rule, locale))
        screen.advance()
    assert len(seen) == len(slides) >= 3 * 10
    assert any(screen.rule_label.text() != rule for rule, _l in slides)  # a translation, not only the source


def test_a_language_button_starts_in_that_language(kiosk, qtbot):
    window = kiosk()
    screen = window.screens["attract"]
    qtbot.mouseClick(screen.language_buttons["zh_TW"], Qt.MouseButton.LeftButton)
    assert window.current == "home"
    assert i18n.current_locale() == "zh_TW"


def test_touching_anywhere_starts(kiosk, qtbot):
    window = kiosk()
    qtbot.mouseClick(window.screens["attract"].card, Qt.MouseButton.LeftButton)
    assert window.current == "home"


def open_selfcheck_keyboard(qtbot, window):
    window.navigate("home")
    window.navigate("selfcheck")
    window.activateWindow()  # offscreen, the "Still there?" box leaves no window active
    qtbot.waitUntil(window.isActiveWindow)
    field = window.screens["selfcheck"].input
    field.setFocus()
    keyboard = window.kiosk.keyboard
    qtbot.waitUntil(keyboard.isVisible)
    return field, keyboard


def tap(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tap_word(qtbot, keyboard, word):
    while word not in keyboard.shown():
        assert keyboard.next_page.isEnabled(), f"{word} not offered"
        tap(qtbot, keyboard.next_page)
    tap(qtbot, next(b for b in keyboard.candidate_buttons if b.isVisible() and b.text() == word))


def test_on_screen_keyboard_types_english_into_the_selfcheck_box(kiosk, qtbot):
    window = kiosk()
    window.services.state.set_locale("en")
    field, keyboard = open_selfcheck_keyboard(qtbot, window)
    for key in ("h", "i", "shift", "a", "space", "backspace", "?"):
        tap(qtbot, keyboard.keys[key])
    assert field.toPlainText() == "hiA?"
    assert QApplication.focusWidget() is field
    for button in keyboard.keys.values():
        assert button.height() >= 48 and button.width() >= 48, button.objectName()
    tap(qtbot, keyboard.keys["hide"])
    assert not keyboard.isVisible()


def test_a_chinese_visitor_types_chinese_by_touch_alone(kiosk, qtbot):
    window = kiosk()
    assert window.services.state.locale == "zh_CN"  # the kiosk's first language
    field, keyboard = open_selfcheck_keyboard(qtbot, window)
    for letter in "pianzi":
        tap(qtbot, keyboard.keys[letter])
    shown = [b for b in keyboard.candidate_buttons if b.isVisible()]
    assert shown and "pianzi" in keyboard.composing.text()
    for button in [*shown, keyboard.previous_page, keyboard.next_page]:
        assert button.height() >= 48 and button.width() >= 48, button.objectName()
    tap_word(qtbot, keyboard, "骗子")
    tap(qtbot, keyboard.keys["?"])
    assert field.toPlainText() == "骗子？"
    assert QApplication.focusWidget() is field


@pytest.mark.parametrize(
    ("language", "spelling", "word"), [("zh_TW", "ㄆㄧㄢㄗ", "騙子"), ("zh_CN", "pianzi", "骗子"), ("en", "pianzi", None)]
)
def test_the_keyboard_follows_the_language_the_visitor_chose(kiosk, qtbot, language, spelling, word):
    window = kiosk()
    tap(qtbot, window.screens["attract"].language_buttons[language])
    field, keyboard = open_selfcheck_keyboard(qtbot, window)
    for letter in spelling:
        assert keyboard.keys[letter].isVisible()
        tap(qtbot, keyboard.keys[letter])
    if word is None:
        assert field.toPlainText() == "pianzi" and not keyboard.composing.isVisible()
    else:
        tap_word(qtbot, keyboard, word)
        assert field.toPlainText() == word


def test_the_idle_reset_drops_half_typed_pinyin_and_the_keyboard_language(kiosk, qtbot):
    window = kiosk()
    field, keyboard = open_selfcheck_keyboard(qtbot, window)
    language_at_start = keyboard.keys["lang"].text()
    for letter in MARK:
        tap(qtbot, keyboard.keys[letter])
    assert MARK in every_string(window)  # the pinyin shows on the composing line
    tap(qtbot, keyboard.keys["lang"])  # the visitor switched the keyboard to English ...
    for letter in "zh":
        tap(qtbot, keyboard.keys[letter])
    tap(qtbot, keyboard.keys["lang"])  # ... and back, and started more pinyin
    for letter in MARK:
        tap(qtbot, keyboard.keys[letter])
    tap(qtbot, keyboard.keys["lang"])
    run_idle_reset(qtbot, window)
    assert MARK not in every_string(window)
    assert keyboard.pinyin == "" and keyboard.shown() == []
    assert keyboard.keys["lang"].text() == language_at_start  # Chinese again, as the kiosk starts
    assert field.toPlainText() == ""


@pytest.mark.parametrize("printing", [False, True])
def test_nothing_leads_to_the_computers_files_and_printing_follows_the_config(kiosk, qtbot, printing):
    window = kiosk(printing=printing)
    window.navigate("home")
    assert not window.screens["home"].tiles["workshop"].isVisibleTo(window)
    assert window.screens["home"].tiles["guides"].isVisibleTo(window)
    window.navigate("guides")
    guides = window.screens["guides"]
    guides.list.itemActivated.emit(guides.list.item(0))
    qtbot.wait(10)
    assert guides.handout_button.isVisibleTo(window) is printing
    assert not guides.save_action.isVisible()


@pytest.mark.parametrize(("language", "spelling"), [("zh_CN", "zhuanzhang"), ("zh_TW", "ㄓㄨㄢㄓㄤ"), ("en", "")])
def test_the_keyboard_fits_a_1280_screen_at_200_percent(kiosk, qtbot, language, spelling):
    from tests.ui.test_accessibility import clipped

    window = kiosk()
    window.services.state.set_locale(language)
    window.kiosk.unlocked = True  # let the test size the window like a 1280x900 screen
    window.showNormal()
    window.resize(1280, 900)
    window.services.state.set_text_scale(200)
    window.navigate("home")
    window.navigate("selfcheck")
    window.screens["selfcheck"].input.setFocus()
    keyboard = window.kiosk.keyboard
    qtbot.waitUntil(keyboard.isVisible)
    for letter in spelling:  # the candidate bar shows too
        keyboard.press(letter)
    qtbot.wait(20)
    assert window.width() <= 1280 and window.height() <= 900
    assert bool(keyboard.shown()) == bool(spelling)
    buttons = [*keyboard.keys.values(), *keyboard.candidate_buttons, keyboard.previous_page, keyboard.next_page]
    cut = [button.objectName() for button in buttons if button.isVisible() and clipped(button)]
    assert not cut, cut
    assert not clipped(keyboard.composing)


@pytest.mark.parametrize(("languages", "offered"), [(("zh_TW", "en"), {"zh_TW", "en"}), ((), {"en", "zh_CN", "zh_TW"})])
def test_the_language_menu_offers_the_configured_languages(kiosk, qtbot, languages, offered):
    window = kiosk(languages=languages)
    shown = {action.data() for action in window.language_menu.actions() if action.isVisible()}
    assert shown == offered
    assert set(window.screens["attract"].language_buttons) == offered


# --- the attract screen as a visitor sees it (top bar, numbers, narrow screens) and "Still there?" --


def test_the_attract_screen_has_no_top_bar_and_the_next_screen_has_it_again(kiosk, qtbot):
    window = kiosk()
    assert window.current == "attract"
    assert not window.top_bar.isVisible()
    assert not window.back_button.isVisible() and not window.language_button.isVisible()
    qtbot.mouseClick(window.screens["attract"].start_button, Qt.MouseButton.LeftButton)
    assert window.current == "home"
    assert window.top_bar.isVisible() and window.language_button.isVisible()
    run_idle_reset(qtbot, window)
    assert not window.top_bar.isVisible()


def test_the_admin_corner_works_on_the_attract_screen_without_the_top_bar(kiosk, qtbot):
    window = kiosk()
    assert not window.top_bar.isVisible()
    tap_corner(qtbot, window, 5)
    assert window.kiosk.admin.isVisible()
    assert window.current == "attract"  # the taps did not start a visit
    window.kiosk.close_admin()
    window.navigate("home")  # and on a screen with the top bar, the corner is the bar's empty end
    assert window.top_bar.isVisible()
    tap_corner(qtbot, window, 5)
    assert window.kiosk.admin.isVisible()


def visible_text_sizes(root: QWidget) -> dict[QWidget, int]:
    """The pixel size of the text of every visible label and button under ``root``."""
    return {
        widget: widget.fontInfo().pixelSize()
        for widget in root.findChildren(QWidget)
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisibleTo(root) and widget.text()
    }


@pytest.mark.parametrize("region", ["CN", "TW", "UK", "US"])
def test_the_numbers_to_call_are_the_largest_text_with_their_names_and_follow_the_region(kiosk, qtbot, region):
    window = kiosk(region=region)
    window.kiosk.defaults["region"] = region
    window.kiosk.reset_visitor()
    screen = window.screens["attract"]
    channels = window.services.regions.get(region).call_now
    values = [channel.value for channel in channels if channel.value]
    assert values
    shown = [label.text().replace("\u200b", "") for label in screen.number_labels if label.isVisibleTo(screen)]
    assert shown == values
    sizes = visible_text_sizes(screen)
    biggest_other = max(size for widget, size in sizes.items() if widget not in screen.number_labels)
    for label in screen.number_labels[: len(values)]:
        assert sizes[label] > biggest_other, (label.text(), sizes[label], biggest_other)
        assert label.height() >= 48
    for _ in range(3):  # each slide in another language: the names follow it
        content = i18n.translator(screen.shown_locale, "content")
        for channel, name in zip(channels, screen.name_labels):
            assert name.isVisibleTo(screen) and name.text()
            assert name.text().casefold() in content.gettext(channel.name).casefold()  # capitalised on its own line
        screen.advance()


@pytest.mark.parametrize("size", [(800, 600), (1280, 1024), (1920, 1080)])
@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_the_attract_screen_fits_without_scrolling_sideways(kiosk, qtbot, size, language):
    from PySide6.QtWidgets import QScrollArea

    from tests.ui.test_accessibility import clipped

    window = kiosk()
    window.kiosk.unlocked = True  # let the test size the window like a smaller screen
    window.showNormal()
    window.resize(*size)
    window.services.state.set_locale(language)
    screen = window.screens["attract"]
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    qtbot.wait(20)
    page = screen.findChild(QScrollArea)
    assert page.horizontalScrollBar().maximum() == 0
    assert page.viewport().width() >= page.widget().width()
    for widget in [screen.start_button, *screen.language_buttons.values(), *screen.number_labels, screen.rule_label]:
        if widget.isVisibleTo(screen):
            assert not clipped(widget), widget.objectName()
            right = widget.mapTo(page.viewport(), widget.rect().topRight()).x()
            assert right <= page.viewport().width(), (widget.objectName(), right)
    # every language button is on screen, not below the fold
    for button in screen.language_buttons.values():
        bottom = button.mapTo(page.viewport(), button.rect().bottomLeft()).y()
        assert bottom <= page.viewport().height(), button.objectName()


@pytest.mark.parametrize("region", ["CN", "US", "UK"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_at_200_percent_on_800_px_the_language_buttons_wrap_and_no_number_is_cut(kiosk, qtbot, region, language):
    from PySide6.QtWidgets import QScrollArea

    from tests.ui.test_accessibility import clipped

    window = kiosk()
    window.kiosk.unlocked = True
    window.showNormal()
    window.resize(800, 600)
    state = window.services.state
    state.set_region(region)
    state.set_locale(language)
    state.set_text_scale(200)
    screen = window.screens["attract"]
    qtbot.waitUntil(lambda: window.size().toTuple() == (800, 600))
    qtbot.wait(20)
    page = screen.findChild(QScrollArea)
    assert page.horizontalScrollBar().maximum() == 0
    buttons = list(screen.language_buttons.values())
    assert len({button.y() for button in buttons}) > 1  # they do not fit one row: a second one
    for widget in [*buttons, *screen.number_labels, *screen.name_labels, screen.start_button]:
        if widget.isVisibleTo(screen):
            assert not clipped(widget), (widget.objectName(), widget.text(), clipped(widget))
            left = widget.mapTo(page.viewport(), widget.rect().topLeft()).x()
            right = widget.mapTo(page.viewport(), widget.rect().topRight()).x()
            assert 0 <= left and right <= page.viewport().width(), (widget.objectName(), left, right)


def test_still_there_shows_the_seconds_as_one_large_number_that_counts_down(kiosk, qtbot):
    window = kiosk()
    window.navigate("home")
    controller = window.kiosk
    controller.tick.setInterval(60_000)  # the test ticks by hand
    controller._idle_expired()
    box = controller.still_there
    qtbot.waitUntil(box.isVisible)
    start = controller.config.countdown
    assert box.count.text() == str(start)
    assert str(start) in box.text.text()  # the sentence says it too
    sizes = visible_text_sizes(box)
    assert sizes[box.count] >= 2 * sizes[box.text] and sizes[box.count] > sizes[box.heading]
    controller._tick()
    assert box.count.text() == str(start - 1)
    assert str(start - 1) in box.text.text()
    for button in box.findChildren(QAbstractButton):
        if button.isVisibleTo(box):
            assert button.height() >= 48 and button.width() >= 48, button.objectName()


def _attract_at(kiosk, qtbot, size):
    window = kiosk()
    window.kiosk.unlocked = True  # let the test size the window like another screen
    window.showNormal()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    qtbot.wait(20)
    return window, window.screens["attract"]


def test_on_a_large_screen_the_attract_screen_grows_its_text_with_the_height(kiosk, qtbot):
    """At 1920x1080 the rule was about 24 px and the numbers 48 px: over 70% of the screen empty."""
    window, screen = _attract_at(kiosk, qtbot, (800, 600))
    low = visible_text_sizes(screen)
    low_number, low_rule = low[screen.number_labels[0]], low[screen.rule_label]
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1920, 1080))
    qtbot.wait(20)
    sizes = visible_text_sizes(screen)
    height = screen.height()
    number, rule = sizes[screen.number_labels[0]], sizes[screen.rule_label]
    assert number >= 0.08 * height, (number, height)
    assert rule >= 0.04 * height, (rule, height)
    assert number > low_number and rule > low_rule
    assert sizes[screen.start_button] > low[screen.start_button]
    for button in screen.language_buttons.values():
        assert sizes[button] > low[button]
    biggest_other = max(size for widget, size in sizes.items() if widget not in screen.number_labels)
    assert number > biggest_other  # still the largest text
    window.resize(800, 600)  # and back: a low screen keeps the sizes that fit it
    qtbot.waitUntil(lambda: window.size().toTuple() == (800, 600))
    qtbot.wait(20)
    assert visible_text_sizes(screen)[screen.number_labels[0]] == low_number


def test_the_current_language_is_marked_by_a_tick_and_a_checked_button(kiosk, qtbot):
    """The language buttons did not show which language the app would start in."""
    window = kiosk()
    screen = window.screens["attract"]

    def marked() -> list[str]:
        return [code for code, button in screen.language_buttons.items() if button.isChecked() and button.text().startswith("✓")]

    assert marked() == [i18n.current_locale()]
    for code, button in screen.language_buttons.items():
        if code != i18n.current_locale():
            assert not button.isChecked() and "✓" not in button.text()
    plain = screen.language_buttons["zh_TW"].grab().toImage()
    window.services.state.set_locale("zh_TW")
    qtbot.wait(10)
    assert marked() == ["zh_TW"]
    ticked = screen.language_buttons["zh_TW"].grab().toImage()
    assert ticked != plain
    qtbot.mouseClick(screen.language_buttons["zh_TW"], Qt.MouseButton.LeftButton)  # the current one: still marked
    assert window.current == "home" and marked() == ["zh_TW"]
    window.kiosk.reset_visitor()
    qtbot.mouseClick(screen.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert i18n.current_locale() == "en" and marked() == ["en"]
