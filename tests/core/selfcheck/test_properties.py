"""Properties that hold for any input: never raises, spans inside the text, same answer twice."""

from hypothesis import given, settings
from hypothesis import strategies as st

from core.selfcheck import VERDICTS

# Mixed alphabets that reach every part of the engine: CJK, full-width, invisible characters,
# digits and + for phone numbers, dots and slashes for links, lone surrogates and controls.
alphabet = st.one_of(
    st.characters(),
    st.sampled_from(list("验证码安全账户轉帳+0096110855.:/-httpsxn--bit.ly ｓａｆｅ\u200b\u200d\ufeff\x00\ud800\n")),
)
texts = st.text(alphabet=alphabet, max_size=400)
phrases = st.lists(
    st.sampled_from(["safe account", "请把验证码发给我", "+855 00 000 0000", "http://192.0.2.1/x", "xn--pple-43d.example", "不要告诉家人", "请勿泄露", " ", "\u200b", "g i f t c a r d", "a.b.c.d.e", "pay the fee to withdraw", "亲爱的，帮我付清关费"]),
    max_size=12,
).map("".join)


def _check_invariants(checker, text):
    result = checker.check(text)
    assert result.verdict in VERDICTS
    assert 0 <= result.score <= 100
    for signal in result.signals:
        assert signal.spans
        for start, end in signal.spans:
            assert 0 <= start < end <= len(text)
    again = checker.check(text)
    assert again == result


@settings(max_examples=300, deadline=None)
@given(texts)
def test_any_text_never_raises_and_spans_stay_inside(checker, text):
    _check_invariants(checker, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(phrases, texts), max_size=4).map("".join))
def test_scam_phrases_mixed_with_junk(checker, text):
    _check_invariants(checker, text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=500))
def test_binary_junk(checker, data):
    result = checker.check(data)
    assert result.verdict in VERDICTS
