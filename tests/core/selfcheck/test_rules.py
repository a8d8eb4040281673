"""The rule files are content: linted with file:line, and a broken rule is skipped, never fatal."""

from pathlib import Path

from core.content import ContentLibrary, kinds
from core.selfcheck import load_checker
from core.selfcheck.rules import DETECTORS
from core.taxonomy import SCAM_TYPES

ROOT = Path(__file__).resolve().parents[3]


def test_shipped_rules_load_without_problems(checker):
    assert [str(p) for p in checker.problems] == []
    assert checker.rule_count >= 40


def test_every_scam_type_has_a_rule_pointing_at_it(checker):
    covered = {t for rule in checker.ruleset.rules for t, s in rule.types.items() if s >= 0.5}
    assert set(SCAM_TYPES) <= covered


def test_every_detector_is_explained(checker):
    assert {r.detector for r in checker.ruleset.rules if r.detector} == set(DETECTORS)


def test_rules_are_a_registered_kind_and_their_explanations_are_extracted():
    assert kinds()["checker_rules"].glob == "selfcheck/*.yaml"
    library = ContentLibrary.load(ROOT / "content")
    texts = [t for f, _line, t in library.texts() if f.startswith("content/selfcheck/")]
    assert any("safe" in t for t in texts)
    assert not [p for p in library.problems if p.file.startswith("content/selfcheck/")]


def _write(folder: Path, name: str, text: str) -> None:
    (folder / "selfcheck").mkdir(parents=True, exist_ok=True)
    (folder / "selfcheck" / name).write_text(text, encoding="utf-8")


GOOD = """
rules:
  - id: good
    weight: 40
    types: {task_rebate: 1}
    guide: task_rebate
    explanation: Good rule.
    patterns:
      en: ['boost products']
"""


def test_a_broken_rule_is_reported_with_its_line_and_skipped(tmp_path):
    _write(tmp_path, "a.yaml", GOOD + """
  - id: bad_regex
    weight: 10
    types: {task_rebate: 1}
    guide: task_rebate
    explanation: Broken.
    patterns:
      en: ['(unclosed']
  - id: slow
    weight: 10
    types: {task_rebate: 1}
    guide: task_rebate
    explanation: Catastrophic.
    patterns:
      en: ['(a+)+b']
  - id: spaced
    weight: 10
    types: {task_rebate: 1}
    guide: task_rebate
    explanation: Spaces in Chinese.
    patterns:
      zh: ['验证 码']
""")
    checker = load_checker(tmp_path)
    assert [r.id for r in checker.ruleset.rules] == ["good"]
    messages = [str(p) for p in checker.problems]
    assert any("a.yaml:17" in m and "not a valid pattern" in m for m in messages), messages
    assert any("exponential" in m for m in messages)
    assert any("spaces and punctuation" in m for m in messages)
    assert checker.check("we boost products").verdict != "low"


def test_a_file_with_broken_yaml_does_not_stop_the_others(tmp_path):
    _write(tmp_path, "a.yaml", GOOD)
    _write(tmp_path, "b.yaml", "rules:\n  - id: x\n    weight: [unclosed\n")
    checker = load_checker(tmp_path)
    assert checker.rule_count == 1
    assert any("b.yaml" in str(p) for p in checker.problems)


def test_unknown_scam_type_and_duplicate_ids_are_problems(tmp_path):
    _write(tmp_path, "a.yaml", GOOD + GOOD.replace("rules:\n", "").replace("task_rebate: 1", "not_a_type: 1"))
    checker = load_checker(tmp_path)
    assert any("not_a_type" in str(p) for p in checker.problems)
    _write(tmp_path, "a.yaml", GOOD + GOOD.replace("rules:\n", ""))
    checker = load_checker(tmp_path)
    assert checker.rule_count == 1 and any("also used" in str(p) for p in checker.problems)


def test_required_pieces_of_a_pattern():
    from core.selfcheck.rules import required_literals

    pieces = required_literals("(?:guaranteed? (returns?|profits?))|(?:risk[- ]free)")
    assert pieces is not None and set(pieces) <= {"guarantee", "risk", "returns", "return", "profit"}
    for text in ("guaranteed returns", "a risk-free trade", "guarantee profit"):
        assert any(p in text for p in pieces)
    assert required_literals("(a|b)?c?") is None  # nothing every match must contain
    assert set(required_literals("验证码|(发|报)给我")) == {"给我", "验证码"}


def test_groups_stop_capturing_but_match_the_same():
    import re

    from core.selfcheck.rules import without_captures

    assert without_captures("(send|deposit) (any|the) amount") == "(?:send|deposit) (?:any|the) amount"
    # escapes, classes (with a leading "]" or "^]"), lookarounds and named groups are kept
    for kept in (r"\(x\)", "[(]a[)]", "[]()]b", "[^]()]c", "(?=a)(?!b)(?<=c)(?<!d)(?:e)", "(?P<n>f)"):
        assert without_captures(kept) == kept
    assert without_captures(r"(a)b\1") == r"(a)b\1"  # a backreference needs its group
    pattern = r"\b(i|we) (just )?(got|had) (a|an) (\w+ ){0,2}(call|text)\b|[(](x|y)[)]"
    texts = ["we just got a weird text", "i had an odd call today", "(x) and (y)", "we got a text"]
    assert [[m.span() for m in re.finditer(pattern, t)] for t in texts] == [
        [m.span() for m in re.finditer(without_captures(pattern), t)] for t in texts
    ]


def test_every_rule_finds_the_same_words_without_captures(checker, monkeypatch):
    """The rules are compiled without capturing groups (faster): on the corpus, each pattern
    finds exactly what it finds compiled as written."""
    import json

    import core.selfcheck.rules as rules

    root = Path(__file__).resolve().parents[3]
    monkeypatch.setattr(rules, "without_captures", lambda pattern: pattern)
    as_written = load_checker(root / "content")
    corpus = root / "corpus" / "selfcheck" / "dev.jsonl"
    texts = [json.loads(line)["text"].lower() for line in corpus.read_text(encoding="utf-8").splitlines()[::3]]
    found = captures = 0
    for fast, slow in zip(checker.ruleset.rules, as_written.ruleset.rules, strict=True):
        for (_, regex, _, _), (_, written, _, _) in zip(fast.regexes, slow.regexes, strict=True):
            assert regex.groups == 0, fast.id
            captures += written.groups
            for text in texts:
                spans = [m.span() for m in regex.finditer(text)]
                found += len(spans)
                assert spans == [m.span() for m in written.finditer(text)], (fast.id, text)
    assert found > 100 and captures > 100


def test_short_runs_are_widened_over_small_alternatives():
    # '请你|请您' parses as 请 followed by [你您]: one character alone is no piece, the two are
    import re

    from core.selfcheck.rules import required_literals

    assert set(required_literals("请你|请您")) == {"请你", "请您"}
    assert set(required_literals("退了|退出了")) == {"退了", "退出了"}
    pattern = "(?<![不别])(挂了|挂掉)|(有个|有位)(男的|人)(打|说)|x(ab|c)d"
    pieces = required_literals(pattern)
    assert pieces is not None and min(len(p) for p in pieces) >= 2
    for text in ("他挂了", "刚才有位人打来", "xcd", "xabd", "不挂了也挂掉了"):
        assert re.search(pattern, text) and any(p in text for p in pieces), text


def test_the_rules_alone_load_without_the_link_and_phone_libraries():
    """The guides and the linter read the rules module; the engine's libraries (phonenumbers,
    the public-suffix list, idna: about 7 MB) load only when a message is checked."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    code = (
        "import sys; import core.selfcheck.rules; "
        "print(sorted(m for m in ('phonenumbers', 'publicsuffixlist', 'idna', 'core.selfcheck.engine') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    code = (
        "import sys; from pathlib import Path; from core.selfcheck import load_checker; "
        "c = load_checker(Path('content')); c.check('see http://paypa1.example now'); "
        "print('idna' in sys.modules, 'phonenumbers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]  # no punycode in the message: idna is not needed
