"""The guides screen, in a real main window: list, search, filter, reading, links, handouts."""

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QTextBrowser

from core import i18n
from core.guides import GUIDE_IDS
from tests.conftest import SHIPPED_LOCALES
from ui import handout


@pytest.fixture
def open_guides(make_window):
    def make(lang="en", region="CN", params=None):
        window = make_window(lang, region=region)
        window.navigate("guides", params)
        return window, window.screens["guides"]

    return make


def type_text(qtbot, widget, text: str) -> None:
    """Type as a person would: key presses for ASCII; Chinese arrives committed by an input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def listed(screen) -> list[str]:
    return [screen.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(screen.list.count())]


def test_the_list_shows_every_guide_with_its_icon_and_translated_title(open_guides):
    window, screen = open_guides("zh_CN")
    assert listed(screen) == list(GUIDE_IDS)
    first = screen.list.item(0)
    assert not first.icon().isNull() and not first.icon().pixmap(48, 48).isNull()
    title = i18n.content_gettext(screen.book.get(GUIDE_IDS[0]).title)
    assert first.text() == title and re.search(r"[\u4e00-\u9fff]", title)
    assert "17" in screen.count_label.text()
    assert window.title_label.text() == screen.title()


@pytest.mark.parametrize(
    "locale, query, expected",
    [("en", "screen sharing", "fake_customer_service"), ("zh_CN", "屏幕共享", "fake_customer_service"), ("zh_TW", "監管帳戶", "impersonate_authority")],
)
def test_typing_in_the_search_box_narrows_the_list_in_the_current_language(open_guides, qtbot, locale, query, expected):
    _window, screen = open_guides(locale)
    type_text(qtbot, screen.search, query)
    shown = listed(screen)
    assert expected in shown and len(shown) < len(GUIDE_IDS)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)  # Enter opens the best match
    assert screen.pages.currentIndex() == 1 and screen.current.id == shown[0]


def test_a_search_that_finds_nothing_says_so(open_guides, qtbot):
    _window, screen = open_guides("en")
    qtbot.keyClicks(screen.search, "zzqx nothing like this")
    assert listed(screen) == []
    assert screen.empty_label.isVisible() and not screen.list.isVisible()
    assert "0" in screen.count_label.text()


def test_the_audience_filter_shows_only_guides_for_that_group(open_guides, qtbot):
    _window, screen = open_guides("en")
    qtbot.mouseClick(screen.audience_buttons["shop_owners"], Qt.MouseButton.LeftButton)
    shown = listed(screen)
    assert shown and len(shown) < len(GUIDE_IDS)
    assert all("shop_owners" in screen.book.get(g).audiences for g in shown)
    qtbot.mouseClick(screen.audience_buttons[""], Qt.MouseButton.LeftButton)
    assert listed(screen) == list(GUIDE_IDS)


def test_entering_with_a_guide_opens_it_and_next_previous_and_links_move_between_guides(open_guides, qtbot):
    window, screen = open_guides("en", params={"guide": "fake_loan"})
    assert screen.pages.currentIndex() == 1
    assert screen.book.get("fake_loan").title in screen.browser.toPlainText()
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.current.id == GUIDE_IDS[GUIDE_IDS.index("fake_loan") + 1]
    qtbot.mouseClick(screen.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.previous_button, Qt.MouseButton.LeftButton)
    assert screen.current.id == GUIDE_IDS[GUIDE_IDS.index("fake_loan") - 1]
    related = screen.current.related[0]
    assert f"guide:{related}" in screen.browser.toHtml()
    screen.browser.anchorClicked.emit(QUrl(f"guide:{related}"))  # what a click on the link sends
    assert screen.current.id == related
    assert screen.book.get(related).title in screen.browser.toPlainText()


def test_coming_back_from_home_shows_the_list_with_the_search_kept(open_guides, qtbot):
    window, screen = open_guides("en")
    qtbot.keyClicks(screen.search, "loan")
    screen.open_guide("fake_loan")
    window.go_home()
    window.navigate("guides", None)
    assert screen.pages.currentIndex() == 0
    assert screen.search.text() == "loan" and "fake_loan" in listed(screen)


def test_the_first_guide_has_no_previous_and_the_last_no_next(open_guides):
    _window, screen = open_guides("en", params={"guide": GUIDE_IDS[0]})
    assert not screen.previous_button.isEnabled() and screen.next_button.isEnabled()
    screen.enter({"guide": GUIDE_IDS[-1]})
    assert screen.previous_button.isEnabled() and not screen.next_button.isEnabled()


def test_the_quiz_link_asks_the_window_for_that_quiz(open_guides, qtbot):
    _window, screen = open_guides("en", params={"guide": "task_rebate"})
    assert "quiz:task_rebate" in screen.browser.toHtml()
    with qtbot.waitSignal(screen.navigate) as signal:
        screen.browser.anchorClicked.emit(QUrl("quiz:task_rebate"))
    assert signal.args == ["quiz", {"scam_type": "task_rebate"}]


def test_a_live_language_switch_re_renders_the_open_guide(open_guides, qtbot):
    window, screen = open_guides("en", params={"guide": "impersonate_authority"})
    english_title = screen.book.get("impersonate_authority").title
    assert english_title in screen.browser.toPlainText()
    window.services.state.set_locale("zh_TW")
    text = screen.browser.toPlainText()
    assert english_title not in text
    assert i18n.content_gettext(english_title) in text
    assert screen.pages.currentIndex() == 1 and screen.current.id == "impersonate_authority"


def test_the_help_section_follows_the_region_and_never_shows_unconfirmed_channels(open_guides):
    window, screen = open_guides("en", region="CN", params={"guide": "fake_investment"})
    text = screen.browser.toPlainText()
    region = window.services.regions.get("CN")
    assert all(c.value in text for c in region.call_now)
    assert not any(c.value and re.search(rf"(?<!\d){re.escape(c.value)}(?!\d)", text) for c in region.withheld)
    window.services.state.set_region("TW")
    text = screen.browser.toPlainText()
    assert all(c.value in text for c in window.services.regions.get("TW").call_now)


def test_reset_clears_search_filter_reading_and_scroll(open_guides, qtbot):
    _window, screen = open_guides("en")
    qtbot.keyClicks(screen.search, "loan")
    screen.audience_buttons["students"].click()
    screen.open_guide("romance")
    screen.browser.verticalScrollBar().setValue(screen.browser.verticalScrollBar().maximum())
    screen.reset()
    assert screen.search.text() == ""
    assert screen.audience() == ""
    assert screen.pages.currentIndex() == 0 and screen.current is None
    assert listed(screen) == list(GUIDE_IDS)
    assert screen.list.verticalScrollBar().value() == 0


def test_the_keyboard_alone_can_search_choose_and_open_a_guide(open_guides, qtbot):
    _window, screen = open_guides("en")
    screen.list.setFocus()
    qtbot.keyClick(screen.list, Qt.Key.Key_Down)
    qtbot.keyClick(screen.list, Qt.Key.Key_Return)
    assert screen.pages.currentIndex() == 1 and screen.current.id == GUIDE_IDS[1]
    qtbot.keyClick(screen.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Find
    assert screen.pages.currentIndex() == 0 and screen.search.hasFocus()


def test_every_control_has_an_accessible_name_and_takes_keyboard_focus(open_guides):
    _window, screen = open_guides("zh_CN", params={"guide": "romance"})
    buttons = [b for b in screen.findChildren(QAbstractButton) if not isinstance(b.parent(), QLineEdit)]  # not the clear button
    controls = buttons + screen.findChildren(QLineEdit) + screen.findChildren(QListWidget)
    controls += screen.findChildren(QTextBrowser)
    assert len(controls) >= 12
    for control in controls:
        assert control.accessibleName().strip(), control.objectName()
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.objectName()


@pytest.mark.slow
@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_every_handout_is_one_a4_page_in_every_locale(open_guides, tmp_path, locale):
    window, screen = open_guides(locale, region={"en": "UK", "zh_CN": "CN", "zh_TW": "TW"}[locale])
    sizes = []
    for guide_id in GUIDE_IDS:
        screen.open_guide(guide_id)
        pdf = tmp_path / f"{guide_id}.pdf"
        layout = screen.save_handout(pdf)
        data = pdf.read_bytes()
        assert layout.pages == 1, (guide_id, locale)
        assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1, (guide_id, locale)
        assert re.search(rb"/MediaBox\s*\[0 0 595(?:\.0+)? 842(?:\.0+)?\]", data), "not A4"
        assert b"/FontFile" in data  # the font is embedded: Chinese prints as Chinese
        assert layout.point_size >= handout.MIN_POINT_SIZE
        sizes.append(layout.point_size)
    print(f"handout text size in {locale}: min {min(sizes)} pt, max {max(sizes)} pt")


def test_the_handout_has_the_guide_and_the_regions_numbers_but_no_story(open_guides, tmp_path):
    window, screen = open_guides("zh_CN", region="CN", params={"guide": "fake_loan"})
    html = screen.page_html(handout=True)
    guide = screen.book.get("fake_loan")
    assert i18n.content_gettext(guide.rule) in html
    assert all(c.value in html for c in window.services.regions.get("CN").call_now)
    assert i18n.content_gettext(guide.story_title) not in html
    assert 'href="guide:' not in html


def _number_in_view(screen, value: str):
    """The font pixel size of ``value`` in the open guide and its rectangle in the viewport."""
    cursor = screen.browser.document().find(value)
    assert not cursor.isNull(), value
    return cursor.charFormat().font().pixelSize(), screen.browser.cursorRect(cursor)


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_already_paid_shows_the_numbers_to_call_on_its_first_screen_at_the_home_cards_size(open_guides, qtbot, lang):
    """From "I already paid: what now?" the numbers were about 2,500 px down, in body-size text."""
    window, screen = open_guides(lang, region="CN")
    home_number = window.screens["home"].help_blocks[0].findChildren(QLabel)[0]
    assert home_number.text() == "110"
    window.navigate("guides", {"guide": "already_paid"})
    qtbot.wait(10)
    viewport = screen.browser.viewport().rect()
    for channel in window.services.regions.get("CN").call_now:
        pixels, rect = _number_in_view(screen, channel.value)
        assert abs(pixels - home_number.font().pixelSize()) <= 1, (channel.value, pixels)
        assert viewport.contains(rect), f"{channel.value} at {rect.y()} px, below the first screen"


def test_where_to_get_help_numbers_are_as_large_as_on_the_home_card_and_named_once(open_guides, qtbot):
    window, screen = open_guides("zh_CN", region="CN", params={"guide": "fake_loan"})
    home_number = window.screens["home"].help_blocks[0].findChildren(QLabel)[0]
    pixels, _rect = _number_in_view(screen, "96110")
    assert abs(pixels - home_number.font().pixelSize()) <= 1, pixels
    text = screen.browser.toPlainText()
    assert text.count("96110") == 1, "the number repeated in its name"
