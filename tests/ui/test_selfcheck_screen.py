"""The self-check and situation screens, in a real main window."""

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QAbstractButton, QListWidget, QPlainTextEdit, QTextBrowser

from core.regions import load_regions
from core.selfcheck import MAX_INPUT_BYTES

SCAM = "我是公安局的警官，你涉嫌洗钱，请把钱转到安全账户，不要告诉家人。"


@pytest.fixture
def open_screen(make_window):
    def make(key="selfcheck", lang="en", region="CN"):
        window = make_window(lang, region=region)
        window.navigate(key, None)
        return window, window.screens[key]

    return make


def check(qtbot, screen, text):
    screen.input.setPlainText(text)
    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)


def test_a_scam_gets_a_high_banner_in_words_icon_and_colour(open_screen, qtbot):
    _window, screen = open_screen()
    check(qtbot, screen, SCAM)
    assert screen.result_box.isVisible()
    assert screen.banner.property("verdict") == "high"
    assert screen.banner_title.text() == "This looks like a scam"
    assert screen.banner_icon.text()
    assert screen.banner.accessibleName().startswith("This looks like a scam")


def test_highlighted_words_lead_to_their_explanation_and_guide(open_screen, qtbot):
    _window, screen = open_screen()
    check(qtbot, screen, SCAM)
    html = screen.message.toHtml()
    assert "sig:" in html
    first = screen._result.signals[0]
    screen.message.anchorClicked.emit(QUrl("sig:0"))
    assert screen.signal_list.currentRow() == 0
    assert screen.detail.isVisible()
    a, b = first.spans[0]
    assert SCAM[a:b] in screen.detail_words.text()
    with qtbot.waitSignal(screen.navigate) as emitted:
        qtbot.mouseClick(screen.guide_button, Qt.MouseButton.LeftButton)
    assert emitted.args == ["guides", {"guide": first.guide}]


def test_choosing_a_signal_shows_its_words(open_screen, qtbot):
    _window, screen = open_screen()
    check(qtbot, screen, SCAM)
    last = screen.signal_list.count() - 1
    screen.signal_list.setCurrentRow(last)
    signal = screen._result.signals[last]
    a, b = signal.spans[0]
    assert SCAM[a:b] in screen.detail_words.text()


def test_a_genuine_code_message_is_low_and_never_called_safe(open_screen, qtbot):
    _window, screen = open_screen()
    check(qtbot, screen, "Your verification code is 482913. Never share this code with anyone.")
    assert screen.banner.property("verdict") == "low"
    assert "not proof" in screen.banner_detail.text()
    assert "safe" not in screen.banner_title.text().lower()


def test_the_region_helpline_is_shown_from_region_facts(open_screen, roots):
    _window, screen = open_screen(region="TW")
    for channel in load_regions(roots.content_dir).get("TW").call_now:
        assert channel.value in screen.help_numbers.text()


def test_text_is_cleared_on_leave_and_reset(open_screen, qtbot):
    window, screen = open_screen()
    check(qtbot, screen, SCAM)
    window.navigate("home", None)
    assert screen.input.toPlainText() == ""
    assert screen.message.toPlainText() == ""
    assert not screen.result_box.isVisibleTo(screen)
    screen.input.setPlainText("secret text")
    screen.reset()
    assert screen.input.toPlainText() == ""


def test_over_100_kb_is_refused_with_a_message(open_screen, qtbot):
    _window, screen = open_screen()
    check(qtbot, screen, "a" * (MAX_INPUT_BYTES + 1))
    assert screen.notice.isVisible() and "100 KB" in screen.notice.text()
    assert not screen.result_box.isVisible()


def test_chinese_ui_and_live_language_switch(open_screen, qtbot):
    window, screen = open_screen(lang="zh_CN")
    check(qtbot, screen, SCAM)
    assert screen.banner_title.text() != "This looks like a scam"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in screen.signal_list.item(0).text())
    window.services.state.set_locale("en")
    assert screen.banner_title.text() == "This looks like a scam"


def test_every_control_has_an_accessible_name(open_screen, qtbot):
    _window, screen = open_screen()
    check(qtbot, screen, SCAM)
    for widget in screen.findChildren(QAbstractButton) + screen.findChildren(QPlainTextEdit) + screen.findChildren(QTextBrowser) + screen.findChildren(QListWidget):
        assert widget.accessibleName(), widget.objectName()


# --- the situation check ---------------------------------------------------------------------


def test_any_yes_ends_in_a_firm_stop_with_the_region_numbers(open_screen, qtbot, roots):
    _window, screen = open_screen("situation", region="CN")
    answers = [False, True, False, False]
    for yes in answers:
        qtbot.mouseClick(screen.yes if yes else screen.no, Qt.MouseButton.LeftButton)
    assert screen.answer_box.isVisible()
    assert screen.answer_box.property("verdict") == "high"
    assert "Stop" in screen.headline.text()
    assert "alone" in screen.reasons.text()  # the reason for the one "yes"
    for channel in load_regions(roots.content_dir).get("CN").call_now:
        assert channel.value in screen.numbers.text()


def test_all_no_does_not_call_it_safe_and_still_shows_numbers(open_screen, qtbot):
    _window, screen = open_screen("situation", region="UK")
    for _ in range(4):
        qtbot.mouseClick(screen.no, Qt.MouseButton.LeftButton)
    assert screen.answer_box.property("verdict") == "low"
    assert "safe" not in screen.headline.text().lower()
    assert screen.numbers.text().strip()


def test_situation_links_to_guides_and_starts_over(open_screen, qtbot):
    window, screen = open_screen("situation")
    for _ in range(4):
        qtbot.mouseClick(screen.yes, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.navigate) as emitted:
        qtbot.mouseClick(screen.paid_button, Qt.MouseButton.LeftButton)
    assert emitted.args == ["guides", {"guide": "already_paid"}]
    window.navigate("situation", None)
    assert screen.ask_box.isVisible() and screen.answers == []
