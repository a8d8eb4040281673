"""Content problems are reported at the line a person has to fix."""

from core.schema import Dict, List, Map, Opt, Ref, Regex, Str, Tagged, Text, check
from core.yamlio import loads_yaml

GUIDE_LIKE = Map(
    {
        "id": Str(pattern=r"[a-z_]+"),
        "title": Text(),
        "steps": List(Text(), min_items=1),
        "related": Opt(List(Ref("guide"))),
        "pattern": Opt(Regex()),
        "per_language": Opt(Dict(List(Str()), keys=("zh", "en"))),
    }
)


def problems_of(text, schema=GUIDE_LIKE):
    data, problems = loads_yaml(text, "content/x.yaml")
    found = check(schema, data, "content/x.yaml") if data is not None else None
    return problems + (found.problems if found else []), found


def test_a_valid_file_yields_its_texts_with_lines_and_its_references():
    problems, found = problems_of("id: romance\ntitle: Love online\nsteps:\n  - First\n  - Second\nrelated: [task_rebate]\n")
    assert problems == []
    assert found.texts == [(2, "Love online"), (4, "First"), (5, "Second")]
    assert found.refs == [(6, "guide", "task_rebate")]


def test_yaml_syntax_error_names_the_line():
    problems, _ = problems_of("id: romance\ntitle: [unclosed\nsteps: []\n")
    assert len(problems) == 1
    assert problems[0].line in (2, 3)
    assert "syntax" in problems[0].message


def test_missing_and_unknown_keys_are_reported_where_they_are():
    problems, _ = problems_of("id: romance\nsteps:\n  - One\ntitel: Typo here\n")
    messages = {(p.line, p.message) for p in problems}
    assert (1, "the file is missing 'title'") in messages
    assert any(line == 4 and "unknown key 'titel'" in msg for line, msg in messages)


def test_a_yes_no_value_gets_a_hint_to_quote_it():
    problems, _ = problems_of("id: romance\ntitle: no\nsteps: [x]\n")
    assert problems[0].line == 2
    assert "put it in quotes" in problems[0].message


def test_duplicate_keys_are_reported_not_silently_collapsed():
    problems, _ = problems_of("id: romance\ntitle: One\ntitle: Two\nsteps: [x]\n")
    assert [(p.line, "twice" in p.message) for p in problems] == [(3, True)]


def test_bad_regex_and_bad_dict_key_and_empty_list():
    problems, _ = problems_of("id: a\ntitle: T\nsteps: []\npattern: 'a(b'\nper_language:\n  fr: [x]\n")
    lines = sorted(p.line for p in problems)
    assert lines == [3, 4, 6]


def test_tagged_variants_choose_their_schema():
    schema = List(Tagged("format", {"single": Map({"format": Str(), "prompt": Text()}), "flag": Map({"format": Str(), "flags": List(Text())})}))
    data, _ = loads_yaml("- format: single\n  prompt: Why?\n- format: nope\n", "q.yaml")
    found = check(schema, data, "q.yaml")
    assert found.texts == [(2, "Why?")]
    assert [p.line for p in found.problems] == [3]
