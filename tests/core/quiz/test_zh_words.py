"""Chinese red-flag messages are cut at word boundaries, by a committed word list that must
match the shipped catalogs (tools/build_zh_words.py makes it from jieba's dictionary)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.quiz.scoring import WORDS_FILE, WordList, cut_words, segments

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))

jieba = pytest.importorskip("jieba")  # a pinned dev dependency (requirements-dev.txt)
opencc = pytest.importorskip("opencc")

import build_zh_words  # noqa: E402


def test_the_committed_word_list_is_not_stale(tmp_path):
    out = tmp_path / "zh_words.txt"
    assert build_zh_words.main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == WORDS_FILE.read_text(encoding="utf-8"), (
        "core/quiz/zh_words.txt is stale: run python tools/build_zh_words.py"
    )


def shipped_red_flag_messages():
    from core.content import ContentLibrary
    from core.quiz.bank import load_bank
    from core.quiz.lint import translations

    bank = load_bank(ContentLibrary.load(ROOT / "content"))
    done = translations(ROOT)
    for locale in ("zh_CN", "zh_TW"):
        for question in bank.questions:
            if question.format == "red_flags" and question.message.text in done[locale]:
                phrases = [done[locale].get(flag.text, "") for flag in question.flags]
                yield locale, question.id, done[locale][question.message.text], phrases


MESSAGES = list(shipped_red_flag_messages())


def test_there_are_chinese_red_flag_messages_to_check():
    assert {locale for locale, *_rest in MESSAGES} == {"zh_CN", "zh_TW"}
    assert len(MESSAGES) >= 40


@pytest.fixture(scope="module")
def reference():
    """jieba itself (with the tool's few added words), cutting without its HMM."""
    tok = build_zh_words.tokenizer()
    to_simplified = opencc.OpenCC("t2s")

    def inside_words(text: str, locale: str) -> set[int]:
        lookup = text
        if locale == "zh_TW":  # jieba's words are Simplified: look up character by character
            lookup = "".join(c if len(to_simplified.convert(c)) != 1 else to_simplified.convert(c) for c in text)
        inside = set()
        for word, start, end in tok.tokenize(lookup, HMM=False):
            if len(word) > 1 and build_zh_words.HAN.fullmatch(word):
                inside.update(range(start + 1, end))
        return inside

    return inside_words


@pytest.mark.parametrize("locale, question_id, message, phrases", MESSAGES, ids=[f"{m[0]}-{m[1]}" for m in MESSAGES])
def test_no_piece_cuts_a_word_in_two(reference, locale, question_id, message, phrases):
    segs = segments(message, phrases)
    assert "".join(s.text for s in segs) == message
    for index, phrase in enumerate(phrases):
        if phrase in message:  # each flag is its own pieces, and only its own
            flagged = "".join(s.text for s in segs if s.flag == index)
            assert flagged.startswith(phrase) and not any(c.isalnum() for c in flagged[len(phrase):])
    inside = reference(message, locale)
    at, bad = 0, []
    for before, after in zip(segs, segs[1:]):
        at += len(before.text)
        if at in inside and before.flag == after.flag:  # a flag's own edge may fall inside a word
            bad.append(f"{before.text}|{after.text}")
    assert not bad, f"pieces cut inside a word: {bad}"


def test_the_old_nonsense_pieces_are_gone():
    """The pieces the UX review saw (是贷 / 款平 / 台客服) are whole words now."""
    message = "这里是贷款平台客服。您的校园贷账户仍未注销，不符合新规定。"
    pieces = [s.text.rstrip("。，") for s in segments(message, ["您的校园贷账户仍未注销"])]
    assert "贷款" in pieces and "平台" in pieces and "客服" in pieces
    assert not {"是贷", "款平", "台客服"} & set(pieces)


def test_characters_the_list_does_not_know_fall_back_to_pieces_of_two():
    words = WordList({"骗子": 100, "是": 1000}, total=10_000)
    assert cut_words("他是骗子", words) == ["他", "是", "骗子"]
    assert cut_words("甲乙丙丁戊", words) == ["甲乙", "丙丁戊"]


def test_a_particle_goes_with_the_word_before_and_a_negation_with_the_word_after():
    words = WordList({"账户": 100, "您": 100, "的": 100, "不": 100, "方便": 100}, total=10_000)
    assert cut_words("您的账户不方便", words) == ["您的", "账户", "不方便"]
