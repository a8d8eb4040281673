"""The situation check: which answers stop, which say "check first", what the stop message says,
and that the answer survives a visit to a guide opened from it."""

import pytest
from PySide6.QtCore import Qt

from core.regions import load_regions


@pytest.fixture
def situation(make_window):
    def make(lang="en", region="CN"):
        window = make_window(lang, region=region)
        window.navigate("situation", None)
        return window, window.screens["situation"]

    return make


def tap(qtbot, screen, answers):
    for yes in answers:
        qtbot.mouseClick(screen.yes if yes else screen.no, Qt.MouseButton.LeftButton)


def test_being_asked_for_money_alone_says_check_before_you_pay_not_scam(situation, qtbot, roots):
    _window, screen = situation(region="CN")
    tap(qtbot, screen, [True, False, False, False])
    assert screen.answer_box.isVisible()
    assert "Check before you pay" in screen.headline.text()
    assert "scam" not in screen.headline.text().lower()
    assert screen.verdict_box.property("verdict") == "medium"  # amber, not the red of a stop
    for channel in load_regions(roots.content_dir).get("CN").call_now:
        assert channel.value in screen.numbers.text()
    assert "money moved" in screen.reasons.text()


@pytest.mark.parametrize("answers", [[True, True, False, False], [False, False, True, False], [False, False, False, True], [True, True, True, True]])
def test_secrecy_an_app_or_a_code_ends_in_the_stop_message(situation, qtbot, answers):
    _window, screen = situation()
    tap(qtbot, screen, answers)
    assert screen.verdict_box.property("verdict") == "high"
    assert screen.headline.text().startswith("✖ Stop. This is a scam.")


def test_the_stop_body_speaks_of_a_caller_only_when_someone_called(situation, qtbot):
    window, screen = situation()
    tap(qtbot, screen, [False, False, False, True])  # only a code from a text message
    body = screen.body.text()
    assert "code" in body
    assert "hang up" not in body.lower() and "voice" not in body.lower()
    assert "money" not in body.split("checking")[0].lower()  # no money advice for a "no" to money
    qtbot.mouseClick(screen.again_button, Qt.MouseButton.LeftButton)
    tap(qtbot, screen, [True, True, False, False])  # money, and "do not hang up"
    body = screen.body.text()
    assert "hang up now" in body
    assert "money" in body
    assert "code" not in body  # nothing about a code nobody asked for


def test_the_stop_body_is_built_from_the_answers_in_chinese_without_spaces(situation, qtbot):
    _window, screen = situation(lang="zh_CN")
    tap(qtbot, screen, [True, True, True, True])
    body = screen.body.text()
    assert " " not in body
    assert body.count("。") >= 5


def test_back_from_a_guide_opened_by_i_already_paid_returns_to_the_answer(situation, qtbot):
    window, screen = situation()
    tap(qtbot, screen, [True, False, True, False])
    headline = screen.headline.text()
    qtbot.mouseClick(screen.paid_button, Qt.MouseButton.LeftButton)
    assert window.current == "guides"
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current == "situation"
    assert screen.answer_box.isVisible() and not screen.ask_box.isVisible()
    assert screen.headline.text() == headline
    assert screen.answers == [True, False, True, False]


def test_the_helping_button_also_keeps_the_answer_for_back(situation, qtbot):
    window, screen = situation()
    tap(qtbot, screen, [False, False, False, False])
    qtbot.mouseClick(screen.helping_button, Qt.MouseButton.LeftButton)
    window.go_back()
    assert screen.finished and screen.answer_box.isVisible()


def test_home_start_again_and_the_top_bar_forget_the_answer(situation, qtbot):
    window, screen = situation()
    tap(qtbot, screen, [True, True, False, False])
    qtbot.mouseClick(screen.paid_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.screens["home"].tiles["situation"], Qt.MouseButton.LeftButton)
    assert window.current == "situation"
    assert screen.answers == [] and screen.ask_box.isVisible()
    assert "1" in screen.progress.text()

    tap(qtbot, screen, [True, True, False, False])
    qtbot.mouseClick(screen.again_button, Qt.MouseButton.LeftButton)
    assert screen.answers == [] and screen.ask_box.isVisible()

    tap(qtbot, screen, [True, True, False, False])
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)  # left to Home by the top bar
    assert window.current == "home"
    window.navigate("situation", None)
    assert screen.answers == []


def test_the_kiosk_idle_reset_forgets_an_answer_kept_for_back(situation, qtbot):
    window, screen = situation()
    tap(qtbot, screen, [True, True, False, False])
    qtbot.mouseClick(screen.paid_button, Qt.MouseButton.LeftButton)
    window.reset_all()
    assert screen.answers == []


@pytest.mark.parametrize("region", ["US", "AU"])
def test_a_region_whose_list_holds_a_website_says_call_or_report_and_lists_the_phone_first(situation, qtbot, roots, region):
    _window, screen = situation(region=region)
    tap(qtbot, screen, [True, True, False, False])
    assert "report" in screen.call_title.text()
    channels = load_regions(roots.content_dir).get(region).call_now
    phone = next(c for c in channels if c.kind == "phone")
    website = next(c for c in channels if c.kind == "website")
    listed = [n.text() for n in screen.numbers.numbers]
    assert listed.index(phone.value) < listed.index(website.value)


def test_a_region_with_only_phones_says_call(situation, qtbot):
    _window, screen = situation(region="CN")
    tap(qtbot, screen, [True, True, False, False])
    assert screen.call_title.text() == "Call now, before you do anything else:"
