"""Scoring of each format, including partial credit for multiple choice and red flags."""

from __future__ import annotations

import pytest

from core.quiz.bank import question_from
from core.quiz.scoring import (
    score_multiple,
    score_scam_or_genuine,
    score_scenario,
    score_segments,
    score_single,
    segments,
)

from tests.core.quiz.conftest import question


def q(fmt, **changes):
    raw = question("task_rebate", 1, fmt)
    raw.update(changes)
    return question_from(raw, "task_rebate")


def test_single_choice_scores_one_only_for_the_correct_option():
    single = q("single")  # option 0 is correct
    assert score_single(single, 0) == 1
    assert score_single(single, 1) == 0
    assert score_single(single, None) == 0


def four_options_three_correct():
    return q("multiple", options=[
        {"text": f"o{i}", "correct": i < 3, "feedback": f"f{i}"} for i in range(4)
    ])


@pytest.mark.parametrize(
    "chosen, expected",
    [
        ({0, 1, 2}, 1.0),  # every correct option
        ({0, 1}, 2 / 3),  # two of three: partial credit
        ({0, 1, 2, 3}, 2 / 3),  # all three plus a wrong one
        ({0, 1, 3}, 1 / 3),
        ({0, 3}, 0.0),  # one right cancelled by one wrong
        ({3}, 0.0),  # only wrong: never below zero
        (set(), 0.0),
    ],
)
def test_multiple_choice_partial_credit(chosen, expected):
    assert score_multiple(four_options_three_correct(), chosen) == pytest.approx(expected)


def test_scam_or_genuine():
    item = q("scam_or_genuine", answer="genuine")
    assert score_scam_or_genuine(item, "genuine") == 1
    assert score_scam_or_genuine(item, "scam") == 0
    assert score_scam_or_genuine(item, None) == 0


MESSAGE = "Earn 300 a day at home! Recharge 100 first to unlock tasks. Keep this secret from your family."
FLAGS = ["Recharge 100 first", "Keep this secret from your family"]


def pieces(segs, *words):
    """Indexes of the pieces whose text (stripped of spaces and punctuation) is one of ``words``."""
    return {i for i, s in enumerate(segs) if s.text.strip(" .!,。！，") in words}


def test_segments_rebuild_the_message_and_never_cross_a_flag():
    segs = segments(MESSAGE, FLAGS)
    assert "".join(s.text for s in segs) == MESSAGE
    for index, phrase in enumerate(FLAGS):
        assert "".join(s.text for s in segs if s.flag == index).strip(" .") == phrase


def test_red_flags_all_found_by_tapping_one_word_of_each():
    segs = segments(MESSAGE, FLAGS)
    score, found, wrong = score_segments(2, segs, pieces(segs, "Recharge", "secret"))
    assert (score, found, wrong) == (1.0, 2, 0)


def test_red_flags_partial_credit_and_wrong_taps():
    segs = segments(MESSAGE, FLAGS)
    assert score_segments(2, segs, pieces(segs, "Recharge"))[0] == pytest.approx(0.5)
    # a flag found, a flag missed, one wrong phrase tapped (three neighbouring words = one mistake)
    score, found, wrong = score_segments(2, segs, pieces(segs, "Recharge", "Earn", "300", "a"))
    assert (found, wrong) == (1, 1)
    assert score == 0
    # two separate wrong taps against two flags found
    score, found, wrong = score_segments(2, segs, pieces(segs, "Recharge", "Keep", "Earn", "tasks"))
    assert (found, wrong) == (2, 2) and score == 0
    score, _found, wrong = score_segments(2, segs, pieces(segs, "Recharge", "Keep", "tasks"))
    assert wrong == 1 and score == pytest.approx(0.5)


def test_red_flags_in_chinese_are_found_in_the_translated_message():
    message = "在家日赚300元！先充值100元解锁任务。这件事要对家人保密。"
    flags = ["先充值100元", "对家人保密"]
    segs = segments(message, flags)
    assert "".join(s.text for s in segs) == message
    assert {s.flag for s in segs} == {None, 0, 1}
    # short pieces: no piece is a whole flag phrase longer than two characters of Chinese
    assert all(len(s.text.strip("。！")) <= 3 for s in segs if not s.text[0].isdigit())
    assert "100元" in [s.text for s in segs]  # a number keeps its unit
    tapped = {i for i, s in enumerate(segs) if s.flag is not None}
    assert score_segments(2, segs, tapped)[0] == 1.0


def test_a_flag_missing_from_an_unfinished_translation_just_has_no_piece():
    segs = segments("完全不同的文字。", ["Recharge 100 first"])
    assert all(s.flag is None for s in segs)


def test_scenario_scores_by_its_ending():
    item = q("scenario")
    assert score_scenario(item, "safe") == 1
    assert score_scenario(item, "lost") == 0
    assert score_scenario(item, None) == 0


def test_an_english_article_or_possessive_goes_with_the_next_word_but_never_across_a_flag():
    segs = segments("Send the money to your bank account now.", ["your bank account"])
    texts = [s.text.strip(" .") for s in segs]
    assert "the money" in texts and "your bank" in texts
    segs = segments("Pay the fee now.", ["fee now"])
    assert [(s.text.strip(" ."), s.flag) for s in segs] == [("Pay", None), ("the", None), ("fee", 0), ("now", 0)]
