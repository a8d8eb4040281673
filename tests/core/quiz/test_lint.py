"""The quiz lint catches a planted error of each kind, and passes the bank as shipped."""

from __future__ import annotations

from pathlib import Path

from core.content import ContentLibrary

from core.quiz.lint import check_bank, translated_counts

ROOT = Path(__file__).resolve().parents[3]


def messages(tree) -> list[str]:
    library = tree.write().library()
    return [str(p) for p in library.problems] + [str(p) for p in check_bank(library)]


def test_a_clean_tree_has_no_problems(tree):
    assert messages(tree) == []


def test_single_choice_with_two_correct_options(tree):
    tree.q("task_rebate", 1)["options"][1]["correct"] = True
    found = messages(tree)
    assert any("task_rebate.yaml" in m and "task_rebate-01" in m and "needs exactly 1" in m for m in found), found


def test_multiple_choice_with_one_correct_option(tree):
    tree.q("romance", 2)["options"][1]["correct"] = False
    assert any("romance-02" in m and "at least 2" in m for m in messages(tree))


def test_too_few_options(tree):
    del tree.q("romance", 1)["options"][2]
    assert any("romance-01" in m and "3 to 5" in m for m in messages(tree))


def test_option_without_feedback(tree):
    del tree.q("fake_loan", 1)["options"][0]["feedback"]
    assert any("fake_loan.yaml" in m and "missing 'feedback'" in m for m in messages(tree))


def test_red_flag_not_in_its_message(tree):
    tree.q("phishing_link", 4)["flags"][0]["text"] = "Pay at once"
    assert any("phishing_link.yaml" in m and "'Pay at once' is not in its message" in m for m in messages(tree))


def test_red_flag_translation_not_in_translated_message(tree):
    tree.overrides["zh_TW"]["Pay first"] = "先付款"  # the translated message says "... pAY FIRST NOW ..."
    found = messages(tree)
    assert any("in zh_TW" in m and "'先付款' is not in the translated message" in m for m in found), found
    assert not any("in zh_CN, the red flag" in m for m in found)


def test_untranslated_string_in_one_locale(tree):
    tree.untranslated["zh_CN"].add("Prompt game_trading 7")
    found = messages(tree)
    assert any("game_trading-07" in m and "not fully translated into zh_CN" in m for m in found), found
    assert not any("not fully translated into zh_TW" in m for m in found)


def test_scenario_reply_to_a_missing_step(tree):
    tree.q("romance", 5)["nodes"][0]["replies"][1]["next"] = "n9"
    found = messages(tree)
    assert any("romance-05" in m and "'n9'" in m for m in found)
    assert any("ending 'lost'" in m and "cannot be reached" in m for m in found)


def test_scenario_step_nobody_reaches(tree):
    tree.q("fake_shopping", 10)["nodes"].append(
        {"id": "n2", "speaker": "X", "line": "Y", "replies": [{"text": "a", "next": "safe", "feedback": "b"},
                                                              {"text": "c", "next": "lost", "feedback": "d"}]}
    )
    tree.untranslated = {"zh_CN": set(), "zh_TW": set()}
    assert any("step 'n2'" in m and "cannot be reached" in m for m in messages(tree))


def test_scenario_without_a_safe_ending(tree):
    tree.q("fake_shopping", 5)["endings"][0]["outcome"] = "scammed"
    assert any("fake_shopping-05" in m and "no safe ending" in m for m in messages(tree))


def test_the_same_id_twice(tree):
    tree.q("fake_loan", 2)["id"] = "fake_loan-01"
    found = messages(tree)
    assert any("'fake_loan-01' is already used at content/quiz/fake_loan.yaml" in m for m in found), found


def test_fewer_than_ten_questions_for_a_type(tree):
    del tree.files["prize_lottery"]["questions"][9]
    assert any("'prize_lottery' has 9 question(s)" in m for m in messages(tree))


def test_unknown_guide(tree):
    tree.q("task_rebate", 3)["guide"] = "no_such_guide"
    found = messages(tree)
    assert any("refers to guide 'no_such_guide', which does not exist" in m for m in found), found
    assert not any("refers to guide 'task_rebate'" in m for m in found)


def test_counts_per_locale_count_only_complete_questions(tree):
    tree.untranslated["zh_TW"].update({"Prompt romance 1", "Because 0 of romance 2"})
    counts = translated_counts(tree.write().library(), tree.root)
    assert counts["en"] == 130
    assert counts["zh_CN"] == 130
    assert counts["zh_TW"] == 128


def test_shipped_files_of_this_part_pass_every_quiz_check():
    library = ContentLibrary.load(ROOT / "content")
    mine = ("task_rebate", "fake_investment", "impersonate_authority")
    paths = {f"content/quiz/{t}.yaml" for t in mine}
    problems = [p for p in library.problems + check_bank(library) if p.file in paths]
    assert problems == []
    counts = {t: 0 for t in mine}
    for loaded, q in library.items("quiz"):
        if loaded.data.get("scam_type") in counts:
            counts[loaded.data["scam_type"]] += 1
    assert all(n >= 11 for n in counts.values()), counts
