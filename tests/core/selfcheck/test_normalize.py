from hypothesis import given, settings
from hypothesis import strategies as st

from core.selfcheck.normalize import _normalize_by_character, normalize


def test_fullwidth_case_and_traditional_are_folded():
    views = normalize("ＶＥＲＩＦＹ 驗證碼")
    assert views.norm.text == "verify 验证码"


def test_invisible_characters_and_spacing_tricks_vanish_from_the_dense_view():
    text = "验\u200b证 -码"
    views = normalize(text)
    assert views.dense.text == "验证码"
    start = views.dense.text.index("验证码")
    assert views.dense.span(start, start + 3) == (0, len(text))


def test_spans_map_back_to_the_original_characters():
    text = "请把\u200d驗 證 碼告訴我"
    views = normalize(text)
    i = views.dense.text.index("验证码")
    s, e = views.dense.span(i, i + 3)
    assert text[s:e] == "驗 證 碼"


def test_expanding_characters_keep_their_span():
    text = "a\ufb01b"  # the "fi" ligature becomes two letters
    views = normalize(text)
    assert views.norm.text == "afib"
    assert views.norm.span(1, 3) == (1, 2)


def test_empty_and_whitespace_only():
    assert normalize("").norm.text == ""
    assert normalize(" \n\t ").dense.text == ""


def test_numbers_on_either_side_of_punctuation_stay_apart():
    views = normalize("验证码482913，5分钟内有效")
    assert "4829135" not in views.dense.text
    assert "验证码482913" in views.dense.text


# normalize() takes a fast way (str.translate) for text whose characters each become one, and
# the character-by-character way otherwise; the two must give the same views for any text.
_TRICKY = list("ab 1  2,.-*_+$¥:：，。！验证码驗證碼ＡＢ１\u3000\t\ng i f t") + ["\u200b", "\ufb01", "①", "\ufe0f", "\x00", "\ud800", "\u00e9", "\u0301"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(_TRICKY)), max_size=200))
def test_the_fast_way_gives_the_views_of_the_character_by_character_way(text):
    assert normalize(text) == _normalize_by_character(text)


def test_the_fast_way_is_taken_and_agrees_on_real_messages():
    """Real messages (the corpus) map one for one almost always: the fast way is the usual one."""
    import json
    from pathlib import Path

    from core.selfcheck import normalize as module

    corpus = Path(__file__).resolve().parents[3] / "corpus" / "selfcheck" / "dev.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    fast = [t for t in texts if module._IRREGULAR not in t.translate(module._NORM_TABLE)]
    assert len(fast) > 0.9 * len(texts)
    for text in texts:
        assert normalize(text) == _normalize_by_character(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1 2,.-验证码驗 ，。ＡＢ\u3000\t\n")), max_size=80))
def test_every_span_of_a_view_points_at_the_characters_it_came_from(text):
    """Views built from runs of characters answer span() without a per-character index; every
    range of both views must give the same original span as the character-by-character way."""
    fast, slow = normalize(text), _normalize_by_character(text)
    for view, reference in ((fast.norm, slow.norm), (fast.dense, slow.dense)):
        n = len(view.text)
        for start in range(n):
            for end in range(start + 1, n + 1):
                assert view.span(start, end) == (reference.starts[start], reference.ends[end - 1])
        assert view.span(0, 0) is None and view.span(0, n + 1) is None
