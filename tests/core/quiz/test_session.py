"""Sessions: draws without repeats, easy and hard mixed, options shuffled, the result."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from core.content import ContentLibrary
from core.quiz.bank import load_bank
from core.quiz.scoring import segments
from core.quiz.session import JOB_SEEKERS, OLDER_ADULTS, QUICK, Session, all_sets, draw, find_set, type_set

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def bank():
    """The bank as shipped (whatever scam types have files today)."""
    return load_bank(ContentLibrary.load(ROOT / "content"))


@pytest.fixture
def test_bank(tree):
    return load_bank(tree.write().library())


@pytest.mark.parametrize("seed", range(30))
def test_quick_quiz_draws_ten_different_questions_mixing_easy_and_hard(test_bank, seed):
    session = Session(QUICK, test_bank, random.Random(seed))
    ids = [q.id for q in session.questions]
    assert len(ids) == 10 and len(set(ids)) == 10
    levels = Counter(q.difficulty for q in session.questions)
    assert levels == {"easy": 5, "hard": 5}
    # alternating, so the hard ones are not all at the end
    assert [q.difficulty for q in session.questions[:2]] == ["easy", "hard"]
    assert len({q.scam_type for q in session.questions}) >= 8


def test_the_quick_quiz_varies_between_draws(test_bank):
    draws = {tuple(q.id for q in Session(QUICK, test_bank, random.Random(seed)).questions) for seed in range(10)}
    assert len(draws) > 5


def test_a_seed_repeats_the_same_session(test_bank):
    a, b = Session(QUICK, test_bank, random.Random(7)), Session(QUICK, test_bank, random.Random(7))
    assert [q.id for q in a.questions] == [q.id for q in b.questions]
    assert [a.option_order(q) for q in a.questions] == [b.option_order(q) for q in b.questions]


def test_recently_seen_questions_come_last(test_bank):
    first = Session(type_set("romance"), test_bank, random.Random(1))
    assert len(first.questions) == 10  # the whole pool of ten
    small = [q for q in test_bank.questions if q.scam_type == "romance"]
    seen = {q.id for q in small[:6]}
    chosen = draw(small, 4, random.Random(2), avoid=seen)
    assert not seen & {q.id for q in chosen}
    more = draw(small, 6, random.Random(2), avoid=seen)
    assert len({q.id for q in more}) == 6 and len(seen & {q.id for q in more}) == 2


def test_a_pool_smaller_than_the_set_gives_what_there_is(test_bank):
    pool = [q for q in test_bank.questions if q.scam_type == "romance"][:3]
    assert len(draw(pool + pool, 10, random.Random(0))) == 3


def test_sets_for_a_type_and_for_audiences_draw_only_their_questions(test_bank):
    for scam_type in ("fake_loan", "romance"):
        assert {q.scam_type for q in Session(type_set(scam_type), test_bank, random.Random(0)).questions} == {scam_type}
    for quiz_set, audience in ((JOB_SEEKERS, "job_seekers"), (OLDER_ADULTS, "older_adults")):
        questions = Session(quiz_set, test_bank, random.Random(0)).questions
        assert len(questions) == 10
        assert all(audience in q.audiences for q in questions)
    assert find_set("type:romance") == type_set("romance")
    assert find_set("romance") == type_set("romance")
    assert find_set("nonsense") is None
    assert QUICK in all_sets(test_bank)


def test_options_are_shuffled_and_stay_put_within_a_session(bank):
    question = next(q for q in bank.questions if q.format == "multiple" and len(q.options) >= 4)
    first_correct_positions = set()
    for seed in range(20):
        session = Session(type_set(question.scam_type), bank, random.Random(seed))
        order = session.option_order(question)
        assert sorted(order) == list(range(len(question.options)))
        assert session.option_order(question) == order
        first_correct_positions.add(min(order.index(i) for i in question.correct_options))
    assert len(first_correct_positions) > 1


def play_perfectly(session: Session) -> None:
    while not session.finished:
        answer_correctly(session, session.current)
        session.next()


def answer_correctly(session: Session, q) -> None:
    """The right answer to the current question, in each format."""
    if q.format in ("single", "multiple"):
        session.answer_choice(set(q.correct_options))
    elif q.format == "scam_or_genuine":
        session.answer_verdict(q.answer)
    elif q.format == "red_flags":
        segs = segments(q.message.text, [f.text for f in q.flags])
        session.answer_flags(segs, {i for i, s in enumerate(segs) if s.flag is not None})
    else:
        run = session.scenario_run()
        while run.ending is None:
            good = [i for i, r in enumerate(run.step.replies)
                    if r.next in q.endings and q.endings[r.next].safe]
            run.choose(good[0] if good else 0)
        session.answer_scenario()


def test_a_perfect_run_scores_full_and_has_nothing_to_review(bank):
    session = Session(type_set("task_rebate"), bank, random.Random(3))
    play_perfectly(session)
    result = session.result()
    assert result.total == 10 and result.score == pytest.approx(10) and result.percent == 100
    assert result.types_to_review() == []


def test_the_result_lists_the_weak_types_with_their_guides(test_bank):
    session = Session(QUICK, test_bank, random.Random(5))
    wrong_types = []
    while not session.finished:
        q = session.current
        if len(wrong_types) < 2 and q.format == "scam_or_genuine":
            session.answer_verdict("genuine")  # the test bank's messages are all scams
            wrong_types.append(q.scam_type)
        else:
            answer_correctly(session, q)
        session.next()
    result = session.result()
    assert wrong_types, "the draw had no scam-or-genuine question"
    assert result.score == pytest.approx(10 - len(wrong_types))
    assert [t for t, _g in result.types_to_review()] == sorted(set(wrong_types), key=wrong_types.index) or \
        {t for t, _g in result.types_to_review()} == set(wrong_types)
    assert all(guide == scam_type for scam_type, guide in result.types_to_review())


def test_a_question_is_answered_once_and_must_be_answered_before_moving_on(test_bank):
    session = Session(QUICK, test_bank, random.Random(0))
    with pytest.raises(ValueError):
        session.next()
    q = session.current
    if q.format in ("single", "multiple"):
        session.answer_choice({0})
        with pytest.raises(ValueError):
            session.answer_choice({0})


def test_a_result_counts_whole_and_partial_answers_and_passes_from_the_pass_mark():
    from core.quiz.session import PASS_PERCENT, Answer, Result

    def result(*scores):
        return Result(QUICK, [Answer(None, s) for s in scores])

    mixed = result(1.0, 2 / 3, 0.0, 1.0, 0.5)
    assert (mixed.right, mixed.partly, mixed.total) == (2, 2, 5)
    assert result(*[1.0] * PASS_PERCENT, *[0.0] * (100 - PASS_PERCENT)).passed
    assert not result(*[1.0] * (PASS_PERCENT - 1), *[0.0] * (101 - PASS_PERCENT)).passed
