"""Layout as a person sees it in the default 1100x800 window: lists that are as tall as their rows
on a page that scrolls, columns that stack at large text, messages where they are needed."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea


def _window(make_window, qtbot, lang="en", scale=100, size=(1100, 800)):
    window = make_window(lang)
    window.resize(*size)
    window.services.state.set_text_scale(scale)
    qtbot.wait(20)
    return window


def _rows_fit(view) -> list[str]:
    """Rows that do not lie wholly inside the list (a list showing a part, with its own scrolling)."""
    bad = []
    for row in range(view.model().rowCount()):
        rect = view.visualRect(view.model().index(row, 0))
        if not view.viewport().rect().adjusted(0, 0, 1, 1).contains(rect):
            bad.append(f"row {row} at {rect.getRect()} in {view.viewport().rect().getRect()}")
    return bad


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_guide_list_is_as_tall_as_its_rows_and_the_page_scrolls(make_window, qtbot, lang):
    window = _window(make_window, qtbot, lang, scale=200)
    window.navigate("guides", None)
    qtbot.wait(20)
    screen = window.screens["guides"]
    assert screen.list.count() > 10
    assert _rows_fit(screen.list) == []
    # the list has nothing to scroll, so a wheel turn over it goes on to the page, which scrolls
    assert screen.list.verticalScrollBar().maximum() == 0
    assert screen.list_page.verticalScrollBar().maximum() > 0


def test_with_no_match_the_message_sits_under_the_count_and_its_hint_fits_the_filter(make_window, qtbot):
    window = _window(make_window, qtbot, "en")
    window.navigate("guides", None)
    screen = window.screens["guides"]
    screen.search.setText("zzzz-no-such-guide")
    qtbot.wait(20)
    assert screen.empty_label.isVisible()
    assert "Everyone" not in screen.empty_label.text(), "suggests Everyone while Everyone is chosen"
    gap = screen.empty_label.y() - (screen.count_label.y() + screen.count_label.height())
    assert 0 <= gap <= 40, f"{gap} px between the count and the message"
    assert screen.heading.y() < 60
    screen.audience_buttons["students"].click()
    qtbot.wait(10)
    assert "Everyone" in screen.empty_label.text()


def test_the_filter_label_is_level_with_its_buttons(make_window, qtbot):
    window = _window(make_window, qtbot, "zh_CN")
    window.navigate("guides", None)
    screen = window.screens["guides"]
    label, button = screen.filter_label, screen.audience_buttons[""]
    assert abs((label.y() + label.height() / 2) - (button.y() + button.height() / 2)) <= 2


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_workshop_columns_stack_at_200_percent_and_sit_side_by_side_at_100(make_window, qtbot, lang):
    window = _window(make_window, qtbot, lang, scale=200)
    window.navigate("workshop", None)
    qtbot.wait(20)
    screen = window.screens["workshop"]
    guides, questions = screen.guide_list, screen.questions_label
    assert questions.y() > guides.y() + guides.height() - 2, "the question column is not under the guides"
    assert guides.width() > 0.8 * screen.page.viewport().width() - 64
    assert _rows_fit(guides) == []
    window.services.state.set_text_scale(100)
    qtbot.wait(20)
    assert abs(questions.y() - screen.guides_label.y()) <= 2 and questions.x() > guides.x() + guides.width()
    assert _rows_fit(guides) == []


def test_workshop_suggest_has_its_own_row_and_empty_states_say_what_to_do(make_window, qtbot):
    window = _window(make_window, qtbot, "en")
    window.navigate("workshop", None)
    qtbot.wait(20)
    screen = window.screens["workshop"]
    audience = next(iter(screen.audience_buttons.values()))
    assert screen.suggest_button.y() >= audience.y() + audience.height(), "Suggest sits among the audiences"
    assert not screen.present_button.isEnabled()
    assert screen.next_step.isVisible() and screen.next_step.text()
    assert not screen.question_list.isVisible() and screen.no_questions.isVisible()
    screen.suggest()
    qtbot.wait(10)
    assert screen.present_button.isEnabled() and screen.quiz_button.isEnabled()
    assert not screen.next_step.isVisible()
    assert screen.question_list.isVisible() and not screen.no_questions.isVisible()
    assert _rows_fit(screen.question_list) == []


def test_pages_take_no_tab_stop_of_their_own(make_window, qtbot):
    window = _window(make_window, qtbot, "en")
    for key in ("home", "settings", "guides", "workshop", "selfcheck", "situation"):
        window.navigate(key, None)
        qtbot.wait(5)
        for page in window.screens[key].findChildren(QScrollArea):
            assert not page.focusPolicy() & Qt.FocusPolicy.TabFocus, f"{key}: a page is a Tab stop"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_selfcheck_findings_are_shown_whole_on_the_scrolling_page(make_window, qtbot, lang):
    from PySide6.QtGui import QFontMetrics

    window = _window(make_window, qtbot, lang, scale=200)
    window.navigate("selfcheck", None)
    screen = window.screens["selfcheck"]
    screen.input.setPlainText("Customer service: your parcel is lost. Click http://refund.example, pay the deposit "
                              "first and send me the verification code today, or your account is frozen.")
    screen.check_button.click()
    qtbot.wait(30)
    view = screen.signal_list
    assert view.count() >= 2
    assert view.verticalScrollBar().maximum() == 0, "the findings scroll inside their own box"
    assert _rows_fit(view) == []
    # each row is tall enough for its text wrapped at the row's width: nothing cut short with "…"
    for row in range(view.count()):
        if view.isRowHidden(row):
            continue
        rect = view.visualRect(view.model().index(row, 0))
        text = view.item(row).text()
        needed = QFontMetrics(view.font()).boundingRect(0, 0, rect.width() - 40, 100_000, int(Qt.TextFlag.TextWordWrap), text).height()
        assert rect.height() >= needed, f"row {row}: {rect.height()} px for {needed} px of text"


def test_the_arrow_keys_keep_the_chosen_guide_in_view_on_the_page(make_window, qtbot):
    window = _window(make_window, qtbot, "en", scale=200)
    window.navigate("guides", None)
    qtbot.wait(20)
    screen = window.screens["guides"]
    page = screen.list_page
    assert page.verticalScrollBar().value() == 0, "entering the screen scrolled the page"
    screen.list.setFocus()
    for _ in range(8):
        qtbot.keyClick(screen.list, Qt.Key.Key_Down)
    rect = screen.list.visualRect(screen.list.currentIndex())
    top = screen.list.viewport().mapTo(page.viewport(), rect.topLeft()).y()
    assert page.verticalScrollBar().value() > 0
    assert 0 <= top and top + rect.height() <= page.viewport().height(), "the chosen guide is off the page"
