"""The self-check: a pasted message in, an explained verdict out. No Qt, no network, no disk writes.

The text a person pastes is only held in memory for the length of ``check()``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from core.selfcheck.links import LinkLists, find_links
from core.selfcheck.normalize import normalize
from core.selfcheck.official import OfficialNames, load_official
from core.selfcheck.phones import PhoneLists, find_phones
from core.selfcheck.rules import NEGATION_WINDOW, RuleSet, load_rules
from core.selfcheck.wording import WordingModel, features, load_table, locate
from core.taxonomy import SCAM_TYPES

#: Inputs longer than this, counted in UTF-8 bytes, are refused.
MAX_INPUT_BYTES = 100 * 1024
#: At most this many spans are reported per signal (a 100 KB paste can repeat a word thousands of times).
MAX_SPANS = 50

VERDICTS = ("high", "medium", "low")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[a-z]")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_ASCII_RUN = re.compile(r"[\x00-\x7f]{2,}")
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")
# where a list of things never asked ends, in the original text (the dense view has no punctuation)
_SCOPE_END = re.compile(r"[。！？；!?;\n]|[.](?:\s|$)|[，,](?=\s*(如|若|如果|如有|如遇|若有|请|請|if|but|then|instead))")


class InputRejected(ValueError):
    """The input cannot be checked (not text, or too long). ``str(exc)`` is an English message."""


class InputTooLarge(InputRejected):
    def __init__(self, size: int):
        super().__init__(f"the text is {size} bytes; the self-check reads at most {MAX_INPUT_BYTES} bytes (100 KB)")
        self.size = size


@dataclass(frozen=True)
class Signal:
    id: str
    spans: tuple[tuple[int, int], ...]  # Python string indices into the original text
    explanation: str  # English source msgid (translate with core.i18n.content_gettext)
    guide: str  # a taxonomy id or a guide id
    weight: int  # negative for a sign of a genuine message

    def as_dict(self) -> dict:
        start, end = self.spans[0] if self.spans else (0, 0)
        return {
            "id": self.id,
            "start": start,
            "end": end,
            "spans": [list(span) for span in self.spans],
            "weight": self.weight,
            "guide": self.guide,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Result:
    verdict: str  # "high" | "medium" | "low"
    score: int  # 0..100
    scam_types: tuple[str, ...]  # taxonomy ids, most likely first
    signals: tuple[Signal, ...]  # strongest first; genuine signs (negative weight) last
    advice: tuple[str, ...]  # keys of core.selfcheck.advice.ADVICE

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "score": self.score,
            "scam_types": list(self.scam_types),
            "signals": [s.as_dict() for s in self.signals],
            "advice": list(self.advice),
        }


@dataclass
class Checker:
    ruleset: RuleSet
    link_lists: LinkLists = field(default_factory=LinkLists)
    phone_lists: PhoneLists = field(default_factory=PhoneLists)
    wording: WordingModel = field(default_factory=WordingModel)
    official: OfficialNames = field(default_factory=OfficialNames)

    @property
    def problems(self):
        return self.ruleset.problems

    @property
    def rule_count(self) -> int:
        return sum(1 for r in self.ruleset.rules if not r.concept)

    def check(self, text: str) -> Result:
        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode("utf-8", errors="replace")
        if not isinstance(text, str):
            raise InputRejected("the self-check reads text")
        size = _utf8_size(text)
        if size > MAX_INPUT_BYTES:
            raise InputTooLarge(size)
        return self._check(text)

    def _check(self, text: str) -> Result:
        views = normalize(text)
        dense_has_cjk = _CJK.search(views.dense.text) is not None
        norm_has_letter = _LETTER.search(views.norm.text) is not None
        # first-character filters (core.selfcheck.rules.first_chars) take \d as 0-9: off for other digits
        filtering = _OTHER_DIGIT.search(views.norm.text) is None
        dense_chars = frozenset(views.dense.text) if filtering else None
        norm_chars = frozenset(views.norm.text) if filtering else None
        hits: dict[str, list[tuple[int, int]]] = {}

        def add(rule_id: str, span: tuple[int, int] | None) -> None:
            if span is None:
                return
            spans = hits.setdefault(rule_id, [])
            if len(spans) < MAX_SPANS and span not in spans:
                spans.append(span)

        dense, norm = views.dense, views.norm
        dense_text, norm_text = dense.text, norm.text

        possible, possible_rules = self._possible(dense_text if dense_has_cjk else "", norm_text)
        plans = self._plans()
        official_spans: dict[str, list[tuple[int, int]]] = {}

        scopes: dict[str, list[tuple[int, int]]] = {}
        scope_starts: dict[str, list[int]] = {}

        def in_scope(lang: str, view, text: str, start: int) -> bool:
            """Whether a match starting at ``start`` lies in a list of things never asked, in original offsets."""
            found = scopes.get(lang)
            if found is None:
                found = scopes[lang] = []
                pattern = self.ruleset.negation_scopes.get(lang)
                if pattern is not None:
                    for m in pattern.finditer(text):
                        span = view.span(m.start(), m.end())
                        if span is not None:
                            cut = _SCOPE_END.search(views.original, span[1])
                            found.append((span[1], cut.start() if cut else len(views.original)))
                    found[:] = _merge(found)  # sorted, disjoint: one bisect per match on long text
                    scope_starts[lang] = [a for a, _ in found]
            if not found:
                return False
            at = view.span(start, start + 1)
            if at is None:
                return False
            i = bisect_right(scope_starts[lang], at[0]) - 1
            return i >= 0 and at[0] < found[i][1]

        def on_official(lang: str, text: str, end: int) -> bool:
            """Whether a match ending at ``end`` names a known official channel (下载国家反诈中心APP),
            or is followed by one's name or number (请拨打96110)."""
            spans = official_spans.get(lang)
            if spans is None:
                pattern = self.official.dense if lang == "zh" else self.official.norm
                spans = [m.span() for m in pattern.finditer(text)] if pattern is not None else []
                if self.official.numbers is not None:
                    spans += [m.span() for m in self.official.numbers.finditer(text)]
                official_spans[lang] = spans
            return any(a < end <= b or (end <= a <= end + 2 and not text[end:a].strip()) for a, b in spans)

        def scan(rule) -> None:
            rule_id = rule.id
            for number, zh, lang, regex, first, pieces, negation in plans[rule_id]:
                if pieces is not None and number not in possible:
                    continue
                if zh:
                    if not dense_has_cjk or (first is not None and filtering and dense_chars.isdisjoint(first)):
                        continue
                    view, text = dense, dense_text
                else:
                    if lang is None:  # "en+": a pattern that needs a letter
                        if not norm_has_letter:
                            continue
                        lang = "en"
                    if first is not None and filtering and norm_chars.isdisjoint(first):
                        continue
                    view, text = norm, norm_text
                for match in regex.finditer(text):
                    start, end = match.span()
                    if end <= start:
                        continue
                    if negation is not None:
                        begin = max(0, start - NEGATION_WINDOW.get(lang, 12))
                        if not zh:  # a negation does not reach across a sentence end ("Beware. Transfer ...")
                            cut = _SENTENCE_END.search(text[begin:start])
                            while cut is not None:
                                begin += cut.end()
                                cut = _SENTENCE_END.search(text[begin:start])
                        if negation.search(text, begin, start):
                            continue
                        if in_scope(lang, view, text, start):
                            continue
                    if rule.not_on_official and on_official(lang, text, end):
                        continue
                    add(rule_id, view.span(start, end))
                    if len(hits.get(rule_id, ())) >= MAX_SPANS:
                        break

        by_id, detector_rules = self._indexes()
        # A concept (a part of a combination, never shown or scored on its own) is looked for
        # only when a combination asks for it: the parts of a combination are asked for in order
        # and its "unless" only once all its parts are there, so most concepts are never scanned
        # for (a necessary-and-sufficient rewrite: the same hits as scanning every concept first).
        scanned: set[str] = set()

        def has(rule_id: str) -> bool:
            if rule_id not in scanned:
                scanned.add(rule_id)
                if rule_id in possible_rules:  # else no pattern of it could match
                    rule = by_id.get(rule_id)
                    if rule is not None and rule.concept and rule.regexes:
                        scan(rule)
            return rule_id in hits

        scanned_first, combinations, quieted = self._groups()
        for rule in scanned_first:
            if rule.id in possible_rules:
                scan(rule)
        if detector_rules:
            if any(d.startswith("link_") for d in detector_rules):
                for link in find_links(views.norm.text, self.link_lists):
                    if self.official.is_official_host(link.host):
                        continue  # a region's own reporting site, named as advice
                    for finding in link.findings:
                        if finding in detector_rules:
                            add(detector_rules[finding].id, views.norm.span(link.start, link.end))
            if any(d.startswith("phone_") for d in detector_rules):
                for phone in find_phones(views.norm.text, self.phone_lists):
                    if phone.finding in detector_rules:
                        add(detector_rules[phone.finding].id, views.norm.span(phone.start, phone.end))

        for rule in combinations:
            first = rule.when[0]
            if first not in hits and first not in possible_rules:
                continue  # its first part is not there and no pattern of it could match: has() would say no
            spans = _combine(hits, has, rule.when, rule.within, rule.unless)
            if spans and rule.unless_after:  # asked for after the story was told: not a retelling
                last = max(end for i in rule.when + tuple(i for i in rule.story if has(i)) for _, end in hits[i])
                if any(has(i) and any(start >= last for start, _ in hits[i]) for i in rule.unless_after):
                    spans = []
            if spans:
                hits[rule.id] = spans[:MAX_SPANS]
        for rule in quieted:  # "unless" also keeps a plain rule quiet
            if rule.id in hits and any(has(i) for i in rule.unless):
                del hits[rule.id]

        signals = []
        total = 0
        type_scores: dict[str, float] = {}
        strongest = max((by_id[i].weight for i in hits if not by_id[i].concept and not by_id[i].max_weight), default=0)
        # a genuine context that changes how the rest reads (an official warning quoting a scam)
        damp = min((by_id[i].damp for i in hits if by_id[i].damp is not None and not by_id[i].concept), default=1.0)
        if damp < 1.0:
            strongest = int(strongest * damp)
        for rule_id, spans in hits.items():
            rule = by_id[rule_id]
            if rule.concept:
                continue
            weight = rule.weight
            if rule.max_weight:  # a word list: each different word after the first counts
                words = {views.original[a:b].casefold() for a, b in spans}
                weight = max(-rule.max_weight, min(rule.max_weight, rule.weight * (len(words) - 1)))
                if weight == 0:
                    continue
            if weight > 0 and damp < 1.0:
                weight = max(1, int(round(weight * damp)))
            total += weight
            if weight > 0:
                counts = weight if rule.type_weight is None else rule.type_weight
                for scam_type, strength in rule.types.items():
                    type_scores[scam_type] = type_scores.get(scam_type, 0.0) + counts * strength
            signals.append(Signal(rule.id, tuple(sorted(spans)), rule.explanation, rule.guide, weight))
        wording_probabilities = self._wording(views, signals, strongest, total)
        total += sum(s.weight for s in signals if s.id.startswith("wording_"))
        score = max(0, min(100, total))
        if score >= self.ruleset.high:
            verdict = "high"
        elif score >= self.ruleset.medium:
            verdict = "medium"
        else:
            verdict = "low"
        order = {t: i for i, t in enumerate(SCAM_TYPES)}
        scam_types: tuple[str, ...] = ()
        points = float(self.ruleset.wording.get("type_points", 0))
        for scam_type, p in wording_probabilities.items():
            if p >= 0.05 and scam_type in order:
                type_scores[scam_type] = type_scores.get(scam_type, 0.0) + points * p
        if verdict != "low":
            ranked = sorted((t for t, s in type_scores.items() if s > 0), key=lambda t: (-type_scores[t], order.get(t, 99)))
            scam_types = tuple(ranked)
        signals.sort(key=lambda s: (s.weight < 0, -abs(s.weight), s.spans[0] if s.spans else (0, 0), s.id))
        return Result(verdict, score, scam_types, tuple(signals), self._advice(verdict, signals, by_id))

    def _per_ruleset(self, key: str, build):
        """``build()``, made once per rule set and kept (the rule set does not change after loading)."""
        cached = self.__dict__.get(key)
        if cached is None or cached[0] is not self.ruleset:
            cached = self.__dict__[key] = (self.ruleset, build())
        return cached[1]

    def _indexes(self):
        """Rules by id and by detector."""
        rules = self.ruleset.rules
        return self._per_ruleset("_index_cache", lambda: ({r.id: r for r in rules}, {r.detector: r for r in rules if r.detector}))

    def _groups(self):
        """The rules of ``_check``'s three passes, each in the rule set's order: those scanned for
        every message (with patterns, not concepts), the combinations, and the plain rules an
        "unless" can keep quiet."""
        rules = self.ruleset.rules
        return self._per_ruleset(
            "_group_cache",
            lambda: (
                tuple(r for r in rules if r.regexes and not r.concept),
                tuple(r for r in rules if r.when),
                tuple(r for r in rules if r.unless and not r.when),
            ),
        )

    def _possible(self, dense_text: str, norm_text: str) -> tuple[set, set]:
        """The patterns that can match, by number (see ``_plans``), and the rules that have one.

        A pattern with required pieces matches only where one of them is in the text. Each piece
        is filed under its first two characters: one pass over the text's pairs finds the pieces
        worth looking for, and only those are looked for. A pattern let through has one of its
        pieces in its view's text; the others are never run (most rules are nowhere near most
        messages, and a rule none of whose patterns can match is not even scanned for).
        When every pair of the normalised view's table is ASCII (English patterns), only the
        ASCII stretches of a Chinese message are paired for it.
        """
        pairs_zh, pairs_en, unfiltered, en_ascii = self._pair_index()
        en_parts = _ASCII_RUN.findall(norm_text) if en_ascii and not norm_text.isascii() else (norm_text,)
        possible: set = set()
        rules = set(unfiltered)
        for table, text, parts in ((pairs_zh, dense_text, (dense_text,)), (pairs_en, norm_text, en_parts)):
            found = table.keys() & {part[i : i + 2] for part in parts for i in range(len(part) - 1)}
            for pair in found:
                for piece, number, rule_id in table[pair]:
                    if number not in possible and (len(piece) == 2 or piece in text):
                        possible.add(number)
                        rules.add(rule_id)
        return possible, rules

    def _pair_index(self):
        """For ``_check``'s filter: each regex's required pieces filed under their first two
        characters, for Chinese (read on the dense view) and the rest (the normalised view), as
        (piece, regex number, rule id); the rules with a regex that has no required pieces
        (always run); and whether the second table's pairs are all ASCII."""

        def build():
            zh: dict[str, list[tuple[str, int, str]]] = {}
            en: dict[str, list[tuple[str, int, str]]] = {}
            unfiltered = set()
            plans = self._plans()
            for rule in self.ruleset.rules:
                for number, chinese, _lang, _regex, _first, pieces, _negation in plans[rule.id]:
                    if pieces is None:
                        unfiltered.add(rule.id)
                        continue
                    table = zh if chinese else en
                    for piece in pieces:
                        table.setdefault(piece[:2], []).append((piece, number, rule.id))
            return zh, en, frozenset(unfiltered), all(pair.isascii() for pair in en)

        return self._per_ruleset("_pair_cache", build)

    def _plans(self):
        """For each rule, its patterns as ``scan`` reads them: (number, Chinese?, language or None
        for a pattern that needs a letter, regex, first characters, required pieces, negation
        pattern or None). Each pattern has a number of its own in the rule set."""

        def build():
            negations = self.ruleset.negations
            plans = {}
            number = 0
            for rule in self.ruleset.rules:
                plan = []
                for lang, regex, first, pieces in rule.regexes:
                    checked = "en" if lang == "en+" else lang
                    negation = negations.get(checked) if rule.negatable else None
                    plan.append((number, lang == "zh", None if lang == "en+" else lang, regex, first, pieces, negation))
                    number += 1
                plans[rule.id] = tuple(plan)
            return plans

        return self._per_ruleset("_plan_cache", build)

    def _wording(self, views, signals: list[Signal], strongest: int, rules_total: int) -> dict[str, float]:
        """The wording model's signal (appended to ``signals``) and its scam-type probabilities.

        ``strongest`` is the weight of the strongest rule found: a rule at least as strong as
        ``decisive_rule`` (asking for a code, a safe account) is never talked down by wording, and
        genuine-looking wording takes away at most ``genuine_share`` of what the rules found."""
        config = self.ruleset.wording
        if not config or not self.wording.known:
            return {}
        found = self.wording.known_pieces(features(views))
        score = self.wording.score(found)
        per_unit = config["per_unit"]
        if score > config["threshold"]:
            weight = int(round(min(config["max_weight"], per_unit * (score - config["threshold"]))))
            if rules_total <= 0:
                weight = min(weight, int(config.get("alone_max", config["max_weight"])))
            if score < config.get("alone_threshold", config["threshold"]) and not any(s.weight > 0 for s in signals):
                weight = 0  # with no warning sign from the rules, wording counts only when far more like the scams
            if any(s.weight < 0 for s in signals):  # a sign of a genuine message was found
                weight = min(weight, int(config.get("with_genuine_max", config["max_weight"])))
        elif score < config["genuine_threshold"] and strongest < config["decisive_rule"]:
            weight = int(round(max(config["min_weight"], per_unit * (score - config["genuine_threshold"]))))
            weight = max(weight, -int(max(0, rules_total) * config.get("genuine_share", 1.0)))
        else:
            weight = 0
        shown = int(config["shown_pieces"])

        def cite(positive: bool) -> list[tuple[int, int]]:
            """Where the weightiest pieces are, leaving out words a rule of the other side matched:
            a phrase a warning rule found is never cited as genuine-like, nor the reverse."""
            other = [span for s in signals if (s.weight < 0 if positive else s.weight > 0) for span in s.spans]
            out = []
            for _w, piece in self.wording.ranked(found, positive, shown * 3):
                span = locate(views, piece)
                if span and not any(a < span[1] and span[0] < b for a, b in other):
                    out.append(span)
                    if len(out) == shown:
                        break
            return out

        if weight > 0:
            probabilities = self.wording.type_probabilities(found, float(config.get("type_temperature", 1.0)))
            spans = cite(True)
            best = max(probabilities, key=lambda t: (probabilities[t], t)) if probabilities else "genuine_channels"
            if spans:
                signals.append(Signal("wording_like_scams", _merge(spans), str(config["explanation"]), best, weight))
                return probabilities
        elif weight < 0:
            spans = cite(False)
            if spans:
                signals.append(Signal("wording_like_genuine", _merge(spans), str(config["genuine_explanation"]), "genuine_channels", weight))
        return {}

    @staticmethod
    def _advice(verdict: str, signals: list[Signal], by_id) -> tuple[str, ...]:
        keys: list[str] = []
        if verdict == "low":
            return ("no_sign_not_proof",)
        if verdict == "high":
            keys.append("stop_paying")
        for signal in signals:
            if signal.weight > 0:
                for key in by_id[signal.id].advice if signal.id in by_id else ():
                    if key not in keys:
                        keys.append(key)
        if "hang_up" not in keys:
            keys.append("hang_up")
        keys.append("call_helpline")
        return tuple(keys)


def _merge(spans) -> tuple[tuple[int, int], ...]:
    """Sorted spans with overlapping ones joined (pieces such as 保证 and 证金 overlap)."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((a, b) for a, b in out)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


def _combine(hits, has, ids, within, unless) -> list[tuple[int, int]]:
    """The spans of a combination, or [] when it does not fire (see core.selfcheck.rules).

    ``has(id)`` says whether a rule or concept was found, looking for a concept on first asking."""
    for i in ids:
        if not has(i):
            return []
    for i in unless:
        if has(i):
            return []
    if within is None:
        out = []
        for i in ids:
            out.extend(hits[i])
        return sorted(set(out))
    first, rest = ids[0], ids[1:]
    out: set[tuple[int, int]] = set()
    for anchor in hits[first]:  # at most MAX_SPANS each: bounded work
        near = []
        for other in rest:
            best = min(hits[other], key=lambda span: _gap(anchor, span))
            if _gap(anchor, best) > within:
                break
            near.append(best)
        else:
            out.add(anchor)
            out.update(near)
    return sorted(out)


def _utf8_size(text: str) -> int:
    if len(text) * 4 <= MAX_INPUT_BYTES:
        return len(text)  # cannot be over the limit; exact size not needed
    if len(text) > MAX_INPUT_BYTES:
        return len(text.encode("utf-8", errors="surrogatepass"))
    return len(text.encode("utf-8", errors="surrogatepass"))


def load_checker(content_dir: Path, locale_dir: Path | None = None) -> Checker:
    """Load and compile every rule file once. Problems are in ``checker.problems``; never raises on bad rules.

    ``locale_dir`` (default: ``locales`` beside ``content_dir``) gives the official channels' names
    in every language (core.selfcheck.official)."""
    ruleset = load_rules(Path(content_dir))
    lists = ruleset.lists
    link_lists = LinkLists(
        shorteners=frozenset(str(s).lower() for s in lists.get("shorteners", [])),
        risky_tlds=frozenset(str(s).lower() for s in lists.get("risky_tlds", [])),
        brands=tuple(str(s).lower() for s in lists.get("brands", [])),
        bait_words=tuple(str(s).lower() for s in lists.get("bait_words", [])),
    )
    phone_lists = PhoneLists(
        overseas_codes=frozenset(int(c) for c in lists.get("overseas_codes", [])),
        official_numbers=tuple(str(n) for n in lists.get("official_numbers", [])),
    )
    wording = WordingModel()
    if ruleset.wording:
        wording, why = load_table(Path(content_dir) / "selfcheck" / str(ruleset.wording["table"]))
        if why:
            from core.yamlio import Problem

            ruleset.problems.append(Problem("content/selfcheck/wording.yaml", 1, why))
    return Checker(ruleset, link_lists, phone_lists, wording, load_official(Path(content_dir), locale_dir))
