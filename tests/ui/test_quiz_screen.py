"""The quiz screen: each format answered by keys and clicks, explanations, result, certificate,
progress, live language switch, reset, and names for screen readers."""

from __future__ import annotations

import random
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

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
        assert option.feedback in shown
    assert "✔ Right answer:" in shown and "✘ Not right (your choice):" in shown
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
    assert feedback_texts(screen)[0].startswith("Partly right: 0.7 of 1 point.")


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
    assert "You found 1 of 2 red flags." in shown and "Taps that were not on a red flag: 1." in shown
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
    assert screen.result_score.text() == f"{result.score:.1f}".rstrip("0").rstrip(".") + f" of 10 points ({result.percent}%)"
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
    assert "best so far: 1 of 1" in button.accessibleName()
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
