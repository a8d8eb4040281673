"""Genuine context that changes how the scam words in a message read (issue 4, false positives).

An anti-fraud warning quotes the very requests it warns about; a one-time-code text says nobody
will ask for the code; a refund notice says no code is needed; an employer invites you to the
office. These come out low. A scam that borrows warning words and still asks you to act for the
sender does not. All messages are fictional paraphrases written for these tests.
"""

import pytest


def ids(result):
    return {s.id for s in result.signals}


@pytest.mark.parametrize(
    "text",
    [
        "【反诈提醒】如有自称客服的人以退款为由要求您共享屏幕、提供验证码，都是诈骗，请立即挂断。",
        "【防詐宣導】若接到此類電話，對方要求您把存款轉到監管帳戶並保密，請立刻掛斷。",
        "Your bank: fraudsters may pretend to be the police and ask you to move money to a 'safe account' or share your screen. We will never ask you to do this.",
    ],
)
def test_an_official_warning_that_quotes_the_scam_is_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]
    assert "official_warning" in ids(result)


def test_an_official_warning_makes_the_quoted_requests_count_less(checker):
    request = "对方要求您共享屏幕并提供验证码，办理退款理赔。"
    alone = checker.check(request)
    warned = checker.check("您可能正在遭遇冒充客服诈骗：" + request)
    quoted = {s.id: s.weight for s in warned.signals if s.weight > 0}
    plain = {s.id: s.weight for s in alone.signals if s.weight > 0}
    # word lists (words_*) count each different word, and the warning adds words of its own
    shared = {i for i in set(quoted) & set(plain) if not i.startswith(("words_", "wording_"))}
    assert shared, (quoted, plain)
    assert all(quoted[i] < plain[i] for i in shared)
    assert warned.score < alone.score


@pytest.mark.parametrize(
    "text",
    [
        "Fraud alert! Beware of scammers. This one is real: move your savings to the safe account we give you today and tell no one.",
        "我是派出所的民警，最近诈骗多要提高警惕，这次是真的：你的卡涉嫌洗钱，马上把钱转到我们指定的安全账户。",
        "近期骗子多，大家要提高警惕。您的银行卡涉嫌违法，请您配合把存款转入国家监管账户核查。",
        "Beware of fraud. Your accounts are linked to a crime. Please transfer your savings into the protected account for review.",
        "Scam warning from support: we never ask for passwords. To finish your refund install AnyDesk so our agent can connect, then read me the code you got.",
    ],
)
def test_a_scam_borrowing_warning_words_still_warns(checker, text):
    result = checker.check(text)
    assert result.verdict != "low", [(s.id, s.weight) for s in result.signals]
    assert "official_warning" not in ids(result)


def test_an_english_negation_does_not_reach_across_a_sentence_end(checker):
    negated = checker.check("Please never move your savings to a safe account.")
    assert "safe_account" not in ids(negated)
    crossed = checker.check("Beware of fake callers. Move your savings to a safe account now.")
    assert "safe_account" in ids(crossed)


@pytest.mark.parametrize(
    "text",
    [
        "【网购平台】您的售后申请已通过，退款将原路退回，整个过程无需提供验证码。",
        "【某銀行】您的登入驗證碼為000000，我們絕不會以電話或簡訊要求你提供此驗證碼。",
    ],
)
def test_a_code_message_that_says_no_code_is_needed_is_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]


def test_an_interview_at_the_office_is_low_but_a_fee_for_it_is_not(checker):
    invite = "您好，我是某公司人事，看到您的简历，想约您周四上午来公司面试，方便的话回复我。"
    fee = "您好，我是某公司人事，想约您来公司面试，面试前要先交500元服装费，转到我个人账户。"
    assert checker.check(invite).verdict == "low"
    assert "in_person_meeting" in ids(checker.check(invite))
    assert checker.check(fee).verdict != "low"


def test_a_support_chat_that_needs_nothing_from_you_is_low(checker):
    text = "Agent: Your replacement parcel ships today.\nMe: Do you need anything from me?\nAgent: No, that's all sorted. No need to send the old one back."
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]


def test_a_prize_collected_at_the_shops_own_desk_is_low(checker):
    text = "恭喜您在商场店庆抽奖中抽中三等奖保温杯一个，请凭购物小票到二楼服务台领取。"
    result = checker.check(text)
    assert "official_channel_advice" in ids(result)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]


def test_scam_like_wording_adds_less_once_a_genuine_sign_is_found(checker):
    limit = int(checker.ruleset.wording["with_genuine_max"])
    assert limit < int(checker.ruleset.wording["max_weight"])
    for text in (
        # (wordings the table reads as clearly scam-like; it is rebuilt as the corpus grows)
        "恭喜您中奖了！您被抽中幸运大奖，奖品为现金红包，请凭身份证到门店服务台领取。",
        "恭喜您被抽中幸运大奖，奖金5000元现金红包，请凭中奖短信到商场一楼服务台领取。",
    ):
        result = checker.check(text)
        assert any(s.weight < 0 for s in result.signals if not s.id.startswith("wording_"))
        wording = [s.weight for s in result.signals if s.id == "wording_like_scams"]
        assert wording and 0 < wording[0] <= limit, [(s.id, s.weight) for s in result.signals]


@pytest.mark.parametrize(
    "text",
    [
        "欢迎到公司面试！面试前要先交800元服装费，转到我个人微信就行。",
        "恭喜中獎！到服務台領獎前，請先匯手續費1500元到指定帳戶。",
        "Agent: that's all sorted. To get the compensation, read me the code we just texted you.",
    ],
)
def test_genuine_context_does_not_excuse_a_demand_for_money_or_a_code(checker, text):
    result = checker.check(text)
    assert result.verdict != "low", [(s.id, s.weight) for s in result.signals]


def test_short_english_words_match_whole_words_only(checker):
    # 'skin' (game trading) once matched inside 'asking' and scored a school's scam heads-up
    text = "Heads up from the school: some parents got texts asking for trip fees by bank transfer."
    assert "game_trade" not in ids(checker.check(text))
    assert "game_trade" in ids(checker.check("Selling a rare skin for my game account, pay first."))


@pytest.mark.parametrize(
    "text",
    [
        "【某某公安分局】提醒：近期有诈骗分子冒充银行客服，以“账户异常”为由让您下载会议软件并共享屏幕，遇到请直接挂断。",
        "温馨提示：不要向从未见过面的网友汇款或投资，对方推荐的理财平台请仔细核实。",
        "【某某區公所】本所不會以電話通知民眾領取補助款，也不會要求您提供提款卡密碼。",
        "Dating tips: never send money to someone you have not met in person, even for an emergency or a great investment.",
        "Hey, the 'double your savings' flyer in the lobby looks like a scam to me, tell Mum not to go to that talk.",
        "【某某小区居委会】近日有人假扮燃气公司员工上门收取检测费，本会从未委托任何人上门收费，如遇此类人员请勿开门。",
    ],
)
def test_a_warning_in_its_own_words_is_low(checker, text):
    # the shapes of a warning, not one notice's phrases: who the fraudsters are and what they
    # do, "never send money to someone you have not met", "we will never ask you to provide"
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]
    assert any(s.weight < 0 for s in result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "This might be a scam, I know, but please, my love, I need $900 for the flight home from the oil rig.",
        "那个投资群我觉得像骗局，但老师说稳赚，你也跟着充值五万吧。",
        "不法分子常冒充公检法，我们这次是真的，你的账户涉嫌洗钱，必须把存款转到安全账户。",
        # "I know it sounds like a scam, but…": a scam reassuring about itself, never a warning
        "I know it sounds like a scam, but it's legit - my mentor's platform turned $500 into $4,000 for me. Deposit $1,000 today and I'll show you how to withdraw.",
        "我知道你可能觉得是骗子，但我们平台是正规的，充值一万三天就能提现两万。",
    ],
)
def test_warning_words_do_not_excuse_a_request_for_the_senders_own_benefit(checker, text):
    result = checker.check(text)
    assert result.verdict != "low", [(s.id, s.weight) for s in result.signals]


def test_a_fund_disclaimer_that_says_it_is_not_risk_free_is_not_a_promise(checker):
    text = "本基金經主管機關核准，惟不表示絕無風險，以往之績效不保證未來之投資收益，申購前應詳閱公開說明書。"
    result = checker.check(text)
    assert "invest_promise" not in ids(result)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]


def test_nothing_to_pay_is_not_a_request_to_pay_but_a_fee_after_no_collateral_is(checker):
    # "无需"/"nothing to" negate only the word they touch: "无需抵押，只需先交…" still asks for money
    for text in ("包裹已到门市，取货时无需付款。", "You won a mug in the shop's draw; pick it up at the customer service desk, there's nothing to pay."):
        result = checker.check(text)
        assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]
    for text in ("无需抵押，只需先交500元保证金即可放款。", "Nothing to worry about, just pay the $50 release fee to get your parcel."):
        assert checker.check(text).verdict != "low"


def test_a_shopping_platform_between_spouses_is_not_an_investment_pitch(checker):
    ours = checker.check("老公，我在网购平台买了婴儿床，货到付款，明天送到你在家的话帮我付一下。")
    assert "romance_invest" not in ids(ours)
    assert ours.verdict == "low", [(s.id, s.weight) for s in ours.signals]
    pitch = checker.check("老公，我舅舅在那个平台内部，漏洞稳赚，你先投五万。")
    assert "romance_invest" in ids(pitch) and pitch.verdict != "low"


@pytest.mark.parametrize(
    "text",
    [
        "妈，我收到一条说我的快递丢了要加客服理赔的短信，我没理它，你也别信这种。",
        "Community alert: crooks are phoning residents claiming to be bank staff and asking for cash to be handed to a courier. Banks will never collect money from you.",
        "Grandad, the caller who said I was in jail was not me. Don't send anyone money; I'll ring you tonight.",
    ],
)
def test_a_scam_reported_or_warned_about_by_family_or_police_is_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]


def test_reporting_an_ignored_scam_does_not_excuse_asking_for_money_yourself(checker):
    text = "我没理那个客服。亲爱的，我在国外的包裹被海关扣了，要交关税两万才能寄给你，你先帮我垫一下。"
    assert checker.check(text).verdict != "low"


def test_an_everyday_fee_is_a_job_fee_only_when_a_job_asks_for_it(checker):
    son = checker.check("Mum, could you lend me the $60 registration fee for my swimming exam? I'll pay you back on Saturday.")
    assert not ids(son) & {"job_fee", "job_fee_for_a_job"}
    for text in ("恭喜您通过面试，入职前请先交300元体检费和培训费到指定账户。", "You got the job! Before your first shift, pay the $120 training fee and uniform cost."):
        found = ids(checker.check(text))
        assert found & {"job_fee", "job_fee_for_a_job"}, found


@pytest.mark.parametrize(
    "text",
    [
        "爸，我下個月要交房租，這個月手頭有點緊，可以先借我五千嗎？發薪水馬上還你。",
        "妹，我在外面吃饭钱包忘带了，你先帮我把这单付一下，我回来当面还你。",
        "Hi Dad, can you lend me $20 for the cinema tonight? I'll pay you back from my pocket money.",
    ],
)
def test_a_relative_borrowing_without_an_impostors_signs_is_low_and_says_why(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]
    assert "known_person_asks" in ids(result)


@pytest.mark.parametrize(
    "text",
    [
        "爸，我是小明，我手机摔坏了用同学的，急需交学费5000，你先转到我同学卡上。",
        "Hi Mum, can you send me $300? I'll explain later, can't talk right now.",
        "妈，我在学校出了点事，需要3000块赔给同学，你先转给我，别告诉爸。",
    ],
)
def test_a_relative_borrowing_with_an_impostors_signs_is_not_excused(checker, text):
    result = checker.check(text)
    assert "known_person_asks" not in ids(result)
    assert result.verdict != "low"
