"""Genuine messages of the sixth false-positive pass (issue 4), each next to a scam in the same disguise.

The families: someone who borrows and offers to talk it over; an organiser that keeps payment,
resale or a fee on its own system and tells you to ignore private asks; messages about a scam
(a question, a news report with the police's advice); collecting a lost item in person; a
message sent to the wrong person and taken back; cancelling in the app's own settings. Each
genuine message comes out low; the scam that wears the same clothes is still flagged. All
messages are fictional paraphrases written for these tests.
"""

import pytest


def ids(result):
    return {s.id for s in result.signals}


def why(result):
    return [(s.id, s.weight) for s in result.signals]


# --- someone who borrows and offers to talk ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "姐，我这个月房贷要先还，工资下周才到，能先借我两千吗？下周一定还你。晚上我给你打电话说。",
        "表哥，機車保養費要先付3,000，可以先借我嗎？月底還你，不方便也沒關係，我下班打給你。",
        "Hi Mum, I'm £60 short for the electric bill until Friday, could you lend me it? I'll call you tonight to explain, no worries if not.",
    ],
)
def test_someone_borrowing_who_offers_to_talk_is_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", why(result)
    assert "offers_to_talk" in ids(result)


@pytest.mark.parametrize(
    "text",
    [
        "妈，我手机坏了，这是同学的号。学校要先交3000材料费，你转到我同学卡上，晚点再给你打电话，现在不方便接。",
        "Hi Dad it's me, new number as my phone broke. Can you send £800 to my friend's account today? I'll call you later, can't talk now.",
    ],
)
def test_an_impostor_who_promises_a_call_is_still_flagged(checker, text):
    result = checker.check(text)
    assert result.verdict != "low", why(result)
    assert "offers_to_talk" not in ids(result)


# --- an organiser's own channel -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "【城市音乐厅】您的预约票已锁定，请于2小时内在音乐厅官方小程序内完成支付。私下转让的票出现问题，本厅无法受理。",
        "【社區大樓】本季管理費請至管理室繳納。如有自稱管委會的人私訊要求匯款到個人帳戶，請勿理會。",
    ],
)
def test_an_organisers_notice_that_warns_against_private_deals_is_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", why(result)


def test_a_fake_organiser_that_asks_for_a_private_account_is_still_flagged(checker):
    result = checker.check("【音乐厅通知】因系统升级，请将票款直接转账至工作人员个人账户，转账后截图私信客服即可出票。")
    assert result.verdict != "low", why(result)


def test_a_notice_saying_no_bank_details_are_needed_is_low_but_a_link_behind_it_is_not(checker):
    genuine = checker.check("Council tax: your new bill is ready in your online account. You do not need to give bank details or a passcode by phone.")
    assert genuine.verdict == "low", why(genuine)
    scam = checker.check("You are due a £180 council tax rebate. You do not need to give bank details by phone, just claim at rebate-now.example within 24 hours.")
    assert scam.verdict != "low", why(scam)


# --- messages about a scam --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "问一下大家，刚才有人自称社保局，说我社保卡被冒用，要帮我转接派出所，我没理就挂了，这是骗子吧？",
        "Evening news: shoppers lost money to fake delivery texts this year. Police urged residents never to pay a redelivery fee through a text link.",
    ],
)
def test_a_question_or_news_about_a_scam_is_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", why(result)
    assert "retelling" in ids(result)


def test_a_scam_behind_a_question_opener_is_still_flagged(checker):
    result = checker.check("请问大家～我是社保局工作人员，您的社保卡被冒用，现在帮您转接公安，请配合将存款转入监管账户。")
    assert result.verdict != "low", why(result)


# --- collecting a lost item in person -----------------------------------------------------------


def test_collecting_a_lost_wallet_at_the_desk_is_low_but_a_fee_to_an_officer_is_not(checker):
    genuine = checker.check("您好，这里是汽车站服务台。您遗失的钱包已被拾获，内有银行卡，请本人携带身份证到一楼服务中心认领。")
    assert genuine.verdict == "low", why(genuine)
    scam = checker.check("这里是派出所，您的钱包找到了，需先交150元保管费，转到民警个人账户后给您快递过去。")
    assert scam.verdict != "low", why(scam)


# --- sent to the wrong person ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "不好意思，刚刚那条是发给我老公的，发错了，请忽略。",
        "Oops, that was meant for my brother, please ignore!",
    ],
)
def test_a_message_sent_to_the_wrong_person_and_taken_back_is_low(checker, text):
    result = checker.check(text)
    assert result.verdict == "low", why(result)


@pytest.mark.parametrize(
    "text",
    [
        "不好意思发错人了，不过看你头像很有气质，认识一下交个朋友吧？",
        "Sorry, wrong number! You seem really nice though, would you like to chat? Where are you based?",
    ],
)
def test_a_wrong_number_that_turns_into_a_chat_is_still_flagged(checker, text):
    result = checker.check(text)
    assert result.verdict != "low", why(result)
    assert "romance_opener" in ids(result)


# --- cancelling in the app's own settings ------------------------------------------------------------


def test_a_renewal_cancelled_in_the_settings_is_low_but_one_cancelled_by_phone_is_not(checker):
    genuine = checker.check("Your music subscription renews on 4 June for $10.99. To cancel, go to Settings > Subscriptions on your phone before then.")
    assert genuine.verdict == "low", why(genuine)
    scam = checker.check("Your PC protection renews today for $349.99. If you did not authorise this, call +1 555-0148 to cancel and receive a refund.")
    assert scam.verdict != "low", why(scam)


# --- never-lists and public endings --------------------------------------------------------------


def test_a_notice_naming_a_public_ending_as_the_place_to_pay_is_low(checker):
    result = checker.check("Council: your parking permit renewal is due by 1 December. Renew on GOV.UK or at the council office. We do not send texts asking for payment.")
    assert result.verdict == "low", why(result)
    assert "link_bait_words" not in ids(result)
    # an address whose owner chose a bait word is still one
    assert "link_bait_words" in ids(checker.check("Renew your parking permit at permit-refund.example today."))


def test_a_list_of_requests_that_are_never_made_is_low_but_the_request_itself_is_not(checker):
    genuine = checker.check("【求职平台提醒】正规企业招聘不会收费，如遇要求缴纳押金、培训费的岗位，请立即举报。本平台也不会以短信或电话要求您先付任何费用。")
    assert genuine.verdict == "low", why(genuine)
    scam = checker.check("恭喜通过面试！入职前需先缴纳押金500元和培训费，请今天转账到人事账户，名额有限。")
    assert scam.verdict != "low", why(scam)


# --- the same families in the earlier blind sets ------------------------------------------------


def test_police_statistics_that_call_the_scripts_scams_are_low(checker):
    result = checker.check("市公安局通报：上月电诈案件中，刷单返利居首。警方提醒，群里自称“导师”并承诺稳赚不赔的，大多是诈骗。")
    assert result.verdict == "low", why(result)


def test_a_consumer_column_that_quotes_a_task_scam_is_low_but_an_ad_behind_one_is_not(checker):
    genuine = checker.check("Consumer column: a reader was paid small sums to review films, then asked to deposit money to unlock her commission. This is known as a task scam. Walk away.")
    assert genuine.verdict == "low", why(genuine)
    scam = checker.check("Consumer column: earn $400 a day reviewing films from home! Deposit $100 today at film-tasks.example to unlock your first commission.")
    assert scam.verdict != "low", why(scam)


def test_a_seller_who_will_not_move_to_a_chat_app_is_low_but_one_who_asks_is_not(checker):
    genuine = checker.check("（转转）卖家：这台相机只在平台上卖，走平台担保，您确认收货后我才收到钱，不加微信私下交易，谢谢理解。")
    assert genuine.verdict == "low", why(genuine)
    scam = checker.check("卖家：平台手续费太高了，加我微信私下交易吧，直接转账给我，便宜两百。")
    assert scam.verdict != "low", why(scam)


def test_a_bill_payable_through_official_channels_is_low_but_an_app_to_download_is_not(checker):
    genuine = checker.check("【区社保中心】灵活就业人员本年度社保费已开始征缴，可通过“区社保”公众号、税务App或社区服务中心缴纳，截止月底。")
    assert genuine.verdict == "low", why(genuine)
    assert "official_channel_advice" in ids(genuine)  # shown as a sign of a genuine notice
    scam = checker.check("【水务通知】您的水费账户异常，请下载“水务安全”APP并开启屏幕共享，在APP内缴纳保证金解除冻结。")
    assert scam.verdict != "low", why(scam)


# --- a finder who asks you to come over; a payment moved to a new account --------------------------


def test_a_finder_who_asks_you_to_come_and_fetch_it_is_low_but_one_who_wants_a_fee_is_not(checker):
    genuine = checker.check("你好，我在地铁上捡到一个钱包，里面有你的名片。我在东门站出口等你，你方便的话过来拿，不然我就交给车站失物招领。")
    assert genuine.verdict == "low", why(genuine)
    scam = checker.check("你好，我捡到你的钱包了，我在外地，寄回去要先付快递费和保管费200元，你先转我微信我就寄。")
    assert scam.verdict != "low", why(scam)


@pytest.mark.parametrize(
    "text",
    [
        "各位，聚餐的钱别在群里付了，群收款出了点问题，直接转到我同事的卡上，卡号我私发给大家，今晚就要订位。",
        "Hi all, our club's bank account is being changed, so please don't use the old details - send this month's fees to the new account details below today.",
    ],
)
def test_a_payment_moved_to_a_new_or_someone_elses_account_is_flagged(checker, text):
    result = checker.check(text)
    assert result.verdict != "low", why(result)
    assert "payment_redirect" in ids(result)


def test_a_notice_that_its_bank_details_never_change_by_message_is_not_a_redirect(checker):
    result = checker.check("Reminder: our bank details will never change by email or text. If you ever get a message saying our account details have changed, call us first.")
    assert "payment_redirect" not in ids(result)
    assert result.verdict == "low", why(result)
