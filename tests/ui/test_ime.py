"""Pinyin to Chinese (ui/ime.py): the words a visitor expects are offered, in the right script."""

import pytest

from ui import ime


@pytest.mark.parametrize(
    ("typed", "word"),
    [("pianzi", "骗子"), ("zhuanzhang", "转账"), ("jingcha", "警察"), ("yinhangka", "银行卡"), ("lv", "绿"), ("xing", "行"), ("hang", "行")],
)
def test_the_whole_pinyin_offers_the_word_near_the_top(typed, word):
    found = [c for c in ime.table("zh_Hans").candidates(typed)]
    texts = [c.text for c in found]
    assert word in texts[: ime.PREFIX_WORDS // 2], texts[:12]
    assert found[texts.index(word)].length == len(typed)


def test_the_traditional_table_gives_traditional_characters_and_taiwan_words():
    hant = ime.table("zh_Hant")
    assert "騙子" in hant.exact("pianzi") and "骗子" not in hant.exact("pianzi")
    assert "軟體" in hant.exact("ruanjian")  # Taiwan's word for software, not 軟件
    assert {"發", "髮"} <= set(hant.exact("fa"))  # 发 stands for both
    assert "骗子" in ime.table("zh_Hans").exact("pianzi") and "騙子" not in ime.table("zh_Hans").exact("pianzi")


def test_the_zhuyin_table_gives_traditional_words():
    zhuyin = ime.table(ime.ZHUYIN)
    assert "騙子" in zhuyin.exact("ㄆㄧㄢㄗ")
    assert "警察" in [c.text for c in zhuyin.candidates("ㄐㄧㄥㄔㄚ")][:5]
    assert "簡訊" in zhuyin.exact("ㄐㄧㄢㄒㄩㄣ")  # Taiwan's word for a text message
    assert "騙子" in [c.text for c in zhuyin.candidates("ㄆㄧㄢㄗ")]


def test_an_unfinished_last_syllable_already_offers_words():
    texts = [c.text for c in ime.table("zh_Hans").candidates("pianz")]
    assert "骗子" in texts


def test_a_longer_input_also_offers_words_for_its_beginning():
    found = ime.table("zh_Hans").candidates("woshipianzi")
    wo = [c for c in found if c.text == "我"]
    assert wo and wo[0].length == 2  # choosing 我 uses up "wo" and leaves "shipianzi"


def test_every_candidate_stands_for_part_of_the_input():
    for typed in ("pianzi", "a", "zzzz", "xian"):
        for candidate in ime.table("zh_Hans").candidates(typed):
            assert 1 <= candidate.length <= len(typed)
            assert candidate.text


@pytest.mark.parametrize(
    ("locale", "script"),
    [("zh_CN", "zh_Hans"), ("zh_SG", "zh_Hans"), ("zh_TW", "zh_Hant"), ("zh_HK", "zh_Hant"), ("zh_Hant_HK", "zh_Hant"), ("en", None), ("en_GB", None)],
)
def test_the_language_decides_the_script(locale, script):
    assert ime.script_for(locale) == script
