"""How a self-check result is shown: merged findings, readable excerpts, few types, fitting advice."""

import json
import re
from pathlib import Path

import pytest

from core.selfcheck import present as presenting
from core.selfcheck.advice import ADVICE
from core.selfcheck.present import TOP, channel_line, excerpt, present

SAMPLES = Path(__file__).resolve().parents[3] / "corpus" / "selfcheck" / "holdout.jsonl"

REFUND_ZH = "【通知】您的快递丢失，请点击 http://refund.example 填写银行卡号办理理赔"
POLICE_ZH = "我是市公安局刑侦支队的民警，你名下的银行卡涉嫌一起洗钱案，现在需要你配合调查，把资金转入安全账户进行资金清查，此事保密，不要告诉任何人，否则影响你的工作。"
GRANDCHILD = "Hi Grandma, it is me, I lost my phone, this is my new number. Please send 500 by gift card and do not tell Mum."
MADE_UP = [REFUND_ZH, POLICE_ZH, GRANDCHILD, "Your parcel is held at customs. Pay the fee at http://parcel.example within 2 hours."]


def _messages():
    texts = list(MADE_UP)
    if SAMPLES.exists():
        texts += [json.loads(line)["text"] for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


MESSAGES = _messages()
_CJK = re.compile(r"[\u3400-\u9fff]")


def pieces(shown_excerpt: str) -> list[str]:
    return [p for p in shown_excerpt.split(" … ") if p]


def test_a_link_is_reported_once_and_a_word_inside_it_not_at_all(checker):
    result = checker.check(REFUND_ZH)
    assert sum("http://refund.example" in s.id or REFUND_ZH[s.spans[0][0] : s.spans[0][1]] == "http://refund.example" for s in result.signals) >= 2  # the engine reports it twice
    shown = present(result, REFUND_ZH)
    excerpts = [f.excerpt for f in shown.findings]
    assert sum("http://refund.example" in e for e in excerpts) == 1
    assert not any("refund" in p and "http" not in p for e in excerpts for p in pieces(e))
    assert len(excerpts) == len(set(excerpts))


@pytest.mark.parametrize("text", MESSAGES)
def test_every_sign_the_engine_found_is_still_marked_and_counted_once(checker, text):
    result = checker.check(text)
    shown = present(result, text)
    members = [s for f in shown.all for s in f.signals]
    assert sorted(s.id for s in members) == sorted(s.id for s in result.signals if s.spans)
    for signal in result.signals:
        finding = next(f for f in shown.all if signal in f.signals)
        for a, b in signal.spans:
            assert any(c <= a and b <= d for c, d in finding.spans), (signal.id, text[a:b])


@pytest.mark.parametrize("text", MESSAGES)
def test_the_strongest_come_first_and_the_wording_comparison_last(checker, text):
    shown = present(checker.check(text), text)
    warnings = [f.weight for f in shown.findings if not f.genuine]
    assert warnings == sorted(warnings, reverse=True)
    assert all(not f.wording for f in shown.findings)
    assert len(shown.top) <= TOP and shown.more == len(shown.findings) - len(shown.top)
    if shown.wording is not None:
        assert shown.all[-1] is shown.wording


def _latin(ch: str) -> bool:
    return ch.isalnum() and not _CJK.match(ch)


def _bounded(flat: str, body: str, cut_left: bool, cut_right: bool) -> bool:
    """Whether ``body`` occurs in ``flat`` at a word edge (English) or a clause edge (Chinese,
    unless marked as cut with …)."""
    start = flat.find(body)
    while start >= 0:
        before = flat[start - 1] if start > 0 else " "
        after = flat[start + len(body)] if start + len(body) < len(flat) else " "
        if _CJK.search(body):
            if (cut_left or not _CJK.match(before)) and (cut_right or not _CJK.match(after)):
                return True
        elif not _latin(before) and not _latin(after):  # a word ends at a Chinese character too
            return True
        start = flat.find(body, start + 1)
    return False


@pytest.mark.parametrize("text", MESSAGES)
def test_excerpts_are_whole_words_or_whole_clauses(checker, text):
    shown = present(checker.check(text), text)
    flat = " ".join(text.split())
    for finding in shown.all:
        for piece in pieces(finding.excerpt):
            body = piece.strip("…")
            assert _bounded(flat, body, piece.startswith("…"), piece.endswith("…")), piece


def test_an_english_excerpt_is_never_cut_inside_a_word():
    text = "Please send 500 by gift card."
    assert excerpt(text, [(7, 13)]) == "send 500"  # the engine's span is "send 5"
    assert excerpt(text, [(9, 17)]) == "send 500 by"  # "nd 500 b"
    assert excerpt("Pay $3,800/month, tax-free.", [(10, 16)]) == "$3,800/month"


def test_a_chinese_excerpt_is_the_clause_around_the_words():
    assert excerpt(REFUND_ZH, [(REFUND_ZH.index("行卡号"), REFUND_ZH.index("行卡号") + 3)]) == "填写银行卡号办理理赔"


def test_fake_police_is_not_also_called_a_job_scam(checker):
    result = checker.check(POLICE_ZH)
    assert len(result.scam_types) > 1  # the engine ranks more types
    assert present(result, POLICE_ZH).types == ("impersonate_authority",)


@pytest.mark.parametrize("text", MESSAGES)
def test_at_most_two_types_and_the_first_is_the_engines(checker, text):
    result = checker.check(text)
    types = present(result, text).types
    assert len(types) <= 2
    assert types == tuple(result.scam_types[: len(types)])
    assert bool(types) == bool(result.scam_types)


def test_advice_fits_the_scam_a_grandchild_is_not_an_official(checker):
    shown = present(checker.check(GRANDCHILD), GRANDCHILD)
    words = " ".join(presenting.advice_text(k) for k in shown.advice)
    assert "official" not in words and "organisation" not in words
    assert "family" in words
    police = present(checker.check(POLICE_ZH), POLICE_ZH)
    assert ADVICE["check_with_family"] in [presenting.advice_text(k) for k in police.advice]


def test_no_warning_sign_gives_checks_to_make_not_the_verdict_again(checker):
    text = "Hi mum, dinner at 7 tonight? Love, Sam"
    shown = present(checker.check(text), text)
    advice = [presenting.advice_text(k) for k in shown.advice]
    assert 2 <= len(advice) <= 3
    assert ADVICE["no_sign_not_proof"] not in advice
    assert any("code" in a for a in advice) and any("number you look up yourself" in a for a in advice)


def test_the_helpline_advice_is_left_out_when_the_numbers_are_shown(checker):
    result = checker.check(POLICE_ZH)
    assert "call_helpline" in result.advice
    assert "call_helpline" not in present(result, POLICE_ZH, helplines_shown=True).advice
    assert "call_helpline" in present(result, POLICE_ZH, helplines_shown=False).advice


def test_a_hotline_is_number_then_name_and_the_number_said_once():
    assert channel_line("110", "报警") == "110 报警"
    assert channel_line("96110", "96110反诈预警劝阻专线") == "96110 反诈预警劝阻专线"
    assert channel_line("96110", "96110 anti-fraud warning line") == "96110 anti-fraud warning line"
    assert channel_line("18222", "Anti-Scam Helpline 18222") == "18222 Anti-Scam Helpline"
    assert channel_line(None, "Scamwatch") == "Scamwatch"


def test_chinese_explanations_say_ni_not_nin(checker, roots):
    """The app speaks to a person as 你 in Simplified Chinese; a self-check sign that says 您 reads
    as another voice beside the others."""
    from core import i18n
    from core.i18n import content_gettext

    i18n.setup(roots.locale_dir, "zh_CN")
    try:
        texts = {r.explanation for r in checker.ruleset.rules if r.explanation and not r.concept}
        texts |= {str(checker.ruleset.wording.get(k, "")) for k in ("explanation", "genuine_explanation")}
        formal = sorted(t for t in texts if t and "您" in content_gettext(t))
        assert formal == []
    finally:
        i18n.setup(roots.locale_dir, "en")


def test_an_english_mark_in_the_message_covers_whole_words(checker):
    shown = present(checker.check(GRANDCHILD), GRANDCHILD)
    marked = [GRANDCHILD[a:b] for f in shown.all for a, b in f.spans]
    assert "send 500" in marked and "send 5" not in marked


def test_each_finding_quotes_the_words_it_adds(checker):
    shown = present(checker.check(POLICE_ZH), POLICE_ZH)
    quoted = [p for f in shown.findings for p in pieces(f.excerpt)]
    assert len(quoted) == len(set(quoted))  # "把资金转入安全账户进行资金清查" once, not in four findings
    for finding in shown.findings:  # while the message still marks all of each finding's words
        for signal in finding.signals:
            assert all(any(c <= a and b <= d for c, d in finding.spans) for a, b in signal.spans)


# --- a low verdict: no "warning signs" after "no known warning signs found" ----------------------

CODE_WITH_LINK = "Your Example code: 381-092\nYou can also tap this link to verify your phone: v.example.test/381092\nDo not give this code to anyone."


@pytest.mark.parametrize("text", MESSAGES + [CODE_WITH_LINK])
def test_a_low_verdict_lists_the_genuine_signs_first_and_the_scam_words_as_outweighed(checker, text):
    result = checker.check(text)
    shown = present(result, text)
    assert shown.outweighed == (result.verdict == "low")
    if shown.outweighed:
        kinds = [f.genuine for f in shown.findings]
        assert kinds == sorted(kinds, reverse=True)  # every genuine sign before every outweighed word
        words = [f.weight for f in shown.findings if not f.genuine]
        assert words == sorted(words, reverse=True)


def test_a_code_message_with_a_link_is_low_with_its_scam_words_outweighed(checker):
    shown = present(checker.check(CODE_WITH_LINK), CODE_WITH_LINK)
    assert shown.outweighed
    assert shown.findings[0].genuine and "Do not give" in shown.findings[0].excerpt
    assert any(not f.genuine and "tap this link" in f.excerpt for f in shown.findings[1:])
