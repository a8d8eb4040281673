"""Workshop mode without Qt: plans on disk, slides, the room's tally, the chart data, the CSV."""

from __future__ import annotations

import csv
import io

import pytest

from core import workshop
from core.content import ContentLibrary
from core.guides import load_guides
from core.quiz.bank import load_bank
from core.regions import load_regions
from core.workshop import Plan, PlanError, Tally


@pytest.fixture(scope="module")
def data(roots):
    library = ContentLibrary.load(roots.content_dir)
    guides = load_guides(library)
    bank = load_bank(library)
    return guides, bank, load_regions(roots.content_dir)


def _ids(data):
    guides, bank, _regions = data
    return [g.id for g in guides], [q.id for q in bank.questions]


def _room_questions(bank, n):
    """n hand-answerable questions from different scam types where possible."""
    seen, out = set(), []
    for q in bank.questions:
        if workshop.can_ask_room(q) and q.scam_type not in seen:
            seen.add(q.scam_type)
            out.append(q)
    return out[:n]


# --- plans ------------------------------------------------------------------------------------


def test_a_plan_round_trips_through_its_file(tmp_path, data):
    guide_ids, question_ids = _ids(data)
    plan = Plan(title="周三下午 · 社区中心 workshop", audience="job_seekers", guides=[guide_ids[3], guide_ids[0]], questions=question_ids[5:9])
    path = tmp_path / "plan.yaml"
    workshop.save_plan(plan, path)
    loaded, problems = workshop.load_plan(path, guide_ids, question_ids)
    assert loaded == plan
    assert problems == []
    text = path.read_text(encoding="utf-8")
    assert "version: 1" in text
    assert "周三下午" in text  # readable by a person, not escaped


def test_a_hand_edited_plan_loses_only_the_wrong_entries(tmp_path, data):
    guide_ids, question_ids = _ids(data)
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\n"
        "title: Library session\n"
        "audience: students\n"
        "guides:\n"
        f"  - {guide_ids[0]}\n"
        "  - no_such_guide\n"
        f"  - {guide_ids[1]}\n"
        "questions:\n"
        f"  - {question_ids[0]}\n"
        "  - typo-99\n"
        f"  - {question_ids[1]}\n",
        encoding="utf-8",
    )
    before = path.read_bytes()
    plan, problems = workshop.load_plan(path, guide_ids, question_ids)
    assert plan.title == "Library session" and plan.audience == "students"
    assert plan.guides == [guide_ids[0], guide_ids[1]]
    assert plan.questions == [question_ids[0], question_ids[1]]
    assert [(p.line, "no_such_guide" in p.message or "typo-99" in p.message) for p in problems] == [(6, True), (10, True)]
    assert path.read_bytes() == before


def test_a_corrupt_plan_names_the_line_and_changes_nothing(tmp_path, data):
    guide_ids, question_ids = _ids(data)
    path = tmp_path / "plan.yaml"
    good = Plan(title="Kept", audience="older_adults", guides=guide_ids[:2], questions=question_ids[:3])
    workshop.save_plan(good, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    broken_at = next(i for i, line in enumerate(lines) if line.startswith("guides:")) + 2
    lines[broken_at - 1] = "  - [unclosed"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(PlanError) as caught:
        workshop.load_plan(path, guide_ids, question_ids)
    problem = caught.value.problems[0]
    assert problem.file == str(path)
    assert broken_at <= problem.line <= broken_at + 1
    assert "syntax" in problem.message.lower()
    assert path.read_bytes() == before  # the file a colleague may still fix is untouched
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize(
    "text, words",
    [
        ("- a\n- b\n", "not a workshop plan"),
        ("version: 9\nguides: []\n", "newer"),
        ("version: one\n", "whole number"),
        ("colour: blue\n", "not a workshop plan"),
    ],
)
def test_files_that_are_not_plans_are_refused_with_a_reason(text, words):
    with pytest.raises(PlanError) as caught:
        workshop.parse_plan(text, "x.yaml")
    assert words in str(caught.value)
    assert str(caught.value).startswith("x.yaml:")


def test_a_bad_audience_is_named_and_the_rest_kept():
    plan, problems = workshop.parse_plan("version: 1\naudience: pensioners\nguides: [romance]\n", "p.yaml", ["romance"], [])
    assert plan.guides == ["romance"]
    assert plan.audience in workshop.AUDIENCES
    assert problems[0].line == 2 and "pensioners" in problems[0].message


# --- slides -----------------------------------------------------------------------------------


def test_slides_follow_the_guide_one_idea_each_with_notes(data):
    guides, _bank, regions = data
    region = regions.get("CN")
    for guide in guides:
        slides = workshop.guide_slides(guide, region)
        kinds = [s.kind for s in slides]
        assert kinds[:2] == ["title", "rule"]
        assert kinds.count("stage") == len(guide.stages)
        assert [s.lines[0] for s in slides if s.kind == "stage"] == [st.text for st in guide.stages]
        assert [line for s in slides if s.kind == "flags" for line in s.lines] == list(guide.red_flags)
        assert [line for s in slides if s.kind == "do" for line in s.lines] == list(guide.do)
        assert all(len(s.lines) <= workshop.MAX_LINES for s in slides)
        assert all(s.notes and all(n.strip() for n in s.notes) for s in slides)
        assert kinds[-1] == "help"


def test_the_help_slide_shows_the_regions_numbers(data):
    guides, _bank, regions = data
    for code, region in regions.regions.items():
        help_slide = workshop.guide_slides(guides[0], region)[-1]
        for channel in region.call_now:
            assert any(channel.value in line for line in help_slide.lines if channel.value)


def test_slides_are_translated_with_the_given_gettext(data):
    guides, _bank, regions = data
    slides = workshop.guide_slides(guides[0], regions.get("CN"), ui=lambda s: "UI:" + s, content=lambda s: "C:" + s)
    assert slides[0].heading == "C:" + guides[0].title
    assert slides[1].heading.startswith("UI:")
    assert all(line.startswith("C:") for s in slides if s.kind in ("stage", "flags") for line in s.lines)


# --- the room's tally -------------------------------------------------------------------------


def test_the_tally_feeds_the_chart_by_question_and_by_type(data):
    _guides, bank, _regions = data
    questions = _room_questions(bank, 3)
    extra = next(q for q in bank.questions if workshop.can_ask_room(q) and q.scam_type == questions[0].scam_type and q not in questions)
    questions.append(extra)
    tally = Tally(questions)
    entered = {}
    for n, q in enumerate(questions):
        options = tally.options(q.id)
        counts = [(n + 2) * (i + 1) for i in range(len(options))]
        if n == 1:
            tally.skip(q.id)
            continue
        tally.record(q.id, counts)
        entered[q.id] = (sum(c for c, o in zip(counts, options) if o.correct), sum(counts))
    chart = workshop.chart_data(tally)
    assert [b.key for b in chart.by_question] == [q.id for q in questions]
    for bar in chart.by_question:
        if bar.key == questions[1].id:
            assert bar.skipped and bar.total == 0
        else:
            assert (bar.right, bar.total) == entered[bar.key]
            assert 0 < bar.right < bar.total
    first_type = questions[0].scam_type
    by_type = {b.key: b for b in chart.by_type}
    assert questions[1].scam_type not in by_type  # only a skipped question: nothing to show
    assert (by_type[first_type].right, by_type[first_type].total) == (
        entered[questions[0].id][0] + entered[extra.id][0],
        entered[questions[0].id][1] + entered[extra.id][1],
    )


def test_unanswered_questions_are_not_in_the_chart(data):
    _guides, bank, _regions = data
    questions = _room_questions(bank, 3)
    tally = Tally(questions)
    tally.record(questions[2].id, [1] * len(tally.options(questions[2].id)))
    chart = workshop.chart_data(tally)
    assert [b.key for b in chart.by_question] == [questions[2].id]
    assert chart.by_question[0].number == 3


def test_counts_must_be_hands(data):
    _guides, bank, _regions = data
    q = _room_questions(bank, 1)[0]
    tally = Tally([q])
    n = len(tally.options(q.id))
    with pytest.raises(ValueError):
        tally.record(q.id, [-1] + [0] * (n - 1))
    with pytest.raises(ValueError):
        tally.record(q.id, [0] * (n + 1))
    assert tally.get(q.id) is None


def test_room_options_are_shuffled_but_stable_and_keep_the_answer(data):
    _guides, bank, _regions = data
    choice = [q for q in bank.questions if q.format == "single"]
    moved = 0
    for q in choice:
        options = workshop.room_options(q)
        assert options == workshop.room_options(q)
        assert sorted(o.key for o in options) == [str(i) for i in range(len(q.options))]
        assert [o.correct for o in options].count(True) == 1
        moved += not options[0].correct
    assert moved > len(choice) // 3  # the correct answer is not always A
    verdict = next(q for q in bank.questions if q.format == "scam_or_genuine")
    assert [o.key for o in workshop.room_options(verdict) if o.correct] == [verdict.answer]


def test_csv_holds_tallies_and_never_names(data):
    _guides, bank, _regions = data
    questions = _room_questions(bank, 2)
    plan = Plan(title="Mrs Wang Xiuying's group", audience="older_adults", questions=[q.id for q in questions])
    tally = Tally(questions)
    tally.record(questions[0].id, [3] * len(tally.options(questions[0].id)))
    tally.skip(questions[1].id)
    text = workshop.tally_csv(tally, audience=plan.audience, date="2026-11-22")
    assert "Wang" not in text and "Xiuying" not in text
    rows = list(csv.reader(io.StringIO(text)))
    header_at = rows.index(list(workshop.CSV_COLUMNS))
    body = rows[header_at + 1:]
    assert len(body) == len(tally.options(questions[0].id)) + 1
    assert {r[1] for r in body} == {questions[0].id, questions[1].id}
    assert [r[7] for r in body if r[1] == questions[0].id] == ["3"] * len(tally.options(questions[0].id))
    assert [r[8] for r in body if r[1] == questions[1].id] == ["yes"]
