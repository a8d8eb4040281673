"""Which way a deal goes: kept on the marketplace or moved off it, money coming to you or asked of you,
a fee that is denied or one that is asked for, a story about a scam or a scam that asks you now."""

import pytest


def ids(result):
    return {s.id for s in result.signals}


@pytest.mark.parametrize(
    "text",
    [
        "（闲鱼）卖家：在的，99包邮，不走私下哦，你直接在闲鱼拍下就行，收到验货没问题再确认收货。",
        "（蝦皮聊聊）賣家：有貨喔，直接在蝦皮下單就好，我們不接受私下匯款，也不要加LINE交易，平台才有保障。",
        "Seller: Yes, still available! Please just buy it through eBay so you're covered by buyer protection. I don't take bank transfers off the site.",
    ],
)
def test_a_seller_who_insists_on_the_platform_is_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]
    assert "stays_on_platform" in ids(result)


@pytest.mark.parametrize(
    "text",
    [
        "（闲鱼）卖家：闲鱼是有保障的，不过手续费太高，你加我微信，直接转账给我再便宜100，今天就发货。",
        "（蝦皮聊聊）賣家：平台有保障沒錯，但是現在加LINE私下匯款可以打八折，匯完截圖給我。",
        "Seller: eBay buyer protection is great, but their fees are high. Add me on WhatsApp and pay by bank transfer and I'll knock off £40.",
    ],
)
def test_a_seller_who_praises_the_platform_then_moves_you_off_it_is_not_low(checker, text):
    result = checker.check(text)
    assert result.verdict != "low"
    assert "stays_on_platform" not in ids(result)


def test_not_dealing_privately_is_not_an_accusation_of_smuggling(checker):
    result = checker.check("卖家：不走私下交易哈，直接平台拍下。")
    assert "accused_crime" not in ids(result)


@pytest.mark.parametrize(
    "text",
    [
        "Your personal loan of £4,000 has been approved and the money will reach your current account today. There are no fees to pay before your loan is released.",
        "【某银行】您申请的消费贷3万元已放款至您尾号0000的储蓄卡，放款前后均不收取任何手续费。",
    ],
)
def test_a_denied_fee_is_not_a_fee_asked_for(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]
    assert "pay_first" not in ids(result)


@pytest.mark.parametrize(
    "text",
    [
        "Loan approved! No credit checks and no hidden fees. To release the funds, just pay the $150 insurance fee by gift card today.",
        "恭喜您获得二等奖，领奖不收任何费用，仅需先支付邮费和个税298元，即可安排发货。",
    ],
)
def test_a_fee_asked_for_after_no_fees_is_still_a_fee(checker, text):
    result = checker.check(text)
    assert result.verdict != "low"
    assert "no_fee_stated" not in ids(result)


@pytest.mark.parametrize(
    "text",
    [
        "Insurance: your claim has been approved and £1,200 will be paid into the account you nominated within 3 working days. Nothing else is needed.",
        "【某产险】您申请的理赔已审核完成，理赔金6000元将于5个工作日内汇入您指定的账户。",
    ],
)
def test_money_coming_into_your_own_account_is_low(checker, text):
    assert checker.check(text).verdict == "low"


def test_money_coming_to_you_after_a_fee_is_not_low(checker):
    text = "Your refund of £1,200 will be paid into your account as soon as you pay the £60 release fee by bank transfer."
    result = checker.check(text)
    assert result.verdict != "low"
    assert "money_to_you" not in ids(result)


@pytest.mark.parametrize(
    "text",
    [
        "据本地警方通报，近日有骗子以兼职刷单为饵，先让受害人垫付小额订单，再要求大额充值后拒绝返还。警方提醒：凡是要先垫钱的兼职都是诈骗。",
        "Local news: a pensioner lost £9,000 after a caller posing as her bank told her to move her savings to a safe account. Police say banks will never ask this.",
    ],
)
def test_a_news_report_about_a_scam_is_low(checker, text):
    assert checker.check(text).verdict == "low"


@pytest.mark.parametrize(
    "text",
    [
        "据报道，全新手机只要两千，人在外地只能寄送，请先汇款到我的账户，我马上寄出。",
        "网友分享，大家小心：在家兼职做单，每单佣金10%，需先充值保证金才能接单，加我微信领任务。",
        "According to the news, this loan needs no credit check. Send the $200 processing fee by bank transfer first and the money is yours.",
    ],
)
def test_a_scam_that_asks_you_after_a_news_or_warning_opener_is_not_low(checker, text):
    result = checker.check(text)
    assert result.verdict != "low"
    assert "retelling" not in ids(result)
