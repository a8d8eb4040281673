"""The quiz screen: each format answered by keys and clicks, explanations, result, certificate,
progress, live language switch, reset, and names for screen readers."""

from __future__ import annotations

import random
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from core import i18n
from core.content import ContentLibrary
from core.quiz.bank import load_bank
from core.quiz.progress import FILE_NAME, NullProgress, Progress
from core.quiz.session import QUICK, type_set
from ui.screens.quiz import Feedback, QuizScreen


@pytest.fixture(scope="module")
def bank(roots):
    return load_bank(ContentLibrary.load(roots.content_dir))


@pytest.fixture
def make_screen(qtbot, english, bank, tmp_path):
    def make(progress=None, seed=1):
        screen = QuizScreen(lambda: bank, progress or NullProgress(), rng_factory=lambda: random.Random(seed))
        qtbot.addWidget(screen)
        screen.retranslate()
        screen.resize(900, 700)
        screen.show()
        screen.enter(None)
        return screen

    return make


def ask(screen, bank, *ids):
    screen.start(type_set(bank.by_id(ids[0]).scam_type), [bank.by_id(i) for i in ids])


def key(qtbot, screen, k):
    qtbot.keyClick(screen, k)


def feedback_texts(screen) -> list[str]:
    return [f.accessibleName() for f in screen.findChildren(Feedback) if f.isVisibleTo(screen)]


def visible(screen, cls):
    return [w for w in screen.findChildren(cls) if w.isVisibleTo(screen)]


def test_the_chooser_offers_the_quick_quiz_the_audiences_and_each_type(make_screen):
    screen = make_screen()
    names = [b.accessibleName() for b in visible(screen, QAbstractButton)]
    assert names[0].startswith("Quick quiz")
    assert any(n.startswith("For job seekers") for n in names)
    assert any(n.startswith("For older adults") for n in names)
    assert any(n.startswith("Task and rebate scams") for n in names)
    assert "Scores are not kept on this computer." in [l.text() for l in visible(screen, QLabel)]


def test_single_choice_by_number_key_shows_every_options_feedback_then_enter_goes_on(make_screen, qtbot, bank):
    screen = make_screen()
    ask(screen, bank, "task_rebate-01", "task_rebate-05")
    question = bank.by_id("task_rebate-01")
    order = screen.session.option_order(question)
    wrong_position = next(pos for pos, index in enumerate(order) if not question.options[index].correct)
    assert screen.counter.text() == "Question 1 of 2"
    key(qtbot, screen, Qt.Key.Key_1 + wrong_position)
    assert screen.session.answers[0].score == 0
    verdicts = feedback_texts(screen)
    assert verdicts and verdicts[0].startswith("Not right.")
    shown = " ".join(l.text() for l in visible(screen, QLabel))
    for option in question.options:  # every option's own explanation, with words and an icon
        assert option.feedback.split(". ", 1)[-1] in shown
    assert "✔ Right answer:" in shown and "✘ Your choice. Not right:" in shown
    # the label is not repeated by the explanation's first word ("Right answer: Right.", "Not right: No.")
    assert not re.search(r"(Right answer|not right|Not right): (Right|Yes|No)\.", shown), shown
    assert screen.next_button.isVisible()
    key(qtbot, screen, Qt.Key.Key_Return)
    assert screen.counter.text() == "Question 2 of 2"


def test_multiple_choice_keys_toggle_and_enter_checks_with_partial_credit(make_screen, qtbot, bank):
    screen = make_screen()
    ask(screen, bank, "task_rebate-03")
    question = bank.by_id("task_rebate-03")
    order = screen.session.option_order(question)
    right = [pos for pos, index in enumerate(order) if question.options[index].correct]
    assert not screen.check_button.isEnabled()
    for pos in right[:2]:
        key(qtbot, screen, Qt.Key.Key_1 + pos)
    key(qtbot, screen, Qt.Key.Key_1 + right[0])  # untick again
    key(qtbot, screen, Qt.Key.Key_1 + right[0])  # and tick
    assert screen.check_button.isEnabled()
    key(qtbot, screen, Qt.Key.Key_Return)
    answer = screen.session.answers[0]
    assert answer.score == pytest.approx(2 / 3)
    # said in counts a person can check against the options, not as a decimal
    assert len(right) == 3 and feedback_texts(screen)[0] == "Partly right: 2 right, 1 missed."
    shown = {b.objectName(): b for b in visible(screen, QAbstractButton)}
    buttons = {pos: shown[f"quizOption{pos + 1}"] for pos in range(len(order))}
    notes = [l.text() for l in visible(screen, QLabel) if l.property("role") == "optionFeedback"]
    for pos in right[:2]:
        assert buttons[pos].accessibleName().endswith("Your choice")
    assert not buttons[right[2]].accessibleName().endswith("Your choice")
    assert sum(n.startswith("⚑ You missed this:") for n in notes) == 1
    assert sum(n.startswith("✔ Right answer, your choice:") for n in notes) == 2


def test_scam_or_genuine_shows_the_message_like_a_phone_and_explains(make_screen, qtbot, bank):
    screen = make_screen()
    ask(screen, bank, "task_rebate-06")
    question = bank.by_id("task_rebate-06")
    message = screen.findChild(QWidget, "quizMessage")
    assert message is not None and message.isVisible()
    texts = [l.text() for l in message.findChildren(QLabel)]
    assert "Text message" in texts and question.message.sender in texts and question.message.text in texts
    key(qtbot, screen, Qt.Key.Key_2)  # genuine
    assert screen.session.answers[0].score == 1
    verdict = feedback_texts(screen)[0]
    assert verdict.startswith("Right! It is genuine.") and question.explanation in verdict


def test_red_flags_are_tapped_as_pieces_and_scored_by_the_pieces_chosen(make_screen, qtbot, bank):
    screen = make_screen()
    ask(screen, bank, "task_rebate-08")
    pieces = [b for b in visible(screen, QAbstractButton) if b.objectName().startswith("quizPiece")]
    assert len(pieces) > 8 and all(b.accessibleName() for b in pieces)
    first_flag = [i for i, s in enumerate(screen._segments) if s.flag == 0]
    ordinary = [i for i, s in enumerate(screen._segments) if s.flag is None and s.tappable]
    screen.findChild(QAbstractButton, f"quizPiece{first_flag[0]}").click()
    screen.findChild(QAbstractButton, f"quizPiece{ordinary[0]}").click()
    key(qtbot, screen, Qt.Key.Key_Return)
    answer = screen.session.answers[0]
    assert (answer.detail["found"], answer.detail["wrong"], answer.score) == (1, 1, 0)
    shown = " ".join(l.text() for l in visible(screen, QLabel))
    assert "You found 1 of 2 warning signs." in shown and "Taps that were not on a warning sign: 1." in shown
    assert "✔ You found it: “Recharge 100 yuan first”" in shown and "⚑ Missed: “Keep this secret from your family”" in shown


def test_red_flags_in_chinese_find_the_translated_phrases(make_screen, qtbot, bank):
    screen = make_screen()
    i18n.set_locale("zh_CN")
    screen.retranslate()
    ask(screen, bank, "task_rebate-08")
    for index, segment in enumerate(screen._segments):
        if segment.flag is not None:
            screen.findChild(QAbstractButton, f"quizPiece{index}").click()
    key(qtbot, screen, Qt.Key.Key_Return)
    assert screen.session.answers[0].score == 1
    assert feedback_texts(screen)[0].startswith("答对了！")


def test_a_scenario_is_a_short_chat_where_replies_lead_on(make_screen, qtbot, bank):
    screen = make_screen()
    ask(screen, bank, "task_rebate-11")
    question = bank.by_id("task_rebate-11")
    run = screen.session.scenario_run()
    paying = next(pos for pos, i in enumerate(run.reply_order()) if question.steps["n1"].replies[i].next == "n2")
    key(qtbot, screen, Qt.Key.Key_1 + paying)
    assert not screen.session.answered
    shown = " ".join(l.text() for l in visible(screen, QLabel))
    assert question.steps["n2"].line in shown and "The next order will be 'stuck' too." in shown
    borrow = next(pos for pos, i in enumerate(run.reply_order()) if question.steps["n2"].replies[i].next == "lost")
    key(qtbot, screen, Qt.Key.Key_1 + borrow)
    assert screen.session.answers[0].score == 0
    assert feedback_texts(screen)[0].startswith("The scam worked.")


def answer_somehow(qtbot, screen):
    """Answer the current question with the first choice (or first piece), by keys."""
    session = screen.session
    q = session.current
    if q.format == "red_flags":
        index = next(i for i, s in enumerate(screen._segments) if s.tappable)
        screen.findChild(QAbstractButton, f"quizPiece{index}").click()
        key(qtbot, screen, Qt.Key.Key_Return)
    elif q.format == "multiple":
        key(qtbot, screen, Qt.Key.Key_1)
        key(qtbot, screen, Qt.Key.Key_Return)
    else:
        while not session.answered:
            key(qtbot, screen, Qt.Key.Key_1)
    assert session.answered


def play_to_the_end(qtbot, screen):
    while not screen.session.finished:
        answer_somehow(qtbot, screen)
        key(qtbot, screen, Qt.Key.Key_Return)


def test_the_result_gives_the_score_the_types_to_review_and_links_to_their_guides(make_screen, qtbot):
    screen = make_screen(seed=3)
    screen.start(QUICK)
    assert len(screen.session.questions) == 10
    play_to_the_end(qtbot, screen)
    result = screen.session.result()
    assert screen.pages.currentWidget() is screen.result_page
    full = sum(1 for a in screen.session.answers if a.score == 1)
    partly = sum(1 for a in screen.session.answers if 0 < a.score < 1)
    assert partly, "answering 1 everywhere should get some partial credit"
    said = screen.result_score.text()
    assert said == f"{full} of 10 right, {partly} partly right ({result.percent}%)"
    assert screen.result_heading.text() == "Your result" and screen.result_set.text() == "Quick quiz: ten mixed questions"
    review = result.types_to_review()
    assert review, "answering 1 everywhere should get something wrong"
    links = [b for b in visible(screen, QAbstractButton) if b.objectName().startswith("quizReview_")]
    assert [b.objectName() for b in links] == [f"quizReview_{t}" for t, _g in review]
    with qtbot.waitSignal(screen.navigate) as signal:
        links[0].click()
    assert signal.args == ["guides", {"guide": review[0][1]}]


def test_a_certificate_pdf_with_an_optional_name(make_screen, qtbot, bank, tmp_path):
    screen = make_screen()
    ask(screen, bank, "task_rebate-05")
    key(qtbot, screen, Qt.Key.Key_1)
    key(qtbot, screen, Qt.Key.Key_Return)
    assert "Li Hua" not in screen.certificate_html("")
    screen.name_field.setText("Li Hua <b>")
    assert "Li Hua &lt;b&gt;" in screen.certificate_html(screen.name_field.text())
    path = tmp_path / "certificate.pdf"
    assert screen.save_certificate(str(path))
    assert path.read_bytes().startswith(b"%PDF") and path.stat().st_size > 1000
    assert str(path) in screen.certificate_status.text()


def test_progress_is_remembered_and_shown_on_the_chooser(make_screen, qtbot, bank, tmp_path):
    store = Progress(tmp_path / "data" / FILE_NAME)
    screen = make_screen(progress=store)
    ask(screen, bank, "task_rebate-05")
    key(qtbot, screen, Qt.Key.Key_1)
    key(qtbot, screen, Qt.Key.Key_Return)
    again = Progress(tmp_path / "data" / FILE_NAME)
    assert [(p.set_id, p.score, p.total) for p in again.history()] == [("type:task_rebate", 1.0, 1)]
    screen.show_chooser()
    button = screen.set_buttons["type:task_rebate"]
    assert "Best so far: 100%" in button.accessibleName()
    assert "Your scores are kept on this computer only." in [l.text() for l in visible(screen, QLabel)]


def test_a_corrupt_progress_file_is_mentioned_and_kept(make_screen, tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text("{broken", encoding="utf-8")
    screen = make_screen(progress=Progress(path))
    assert screen.notice.isVisible()
    assert "could not be read" in screen.notice.text() and f"{FILE_NAME}.corrupt-" in screen.notice.text()


def test_language_switches_live_in_the_middle_of_a_question(make_screen, bank):
    screen = make_screen()
    ask(screen, bank, "impersonate_authority-01")
    question = bank.by_id("impersonate_authority-01")
    assert screen.prompt.text() == question.prompt
    i18n.set_locale("zh_TW")
    screen.retranslate()
    assert screen.prompt.text() == i18n.content_gettext(question.prompt) != question.prompt
    assert re.search(r"[\u4e00-\u9fff]", screen.prompt.text())
    assert screen.counter.text() == "第1題，共1題"
    assert screen.session.index == 0 and not screen.session.answered


def test_reset_forgets_the_visitor(make_screen, qtbot, bank):
    screen = make_screen()
    ask(screen, bank, "task_rebate-03")
    key(qtbot, screen, Qt.Key.Key_1)
    screen.name_field.setText("Someone")
    screen.reset()
    assert screen.session is None and screen.name_field.text() == ""
    assert screen.pages.currentWidget() is screen.chooser


@pytest.mark.parametrize("question_id", ["task_rebate-01", "task_rebate-03", "task_rebate-05", "task_rebate-08", "task_rebate-10"])
def test_every_control_has_a_name_for_screen_readers(make_screen, qtbot, bank, question_id):
    screen = make_screen()
    ask(screen, bank, question_id)
    for page_state in ("asked", "answered"):
        for control in visible(screen, QAbstractButton) + visible(screen, QLineEdit):
            assert control.accessibleName().strip(), f"{control.objectName()} ({page_state})"
        if not screen.session.answered:
            answer_somehow(qtbot, screen)
    key(qtbot, screen, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.result_page
    for control in visible(screen, QAbstractButton) + visible(screen, QLineEdit):
        assert control.accessibleName().strip(), control.objectName()


def test_the_quiz_opens_from_the_main_window_and_a_guide_link_navigates(make_window, qtbot):
    window = make_window("en")
    window.navigate("quiz", {"set": "type:fake_investment"})
    screen = window.screens["quiz"]
    assert window.title_label.text() == "Quiz"
    assert screen.session.quiz_set.scam_type == "fake_investment"
    answer_somehow(qtbot, screen)
    screen.findChild(QAbstractButton, "quizGuideLink").click()
    assert window.current == "guides"


# --- what the UX review found: focus, marks in words, wording, alignment, the result ------------

def quiz_window(make_window, lang="en"):
    window = make_window(lang)
    window.navigate("quiz", {"set": "type:task_rebate"})
    return window, window.screens["quiz"]


def colour_pixels(widget, colour: str) -> int:
    """How many pixels of ``colour`` the widget shows (its focus ring, say)."""
    from PySide6.QtGui import QColor

    image = widget.grab().toImage()
    want = QColor(colour)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) < 30 and abs(c.green() - want.green()) < 30 and abs(c.blue() - want.blue()) < 30:
                count += 1
    return count


def focus_ring(widget) -> int:
    from ui.theme import PALETTES

    return colour_pixels(widget, PALETTES["normal"]["focus"])


@pytest.mark.parametrize("question_id, first", [
    ("task_rebate-06", "quizVerdict_scam"),  # the verdicts sit in a row under the message
    ("task_rebate-11", "quizReply1"),  # the replies come after the chat
    ("task_rebate-01", "quizOption1"),
    ("task_rebate-08", "quizPiece0"),
])
def test_a_new_question_has_focus_on_its_first_answer_so_space_answers_it_and_never_leaves(make_window, qtbot, bank, question_id, first):
    window, screen = quiz_window(make_window)
    ask(screen, bank, question_id)
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == first and screen.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert window.current == "quiz" and screen.pages.currentWidget() is screen.question_page
    if bank.by_id(question_id).format == "red_flags":
        assert screen._tapped == {0}
    elif bank.by_id(question_id).format == "scenario":
        assert screen.session.answered or screen.session.scenario_run().path
    else:
        assert screen.session.answered


def test_the_first_answer_shows_no_focus_ring_until_the_keyboard_moves(make_window, qtbot, bank):
    window, screen = quiz_window(make_window)
    ask(screen, bank, "task_rebate-01")
    first = QApplication.focusWidget()
    assert first.objectName() == "quizOption1"
    assert focus_ring(first) == 0, "a ring on arrival looks like an answer already chosen"
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    second = QApplication.focusWidget()
    assert second.objectName() == "quizOption2" and focus_ring(second) > 100
    qtbot.keyClick(second, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is first and focus_ring(first) > 100


def test_the_bottom_buttons_carry_no_enter_symbol_the_tooltip_names_the_key(make_screen, qtbot, bank):
    screen = make_screen()
    ask(screen, bank, "task_rebate-03", "task_rebate-05")
    assert screen.check_button.text() == "Check my answer" and "Enter" in screen.check_button.toolTip()
    key(qtbot, screen, Qt.Key.Key_1)
    key(qtbot, screen, Qt.Key.Key_Return)
    assert screen.next_button.text() == "Next question" and "Enter" in screen.next_button.toolTip()


def ink_top(image, left: int, right: int, top: int, bottom: int) -> int:
    """The first row between ``top`` and ``bottom`` with dark (text) pixels between the columns."""
    for y in range(top, bottom):
        for x in range(left, right):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 128 and colour.lightness() < 150:
                return y
    return -1


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_an_options_number_sits_on_the_first_line_of_its_text(make_window, bank, lang):
    window, screen = quiz_window(make_window, lang)
    ask(screen, bank, "task_rebate-01")
    option = next(b for b in visible(screen, QAbstractButton) if b.objectName() == "quizOption1")
    image = option.grab().toImage()
    number, text = option.number.geometry(), option.label.geometry()
    number = number.translated(option.number.parentWidget().mapTo(option, number.topLeft()) - number.topLeft())
    text = text.translated(option.label.parentWidget().mapTo(option, text.topLeft()) - text.topLeft())
    top, bottom = min(number.top(), text.top()), max(number.bottom(), text.bottom())
    number_top = ink_top(image, number.left(), number.right(), top, bottom)
    text_top = ink_top(image, text.left(), text.left() + 200, top, bottom)
    assert number_top >= 0 and text_top >= 0
    assert abs(number_top - text_top) <= 3, (number_top, text_top)


def test_a_ticked_option_and_a_tapped_piece_say_so_in_words(make_screen, qtbot, bank):
    screen = make_screen()
    ask(screen, bank, "task_rebate-03", "task_rebate-08")
    key(qtbot, screen, Qt.Key.Key_1)
    shown = {b.objectName(): b for b in visible(screen, QAbstractButton)}
    ticked, other = shown["quizOption1"], shown["quizOption2"]
    assert ticked.isChecked() and ticked.tag.text() == "☑ Selected" and ticked.accessibleName().endswith(", Selected")
    assert "Selected" not in other.tag.text() and "Selected" not in other.accessibleName()
    key(qtbot, screen, Qt.Key.Key_1)  # untick
    assert "Selected" not in ticked.tag.text() + ticked.accessibleName()
    key(qtbot, screen, Qt.Key.Key_1)
    key(qtbot, screen, Qt.Key.Key_Return)
    key(qtbot, screen, Qt.Key.Key_Return)  # on to the red flags
    index = next(i for i, s in enumerate(screen._segments) if s.tappable)
    piece = next(b for b in visible(screen, QAbstractButton) if b.objectName() == f"quizPiece{index}")
    width = piece.width()
    piece.click()
    plain = screen._segments[index].text.strip()
    assert piece.text() == f"☑ {plain}" and piece.accessibleName() == f"{plain}, Selected"
    assert screen.selected_line.text() == f"Selected: {plain.rstrip('.,!')}"
    assert piece.width() == width, "tapping a piece must not move the others"


def test_after_scam_or_genuine_the_right_answer_is_marked_in_words(make_screen, qtbot, bank):
    screen = make_screen()
    ask(screen, bank, "task_rebate-06")
    assert bank.by_id("task_rebate-06").answer == "genuine"
    key(qtbot, screen, Qt.Key.Key_1)  # scam: wrong
    shown = {b.objectName(): b for b in visible(screen, QAbstractButton)}
    assert shown["quizVerdict_genuine"].text() == "✔ Genuine · Right answer"
    assert shown["quizVerdict_scam"].text() == "✘ Scam · Your choice. Not right"
    assert shown["quizVerdict_genuine"].accessibleName() == "Genuine: Right answer"


@pytest.mark.parametrize("locale", ["en", "zh_CN", "zh_TW"])
def test_an_explanation_does_not_repeat_the_verdict_before_it(make_screen, qtbot, bank, locale):
    screen = make_screen()
    i18n.set_locale(locale)
    screen.retranslate()
    question = bank.by_id("fake_credit_repair-06")  # "Scam. 'Close your student-loan account…'"
    ask(screen, bank, "fake_credit_repair-06", "fake_credit_repair-01")
    key(qtbot, screen, Qt.Key.Key_2)  # genuine: wrong
    full = i18n.content_gettext(question.explanation)
    first, rest = re.split(r"(?<=[.。])\s*", full, maxsplit=1)
    verdict = feedback_texts(screen)[0]
    assert rest in verdict and full not in verdict, verdict
    key(qtbot, screen, Qt.Key.Key_Return)
    key(qtbot, screen, Qt.Key.Key_1)
    notes = " ".join(l.text() for l in visible(screen, QLabel) if l.property("role") == "optionFeedback")
    assert notes.count("✔") + notes.count("✘") == 3
    assert not re.search(r"[:：]\s*(Yes|No|Right|对|不对|是的|不是|没错|對|不對|沒錯)[.。]", notes), notes


def answer_one(qtbot, screen, bank, question_id: str, right: bool):
    question = bank.by_id(question_id)
    if question.format == "scam_or_genuine":
        key(qtbot, screen, Qt.Key.Key_1 if (question.answer == "scam") == right else Qt.Key.Key_2)
    else:
        order = screen.session.option_order(question)
        position = next(p for p, i in enumerate(order) if question.options[i].correct == right)
        key(qtbot, screen, Qt.Key.Key_1 + position)
    key(qtbot, screen, Qt.Key.Key_Return)


@pytest.mark.parametrize("right", [True, False])
def test_the_certificate_says_what_it_certifies_for_the_score(make_screen, qtbot, bank, right):
    screen = make_screen()
    ask(screen, bank, "task_rebate-05")
    answer_one(qtbot, screen, bank, "task_rebate-05", right)
    assert screen.pages.currentWidget() is screen.result_page
    html = screen.certificate_html("")
    if right:
        assert screen.certificate_heading.text() == "Pass certificate" and "100%" in screen.certificate_about.text()
        assert "passed the quiz" in html and "1 of 1 right (100%)" in html
    else:
        assert screen.certificate_heading.text() == "Certificate of taking part"
        assert "took part" in screen.certificate_about.text() and "60%" in screen.certificate_about.text()
        assert "took part in the quiz" in html and "%" not in html and "passed" not in html
    assert screen.result_score.text() == ("1 of 1 right (100%)" if right else "0 of 1 right (0%)")
    assert not screen.certificate_status.isVisibleTo(screen), "an empty status line is empty space at the card's foot"


def ink_left(widget) -> int:
    """The first column, in the widget's window, where the widget shows dark (text) pixels."""
    image = widget.grab().toImage()
    for x in range(image.width()):
        if any(c.alpha() > 128 and c.lightness() < 150 for c in (image.pixelColor(x, y) for y in range(image.height()))):
            return widget.mapTo(widget.window(), widget.rect().topLeft()).x() + x
    return -1


def test_the_review_links_start_where_the_page_text_starts(make_window, qtbot, bank):
    window, screen = quiz_window(make_window)
    ask(screen, bank, "task_rebate-05")
    answer_one(qtbot, screen, bank, "task_rebate-05", right=False)
    link = next(b for b in visible(screen, QAbstractButton) if b.objectName().startswith("quizReview_"))
    assert abs(ink_left(link) - ink_left(screen.review_heading)) <= 2


def test_an_options_text_keeps_its_room_from_the_edge_at_200_percent(make_window, qtbot):
    """At 200% the option text nearly touched the button's edge: the room grows with the text."""
    from ui.screens.quiz import WrapButton

    def room(window) -> tuple[int, int]:
        screen = window.screens["quiz"]  # the chooser: its quiz sets are WrapButtons too
        button = next(b for b in screen.findChildren(WrapButton) if b.isVisible() and b.property("role") == "option")
        first = min(w.geometry().left() for w in (button.number, button.label) if w.isVisible())
        return first, button.label.fontInfo().pixelSize()

    window = make_window("en")
    window.navigate("quiz", None)
    qtbot.waitUntil(lambda: room(window)[0] > 0)
    left_100, px_100 = room(window)
    window.services.state.set_text_scale(200)
    qtbot.waitUntil(lambda: room(window)[1] > px_100)  # restyled
    qtbot.waitUntil(lambda: room(window)[0] >= left_100 * 1.5)  # and laid out again


def test_the_quick_quiz_button_reads_light_on_its_dark_face_and_dims_only_when_disabled(make_window, qtbot):
    """Its label was left grey on blue (the disabled colour), unreadable, while it was enabled."""
    from ui.screens.quiz import WrapButton
    from ui.theme import PALETTES

    window = make_window("zh_CN")
    window.navigate("quiz", None)
    screen = window.screens["quiz"]
    qtbot.wait(10)
    button = next(b for b in screen.findChildren(WrapButton) if b.objectName().startswith("quizSet_") and b.property("role") == "primary")
    assert button.isEnabled()
    light = colour_pixels(button, PALETTES["normal"]["on_primary"])
    grey = colour_pixels(button, PALETTES["normal"]["disabled_text"])
    assert light > 50 and grey < light // 10


def test_hints_name_the_check_button_and_keys_only_where_there_is_a_keyboard(qtbot, english, bank):
    for keyboard in (True, False):
        screen = QuizScreen(lambda: bank, NullProgress(), rng_factory=lambda: random.Random(1), keyboard=keyboard)
        qtbot.addWidget(screen)
        screen.retranslate()
        screen.show()
        for question_id in ("task_rebate-03", "task_rebate-08"):  # multiple choice, red flags
            ask(screen, bank, question_id)
            hint = screen.hint.text()
            assert f"“{screen.check_button.text()}”" in hint, hint
            assert ("Enter" in hint) is keyboard, hint
        ask(screen, bank, "task_rebate-06")  # scam or genuine
        assert ("1 for scam" in screen.hint.text()) is keyboard, screen.hint.text()


def test_the_count_of_wrong_taps_is_the_number_of_pieces_marked_wrong(make_screen, qtbot, bank):
    """Two neighbouring words that are no warning sign: both get a ✘, and the words say 2."""
    screen = make_screen()
    ask(screen, bank, "task_rebate-08")
    segs = screen._segments
    tappable = [i for i, s in enumerate(segs) if s.tappable]
    pair = next((a, b) for a, b in zip(tappable, tappable[1:]) if segs[a].flag is None and segs[b].flag is None)
    flag = next(i for i, s in enumerate(segs) if s.flag == 0)
    for index in (*pair, flag):
        screen.findChild(QAbstractButton, f"quizPiece{index}").click()
    key(qtbot, screen, Qt.Key.Key_Return)
    marked = [b for b in visible(screen, QAbstractButton) if b.objectName().startswith("quizPiece") and b.property("mark") == "wrong"]
    assert len(marked) == 2 and all(b.text().startswith("✘") for b in marked)
    shown = " ".join(l.text() for l in visible(screen, QLabel))
    assert "Taps that were not on a warning sign: 2." in shown


def test_each_warning_sign_is_marked_once_however_many_pieces_it_has(make_screen, qtbot, bank):
    """One ✔ or ⚑ at the start of each phrase, not one on every word of it; every piece of
    it still shows it is part of a found or missed sign, and says so to a screen reader."""
    screen = make_screen()
    ask(screen, bank, "task_rebate-08")  # two signs, of several words each
    segs = screen._segments
    screen.findChild(QAbstractButton, f"quizPiece{next(i for i, s in enumerate(segs) if s.flag == 0)}").click()
    key(qtbot, screen, Qt.Key.Key_Return)
    for flag, mark, symbol, said in ((0, "found", "✔", "You found it"), (1, "missed", "⚑", "Missed")):
        shown = {b.objectName(): b for b in visible(screen, QAbstractButton)}
        pieces = [shown[f"quizPiece{i}"] for i, s in enumerate(segs) if s.flag == flag and s.tappable]
        assert len(pieces) > 2
        assert all(p.property("mark") == mark and p.accessibleName().endswith(said) for p in pieces)
        assert [p.text().startswith(symbol) for p in pieces] == [True] + [False] * (len(pieces) - 1)
        assert not any(p.text().startswith(("✔", "⚑")) for p in pieces[1:])


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_pieces_are_as_wide_as_their_text(make_window, qtbot, bank, lang):
    """Not all one width (the style made every short piece 80 pixels: 比 as wide as 比门店价),
    and never narrower than tall, for a finger."""
    window, screen = quiz_window(make_window, lang)
    ask(screen, bank, "fake_shopping-09")
    pieces = [b for b in visible(screen, QAbstractButton) if b.objectName().startswith("quizPiece")]
    qtbot.waitUntil(lambda: all(p.width() > 0 for p in pieces))
    slack = set()
    for piece in pieces:
        assert piece.width() >= piece.height() >= 40, piece.text()
        text = piece.fontMetrics().horizontalAdvance(f"☑ {piece.text()}")  # room for its tick
        if text > 1.5 * piece.height():  # well over the least width a piece may have
            slack.add(piece.width() - text)
    assert len(slack) == 1 and len(pieces) > 10, f"padding differs between pieces: {sorted(slack)}"
    padding = slack.pop()
    assert 0 < padding < 40
    for piece in pieces:  # a short piece is no wider than a square-ish tile
        text = piece.fontMetrics().horizontalAdvance(f"☑ {piece.text()}")
        assert piece.width() <= max(text + padding, 1.25 * piece.height()), piece.text()
