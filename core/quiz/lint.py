"""Checks on the quiz bank beyond its schema, run by ``content lint``.

The schema says each question has the right fields; these checks say the bank makes
sense: the right number of correct options, a red-flag phrase that really is in its
message (in every language), a scenario whose every step can be reached and leads
somewhere, unique ids, enough questions per scam type, every string translated.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from core.content import ContentLibrary, kinds, register_check
from core.schema import check
from core.taxonomy import SCAM_TYPES
from core.yamlio import Problem

from core.quiz.schema import FORMATS, QUESTION

MIN_PER_TYPE = 10
OPTION_RANGE = (3, 5)
FLAG_RANGE = (2, 4)
REPLY_RANGE = (2, 3)


def _line(value, fallback: int = 1) -> int:
    return getattr(value, "line", 0) or fallback


def question_texts(question: dict) -> list[str]:
    """Every translatable string of one question, as the schema names them."""
    return [text for _line_no, text in check(QUESTION, question, "").texts]


def translations(root: Path) -> dict[str, dict[str, str]]:
    """For each shipped locale, its finished ``content`` translations: {locale: {source: text}}.

    Fuzzy and empty entries do not count. A catalog that cannot be read counts as empty
    (the catalog check reports it)."""
    from core.catalogs import read_catalog, shipped_locales
    from core.i18n import SOURCE_LOCALE, CatalogError

    out: dict[str, dict[str, str]] = {}
    for locale in shipped_locales(root):
        if locale == SOURCE_LOCALE:
            continue
        done: dict[str, str] = {}
        po = Path(root) / "locales" / locale / "LC_MESSAGES" / "content.po"
        try:
            catalog = read_catalog(po) if po.is_file() else []
        except (CatalogError, OSError):
            catalog = []
        for message in catalog:
            if message.id and isinstance(message.id, str) and isinstance(message.string, str):
                if message.string and not message.fuzzy:
                    done[message.id] = message.string
        out[locale] = done
    return out


def _root(library: ContentLibrary) -> Path:
    return Path(library.content_dir).resolve().parent


def translated_counts(library: ContentLibrary, root: Path | None = None) -> dict[str, int]:
    """Questions per locale whose every string is translated (all of them for the source)."""
    from core.i18n import SOURCE_LOCALE

    questions = [q for _f, q in library.items("quiz")]
    counts = {SOURCE_LOCALE: len(questions)}
    for locale, done in translations(root or _root(library)).items():
        counts[locale] = sum(1 for q in questions if all(t in done for t in question_texts(q)))
    return counts


# --- the checks ---------------------------------------------------------------------------------


def _check_options(path: str, q: dict) -> list[Problem]:
    options = q.get("options")
    if not isinstance(options, list):
        return []
    line = _line(options, _line(q))
    problems = []
    low, high = OPTION_RANGE
    if not low <= len(options) <= high:
        problems.append(Problem(path, line, f"question '{q.get('id')}' has {len(options)} options; it needs {low} to {high}"))
    correct = sum(1 for o in options if isinstance(o, dict) and o.get("correct") is True)
    if q.get("format") == "single" and correct != 1:
        problems.append(Problem(path, line, f"single-choice question '{q.get('id')}' has {correct} correct options; it needs exactly 1"))
    if q.get("format") == "multiple":
        if correct < 2:
            problems.append(Problem(path, line, f"multiple-choice question '{q.get('id')}' has {correct} correct option(s); it needs at least 2"))
        if correct == len(options):
            problems.append(Problem(path, line, f"multiple-choice question '{q.get('id')}' has no wrong option; give at least one"))
    for option in options:
        if isinstance(option, dict) and "feedback" in option and option.get("feedback") == option.get("text"):
            problems.append(Problem(path, _line(option, line), "the feedback repeats the option; say why it is right or wrong"))
    return problems


def _check_flags(path: str, q: dict, done: dict[str, dict[str, str]]) -> list[Problem]:
    flags, message = q.get("flags"), q.get("message")
    if not isinstance(flags, list):
        return []
    problems = []
    low, high = FLAG_RANGE
    if not low <= len(flags) <= high:
        problems.append(Problem(path, _line(flags, _line(q)), f"question '{q.get('id')}' has {len(flags)} red flags; it needs {low} to {high}"))
    text = message.get("text") if isinstance(message, dict) else None
    if not isinstance(text, str):
        return problems
    seen = set()
    for flag in flags:
        phrase = flag.get("text") if isinstance(flag, dict) else None
        if not isinstance(phrase, str) or not phrase.strip():
            continue
        line = _line(phrase, _line(flag))
        if phrase in seen:
            problems.append(Problem(path, line, f"red flag '{phrase}' is listed twice"))
        seen.add(phrase)
        if phrase not in text:
            problems.append(Problem(path, line, f"red flag '{phrase}' is not in its message text (it must appear exactly, same case)"))
            continue
        for locale, table in done.items():
            if phrase in table and text in table and table[phrase] not in table[text]:
                problems.append(
                    Problem(path, line, f"in {locale}, the red flag '{table[phrase]}' is not in the translated message; "
                            "copy the phrase out of the translated message")
                )
    # overlapping flags cannot be tapped apart
    spans = sorted((text.find(p), text.find(p) + len(p), p) for p in seen if p in text)
    for (s1, e1, p1), (s2, _e2, p2) in zip(spans, spans[1:]):
        if s2 < e1:
            problems.append(Problem(path, _line(flags, _line(q)), f"red flags '{p1}' and '{p2}' overlap in the message"))
    return problems


def _check_scenario(path: str, q: dict) -> list[Problem]:
    nodes, endings, start = q.get("nodes"), q.get("endings"), q.get("start")
    if not isinstance(nodes, list) or not isinstance(endings, list) or not isinstance(start, str):
        return []
    qid = q.get("id")
    problems = []
    ids: dict[str, object] = {}
    for item in [*nodes, *endings]:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            if item["id"] in ids:
                problems.append(Problem(path, _line(item), f"step id '{item['id']}' is used twice in scenario '{qid}'"))
            ids[item["id"]] = item
    node_ids = {n["id"] for n in nodes if isinstance(n, dict) and isinstance(n.get("id"), str)}
    if start not in ids:
        problems.append(Problem(path, _line(start, _line(q)), f"scenario '{qid}' starts at '{start}', which is not one of its steps"))
    elif start not in node_ids:
        problems.append(Problem(path, _line(start, _line(q)), f"scenario '{qid}' starts at an ending; start at a conversation step"))
    low, high = REPLY_RANGE
    for node in nodes:
        if not isinstance(node, dict) or not isinstance(node.get("replies"), list):
            continue
        replies = node["replies"]
        if not low <= len(replies) <= high:
            problems.append(Problem(path, _line(replies, _line(node)), f"step '{node.get('id')}' has {len(replies)} replies; it needs {low} to {high}"))
        for reply in replies:
            target = reply.get("next") if isinstance(reply, dict) else None
            if isinstance(target, str) and target not in ids:
                problems.append(Problem(path, _line(target, _line(reply)), f"reply leads to '{target}', which is not a step or ending of scenario '{qid}'"))
    # everything must be reachable from the start
    reached, todo = set(), [start] if start in ids else []
    while todo:
        current = todo.pop()
        if current in reached:
            continue
        reached.add(current)
        item = ids[current]
        replies = item.get("replies") if current in node_ids else None
        for reply in replies if isinstance(replies, list) else []:
            target = reply.get("next") if isinstance(reply, dict) else None
            if isinstance(target, str) and target in ids:
                todo.append(target)
    if reached:
        for item_id, item in ids.items():
            if item_id not in reached:
                what = "step" if item_id in node_ids else "ending"
                problems.append(Problem(path, _line(item), f"{what} '{item_id}' of scenario '{qid}' cannot be reached from '{start}'"))
    outcomes = {e.get("outcome") for e in endings if isinstance(e, dict)}
    if "safe" not in outcomes:
        problems.append(Problem(path, _line(endings, _line(q)), f"scenario '{qid}' has no safe ending"))
    if "scammed" not in outcomes:
        problems.append(Problem(path, _line(endings, _line(q)), f"scenario '{qid}' has no ending where the scam works; show what goes wrong"))
    return problems


def _guide_ids(library: ContentLibrary) -> set[str] | None:
    """Ids of every content item that a Ref('guide') can name; None if no such kind is loaded.

    core.lint checks every Ref too; the message here is worded the same, so the report
    (which drops exact duplicates) lists a missing guide once."""
    registered = [kind for kind in kinds().values() if kind.ref == "guide"]
    if not registered:
        return None
    return {str(item.get("id")) for kind in registered for _f, item in library.items(kind.name) if item.get("id")}


def check_bank(library: ContentLibrary) -> list[Problem]:
    problems: list[Problem] = []
    try:
        done = translations(_root(library))
    except Exception as exc:  # a broken catalog must not hide the other problems
        problems.append(Problem("locales", 1, f"cannot read the content catalogs: {exc}"))
        done = {}
    guides = _guide_ids(library)
    per_type: Counter[str] = Counter()
    first_seen: dict[str, tuple[str, int]] = {}
    for loaded in library.files.get("quiz", []):
        data = loaded.data if isinstance(loaded.data, dict) else {}
        scam_type = data.get("scam_type")
        stem = Path(loaded.path).stem
        if isinstance(scam_type, str) and scam_type != stem:
            problems.append(Problem(loaded.path, _line(scam_type), f"scam_type '{scam_type}' does not match the file name '{stem}.yaml'"))
        questions = data.get("questions")
        for q in questions if isinstance(questions, list) else []:
            if not isinstance(q, dict):
                continue
            line = _line(q)
            qid = q.get("id")
            if isinstance(qid, str):
                if qid in first_seen:
                    other = first_seen[qid]
                    problems.append(Problem(loaded.path, _line(qid, line), f"question id '{qid}' is already used at {other[0]}:{other[1]}"))
                else:
                    first_seen[qid] = (loaded.path, _line(qid, line))
                if isinstance(scam_type, str) and not qid.startswith(f"{scam_type}-"):
                    problems.append(Problem(loaded.path, _line(qid, line), f"question id '{qid}' should start with '{scam_type}-'"))
            if isinstance(scam_type, str):
                per_type[scam_type] += 1
            fmt = q.get("format")
            if fmt in ("single", "multiple"):
                problems += _check_options(loaded.path, q)
            elif fmt == "red_flags":
                problems += _check_flags(loaded.path, q, done)
            elif fmt == "scenario":
                problems += _check_scenario(loaded.path, q)
            guide = q.get("guide")
            if guides is not None and isinstance(guide, str) and guide not in guides:
                problems.append(Problem(loaded.path, _line(guide, line), f"refers to guide '{guide}', which does not exist"))
            if fmt in FORMATS:
                missing = {}
                for text in question_texts(q):
                    for locale, table in done.items():
                        if text not in table:
                            missing.setdefault(locale, []).append(text)
                for locale, texts in missing.items():
                    sample = texts[0] if len(texts[0]) <= 50 else texts[0][:49] + "…"
                    problems.append(
                        Problem(loaded.path, line, f"question '{qid}' is not fully translated into {locale}: "
                                f"{len(texts)} string(s) missing, e.g. '{sample}'")
                    )
    for scam_type in SCAM_TYPES:
        if per_type[scam_type] < MIN_PER_TYPE:
            problems.append(
                Problem(f"content/quiz/{scam_type}.yaml", 1,
                        f"scam type '{scam_type}' has {per_type[scam_type]} question(s); it needs at least {MIN_PER_TYPE}")
            )
    return problems


register_check(check_bank)
