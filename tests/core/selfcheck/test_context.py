"""The context around a scam script (issue 4, third false-positive pass).

A forum post or a news report about a scam quotes the whole script; a shop's reply to a ticket
the person opened talks of refunds; a lender's reminder talks of overdue fees and credit records;
a boss in a meeting asks a favour. These come out low. The same contexts used as a disguise, a
"news" link, a "follow-up" that asks to move money, a "reminder" with a link or a personal
account, a "new number" that asks a vague favour, are still flagged. All messages are fictional
paraphrases written for these tests, not taken from the corpus.
"""

import pytest


def ids(result):
    return {s.id for s in result.signals}


@pytest.mark.parametrize(
    "text, context",
    [
        ("我姑姑昨天接到一个自称法院的电话，说她涉嫌洗钱，要把存款转到安全账户。她当场挂了，打给我问，我说是诈骗。", "retelling"),
        ("有没有人也收到过说积分要清零、先交服务费才能兑换的短信？我没理，感觉不对劲。", "retelling"),
        ("據報導，一名男子在網路上認識自稱投資導師的人，被要求繳保證金才能出金，共被騙走50萬元，警方已立案偵查。", "retelling"),
        ("My uncle got a call from someone claiming to be from his bank, asking him to move his savings to a safe account. He hung up and rang the bank himself.", "retelling"),
        ("您好，您昨天反馈的商品破损问题已核实，已为您办理退款56元，原路退回，请留意到账。", "own_thread"),
        ("Thanks for getting in touch about case 40912. We've refunded the duplicate charge to your card; it will show in a few days.", "own_thread"),
        ("【某某银行】您本期信用卡账单应还3,200元，还款日为12月9日，逾期将影响信用记录，可通过手机银行还款。", "repayment_reminder"),
        ("Your loan instalment of $180 is due on the 3rd and will be collected by direct debit. If you've already paid, please ignore this.", "repayment_reminder"),
        ("经理：我在开会不方便接电话，你把明天的议程发给大家，再订一下会议室。", "asks_nothing"),
        ("Hi, it's Mo - new number, save this one. See you at the match on Saturday.", "asks_nothing"),
        ("楼下阿姨问我，有人说交99元会员费就能免费领鸡蛋，这个靠谱吗？我觉得有问题，让她先别去。", "retelling"),
        ("A text says my bank card is blocked and I must pay a fee to unblock it. I haven't replied. Scam, right?", "retelling"),
        # the scam pasted between quotation marks is still a retelling
        ("有人知道这条是不是骗子吗：“您的社保卡已冻结，请点击链接并缴纳解冻费。”我没点。", "retelling"),
    ],
)
def test_a_genuine_context_around_scam_words_keeps_the_message_low(checker, text, context):
    result = checker.check(text)
    assert context in ids(result)
    assert result.verdict == "low", [(s.id, s.weight) for s in result.signals]


@pytest.mark.parametrize(
    "text",
    [
        # a "news" item with a link to act on
        "据报道，国家向每位市民发放消费补贴1000元，今日截止，点击 claim-test.example 立即登记领取。",
        # a retelling that turns into "you too"
        "我朋友在家做点赞任务，每天赚两三百，已经提现好几次了。你也来吧，先充值300就能接单。",
        # a "follow-up" on a ticket that asks to move money
        "您好，关于您反馈的退款问题（工单号0001），系统无法原路退回，请把余额转到我们提供的账户做资金验证，验证后一并退回。",
        "Following up on your enquiry (case 30011): to finish your refund, install the remote support app so our technician can log in to your online banking.",
        # a "repayment reminder" with a link or a personal account
        "【还款提醒】您的借款已逾期，应还2,000元，请今日内登录 repay-test.example 还款，否则将通知您的通讯录联系人。",
        "Payment reminder: your instalment of $300 is due today. Please transfer it to our agent's personal account, details below.",
        # a "new number" that asks a vague favour, and a "boss" who wants money
        "我换号码了，这是新的微信，旧的先别用。在吗？能帮我个忙吗？",
        "Boss here, new number. In a meeting, can't talk. I need you to buy gift cards for a client and send me the codes.",
        # the same script, not quoted: it speaks to the reader, whatever the question before it
        "有人知道这条是不是骗子吗？您的社保卡已冻结，请您立即缴纳解冻费300元，否则将停用。",
        # a "collector" who shames instead of sending you to the lender
        "Your account is 10 days overdue. Pay $90 today or we will message everyone in your contacts about your debt.",
    ],
)
def test_a_scam_hiding_behind_those_contexts_is_still_flagged(checker, text):
    result = checker.check(text)
    assert result.verdict != "low", [(s.id, s.weight) for s in result.signals]
    assert not ids(result) & {"retelling", "own_thread", "repayment_reminder", "asks_nothing"}
