"""Official channels named as advice are no warning sign; a fake that borrows their names still is.

The names and addresses come from content/regions.yaml (through core.regions), so these tests
read them from there too rather than typing them."""

from pathlib import Path

import pytest

from core.regions import load_regions
from core.selfcheck.links import LinkLists, analyse_host

ROOT = Path(__file__).resolve().parents[3]
LINK_RULES = {"link_any", "link_ip", "link_shortener", "link_punycode", "link_brand", "link_bait_words", "link_risky_tld"}


def websites():
    facts = load_regions(ROOT / "content")
    return sorted({c.value for r in facts.regions.values() for c in r.channels if c.kind == "website" and c.value and "@" not in c.value})


def ids(result):
    return {s.id for s in result.signals}


@pytest.mark.parametrize("site", websites())
def test_a_regions_reporting_site_named_as_advice_gets_no_link_finding(checker, site):
    result = checker.check(f"If you think you were scammed, stop paying and report it at {site} today.")
    assert not ids(result) & LINK_RULES
    assert result.verdict == "low"


@pytest.mark.parametrize("site", websites())
def test_a_fake_site_that_only_contains_an_official_address_is_still_a_link_finding(checker, site):
    text = f"Your refund is waiting: verify your card within 24 hours at {site}.verify-refund.example or it expires."
    result = checker.check(text)
    assert "link_bait_words" in ids(result)
    assert result.verdict != "low"


def test_the_public_ending_of_an_address_is_not_a_bait_word():
    # "gov" is a bait word in a name someone chose (irs-gov-refund.example), not as the ending
    lists = LinkLists(bait_words=("gov", "pay", "verify"))
    assert "link_bait_words" not in analyse_host("scamwatch.gov.au", lists)
    assert "link_bait_words" in analyse_host("scamwatch-gov-verify.example", lists)


def test_downloading_the_national_anti_fraud_app_to_report_is_no_move_to_a_scammers_app(checker):
    genuine = checker.check("接到陌生电话要求转账的，或者下载国家反诈中心APP举报。")
    assert "move_app" not in ids(genuine)
    fake = checker.check("您的账户涉嫌洗钱，请下载“反诈护航”APP配合调查，并开启屏幕共享。")
    assert "move_app" in ids(fake) and fake.verdict != "low"


@pytest.mark.parametrize("text", ["请立即挂断，拨打110核实。", "請立即掛斷電話，撥打165查證。", "If they pressure you, hang up immediately and call your bank."])
def test_hang_up_advice_is_not_pressure(checker, text):
    assert "urgency" not in ids(checker.check(text))


@pytest.mark.parametrize("text", ["请立即转账到安全账户，不要挂断。", "Pay immediately or your account will be suspended."])
def test_pressure_is_still_pressure(checker, text):
    assert "urgency" in ids(checker.check(text))


@pytest.mark.parametrize(
    "text",
    [
        "【XX保险】您的报案已受理。我司不会要求您垫付任何费用或下载其他软件。",
        "親愛的會員您好，我們絕對不會來電要求您操作ATM、網路銀行或解除分期，如有疑問請撥165。",
        "XX大学就业指导中心：凡要求缴纳培训费、押金、服装费的，请向学校举报。",
    ],
)
def test_a_list_of_what_an_organisation_never_asks_is_no_ask(checker, text):
    assert checker.check(text).verdict == "low"


def test_an_ask_after_the_never_list_still_counts(checker):
    text = "我们不会要求您提供密码。现在请下载会议软件并共享屏幕，把验证码报给我。"
    result = checker.check(text)
    assert "screen_share" in ids(result) and result.verdict != "low"


def test_a_police_notice_that_ends_by_pointing_to_an_official_number_is_not_an_order_to_the_reader(checker):
    text = "社区通报：近日有居民接到冒充客服的电话，被诱导下载会议软件并共享屏幕后被骗。警方提示：遇到类似情况请拨打96110咨询。"
    assert checker.check(text).verdict == "low"
    scam = "您的账户涉嫌洗钱，请拨打0000-test-000联系专案民警，并下载会议软件共享屏幕配合调查。"
    assert checker.check(scam).verdict != "low"


@pytest.mark.parametrize("text", ["亲爱的家长们：下周二学校秋游，请给孩子准备午餐，费用全免。", "親愛的旅客您好，本次航班延誤，新的起飛時間請以航空公司官網公告為準。"])
def test_a_formal_dear_members_is_no_affection(checker, text):
    result = checker.check(text)
    assert result.verdict == "low"


def test_dear_alone_before_an_investment_is_still_a_romance_pitch(checker):
    result = checker.check("亲爱的，我舅舅在做一个平台的漏洞，稳赚不赔，你先充5000试试，赚了我们就结婚。")
    assert result.verdict != "low" and result.scam_types[:1] == ("romance",)


def test_putting_a_call_through_is_no_money_request(checker):
    ids_found = ids(checker.check("妈，刚才有人说要帮我转接到公安局，我挂了。你帮我转告爸一声。"))
    assert "money_request" not in ids_found
    assert "money_request" in ids(checker.check("你先帮我转5000过去，我明天还你。"))


@pytest.mark.parametrize(
    "text",
    [
        "【165反詐騙中心】您的帳戶遭不法集團利用，請依指示於今日將存款轉入監管帳戶，以保障資金安全。",
        "【国家反诈中心】您的银行卡涉嫌洗钱，请您今天按指示将名下存款转入国家监管账户核查。",
        "Fraud Prevention Office: you must move your savings today to the protected account we set up for you.",
    ],
)
def test_an_anti_fraud_name_does_not_hide_an_order_to_move_savings(checker, text):
    assert checker.check(text).verdict != "low"


@pytest.mark.parametrize(
    "text",
    [
        "转给爸妈看：如果有人打电话说是公安局的，让你把钱转到安全账户，直接挂断，然后打110。",
        "Share with your grandparents: if someone calls claiming to be from the bank and tells you to move your savings to a safe account, hang up.",
    ],
)
def test_a_warning_that_describes_the_scam_in_an_if_clause_is_no_ask(checker, text):
    assert checker.check(text).verdict == "low"


@pytest.mark.parametrize("text", ["银行问你转账用途，你就说是给家人装修用的，别说是警察让你转的。", "If the bank asks, tell them it's for home repairs. Don't mention our investigation."])
def test_a_cover_story_for_the_bank_is_secrecy(checker, text):
    assert "secrecy" in ids(checker.check(text))
