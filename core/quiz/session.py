"""Quiz sets and sessions: which questions to ask, in what order, and the result.

A session draws its questions without repeats, mixes easy and hard ones, spreads
them over scam types and formats, and shuffles the options of each question. The
random source is passed in, so a test can seed it.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from core.i18n import N_
from core.taxonomy import SCAM_TYPES

from core.quiz import scoring
from core.quiz.bank import Bank, Ending, Question, Reply, Step

SESSION_SIZE = 10
PASS_PERCENT = 60  # from this score on, the certificate says "passed"; below it, "took part"

# Short names of the scam types as quiz sets (ui domain; translate when shown).
SCAM_TYPE_NAMES = {
    "task_rebate": N_("Task and rebate scams"),
    "fake_investment": N_("Fake investments"),
    "fake_loan": N_("Fake loans"),
    "fake_customer_service": N_("Fake customer service"),
    "impersonate_authority": N_("Fake police and officials"),
    "fake_credit_repair": N_("Fake credit repair"),
    "fake_shopping": N_("Fake shopping deals"),
    "impersonate_acquaintance": N_("Fake bosses, friends and family"),
    "game_trading": N_("Game trading scams"),
    "romance": N_("Romance scams"),
    "job_recruitment": N_("Fake jobs and jobs abroad"),
    "phishing_link": N_("Phishing links"),
    "prize_lottery": N_("Prizes, subsidies and refunds"),
}


@dataclass(frozen=True)
class QuizSet:
    id: str  # "quick", "type:<scam_type>", "audience:<audience>"
    title: str  # English source (ui domain)
    scam_type: str | None = None
    audience: str | None = None
    size: int = SESSION_SIZE

    def pool(self, bank: Bank) -> list[Question]:
        if self.scam_type:
            return [q for q in bank.questions if q.scam_type == self.scam_type]
        if self.audience:
            return [q for q in bank.questions if self.audience in q.audiences]
        return list(bank.questions)


QUICK = QuizSet("quick", N_("Quick quiz: ten mixed questions"))
JOB_SEEKERS = QuizSet("audience:job_seekers", N_("For job seekers"), audience="job_seekers")
OLDER_ADULTS = QuizSet("audience:older_adults", N_("For older adults"), audience="older_adults")


def type_set(scam_type: str) -> QuizSet:
    return QuizSet(f"type:{scam_type}", SCAM_TYPE_NAMES.get(scam_type, scam_type), scam_type=scam_type)


def all_sets(bank: Bank) -> list[QuizSet]:
    """The sets worth offering: those with questions in the bank."""
    sets = [QUICK, JOB_SEEKERS, OLDER_ADULTS] + [type_set(t) for t in SCAM_TYPES]
    return [s for s in sets if s.pool(bank)]


def find_set(set_id: str) -> QuizSet | None:
    for quiz_set in (QUICK, JOB_SEEKERS, OLDER_ADULTS):
        if quiz_set.id == set_id:
            return quiz_set
    scam_type = set_id.split(":", 1)[1] if set_id.startswith("type:") else set_id
    return type_set(scam_type) if scam_type in SCAM_TYPES else None


# --- drawing ---------------------------------------------------------------------------------------


def _take(candidates: list[Question], chosen: list[Question]) -> Question:
    """The candidate whose scam type, then format, is least represented so far."""
    types = Counter(q.scam_type for q in chosen)
    formats = Counter(q.format for q in chosen)
    best = min(range(len(candidates)), key=lambda i: (types[candidates[i].scam_type], formats[candidates[i].format], i))
    return candidates.pop(best)


def draw(pool: list[Question], size: int, rng: random.Random, avoid: set[str] | frozenset[str] = frozenset()) -> list[Question]:
    """Up to ``size`` distinct questions: half easy and half hard where the pool allows,
    alternating (easy first), spread over scam types and formats. Questions in ``avoid``
    (seen recently) are used only when there are not enough others."""
    unique = list({q.id: q for q in pool}.values())
    rng.shuffle(unique)
    fresh = [q for q in unique if q.id not in avoid]
    stale = [q for q in unique if q.id in avoid]
    size = min(size, len(unique))
    chosen: list[Question] = []
    for group in (fresh, stale):
        easy = [q for q in group if q.difficulty == "easy"]
        hard = [q for q in group if q.difficulty != "easy"]
        while len(chosen) < size and (easy or hard):
            have_hard = sum(1 for q in chosen if q.difficulty != "easy")
            have_easy = len(chosen) - have_hard
            want_hard = have_hard < size // 2 and (have_hard < have_easy or not easy)
            source = hard if (want_hard and hard) or not easy else easy
            chosen.append(_take(source, chosen))
    easy = [q for q in chosen if q.difficulty == "easy"]
    hard = [q for q in chosen if q.difficulty != "easy"]
    ordered: list[Question] = []
    for i in range(max(len(easy), len(hard))):
        ordered += easy[i:i + 1] + hard[i:i + 1]
    return ordered


# --- a session -------------------------------------------------------------------------------------


@dataclass
class Answer:
    question: Question
    score: float
    detail: dict = field(default_factory=dict)

    @property
    def full(self) -> bool:
        return self.score >= 1.0


@dataclass
class ScenarioRun:
    """One walk through a scenario question."""

    question: Question
    rng: random.Random
    at: str = ""
    path: list[tuple[str, int]] = field(default_factory=list)  # (step id, reply index in the data)
    orders: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self):
        self.at = self.question.start or ""

    @property
    def step(self) -> Step | None:
        return self.question.steps.get(self.at)

    @property
    def ending(self) -> Ending | None:
        return self.question.endings.get(self.at)

    def reply_order(self) -> list[int]:
        """The replies of the current step in the (shuffled) order shown."""
        step = self.step
        if step is None:
            return []
        if self.at not in self.orders:
            order = list(range(len(step.replies)))
            self.rng.shuffle(order)
            self.orders[self.at] = order
        return self.orders[self.at]

    def choose(self, reply_index: int) -> Reply:
        """Take the reply at ``reply_index`` (index in the data, not on screen)."""
        step = self.step
        if step is None:
            raise ValueError("the scenario has ended")
        reply = step.replies[reply_index]
        self.path.append((step.id, reply_index))
        self.at = reply.next
        return reply


@dataclass
class Result:
    quiz_set: QuizSet
    answers: list[Answer]

    @property
    def score(self) -> float:
        return sum(a.score for a in self.answers)

    @property
    def total(self) -> int:
        return len(self.answers)

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0

    @property
    def right(self) -> int:
        """Questions answered fully right."""
        return sum(1 for a in self.answers if a.full)

    @property
    def partly(self) -> int:
        """Questions with some credit but not all (a multiple choice or red flags half done)."""
        return sum(1 for a in self.answers if 0 < a.score < 1)

    @property
    def passed(self) -> bool:
        return self.percent >= PASS_PERCENT

    def types_to_review(self) -> list[tuple[str, str]]:
        """(scam type, guide id) for every type with a question not fully right, weakest first."""
        totals: dict[str, list[float]] = defaultdict(list)
        guides: dict[str, str] = {}
        for answer in self.answers:
            totals[answer.question.scam_type].append(answer.score)
            guides.setdefault(answer.question.scam_type, answer.question.guide)
        weak = [(sum(s) / len(s), t) for t, s in totals.items() if min(s) < 1.0]
        weak.sort(key=lambda pair: (pair[0], SCAM_TYPES.index(pair[1]) if pair[1] in SCAM_TYPES else 99))
        return [(t, guides[t]) for _avg, t in weak]


class Session:
    """A quiz in progress: the questions, the shuffled options, the answers so far."""

    def __init__(self, quiz_set: QuizSet, bank: Bank, rng: random.Random | None = None, avoid=frozenset()):
        self.quiz_set = quiz_set
        self.rng = rng or random.Random()
        self.questions = draw(quiz_set.pool(bank), quiz_set.size, self.rng, avoid)
        self.index = 0
        self.answers: list[Answer] = []
        self._orders: dict[str, list[int]] = {}
        self.scenario: ScenarioRun | None = None

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def answered(self) -> bool:
        """Has the current question been answered (its explanation is due)?"""
        return len(self.answers) > self.index

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    def option_order(self, question: Question | None = None) -> list[int]:
        """The options of a question in the (shuffled) order shown; stable within the session."""
        question = question or self.current
        if question is None:
            return []
        if question.id not in self._orders:
            order = list(range(len(question.options)))
            self.rng.shuffle(order)
            self._orders[question.id] = order
        return self._orders[question.id]

    def scenario_run(self) -> ScenarioRun:
        question = self.current
        if question is None or question.format != "scenario":
            raise ValueError("the current question is not a scenario")
        if self.scenario is None or self.scenario.question is not question:
            self.scenario = ScenarioRun(question, self.rng)
        return self.scenario

    def _record(self, score: float, **detail) -> Answer:
        if self.answered:
            raise ValueError("this question is already answered")
        answer = Answer(self.current, score, detail)
        self.answers.append(answer)
        return answer

    def answer_choice(self, chosen: set[int]) -> Answer:
        """Options chosen, as indexes in the data (not on screen)."""
        q = self.current
        chosen = set(chosen)
        if q.format == "single":
            score = scoring.score_single(q, next(iter(chosen)) if len(chosen) == 1 else None)
        else:
            score = scoring.score_multiple(q, chosen)
        return self._record(score, chosen=frozenset(chosen))

    def answer_verdict(self, verdict: str) -> Answer:
        return self._record(scoring.score_scam_or_genuine(self.current, verdict), verdict=verdict)

    def answer_flags(self, segs: list[scoring.Segment], tapped: set[int]) -> Answer:
        score, found, wrong = scoring.score_segments(len(self.current.flags), segs, set(tapped))
        found_flags = frozenset(segs[i].flag for i in tapped if 0 <= i < len(segs) and segs[i].flag is not None)
        return self._record(score, found=found, wrong=wrong, tapped=frozenset(tapped), found_flags=found_flags)

    def answer_scenario(self) -> Answer:
        run = self.scenario_run()
        if run.ending is None:
            raise ValueError("the scenario has not ended yet")
        return self._record(scoring.score_scenario(run.question, run.ending.id), ending=run.ending.id, path=list(run.path))

    def next(self) -> None:
        if not self.answered:
            raise ValueError("answer the question first")
        self.index += 1
        self.scenario = None

    def result(self) -> Result:
        return Result(self.quiz_set, list(self.answers))
