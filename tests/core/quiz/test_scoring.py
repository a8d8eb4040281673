"""Scoring of each format, including partial credit for multiple choice and red flags."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.quiz.bank import question_from
from core.quiz.scoring import (
    PHRASE,
    score_multiple,
    score_scam_or_genuine,
    score_scenario,
    score_segments,
    phrases_of,
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
    # short pieces: phrases of a few characters, and no flag is given away as one whole piece
    assert all(len(s.text.strip("。！")) <= PHRASE for s in segs if not s.text[0].isdigit())
    assert not {s.text.strip("。！") for s in segs} & set(flags)
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


SHOP = "限时优惠！全新手机比门店价便宜60%，今天只剩5台。加我聊天软件，私下付款省平台手续费。"
SHOP_FLAGS = ["比门店价便宜60%", "今天只剩5台", "私下付款省平台手续费"]


def chinese_characters(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def test_one_character_chinese_words_are_joined_into_phrases_within_each_flag():
    """The review saw 比 / 门店 / 价 / 只 / 剩 / 5台: tiles that no longer read as a message."""
    segs = segments(SHOP, SHOP_FLAGS)
    assert "".join(s.text for s in segs) == SHOP
    for index, phrase in enumerate(SHOP_FLAGS):  # a phrase never reaches over a flag's edge
        assert "".join(s.text for s in segs if s.flag == index).rstrip("，。") == phrase
    words = [s.text.rstrip("，。！") for s in segs if s.tappable]
    assert not [w for w in words if chinese_characters(w) == 1 and not any(c.isdigit() for c in w)], words
    assert all(chinese_characters(w) <= PHRASE for w in words), words
    assert len(words) < len([w for w in word_pieces(SHOP)]), "joining makes fewer pieces"


def word_pieces(message):
    from core.quiz.scoring import cut_words

    return [w for run in re.findall(r"[\u4e00-\u9fff]+", message) for w in cut_words(run)]


def test_a_lone_character_is_never_joined_across_punctuation_or_with_latin_words():
    assert phrases_of(["太", "多，", "我", "来"]) == ["太多，", "我来"]
    assert phrases_of(["多，", "我"]) == ["多，", "我"]
    assert phrases_of(["用", "USDT ", "支付"]) == ["用", "USDT ", "支付"]
    assert phrases_of(["Pay ", "the fee ", "now."]) == ["Pay ", "the fee ", "now."]


def test_few_pieces_of_the_shipped_chinese_messages_are_one_character():
    from core.content import ContentLibrary
    from core.quiz.bank import load_bank
    from core.quiz.lint import translations

    root = Path(__file__).resolve().parents[3]
    bank = load_bank(ContentLibrary.load(root / "content"))
    done = translations(root)
    pieces, lone = 0, []
    for locale in ("zh_CN", "zh_TW"):
        for item in bank.questions:
            if item.format == "red_flags" and item.message.text in done[locale]:
                message = done[locale][item.message.text]
                segs = segments(message, [done[locale].get(f.text, "") for f in item.flags])
                words = [s.text.rstrip("，。！？：、") for s in segs if s.tappable]
                pieces += len(words)
                lone += [w for w in words if chinese_characters(w) == 1 and not re.search(r"[0-9A-Za-z]", w)]
    assert pieces > 500
    assert len(lone) < pieces * 0.05, lone  # cut into words only, about a third were
