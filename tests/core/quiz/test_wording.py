"""An explanation does not open by repeating the label the screen puts before it."""

from __future__ import annotations

import pytest

from core.quiz.wording import choice_counts, drop_echo


@pytest.mark.parametrize("text, says, shown", [
    ("Yes. This is where the money is taken.", "right", "This is where the money is taken."),
    ("No. A statement asks nothing of you.", "wrong", "A statement asks nothing of you."),
    ("Scam. No real office asks for that.", "scam", "No real office asks for that."),
    ("对。中国人民银行明确说过。", "right", "中国人民银行明确说过。"),
    ("不對。期限就是破綻。", "wrong", "期限就是破綻。"),
    ("诈骗。“今天注销”正是开场白。", "scam", "“今天注销”正是开场白。"),
])
def test_an_opening_word_that_repeats_the_label_is_dropped(text, says, shown):
    assert drop_echo(text, says) == shown


@pytest.mark.parametrize("text, says", [
    ("No. Scammers hold leaked data.", "right"),  # says the opposite of the label: kept, never hidden
    ("Yes.", "right"),  # nothing would be left
    ("No, the sender would say that.", "wrong"),  # the sentence goes on
    ("Nothing needed closing.", "wrong"),  # "No" is only the start of a word
    ("真的要小心。", "genuine"),
])
def test_anything_else_is_left_as_written(text, says):
    assert drop_echo(text, says) == text


def test_a_multiple_choice_answer_in_counts():
    assert choice_counts({0, 1, 2}, {0, 3}) == (1, 1, 2)
