"""Tactics seen as combinations, spacing tricks, and genuine messages that use the same words.

All messages are fictional. The scam messages are paraphrases written for these tests, not
copies of corpus lines: they check that a tactic is caught however it is worded.
"""

from pathlib import Path

import pytest

from core.content import ContentLibrary
from core.selfcheck import load_checker
from core.selfcheck.rules import needs_letter


def ids(result):
    return {s.id for s in result.signals}


# --- the tactics, in wordings no rule copies ---------------------------------------------------


@pytest.mark.parametrize(
    "text, signal",
    [
        ("To get your winnings out you first need to pay the release tax of $90.", "pay_to_receive"),
        ("您的提现申请已受理，需先缴纳百分之五的手续费才能到账。", "pay_to_receive"),
        ("帳戶顯示異常，請先匯保證金，完成後才能提領全部收益。", "pay_condition"),
        ("This is the state police fraud squad. Your accounts are compromised; move the savings to a new account we give you.", "official_move_money"),
        ("我是检察院的，你的银行卡涉嫌一起洗钱案，现在需要配合核查。", "official_money_at_risk"),
        ("My darling, I'm deployed overseas and my card is blocked. Could you send me some money for the flight home?", "romance_money_ask"),
        ("亲爱的，我发现一个平台的漏洞，跟着我操作稳赚，我带你一起。", "romance_invest"),
        ("Can you read me the 6-digit number that just came to your phone? It's for the refund.", "code_ask_any"),
        ("先用你自己的钱帮商家拍下商品，完成后退还本金再多给你百分之十的佣金。", "advance_refund_plus"),
        ("各位家长，资料费每人120元，请扫描我的个人收款码交给我。", "school_fee_to_person"),
    ],
)
def test_a_tactic_is_caught_in_new_words(checker, text, signal):
    result = checker.check(text)
    assert signal in ids(result), [(s.id, s.weight) for s in result.signals]
    assert result.verdict != "low"


def test_combination_spans_point_at_the_words_of_its_parts(checker):
    text = "To get your winnings out you first need to pay the release tax of $90."
    signal = next(s for s in checker.check(text).signals if s.id == "pay_to_receive")
    words = {text[a:b].lower() for a, b in signal.spans}
    assert "winnings" in words and "tax" in words and "pay" in words


def test_concepts_are_never_shown_as_signals(checker):
    result = checker.check("To get your winnings out you first need to pay the release tax of $90.")
    concept_ids = {r.id for r in checker.ruleset.rules if r.concept}
    assert concept_ids and not concept_ids & ids(result)


# --- type attribution ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, scam_type",
    [
        # the story decides the type, not the link that carries it
        ("Congratulations, you won a tablet in our customer draw! Claim it at prize-claim.test", "prize_lottery"),
        # love first, then investing: a romance scam
        ("宝贝，认识你以后每天都很开心。我叔叔在一个投资平台上班，有稳赚的机会，我带你一起。", "romance"),
        ("Sweetheart, I'm on an offshore rig and can't reach my bank. Could you help me with $700 for the customs fee?", "romance"),
        ("Your game account is frozen because of a wrong account number; pay the unfreeze fee to get your skins back.", "game_trading"),
    ],
)
def test_the_most_specific_story_names_the_type(checker, text, scam_type):
    result = checker.check(text)
    assert result.verdict != "low"
    assert result.scam_types[0] == scam_type, (result.scam_types, [(s.id, s.weight) for s in result.signals])


# --- spacing tricks --------------------------------------------------------------------------


def test_letter_spaced_english_is_read_as_words_and_the_span_covers_the_spaced_letters(checker):
    text = "Pay the fine with a g i f t c a r d today"
    result = checker.check(text)
    assert "gift_card" in ids(result)
    signal = next(s for s in result.signals if s.id == "gift_card")
    assert any("g i f t c a r d" in text[a:b] for a, b in signal.spans)


def test_ordinary_single_letters_are_left_alone(checker):
    from core.selfcheck.normalize import normalize

    assert normalize("Plan A or B, see p. 5").norm.text == "plan a or b, see p. 5"
    assert normalize("s.e.c.r.e.t").norm.text == "secret"


# --- genuine look-alikes that share the tactic words -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Honey, I paid the electricity bill and moved the rent to the landlord. Can you get bread?",
        "老公，水电费我交了，这个月的房贷也转过去了，晚上早点回来。",
        "Your tax refund of $120.00 has been deposited to your bank account. No action is needed.",
        "【某某税务】您的个人所得税退税已审核通过，税款将退还至您申报的银行账户，无需另行操作。",
        "【某某银行】您申请的消费贷款已于今日放款至尾号0000的账户，请注意查收。",
        "Can you send me the wifi password again? The new laptop won't connect.",
        "各位家长：研学费用请通过学校缴费平台缴纳，老师不会在群里收款，请勿私下转账。",
        "Police advice: criminals may pose as officers and ask you to withdraw cash or buy gold. Police will never do this.",
        "【某某超市】周年庆全场八折，欢迎光临。",
        "各位同事，年会抽奖名单已公布，获奖同事请于周五前到行政部领取奖品。",
        "Sis, can you cover my half of the present for now? I'll send you the money on payday.",
        "Your order has shipped! Track your package in the app. Delivery fee: $0.00.",
    ],
)
def test_genuine_messages_with_tactic_words_stay_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]


# --- rules as data -----------------------------------------------------------------------------


def test_needs_letter_is_conservative():
    assert needs_letter("safe account")
    assert needs_letter("(gift|steam) ?cards?")
    assert not needs_letter(r"(\$|£|€)\d")
    assert not needs_letter(r"usdt|\d+")
    assert not needs_letter("x?")


def test_a_letterless_message_still_gets_the_rules_that_need_no_letter(checker):
    # Chinese text with no Latin letter: English-only patterns are skipped, the verdict is the same
    text = "请把验证码告诉我，我帮你退款"
    assert checker.check(text) == checker.check(text + " ")


def _write(folder: Path, text: str) -> None:
    (folder / "selfcheck").mkdir(parents=True, exist_ok=True)
    (folder / "selfcheck" / "a.yaml").write_text(text, encoding="utf-8")


COMBO = """
concepts:
  - id: c_fee
    patterns:
      en: ['\\bfee\\b']
  - id: c_prize
    patterns:
      en: ['prize']
rules:
  - id: fee_prize
    weight: 40
    when: {all: [c_fee, c_prize], within: 20}
    unless: [c_never]
    types: {prize_lottery: 1}
    guide: prize_lottery
    explanation: Fee and prize.
  - id: fee_prize_far
    weight: 30
    when: {all: [c_fee, c_prize]}
    types: {prize_lottery: 1}
    guide: prize_lottery
    explanation: Fee and prize anywhere.
  - id: c_never_rule
    weight: -10
    guide: prize_lottery
    explanation: A genuine sign.
    patterns:
      en: ['no fee']
"""


def test_a_combination_naming_an_unknown_part_is_reported_and_skipped(tmp_path):
    _write(tmp_path, COMBO)
    checker = load_checker(tmp_path)
    messages = [str(p) for p in checker.problems]
    assert any("a.yaml:" in m and "c_never" in m for m in messages), messages
    assert "fee_prize" not in {r.id for r in checker.ruleset.rules}
    assert "fee_prize_far" in {r.id for r in checker.ruleset.rules}


def test_within_limits_how_far_apart_the_parts_may_be(tmp_path):
    _write(tmp_path, COMBO.replace("    unless: [c_never]\n", ""))
    checker = load_checker(tmp_path)
    assert not checker.problems
    near = checker.check("pay the fee for your prize")
    far = checker.check("pay the fee " + "and then wait a while, " * 4 + "for your prize")
    assert {"fee_prize", "fee_prize_far"} <= ids(near)
    assert "fee_prize_far" in ids(far) and "fee_prize" not in ids(far)


def test_unless_keeps_a_combination_quiet(tmp_path):
    _write(tmp_path, COMBO.replace("unless: [c_never]", "unless: [c_never_rule]"))
    checker = load_checker(tmp_path)
    assert not checker.problems
    assert "fee_prize" in ids(checker.check("pay the fee for your prize"))
    assert "fee_prize" not in ids(checker.check("no fee for your prize"))


def test_the_linter_checks_concept_patterns_and_combination_names(tmp_path):
    _write(tmp_path, COMBO.replace("'prize'", "'(a+)+prize'"))
    library = ContentLibrary.load(tmp_path)
    from core.content import checks

    problems = [str(p) for check in checks() for p in check(library)]
    assert any("exponential" in p for p in problems), problems
    assert any("c_never" in p and "not a concept" in p for p in problems), problems
