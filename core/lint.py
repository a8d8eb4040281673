"""``python main.py content lint``: everything a content editor can get wrong, as file:line.

Checks, in order: each data file against its schema; the region facts; every
cross-reference; the catalogs (template current, every shipped locale complete);
every registered page rendered in every locale and region; every number and
web address shown matches the region facts; then the checks each kind adds.

The JSON form is a contract other tools read::

    {"ok": bool, "problems": [{"file", "line", "message"}], "counts": {...}}

``counts`` holds at least "guides", "quiz_questions" and "checker_rules", each a map
from locale to the number of items complete in that locale.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from core import catalogs, content, i18n
from core.content import COUNT_KEYS, ContentLibrary
from core.regions import load_regions
from core.render import Renderer
from core.taxonomy import SCAM_TYPES
from core.yamlio import Problem


@dataclass
class LintReport:
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict:
        return {"ok": self.ok, "problems": [p.as_dict() for p in self.problems], "counts": self.counts}


# --- numbers and addresses ------------------------------------------------------------------

_FICTIONAL_SPAN = re.compile(r'<span class="fictional">.*?</span>', re.S)
_TAG = re.compile(r"<[^>]+>")
_ADDRESS = re.compile(
    r"(?i)(?<![A-Za-z0-9.@-])(?:https?://)?(?:[a-z0-9_.+-]+@)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"(?:[a-z]{2,24})(?![A-Za-z0-9-])(?::\d+)?(?:/[^\s<>\"'，。、）)]*)?"
)
_NUMBER = re.compile(r"(?<![A-Za-z0-9.,])(?:\+|00)?\d[\d\- ]*\d(?![A-Za-z0-9])")
_CURRENCY_BEFORE = re.compile(r"(?:[¥$£€￥]|RMB|CNY|HKD|NTD|USD|GBP|AUD|SGD|NT\$|HK\$|S\$|A\$|US\$)\s*$")
_UNIT_AFTER = re.compile(
    r"^\s*(?:[,.]\d|%|％|元|块|塊|万|萬|亿|億|角|分|岁|歲|年|月|日|天|号|號|个|個|条|條|次|人|名|份|张|張|倍|位|"
    r"小时|小時|分钟|分鐘|秒|公里|米|件|单|單|笔|筆|期|章|页|頁|字|只|隻|斤|箱|台|部|款|颗|顆|"
    r"(?:days?|hours?|minutes?|seconds?|years?|months?|weeks?|times|yuan|dollars?|pounds?|people|percent|"
    r"items?|orders?|tasks?|likes?|reviews?|points?|km|kg)\b)",
    re.I,
)
# a short number right after these words is a code or an account tail, not something to call
_CODE_BEFORE = re.compile(
    r"(?:code|passcode|OTP|PIN|ending(?: in)?|order(?: no\.?)?|验证码|驗證碼|校验码|校驗碼|动态码|動態碼|取件码|取件碼|"
    r"尾号|尾號|订单号?|訂單編?號?)\s*(?:is|为|為|是)?\s*[:：]?\s*$",
    re.I,
)
_FICTIONAL_TLDS = (".example", ".invalid", ".test")
_FICTIONAL_US = re.compile(r"^(?:1?\d{3})?5550[01]\d\d$")  # 555-0100..0199, reserved for fiction


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


class FactIndex:
    """What may be shown: the confirmed channel values of every region."""

    def __init__(self, facts):
        values = facts.shown_values()
        self.addresses = {v.lower() for v in values if re.fullmatch(r"[\w.@-]+\.[A-Za-z]{2,}", v)}
        # known values are taken out of a text before it is scanned, longest first; a digits-only
        # value may carry an area code before it (a genuine 96110 call shows e.g. 025-96110)
        parts = []
        for value in sorted(values, key=len, reverse=True):
            prefix = r"(?:0\d{2,3}-?)?" if value.isdigit() else ""
            # not a piece of a longer number such as 400-000-1234
            parts.append(rf"(?<![0-9A-Za-z])(?<!\d[-, .]){prefix}{re.escape(value)}(?![0-9])(?![-, .]\d)")
        self.known = re.compile("|".join(parts), re.I) if parts else None
        self.numbers = {_digits(v) for v in values if _digits(v) and v.lower() not in self.addresses}
        for v in values:  # "1-877-FTC-HELP (1-877-382-4357)" carries its digits in brackets
            for group in re.findall(r"\(([\d\- ]+)\)", v):
                self.numbers.add(_digits(group))
        self.withheld = facts.withheld_values()

    def check_text(self, text: str) -> list[str]:
        """Messages for every number or address in ``text`` that is not a fact."""
        return [message for _token, message in self.findings(text)]

    def findings(self, text: str) -> list[tuple[str, str]]:
        """(token, message) for every number or address in ``text`` that is not a fact."""
        text = _FICTIONAL_SPAN.sub(" ", text)
        text = _TAG.sub(" ", text)
        if self.known is not None:
            text = self.known.sub(" ", text)
        out = []
        for match in _ADDRESS.finditer(text):
            address = match.group(0).lower().rstrip(".")
            host = re.sub(r"^https?://", "", address).split("/")[0].split(":")[0]
            host = host.split("@")[-1]
            if host.endswith(_FICTIONAL_TLDS) or address in self.addresses or host in self.addresses:
                continue
            if re.fullmatch(r"[\d.]+", host):  # a version or a decimal, not an address
                continue
            out.append((match.group(0), f"web address '{match.group(0)}' is not in the region facts (use .example/.invalid/.test for made-up ones)"))
        text = _ADDRESS.sub(" ", text)
        for match in _NUMBER.finditer(text):
            token = match.group(0).strip(" -")
            digits = _digits(token)
            if len(digits) < 3:
                continue
            if _CURRENCY_BEFORE.search(text[: match.start()]) or _UNIT_AFTER.match(text[match.end():]):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", digits) and len(token) == 4:  # a year
                continue
            if len(digits) <= 6 and _CODE_BEFORE.search(text[max(0, match.start() - 20): match.start()]):
                continue
            if digits in self.numbers or _FICTIONAL_US.match(digits):
                continue
            out.append((token, f"number '{token}' is not in the region facts (a made-up number must be marked fictional)"))
        return out


# --- the linter -------------------------------------------------------------------------------


def lint(content_dir: Path, root: Path | None = None) -> LintReport:
    content_dir = Path(content_dir)
    root = Path(root) if root else content_dir.parent
    report = LintReport()
    library = ContentLibrary.load(content_dir)
    report.problems += library.problems

    facts = load_regions(content_dir)
    report.problems += [p for p in facts.problems if p not in library.problems]
    report.problems += _check_refs(library, facts)
    report.problems += catalogs.check_all(root)

    locales = i18n.catalogs().locales() if i18n._catalogs else [i18n.SOURCE_LOCALE]
    index = FactIndex(facts)
    report.problems += _check_pages(library, locales, index)
    report.problems += _check_texts(library, locales, index)
    for checker in content.checks():
        report.problems += list(checker(library))
    report.counts = _counts(library, locales)
    report.problems = _dedupe(report.problems)
    return report


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            out.append(problem)
    return out


def _check_refs(library: ContentLibrary, facts) -> list[Problem]:
    ids: dict[str, set[str]] = {"scam_type": set(SCAM_TYPES)}
    ids["channel"] = {c.id for r in facts.regions.values() for c in r.channels + r.withheld}
    for kind in content.kinds().values():
        if kind.ref:
            ids.setdefault(kind.ref, set()).update(
                str(item["id"]) for _, item in library.items(kind.name) if isinstance(item.get("id"), str)
            )
    problems = []
    for loaded_files in library.files.values():
        for loaded in loaded_files:
            for line, kind, ref in loaded.found.refs:
                known = ids.get(kind)
                if known is None:
                    problems.append(Problem(loaded.path, line, f"refers to a {kind} '{ref}', but there is no content of that kind"))
                elif ref not in known:
                    problems.append(Problem(loaded.path, line, f"refers to {kind} '{ref}', which does not exist"))
    return problems


def _template_location(exc: BaseException, fallback: str) -> tuple[str, int]:
    lineno = getattr(exc, "lineno", None)
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    if lineno and name:
        return _content_path(name), lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return _content_path(frame.filename), frame.lineno or 1
    return f"content/{fallback}", 1


def _content_path(name: str) -> str:
    posix = Path(name).as_posix()
    return "content/" + posix.split("content/", 1)[1] if "content/" in posix else f"content/{posix}"


def _check_pages(library: ContentLibrary, locales: list[str], index: FactIndex) -> list[Problem]:
    renderer = Renderer(library.content_dir)
    problems = []
    for producer in content.pages():
        for template, label, context in producer(library):
            for locale in locales:
                try:
                    html = renderer.render(template, locale, **context)
                except Exception as exc:  # any template error is a content problem, reported and skipped
                    file, line = _template_location(exc, template)
                    problems.append(Problem(file, line, f"does not render ({label}, {locale}): {type(exc).__name__}: {exc}"))
                    continue
                for token, message in index.findings(html):
                    line = _source_line(renderer, template, token)
                    problems.append(Problem(f"content/{template}", line, f"{message} ({label}, {locale})"))
                for value in index.withheld:
                    if re.search(rf"(?<![\w.]){re.escape(value)}(?![\w])", _TAG.sub(" ", html)):
                        problems.append(Problem(f"content/{template}", 1, f"shows unconfirmed channel '{value}' ({label}, {locale})"))
    return problems


def _source_line(renderer: Renderer, template: str, token: str) -> int:
    """The line of the template where a shown token is written, if it is written there."""
    try:
        source = renderer.env.loader.get_source(renderer.env, template)[0]
    except Exception:  # the template was readable a moment ago; a line number is a nicety
        return 1
    for number, line in enumerate(source.splitlines(), 1):
        if token in line:
            return number
    return 1


def _check_texts(library: ContentLibrary, locales: list[str], index: FactIndex) -> list[Problem]:
    problems = []
    for file, line, text in library.texts():
        for locale in locales:
            translated = i18n.translator(locale, "content").gettext(text) if i18n._catalogs else text
            for message in index.check_text(translated):
                where = "" if locale == i18n.SOURCE_LOCALE else f" (in {locale})"
                problems.append(Problem(file, line, message + where))
    return problems


def _translated(locale: str, text: str) -> bool:
    if locale == i18n.SOURCE_LOCALE:
        return True
    translations = i18n.translator(locale, "content")
    return text in getattr(translations, "_catalog", {})


def _counts(library: ContentLibrary, locales: list[str]) -> dict[str, dict[str, int]]:
    counts = {key: {locale: 0 for locale in locales} for key in COUNT_KEYS}
    for kind in content.kinds().values():
        if not kind.count_key:
            continue
        per_locale = counts.setdefault(kind.count_key, {locale: 0 for locale in locales})
        for loaded in library.files.get(kind.name, []):
            for item_texts in _texts_per_item(kind, loaded):
                for locale in locales:
                    if all(_translated(locale, text) for text in item_texts):
                        per_locale[locale] += 1
    return counts


def _texts_per_item(kind, loaded) -> list[list[str]]:
    """Split a file's texts among its items by line ranges (items know their first line)."""
    data = loaded.data
    if not kind.items_key:
        return [[text for _, text in loaded.found.texts]] if isinstance(data, dict) else []
    items = data.get(kind.items_key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    starts = [getattr(item, "line", 0) for item in items if isinstance(item, dict)]
    groups: list[list[str]] = [[] for _ in starts]
    for line, text in loaded.found.texts:
        for index in range(len(starts) - 1, -1, -1):
            if line >= starts[index]:
                groups[index].append(text)
                break
    return groups
