"""The self-check rules as content: their schema, the linter's extra checks, and compilation.

Rules live in ``content/selfcheck/*.yaml`` so that a non-programmer can add a
scam phrase. Each file may hold ``rules`` (a list), ``lists`` (link and phone
data) and ``scoring`` (verdict thresholds). A rule is either a set of patterns
per language (``zh`` patterns are written in Simplified *or* Traditional and
read the "dense" view of the text; ``en`` patterns read the "norm" view, case
ignored), a ``detector`` fed by the link and phone analysis, or a combination
(``when``) of other rules and ``concepts``.

A concept is a named set of patterns that is never shown on its own ("money is
asked for", "something will be paid out"). Tactics are often only visible as a
combination: a fee is harmless, a payout is harmless, "pay a fee to get your
payout" is the mark of a scam. A rule with ``when: {all: [a, b], within: 40}``
fires when every listed concept or rule is found, all within 40 characters of
the first one's words (``within`` left out: anywhere in the message);
``unless: [c]`` keeps it quiet when ``c`` is found too; ``unless_after: [d]`` keeps a
combination quiet when ``d`` starts after the last words of its parts and of the concepts in
``story: [e]`` (a retelling that has told its story and then asks the reader for money is a scam
wearing a retelling's frame; reported speech, "she was told to pay...", is still the story).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from core.content import Kind, register, register_check
from core.schema import Bool, Dict, List, Map, Number, Opt, Regex, Str, Text, check
from core.selfcheck.advice import ADVICE_KEYS
from core.taxonomy import SCAM_TYPES
from core.yamlio import Problem, load_yaml

LANGS = ("zh", "en")
DETECTORS = (
    "link_any",
    "link_ip",
    "link_shortener",
    "link_punycode",
    "link_brand",
    "link_bait_words",
    "link_risky_tld",
    "phone_overseas",
    "phone_spoofed_official",
)
ID_RE = r"[a-z][a-z0-9_]*"

RULE = Map(
    {
        "id": Str(pattern=ID_RE),
        "explanation": Text(),
        "guide": Str(pattern=ID_RE),
        "weight": Number(minimum=-100, maximum=100, integer=True),
        # a word list: each different word found after the first adds ``weight``, up to ``max_weight``
        "max_weight": Opt(Number(minimum=1, maximum=100, integer=True)),
        # how much the rule counts when the scam types are ranked, if not its weight: a story
        # that names the type (a prize) can count more for the type than for the score
        "type_weight": Opt(Number(minimum=0, maximum=100, integer=True)),
        # a sign of a genuine message that changes how everything else is read (an official
        # warning quotes the scam it warns about): when it is found, every warning sign counts
        # only this share of its weight (the smallest damp found applies)
        "damp": Opt(Number(minimum=0, maximum=1)),
        "types": Opt(Dict(Number(minimum=0, maximum=1), keys=SCAM_TYPES)),
        "advice": Opt(List(Str(choices=ADVICE_KEYS), unique=True)),
        "negatable": Opt(Bool()),
        # a match that ends inside a known official name or address (any region's channel in
        # content/regions.yaml, in any language: 国家反诈中心APP) is no warning sign
        "not_on_official": Opt(Bool()),
        "detector": Opt(Str(choices=DETECTORS)),
        "patterns": Opt(Dict(List(Regex(), min_items=1), keys=LANGS)),
        "when": Opt(Map({"all": List(Str(pattern=ID_RE), min_items=1, unique=True), "within": Opt(Number(minimum=1, maximum=2000, integer=True))})),
        "unless": Opt(List(Str(pattern=ID_RE), min_items=1, unique=True)),
        # a combination only: quiet when one of these is found after the last words of its last part
        "unless_after": Opt(List(Str(pattern=ID_RE), min_items=1, unique=True)),
        # ... whose words, with those of the parts, are the story that unless_after looks after
        "story": Opt(List(Str(pattern=ID_RE), min_items=1, unique=True)),
        "note": Opt(Str()),
    }
)

CONCEPT = Map(
    {
        "id": Str(pattern=ID_RE),
        "negatable": Opt(Bool()),
        "not_on_official": Opt(Bool()),
        "patterns": Dict(List(Regex(), min_items=1), keys=LANGS),
        "note": Opt(Str()),
    }
)

LISTS = Map(
    {
        "shorteners": Opt(List(Str(), unique=True)),
        "risky_tlds": Opt(List(Str(pattern=r"[a-z0-9-]+"), unique=True)),
        "brands": Opt(List(Str(pattern=r"[a-z0-9]+"), unique=True)),
        "bait_words": Opt(List(Str(pattern=r"[a-z0-9]+"), unique=True)),
        "overseas_codes": Opt(List(Number(minimum=1, maximum=999, integer=True))),
        "official_numbers": Opt(List(Str(pattern=r"\d{3,6}"), unique=True)),
        "negations": Opt(Dict(List(Regex(), min_items=1), keys=LANGS)),
        # words that open a list of things never asked, to the end of the sentence
        # ("我们不会要求您垫付费用或下载其他软件", "we will never ask you to ... or ..."): a
        # negatable rule's match inside that list is ignored however far from the words it is
        "negation_scopes": Opt(Dict(List(Regex(), min_items=1), keys=LANGS)),
    }
)

# How much the wording model (core/selfcheck/wording.py) counts: its scam score s becomes a
# signal of weight per_unit * (s - threshold), kept between min_weight and max_weight.
WORDING = Map(
    {
        "table": Str(pattern=r"[A-Za-z0-9_.-]+\.json"),
        "threshold": Number(minimum=-100, maximum=100),
        # below this score the wording counts as genuine (between the two it counts for nothing)
        "genuine_threshold": Number(minimum=-100, maximum=100),
        # a rule at least this heavy is never talked down by genuine-looking wording
        "decisive_rule": Number(minimum=1, maximum=100, integer=True),
        # genuine-looking wording takes away at most this share of what the rules found
        "genuine_share": Opt(Number(minimum=0, maximum=1)),
        # the most scam-like wording adds when no rule found anything
        "alone_max": Opt(Number(minimum=0, maximum=100, integer=True)),
        # when no rule found a warning sign, the wording counts only with a score of at least this
        "alone_threshold": Opt(Number(minimum=-100, maximum=100)),
        # the most scam-like wording adds when the rules found a sign of a genuine message
        "with_genuine_max": Opt(Number(minimum=0, maximum=100, integer=True)),
        # above 1 the wording model is less sure which scam type it is
        "type_temperature": Opt(Number(minimum=0.1, maximum=100)),
        "per_unit": Number(minimum=0, maximum=20),
        "max_weight": Number(minimum=0, maximum=100, integer=True),
        "min_weight": Number(minimum=-100, maximum=0, integer=True),
        "type_points": Number(minimum=0, maximum=200),
        "shown_pieces": Number(minimum=1, maximum=20, integer=True),
        "explanation": Text(),
        "genuine_explanation": Text(),
        "note": Opt(Str()),
    }
)

SCHEMA = Map(
    {
        "rules": Opt(List(RULE)),
        "wording": Opt(WORDING),
        "concepts": Opt(List(CONCEPT)),
        "lists": Opt(LISTS),
        "scoring": Opt(Map({"high": Number(minimum=1, maximum=100, integer=True), "medium": Number(minimum=1, maximum=100, integer=True)})),
    }
)

KIND = register(Kind(name="checker_rules", glob="selfcheck/*.yaml", schema=SCHEMA, count_key="checker_rules", items_key="rules"))

# How far before a match a negation ("never", "请勿") is looked for, in characters of the view.
NEGATION_WINDOW = {"zh": 8, "en": 32}


def _t2s(pattern: str) -> str:
    from core.selfcheck.normalize import _T2S

    return pattern.translate(_T2S)


def _lower(pattern: str) -> str:
    return re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), pattern)


@dataclass
class CompiledRule:
    id: str
    explanation: str
    guide: str
    weight: int
    max_weight: int | None
    type_weight: int | None
    types: dict[str, float]
    advice: tuple[str, ...]
    negatable: bool
    detector: str | None
    # (lang, compiled, first characters or None, required pieces or None); zh reads dense,
    # en and en+ read norm
    regexes: list[tuple[str, re.Pattern, frozenset[str] | None, tuple[str, ...] | None]]
    file: str = ""
    line: int = 0
    when: tuple[str, ...] = ()  # a combination: every one of these concept or rule ids
    within: int | None = None  # ... all within this many characters of the first one's words
    unless: tuple[str, ...] = ()  # ... and none of these
    unless_after: tuple[str, ...] = ()  # ... and none of these after the story's last words
    story: tuple[str, ...] = ()  # concepts whose words count as the story's too (with the parts')
    concept: bool = False  # a concept: matched, never shown, only used by combinations
    damp: float | None = None  # when found, warning signs count only this share (see RULE)
    not_on_official: bool = False  # a match ending inside an official channel's name is ignored


@dataclass
class RuleSet:
    rules: list[CompiledRule] = field(default_factory=list)
    lists: dict = field(default_factory=dict)
    negations: dict[str, re.Pattern] = field(default_factory=dict)
    negation_scopes: dict[str, re.Pattern] = field(default_factory=dict)
    high: int = 60
    medium: int = 30
    wording: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@functools.lru_cache(maxsize=16)  # a pattern is parsed by several helpers in turn; never mutated. Few: the trees are large
def _parse_tree(pattern: str):
    """The parsed form of a regular expression, or None when it does not parse
    (the Regex schema field reports compile errors)."""
    try:
        import re._parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore

    try:
        return sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001
        return None


def _nested_unbounded(pattern: str) -> str | None:
    """Why a pattern may take more than linear time, or None.

    Rejects a repeat inside an unbounded repeat ((a+)+, (a|b*)*): the shape of
    catastrophic backtracking. Unbounded ``.*`` between words is also refused:
    write ``.{0,20}`` so a match stays local.
    """
    try:
        from re._constants import MAXREPEAT  # Python 3.11+
    except ImportError:  # pragma: no cover
        from sre_constants import MAXREPEAT  # type: ignore

    tree = _parse_tree(pattern)
    if tree is None:
        return None

    def walk(items, inside_unbounded: bool) -> str | None:
        for op, arg in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                low, high, sub = arg
                unbounded = high == MAXREPEAT
                if inside_unbounded and (unbounded or high > 1):
                    return "a repeat inside an unbounded repeat can take exponential time"
                if unbounded and any(str(o) == "ANY" for o, _ in sub):
                    return "an unbounded '.*' or '.+': write a bounded window such as '.{0,20}'"
                found = walk(sub, inside_unbounded or unbounded)
                if found:
                    return found
            elif name == "SUBPATTERN":
                found = walk(arg[-1], inside_unbounded)
                if found:
                    return found
            elif name == "BRANCH":
                for branch in arg[1]:
                    found = walk(branch, inside_unbounded)
                    if found:
                        return found
            elif name in ("ASSERT", "ASSERT_NOT"):
                found = walk(arg[1], inside_unbounded)
                if found:
                    return found
        return None

    return walk(tree, False)


def needs_letter(pattern: str) -> bool:
    """True when every match of ``pattern`` must contain a Latin letter a-z.

    Conservative: when unsure it says False. The engine skips such patterns on text
    without any Latin letter (most Chinese messages), which keeps the check fast.
    """
    tree = _parse_tree(pattern)
    if tree is None:
        return False

    def is_letter(code: int) -> bool:
        return ord("a") <= code <= ord("z")

    def item(op, arg) -> bool:
        name = str(op)
        if name == "LITERAL":
            return is_letter(arg)
        if name == "IN":
            members = [(str(o), a) for o, a in arg]
            if not members or any(o == "NEGATE" for o, _ in members):
                return False
            for o, a in members:
                if o == "LITERAL" and is_letter(a):
                    continue
                if o == "RANGE" and is_letter(a[0]) and is_letter(a[1]):
                    continue
                return False
            return True
        if name == "SUBPATTERN":
            return seq(arg[-1])
        if name == "BRANCH":
            return all(seq(b) for b in arg[1])
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            return arg[0] >= 1 and seq(arg[2])
        return False

    def seq(items) -> bool:
        return any(item(op, arg) for op, arg in items)

    return seq(tree)


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when that is not a short list.

    The engine skips a pattern when none of these characters is in the text at all: a
    necessary condition, so it never changes a result, and it spares most of the rules
    on a short message.
    """
    tree = _parse_tree(pattern)
    if tree is None:
        return None

    def seq(items):
        acc: set[str] = set()
        for op, arg in items:
            found = item(str(op), arg)
            if found is None:
                return None
            chars, nullable = found
            acc |= chars
            if not nullable:
                return acc, False
        return acc, True

    def item(name, arg):
        if name == "LITERAL":
            return {chr(arg)}, False
        if name == "IN":
            chars: set[str] = set()
            for op, a in arg:
                op = str(op)
                if op == "LITERAL":
                    chars.add(chr(a))
                elif op == "RANGE" and a[1] - a[0] <= 64:
                    chars.update(chr(c) for c in range(a[0], a[1] + 1))
                elif op == "CATEGORY" and str(a) == "CATEGORY_DIGIT":
                    chars.update("0123456789")  # ASCII digits: the views fold other digits (NFKC)
                else:
                    return None  # negated sets, categories (\d, \w), wide ranges
            return chars, False
        if name == "SUBPATTERN":
            return seq(arg[-1])
        if name == "BRANCH":
            chars, nullable = set(), False
            for branch in arg[1]:
                found = seq(branch)
                if found is None:
                    return None
                chars |= found[0]
                nullable = nullable or found[1]
            return chars, nullable
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            found = seq(arg[2])
            if found is None:
                return None
            return found[0], found[1] or arg[0] == 0
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            return set(), True  # zero width
        return None

    found = seq(tree)
    if found is None or found[1] or not found[0]:
        return None
    return frozenset(found[0])


def required_literals(pattern: str, max_set: int = 128) -> tuple[str, ...] | None:
    """Pieces of text of which every match of ``pattern`` contains at least one, or None.

    The engine skips a pattern when none of them is in the text (a substring test in C, far
    cheaper than running the regex over the text): a necessary condition, so it never changes
    a result. Worked out from the parsed pattern: a run of plain characters, or for a group
    of alternatives one piece from each. Lookarounds, optional parts and classes are skipped,
    and a pattern without pieces of at least two characters gets None (always run).
    """
    tree = _parse_tree(pattern)
    if tree is None:
        return None
    # first widening short runs over small alternatives ('请' then [你您] gives 请你, 请您), then,
    # if that makes a set too large, without: the two never give a wrong piece, only more or fewer
    return _required(tree, max_set, widen=True) or _required(tree, max_set, widen=False)


def _required(tree, max_set: int, widen: bool) -> tuple[str, ...] | None:
    def alternatives(name, arg):
        """The few plain strings a set of characters or a group of plain alternatives can be
        ('请你|请您' parses as 请 followed by [你您]; 'ab|acd' as a followed by b or cd), or None."""
        if name == "IN":
            if any(str(op) != "LITERAL" for op, _ in arg) or len(arg) > 8:
                return None
            return {chr(a) for _, a in arg}
        if name == "SUBPATTERN":
            items = arg[-1]
            if len(items) == 1:
                return alternatives(str(items[0][0]), items[0][1])
            return plain(items)
        if name == "BRANCH":
            out: set[str] = set()
            for branch in arg[1]:
                found = plain(branch)
                if found is None:
                    return None
                out |= found
            return out if len(out) <= max_set else None
        return None

    def plain(items):
        """The plain strings a sequence can be, when it is only characters and small alternatives."""
        runs = {""}
        for op, arg in items:
            name = str(op)
            if name == "LITERAL":
                runs = {r + chr(arg) for r in runs}
                continue
            found = alternatives(name, arg)
            if found is None or "" in found or len(runs) * len(found) > max_set:
                return None
            runs = {r + f for r in runs for f in found}
        return runs

    def seq(items):
        candidates, run = [], ""
        runs: set[str] | None = None  # several possible plain runs ('请' then [你您])
        for op, arg in items:
            name = str(op)
            if name == "LITERAL":
                if runs is not None:
                    runs = {r + chr(arg) for r in runs}
                else:
                    run += chr(arg)
                continue
            if run or runs is not None:
                current = runs if runs is not None else {run}
                # only widen a run too short to be a piece: a longer one is a smaller set as it is
                expanded = alternatives(name, arg) if widen and min(len(r) for r in current) < 2 else None
                if expanded is not None and "" not in expanded and len(current) * len(expanded) <= max_set:
                    runs = {r + e for r in current for e in expanded}
                    run = ""
                    continue
                candidates.append(current)
                run, runs = "", None
            found = None
            if name == "SUBPATTERN":
                found = seq(arg[-1])
            elif name == "BRANCH":
                parts = [seq(branch) for branch in arg[1]]
                if all(part for part in parts):
                    found = set().union(*parts)
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
                found = seq(arg[2])
            if found:
                candidates.append(found)
        if runs is not None:
            candidates.append(runs)
        elif run:
            candidates.append({run})
        candidates = [c for c in candidates if len(c) <= max_set]
        if not candidates:
            return None
        return max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))

    found = seq(tree)
    if not found or min(len(x) for x in found) < 2:
        return None
    out: list[str] = []
    for piece in sorted(found, key=lambda x: (len(x), x)):
        if not any(shorter in piece for shorter in out):  # a text with the longer has the shorter
            out.append(piece)
    return tuple(out)


def _compile_fast(joined: str, first: frozenset[str] | None) -> re.Pattern:
    """Compile a rule's patterns as one regex. When the characters a match can start with are
    known, a lookahead for them comes first: the engine then rejects most positions with one
    set test instead of trying every alternative (same matches, several times faster). Groups
    do not capture (the checker reads only where a match is): an alternative that starts with
    a capturing group is entered at every position, one that starts with a plain character is
    passed over with one comparison."""
    joined = without_captures(joined)
    if first:
        chars = "".join(re.escape(c) for c in sorted(first))
        return re.compile(f"(?=[{chars}])(?:{joined})")
    return re.compile(joined)


def without_captures(pattern: str) -> str:
    """``pattern`` with each capturing group "(" made non-capturing "(?:": the same matches.
    Escapes and character classes are read as such ("\\(" and "[(]" are left alone); a
    pattern with a backreference keeps its groups."""
    if re.search(r"\\[1-9]|\(\?P=", pattern):
        return pattern
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            out.append(c)
            i += 1
            for lead in "^]":  # "[^]...]" and "[]...]": a first "]" is a member, not the end
                if i < n and pattern[i] == lead:
                    out.append(lead)
                    i += 1
            continue
        elif c == "(" and not pattern.startswith("?", i + 1):
            c = "(?:"
        out.append(c)
        i += 1
    return "".join(out)


def rule_problems(rule: dict, file: str) -> list[Problem]:
    """Problems the schema cannot see: slow patterns, Chinese patterns with spaces, no way to match."""
    problems = []
    line = getattr(rule, "line", 1)
    patterns = rule.get("patterns") if isinstance(rule.get("patterns"), dict) else {}
    if not patterns and not rule.get("detector") and not rule.get("when"):
        problems.append(Problem(file, line, f"rule '{rule.get('id')}' has neither patterns, a detector nor 'when', so it can never match"))
    if patterns and isinstance(rule.get("when"), dict):
        problems.append(Problem(file, line, f"rule '{rule.get('id')}' has both patterns and 'when': a combination takes its words from the rules it names"))
    for lang, items in patterns.items():
        for pattern in items if isinstance(items, list) else []:
            if not isinstance(pattern, str):
                continue
            where = getattr(pattern, "line", line)
            why = _nested_unbounded(pattern)
            if why:
                problems.append(Problem(file, where, f"pattern '{pattern}': {why}"))
            if lang == "zh" and re.search(r"(?<!\\) |[，。：；？！「」“”、]", pattern):
                problems.append(Problem(file, where, f"pattern '{pattern}': Chinese patterns are matched with spaces and punctuation removed; leave them out"))
            try:
                empty = re.fullmatch(pattern, "") is not None
            except re.error:
                continue  # the schema's Regex field reports it
            if empty:
                problems.append(Problem(file, where, f"pattern '{pattern}' matches empty text"))
    weight = rule.get("weight")
    if "weight" in rule and isinstance(weight, int) and weight > 0 and not rule.get("types"):
        problems.append(Problem(file, line, f"rule '{rule.get('id')}' adds to the score but names no scam types"))
    return problems


def _compile_rule(rule: dict, file: str, concept: bool = False) -> tuple[CompiledRule | None, list[Problem]]:
    found = check(CONCEPT if concept else RULE, rule, file)
    problems = list(found.problems) + rule_problems(rule, file)
    if problems:
        return None, problems
    regexes = []
    for lang, items in (rule.get("patterns") or {}).items():
        if lang == "zh":
            joined = "|".join(f"(?:{_t2s(p)})" for p in items)
            first = first_chars(joined)
            regexes.append((lang, _compile_fast(joined, first), first, required_literals(joined)))
        else:
            # the text is already lower case: lower-casing the pattern (not its escapes such as \\W)
            # is the same as IGNORECASE, and lets the regex engine skip ahead on literal prefixes
            joined = "|".join(f"(?:{_lower(p)})" for p in items)
            # "en+" marks a regex that can only match text with a Latin letter in it
            first = first_chars(joined)
            regexes.append(("en+" if needs_letter(joined) else lang, _compile_fast(joined, first), first, required_literals(joined)))
    when = rule.get("when") or {}
    return (
        CompiledRule(
            id=str(rule["id"]),
            explanation=str(rule.get("explanation", "")),
            guide=str(rule.get("guide", "")),
            weight=int(rule.get("weight", 0)),
            max_weight=int(rule["max_weight"]) if rule.get("max_weight") else None,
            type_weight=int(rule["type_weight"]) if rule.get("type_weight") is not None else None,
            types={str(k): float(v) for k, v in (rule.get("types") or {}).items()},
            advice=tuple(str(a) for a in rule.get("advice") or ()),
            negatable=bool(rule.get("negatable", False)),
            detector=str(rule["detector"]) if rule.get("detector") else None,
            regexes=regexes,
            file=file,
            line=getattr(rule, "line", 1),
            when=tuple(str(i) for i in when.get("all", ())),
            within=int(when["within"]) if when.get("within") else None,
            unless=tuple(str(i) for i in rule.get("unless") or ()),
            unless_after=tuple(str(i) for i in rule.get("unless_after") or ()) if when else (),
            story=tuple(str(i) for i in rule.get("story") or ()) if when else (),
            concept=concept,
            damp=float(rule["damp"]) if rule.get("damp") is not None else None,
            not_on_official=bool(rule.get("not_on_official", False)),
        ),
        [],
    )


def load_rules(content_dir: Path) -> RuleSet:
    """Every rule file, compiled. A broken rule is reported and skipped; a broken file too."""
    ruleset = RuleSet()
    seen: dict[str, str] = {}
    folder = Path(content_dir) / "selfcheck"
    for path in sorted(folder.glob("*.yaml")):
        display = f"content/selfcheck/{path.name}"
        data, problems = load_yaml(path, display)
        ruleset.problems.extend(problems)
        if not isinstance(data, dict):
            if data is not None:
                ruleset.problems.append(Problem(display, 1, "the file should be a mapping with 'rules', 'lists' or 'scoring'"))
            continue
        for key in data:
            if key not in SCHEMA.fields:
                ruleset.problems.append(Problem(display, data.line_of(key) if hasattr(data, "line_of") else 1, f"unknown key '{key}'"))
        lists = data.get("lists")
        if isinstance(lists, dict):
            found = check(LISTS, lists, display)
            ruleset.problems.extend(found.problems)
            if not found.problems:
                _merge_lists(ruleset, lists)
        scoring = data.get("scoring")
        if isinstance(scoring, dict):
            found = check(SCHEMA.fields["scoring"].node, scoring, display)
            ruleset.problems.extend(found.problems)
            if not found.problems:
                ruleset.high, ruleset.medium = int(scoring["high"]), int(scoring["medium"])
        wording = data.get("wording")
        if isinstance(wording, dict):
            found = check(WORDING, wording, display)
            ruleset.problems.extend(found.problems)
            if not found.problems:
                ruleset.wording = dict(wording)
        for key in ("concepts", "rules"):
            _load_items(ruleset, data.get(key), key, display, seen)
    _check_references(ruleset)
    for key, compiled in (("negations", ruleset.negations), ("negation_scopes", ruleset.negation_scopes)):
        for lang, patterns in ruleset.lists.get(key, {}).items():
            compiled[lang] = re.compile("|".join(f"(?:{_t2s(p) if lang == 'zh' else _lower(p)})" for p in patterns))
    _parse_tree.cache_clear()  # the parse trees served compiling only: megabytes, let go before the wording table loads
    return ruleset


def _load_items(ruleset: RuleSet, rules, key: str, display: str, seen: dict[str, str]) -> None:
    if rules is None:
        return
    if not isinstance(rules, list):
        ruleset.problems.append(Problem(display, getattr(rules, "line", 1), f"'{key}' should be a list"))
        return
    for rule in rules:
        if not isinstance(rule, dict):
            ruleset.problems.append(Problem(display, getattr(rules, "line", 1), "each rule should be a mapping"))
            continue
        compiled, problems = _compile_rule(rule, display, concept=key == "concepts")
        ruleset.problems.extend(problems)
        if compiled is None:
            continue
        if compiled.id in seen:
            ruleset.problems.append(Problem(display, compiled.line, f"rule id '{compiled.id}' is also used in {seen[compiled.id]}; this one is skipped"))
            continue
        seen[compiled.id] = f"{display}:{compiled.line}"
        ruleset.rules.append(compiled)


def _check_references(ruleset: RuleSet) -> None:
    """``when`` may only name concepts and rules with patterns or a detector; ``unless`` may also
    name a combination that comes earlier (combinations are evaluated in file order)."""
    plain = {r.id for r in ruleset.rules if not r.when}
    earlier: set[str] = set()
    kept = []
    for rule in ruleset.rules:
        unknown = [i for i in rule.when if i not in plain] + [i for i in rule.unless + rule.unless_after + rule.story if i not in plain and i not in earlier]
        if rule.when:
            earlier.add(rule.id)
        if unknown:
            ruleset.problems.append(Problem(rule.file, rule.line, f"rule '{rule.id}' names {', '.join(unknown)}: not a concept or a rule with patterns or a detector; it is skipped"))
            continue
        kept.append(rule)
    ruleset.rules = kept


def _merge_lists(ruleset: RuleSet, lists: dict) -> None:
    for key, value in lists.items():
        if key in ("negations", "negation_scopes"):
            target = ruleset.lists.setdefault(key, {})
            for lang, patterns in value.items():
                target.setdefault(lang, []).extend(str(p) for p in patterns)
        else:
            ruleset.lists.setdefault(key, []).extend(value)


# --- the linter's extra checks ---------------------------------------------------------------


def _lint(library) -> list[Problem]:
    problems: list[Problem] = []
    guide_ids = set(SCAM_TYPES)
    if "guides" in library.files:
        from core.content import kinds

        for loaded in library.files.get("guides", []):
            data = loaded.data
            kind = kinds()["guides"]
            entries = data.get(kind.items_key) if kind.items_key and isinstance(data, dict) else [data]
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    guide_ids.add(entry["id"])
    seen: dict[str, str] = {}
    detectors_used: set[str] = set()

    def claim(what: str, ident, path: str, line: int) -> None:
        """Rule and concept ids share one namespace: a second use is reported with the first."""
        if isinstance(ident, str):
            if ident in seen:
                problems.append(Problem(path, line, f"{what} id '{ident}' is also used at {seen[ident]}"))
            seen[ident] = f"{path}:{line}"

    for loaded, rule in library.items("checker_rules"):
        line = getattr(rule, "line", 1)
        problems.extend(rule_problems(rule, loaded.path))
        claim("rule", rule.get("id"), loaded.path, line)
        guide = rule.get("guide")
        if isinstance(guide, str) and guide not in guide_ids:
            problems.append(Problem(loaded.path, getattr(guide, "line", line), f"guide '{guide}' is neither a scam type nor a guide id"))
        if isinstance(rule.get("detector"), str):
            detectors_used.add(rule["detector"])
    combos = []
    for loaded in library.files.get("checker_rules", []):
        data = loaded.data if isinstance(loaded.data, dict) else {}
        concepts = data.get("concepts")
        for concept in concepts if isinstance(concepts, list) else []:
            if not isinstance(concept, dict):
                continue
            line = getattr(concept, "line", 1)
            problems.extend(rule_problems(concept, loaded.path))
            claim("concept", concept.get("id"), loaded.path, line)
    plain = set(seen)
    for loaded, rule in library.items("checker_rules"):
        when = rule.get("when")
        if isinstance(when, dict):
            plain.discard(rule.get("id"))
            combos.append((loaded, rule, when))
    earlier: set = set()
    for loaded, rule, when in combos:
        unknown = [str(n) for n in when.get("all") or [] if n not in plain]
        unknown += [str(n) for n in list(rule.get("unless") or []) + list(rule.get("unless_after") or []) + list(rule.get("story") or []) if n not in plain and n not in earlier]
        earlier.add(rule.get("id"))
        if unknown:
            problems.append(Problem(loaded.path, getattr(rule, "line", 1), f"rule '{rule.get('id')}' names {', '.join(unknown)}: not a concept or a rule with patterns or a detector"))
    if library.files.get("checker_rules"):
        missing = [d for d in DETECTORS if d not in detectors_used]
        if missing:
            first = library.files["checker_rules"][0].path
            problems.append(Problem(first, 1, f"no rule explains these link/phone findings: {', '.join(missing)}"))
    return problems


register_check(_lint)
