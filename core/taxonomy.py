"""The scam-type ids: a public contract.

They come from shared/research/scam-types.md, and the self-check's machine-readable
output (``check --format json``) and the quiz bank use them. Never rename one.
"""

SCAM_TYPES = (
    "task_rebate",
    "fake_investment",
    "fake_loan",
    "fake_customer_service",
    "impersonate_authority",
    "fake_credit_repair",
    "fake_shopping",
    "impersonate_acquaintance",
    "game_trading",
    "romance",
    "job_recruitment",
    "phishing_link",
    "prize_lottery",
)

AUDIENCES = ("older_adults", "job_seekers", "students", "parents", "shop_owners")
