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
