"""Each signal family on fictional messages, and genuine look-alikes that must stay low."""

import pytest

from core.selfcheck import InputTooLarge, MAX_INPUT_BYTES


def ids(result):
    return {s.id for s in result.signals}


def words(text, result, signal_id):
    signal = next(s for s in result.signals if s.id == signal_id)
    return [text[a:b] for a, b in signal.spans]


@pytest.mark.parametrize(
    "text, signal",
    [
        ("Please send me the code you just received, I'm from the bank.", "code_request"),
        ("请把收到的验证码告诉我，我帮您退款", "code_request"),
        ("請把驗證碼報給客服", "code_request"),
        ("Move your savings to a safe account today", "safe_account"),
        ("需要把钱转到安全账户", "safe_account"),
        ("請將存款轉入監管帳戶", "safe_account"),
        ("Do not tell anyone, not even your family.", "secrecy"),
        ("这是国家机密，不要告诉家人", "secrecy"),
        ("Install AnyDesk and share your screen", "screen_share"),
        ("请下载会议软件，开启屏幕共享", "screen_share"),
        ("Pay the fine with Apple gift cards today", "gift_card"),
        ("幫我買點數卡，刮開拍卡號給我", "gift_card"),
        ("您的账户被冻结，需缴纳解冻金", "unfreeze_fee"),
        ("放款前需要先交一笔保证金", "pay_first"),
    ],
)
def test_tactic_signals(checker, text, signal):
    assert signal in ids(checker.check(text))


def test_spaced_out_chinese_still_matches_and_points_at_the_original_words(checker):
    text = "把 驗 證 碼 發 給 我"
    result = checker.check(text)
    assert "code_request" in ids(result)
    assert any("驗 證 碼" in w for w in words(text, result, "code_request"))


def test_zero_width_characters_do_not_hide_a_keyword(checker):
    text = "转入\u200b安\u200c全\u200d账\u2060户"
    assert "safe_account" in ids(checker.check(text))


def test_fullwidth_english_matches(checker):
    assert "safe_account" in ids(checker.check("ｓａｆｅ ａｃｃｏｕｎｔ"))


# --- links -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, signal",
    [
        ("Verify now: http://192.0.2.44/login", "link_ip"),
        ("Track it at bit.ly/abc-test", "link_shortener"),
        ("Log in at paypal-secure.example", "link_brand"),
        ("Log in at paypa1.example", "link_brand"),
        ("Visit xn--pple-43d.example to unlock", "link_punycode"),
        ("Visit аpple.example now", "link_punycode"),  # Cyrillic а
        ("Pay at fee-refund.example", "link_bait_words"),
        ("See scamsense-fake-test.top", "link_risky_tld"),
    ],
)
def test_link_findings(checker, text, signal):
    result = checker.check(text)
    assert signal in ids(result)
    span_text = words(text, result, signal)[0]
    assert "." in span_text  # the span is the link itself


def test_official_domain_and_prose_are_not_flagged(checker):
    result = checker.check("Your WhatsApp code: 381-092. You can also tap v.whatsapp.com/381092. Do not give this code to anyone.")
    assert {i for i in ids(result) if i.startswith("link_")} == {"link_any"}  # a link, and nothing wrong with it
    assert result.verdict == "low"
    assert not {i for i in ids(checker.check("See p.5, e.g. the photo.jpg at 9 a.m.")) if i.startswith("link_")}


def test_link_in_chinese_text_without_spaces(checker):
    text = "请登录icbc-safe.example完成升级"
    result = checker.check(text)
    assert "link_brand" in ids(result)
    assert words(text, result, "link_brand") == ["icbc-safe.example"]


# --- phone numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Call +855 00 000 0000 now", "联系 +95 0000 00000", "回电 0085500000000"])
def test_overseas_numbers(checker, text):
    assert "phone_overseas" in ids(checker.check(text))


@pytest.mark.parametrize("text", ["来电显示 +96110", "来电 0096110", "号码 9611012345 来电"])
def test_spoofed_official_numbers(checker, text):
    assert "phone_spoofed_official" in ids(checker.check(text))


def test_genuine_96110_forms_are_not_spoofs(checker):
    result = checker.check("025-96110 来电，请接听")
    assert "phone_spoofed_official" not in ids(result)
    assert "phone_spoofed_official" not in ids(checker.check("请拨打 96110 咨询"))


def test_us_fictional_number_is_not_overseas(checker):
    assert "phone_overseas" not in ids(checker.check("Call me at 555-0142"))


# --- context: the same words, opposite meaning ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "【某银行】验证码 482913，5分钟内有效。请勿将验证码告知他人，客服不会向您索要。",
        "Your verification code is 482913. Never share this code with anyone. We will never ask for it.",
        "【12381】您可能正在遭遇诈骗，请提高警惕，谨防上当受骗。",
        "【公安反诈】凡是要求转账到安全账户的都是诈骗，公安机关不会通过电话办案。",
        "Bank alert: we will never ask you to move money to a safe account or share your PIN.",
        "Card ending 0000: $23.15 at a coffee shop. If this wasn't you, call the number on the back of your card.",
        "Dinner was $180, so $45 each. Pay me back whenever!",
        "這次聚餐總共2,400，四個人一人600，我先付了，有空再轉給我就好。",
        "【快递】您的包裹已到驿站，凭取件码领取。",
        "明天上午十点在三楼会议室开会，请准时参加。",
    ],
)
def test_genuine_look_alikes_come_out_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]
    assert result.scam_types == ()
    assert result.advice == ("no_sign_not_proof",)


def test_tell_me_the_code_is_not_the_same_as_never_share_the_code(checker):
    asked = checker.check("I'm from your bank's security team. Tell me the code we just sent you.")
    warned = checker.check("Your code is 1234. Never tell anyone the code, not even the bank.")
    assert asked.verdict != "low"
    assert "code_request" in ids(asked)
    assert warned.verdict == "low"


# --- whole verdicts --------------------------------------------------------------------------


def test_a_fake_police_script_is_high_and_typed(checker):
    text = "我是公安局的警官，你的身份证涉嫌洗钱，请把钱转到安全账户配合调查，这是国家机密，不要告诉家人。"
    result = checker.check(text)
    assert result.verdict == "high"
    assert result.scam_types[0] == "impersonate_authority"
    assert "stop_paying" in result.advice and "call_helpline" in result.advice
    for signal in result.signals:
        assert signal.guide and signal.explanation
        for a, b in signal.spans:
            assert 0 <= a < b <= len(text)


def test_signals_are_ordered_strongest_first(checker):
    result = checker.check("Urgent! Move your money to a safe account and don't tell anyone.")
    weights = [s.weight for s in result.signals]
    assert weights == sorted(weights, key=lambda w: (w < 0, -abs(w)))


def test_too_large_input_is_refused_with_its_own_exception(checker):
    with pytest.raises(InputTooLarge):
        checker.check("a" * (MAX_INPUT_BYTES + 1))
    with pytest.raises(InputTooLarge):  # counted in UTF-8 bytes: 3 bytes per Chinese character
        checker.check("骗" * (MAX_INPUT_BYTES // 3 + 1))
    checker.check("a" * MAX_INPUT_BYTES)  # exactly at the limit is fine


def test_bytes_are_read_as_utf8(checker):
    assert checker.check("safe account".encode()).verdict != "low"


def test_a_word_repeated_thousands_of_times_is_reported_at_most_max_spans_times(checker):
    """A 100 KB paste can repeat a scam's words thousands of times: each signal names at most
    MAX_SPANS places (the screen and the JSON stay readable), and each place once."""
    from core.selfcheck.engine import MAX_SPANS

    text = "请把钱转到安全账户，验证码发给我。Transfer the money to a safe account and send me the code. " * 600
    result = checker.check(text)
    assert result.verdict == "high"
    counts = [len(signal.spans) for signal in result.signals]
    assert max(counts) == MAX_SPANS
    for signal in result.signals:
        assert len(set(signal.spans)) == len(signal.spans) <= MAX_SPANS
