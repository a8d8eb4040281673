"""The wording model: a second opinion learned from the labelled corpus, explained by the words that weigh most."""

import json
import shutil
from pathlib import Path

from core.selfcheck import load_checker
from core.selfcheck.normalize import normalize
from core.selfcheck.train import NEVER, TRAIN_FILES, build
from core.selfcheck.wording import features, load_table, locate, piece_counts

ROOT = Path(__file__).resolve().parents[3]


def signal(result, signal_id):
    return next((s for s in result.signals if s.id == signal_id), None)


def test_the_table_is_loaded_and_was_never_trained_on_the_unspent_blind_sets(checker):
    # blind.jsonl to blind12.jsonl are spent (development data since their evaluations), but
    # the table is the one blind11 and blind12 measured; the thirteenth and fourteenth blind
    # sets are not spent, whatever they are called
    assert checker.wording.known
    assert set(NEVER) == {"blind13.jsonl", "blind14.jsonl"}
    for spent in ("blind9.jsonl", "blind10.jsonl"):
        assert spent in TRAIN_FILES
    for left_out in ("blind11", "blind12", "blind13", "blind14"):
        assert not any(left_out in name for name in TRAIN_FILES)
        assert not any(left_out in name for name in checker.wording.trained_on)
    assert all(name in TRAIN_FILES for name in checker.wording.trained_on if not name.startswith("without "))


def test_scam_like_wording_is_a_signal_that_points_at_its_words(checker):
    text = "兼职刷单，先垫付本金，完成任务后返还本金和佣金，充值越多返利越多。"
    result = checker.check(text)
    found = signal(result, "wording_like_scams")
    assert found is not None and found.weight > 0
    assert result.verdict != "low"
    for a, b in found.spans:
        assert 0 <= a < b <= len(text)
        assert text[a:b].strip()


def test_genuine_like_wording_lowers_what_the_rules_found_but_never_below_zero(checker):
    # (without "如已还款请忽略", which the rules now read as a lender's own reminder: see test_context.py)
    text = "【某某银行】您的信用卡本期账单已出，请尽快还款。"
    result = checker.check(text)
    found = signal(result, "wording_like_genuine")
    assert found is not None and found.weight < 0
    rules = sum(s.weight for s in result.signals if not s.id.startswith("wording_"))
    assert rules > 0 and -found.weight <= rules  # it takes away part of what the rules found
    assert result.verdict == "low"
    quiet = checker.check("【某某银行】您尾号0000的储蓄卡于11月21日转入人民币1,500.00元。")
    assert quiet.verdict == "low" and signal(quiet, "wording_like_genuine") is None  # nothing to lower


def test_a_blunt_request_is_never_talked_down_by_ordinary_words(checker):
    # few words for the model to go on, but a decisive tactic
    for text in ("Move your savings to a safe account now.", "请把验证码告诉我"):
        result = checker.check(text)
        assert result.verdict != "low", [(s.id, s.weight) for s in result.signals]
        assert signal(result, "wording_like_genuine") is None


def test_pieces_are_located_in_the_original_text_through_spacing_tricks():
    text = "请先 缴 纳\u200b保证金"
    views = normalize(text)
    assert "z保证金" in features(views)
    a, b = locate(views, "z保证金")
    assert text[a:b] == "保证金"
    a, b = locate(views, "z缴纳")
    assert text[a:b] == "缴 纳"
    english = normalize("Pay the FEE  then   withdraw")
    a, b = locate(english, "bfee_then")
    assert "FEE  then" == "Pay the FEE  then   withdraw"[a:b]
    assert locate(english, "wnothere") is None
    # a highlighted phrase never runs across a comma or a sentence end
    assert locate(normalize("Pay the FEE, then withdraw"), "bfee_then") is None
    assert locate(normalize("寄到了吗？下周再说"), "z吗下") is None


def test_without_the_table_the_rules_still_work_and_the_problem_is_reported(tmp_path):
    shutil.copytree(ROOT / "content" / "selfcheck", tmp_path / "selfcheck")
    (tmp_path / "selfcheck" / "wording_table.json").unlink()
    checker = load_checker(tmp_path)
    assert not checker.wording.known
    assert any("wording_table.json" in str(p) for p in checker.problems)
    result = checker.check("Move your savings to a safe account now.")
    assert result.verdict != "low"
    assert not [s for s in result.signals if s.id.startswith("wording_")]


def test_the_table_counts_messages_not_words():
    rows = [
        {"id": "t-1", "label": "fake_loan", "text": "pay the fee pay the fee"},
        {"id": "t-2", "label": "fake_loan", "text": "pay the fee"},
        {"id": "t-3", "label": "benign", "text": "the fee is waived"},
    ]
    table = build(rows, ["test"], min_count=2)
    assert table["messages"] == {"scam": 2, "genuine": 1, "types": {"fake_loan": 2}}
    pieces = {key: (s, g, by_type) for key, s, g, by_type in piece_counts(table)}
    assert pieces["wpay"] == (2, 0, [2])
    assert pieces["bthe_fee"] == (2, 1, [2])
    assert "wwaived" not in pieces  # seen in one message only


def test_a_table_whose_counts_do_not_fit_its_keys_is_reported(tmp_path):
    import json

    table = build([{"id": "t-1", "label": "fake_loan", "text": "pay the fee"}, {"id": "t-2", "label": "benign", "text": "pay the fee"}], ["test"])
    table["counts"].pop()
    path = tmp_path / "wording_table.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    model, why = load_table(path)
    assert not model.known and "malformed" in why


def test_corpus_artefacts_are_not_wording():
    # every fictional link ends in .test/.example/.invalid and 某 stands for a name: neither says anything about scams
    found = features(normalize("请登录 bank-abc.test 查看某某银行的通知，see www.example.com"))
    assert not {"wtest", "wexample", "wwww", "wcom"} & found
    assert not [piece for piece in found if "某" in piece]
    assert "wbank" in found and "z银行" in found


def test_wording_alone_flags_only_wording_far_more_like_the_scams(checker):
    # with no warning sign from the rules, moderately scam-like wording (a neighbour's or a new
    # colleague's chat shares words with scripts) must not raise a verdict; very scam-like may
    import dataclasses

    from core.selfcheck.wording import WordingModel

    text = "zorblat quenfish"  # no rule matches these made-up words
    config = checker.ruleset.wording
    alone = float(config["alone_threshold"])
    assert alone > float(config["threshold"])
    moderate = dataclasses.replace(checker, wording=WordingModel(scam={"wzorblat": alone - 1}))
    strong = dataclasses.replace(checker, wording=WordingModel(scam={"wzorblat": alone + 10}))
    assert moderate.check(text).verdict == "low"
    assert signal(moderate.check(text), "wording_like_scams") is None
    assert strong.check(text).verdict != "low"
    assert signal(strong.check(text), "wording_like_scams") is not None


_BREAK_CHARS = "，。！？；：、!?;:\n…"


def _crosses_a_sentence_end(phrase: str) -> bool:
    phrase = phrase.rstrip()
    return any(ch in _BREAK_CHARS for ch in phrase) or any(
        ch in ",." and not (i + 1 < len(phrase) and phrase[i + 1].isdigit()) for i, ch in enumerate(phrase)
    )


def test_the_word_comparison_never_cites_a_warning_phrase_as_genuine_nor_runs_across_a_sentence_end(checker):
    # what the footnote shows: a phrase a warning rule matched ("按9转人工服务" in a fake MIIT
    # call) cited as genuine-like, or '信，說我的門' read across a comma, reads as nonsense
    rows = [json.loads(line) for name in ("blind5.jsonl", "blind6.jsonl") for line in (ROOT / "corpus/selfcheck" / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.append({"text": "【工信部】您的手机号码涉嫌违规，将在2小时内停机。如有疑问请按9转人工服务。"})
    cited = 0
    for row in rows:
        text = row["text"]
        result = checker.check(text)
        for found in result.signals:
            if not found.id.startswith("wording_"):
                continue
            other_side = [span for s in result.signals if not s.id.startswith("wording_") and (s.weight > 0) == (found.weight < 0) for span in s.spans]
            for a, b in found.spans:
                cited += 1
                assert not _crosses_a_sentence_end(text[a:b]), (text[a:b], text)
                assert not any(x < b and a < y for x, y in other_side), (text[a:b], text)
    assert cited > 100  # the footnote is still shown
