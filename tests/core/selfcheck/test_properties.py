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


def _views_of(text):
    from core.selfcheck.normalize import normalize

    views = normalize(text)
    return {"zh": views.dense.text, "en": views.norm.text, "en+": views.norm.text}


# fragments of the shipped patterns' own required pieces, cut and joined at random, so that
# texts come near (and into) matches far more often than random characters would
def _fragments():
    from pathlib import Path

    from core.selfcheck import load_checker

    checker = load_checker(Path(__file__).resolve().parents[3] / "content")
    out = set()
    for rule in checker.ruleset.rules:
        for _lang, _regex, _first, pieces in rule.regexes:
            out.update(pieces or ())
    return sorted(out)


_FRAGMENTS = _fragments()
near_matches = st.lists(
    st.one_of(st.sampled_from(_FRAGMENTS), st.sampled_from(_FRAGMENTS).map(lambda p: p[1:]), st.sampled_from(_FRAGMENTS).map(lambda p: p[:-1]), texts),
    max_size=8,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(near_matches)
def test_skipping_a_pattern_for_want_of_its_pieces_never_loses_a_match(checker, text):
    # the engine skips a pattern when none of its required pieces is in the text; that must be
    # a necessary condition, or the check would miss words it should highlight
    views = _views_of(text)
    for rule in checker.ruleset.rules:
        for lang, regex, _first, pieces in rule.regexes:
            if pieces is not None and regex.search(views[lang]):
                assert any(piece in views[lang] for piece in pieces), (rule.id, pieces)



@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, phrases))
def test_no_pattern_that_could_match_is_skipped(checker, text):
    """The checker runs a pattern with required pieces only when one of them is in the message
    (found through the pairs of characters they start with): whenever one of its pieces is in
    the text the pattern is let through, and only then."""
    from core.selfcheck.normalize import normalize

    views = normalize(text)
    possible, possible_rules = checker._possible(views.dense.text, views.norm.text)
    for rule in checker.ruleset.rules:
        for number, zh, _lang, _regex, _first, pieces, _negation in checker._plans()[rule.id]:
            view = views.dense.text if zh else views.norm.text
            if pieces is None:
                assert rule.id in possible_rules
            elif any(piece in view for piece in pieces):
                assert number in possible and rule.id in possible_rules
            else:
                assert number not in possible


def test_no_pattern_that_could_match_a_real_message_is_skipped(checker):
    import json
    from pathlib import Path

    from core.selfcheck.normalize import normalize

    corpus = Path(__file__).resolve().parents[3] / "corpus" / "selfcheck" / "dev.jsonl"
    let_through = skipped = 0
    for line in corpus.read_text(encoding="utf-8").splitlines():
        views = normalize(json.loads(line)["text"])
        possible, _rules = checker._possible(views.dense.text, views.norm.text)
        for rule in checker.ruleset.rules:
            for number, zh, _lang, _regex, _first, pieces, _negation in checker._plans()[rule.id]:
                if pieces is None:
                    continue
                view = views.dense.text if zh else views.norm.text
                if any(piece in view for piece in pieces):
                    assert number in possible, (rule.id, number)
                    let_through += 1
                elif number not in possible:
                    skipped += 1
    assert let_through > 0 and skipped > let_through  # the filter does filter


def test_skipping_what_cannot_match_changes_no_answer(checker, monkeypatch):
    """The filters (patterns whose pieces are not in the text, combinations whose first part
    cannot be found) only skip work: with every pattern and rule let through, every message of
    the corpus gets the same result."""
    import json
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[3] / "corpus" / "selfcheck"
    texts = [json.loads(line)["text"] for name in ("dev.jsonl", "blind7.jsonl") for line in (corpus / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    filtered = [checker.check(t) for t in texts]
    everything = {plan[0] for plans in checker._plans().values() for plan in plans}
    every_rule = frozenset(rule.id for rule in checker.ruleset.rules)
    monkeypatch.setattr(type(checker), "_possible", lambda self, dense, norm: (everything, every_rule))
    assert [checker.check(t) for t in texts] == filtered
    assert any(r.verdict == "high" for r in filtered) and any(r.verdict == "low" for r in filtered)
