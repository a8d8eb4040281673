"""How a self-check result is shown to a person (the screen and ``check --format text``).

The engine's result (``core.selfcheck.engine.Result``) is a machine contract: every signal a
rule found, with its exact spans. A person needs less: one line per thing found, the words
around it as they read them, the strongest first, and the statistical wording signal as a
footnote. This module turns the one into the other without changing the result:

* signals whose words are already reported (the same words, overlapping words, or a word
  inside a reported link) are merged into the finding that reported them;
* each excerpt is widened to whole words (English) or to the clause it sits in (Chinese);
* ``TOP`` findings are shown first, the rest on request;
* with a low verdict ("no known warning signs found") the words rules found are not called
  warning signs: the signs of a genuine message come first, then those words as "often in
  scams, outweighed here" (``Shown.outweighed``), and nothing is marked in the message;
* the scam types named are one, or two when the second is nearly as strong as the first;
* advice that does not fit the top scam type is worded for it.

Plain Python, no Qt. Strings are English source (``N_``); translate when shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.i18n import N_, _
from core.regions import name_beside_number, only_phones
from core.selfcheck.engine import Result, Signal


def quote(words: str) -> str:
    """Words from the message, in the language's quotation marks (zh_TW: 「…」)."""
    # Translators: quotation marks around words quoted from the message; keep {words}.
    return _("“{words}”").format(words=words)

#: What the words rules found are called when the verdict is low (``Shown.outweighed``).
OUTWEIGHED = N_("Often in scams, outweighed here")

#: How many findings are shown before "show all".
TOP = 4
#: The second scam type is named only when its evidence is at least this share of the first's.
SECOND_TYPE_SHARE = 0.75
#: At most this many pieces of text in one excerpt.
EXCERPT_PIECES = 3
#: A Chinese clause longer than this is shown as a window around the words.
CLAUSE_MAX = 24
CLAUSE_WINDOW = 8

WORDING_IDS = ("wording_like_scams", "wording_like_genuine")

# Guides that stand for a scam type (a rule may send the reader to a closer guide).
GUIDE_TYPES = {"jobs_abroad": "job_recruitment"}

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_URL = re.compile(r"(?:https?://|www\.)[^\s，。！？；、“”「」（）()<>]+", re.IGNORECASE)
# where a Chinese clause ends: punctuation, brackets, quotes, white space
_WIDE = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026]")
_TRAILING = set(".,!?;:)]}\"'’”")
_LEADING = set("([{\"'‘“")
# small words a long Chinese clause can be cut at without splitting a word
_PARTICLES = set("的了是在把被将向和与及或并而但就都也还要让给对从")
_CLAUSE_BREAK = set("，。！？；：、,.!?;:…“”\"‘’'（）()【】[]《》<>「」『』～~\n\r\t \u3000")


@dataclass(frozen=True)
class Finding:
    """One line of "what we found": the strongest signal and those merged into it."""

    signals: tuple[Signal, ...]  # strongest first
    spans: tuple[tuple[int, int], ...]  # where to mark it in the message (every member's spans), sorted
    excerpt: str  # the words as a person reads them, pieces joined by " … "

    @property
    def signal(self) -> Signal:
        return self.signals[0]

    @property
    def weight(self) -> int:
        return self.signal.weight

    @property
    def explanation(self) -> str:
        return self.signal.explanation

    @property
    def guide(self) -> str:
        return self.signal.guide

    @property
    def genuine(self) -> bool:
        return self.signal.weight < 0

    @property
    def wording(self) -> bool:
        return self.signal.id in WORDING_IDS


@dataclass(frozen=True)
class Shown:
    findings: tuple[Finding, ...]  # the rules' findings: warnings strongest first, then genuine signs
    wording: Finding | None  # the statistical wording signal, shown last as a footnote
    types: tuple[str, ...]  # the scam types to name (0 to 2)
    advice: tuple[str, ...]  # keys of ADVICE or of TYPE_ADVICE / LOW_ADVICE below
    #: the verdict is low: the findings with a positive weight are words often seen in scams
    #: that the rest of the message outweighed. They come after the signs of a genuine message,
    #: are shown muted, never as "warning signs", and are not marked in the message.
    outweighed: bool = False

    @property
    def top(self) -> tuple[Finding, ...]:
        return self.findings[:TOP]

    @property
    def more(self) -> int:
        """How many findings "show all" adds."""
        return max(0, len(self.findings) - TOP)

    @property
    def all(self) -> tuple[Finding, ...]:
        """Every finding in the order shown, the wording footnote last."""
        return self.findings + ((self.wording,) if self.wording else ())


# --- advice worded for the result ---------------------------------------------------------------

#: For a message with no known warning sign: checks a person can make, not a repeat of the verdict.
LOW_ADVICE = {
    "low_call_yourself": N_("To be sure, call the organisation on a number you look up yourself: on your card, in its official app or on its website, never the one in the message."),
    "low_never_code": N_("Never share a verification code, a PIN or your screen, whoever asks for it."),
    "low_no_links": N_("Do not open a link in a message you did not expect. Go to the official app or website yourself."),
}

#: Advice reworded where the engine's general wording does not fit the top scam type.
TYPE_ADVICE = {
    ("check_with_family", "impersonate_acquaintance"): N_("Before you send anything, tell another family member or a friend and check with them. Someone who asks you to keep it from the family may not be who they say."),
    ("check_with_family", "romance"): N_("Talk to someone you trust before you send anything. Someone who asks you to keep your relationship or your money secret is not on your side."),
    ("check_with_family", "*"): N_("Talk to someone you trust before you do anything. Whoever asks you to keep it secret wants you alone."),
    ("hang_up", "impersonate_acquaintance"): N_("Stop replying to this number or account, and do not send anything to it."),
    ("hang_up", "romance"): N_("Stop replying, and do not send money or codes to someone you have never met in person."),
}
# the general wording fits these types as it is
_KEEP = {("check_with_family", "impersonate_authority")}


def advice_text(key: str) -> str:
    """The English source of an advice key (translate with ``_``)."""
    from core.selfcheck.advice import ADVICE

    if key in LOW_ADVICE:
        return LOW_ADVICE[key]
    if "|" in key:
        base, scam_type = key.split("|", 1)
        return TYPE_ADVICE.get((base, scam_type)) or TYPE_ADVICE.get((base, "*")) or ADVICE.get(base, "")
    return ADVICE.get(key, "")


def _advice(result: Result, types: tuple[str, ...], helplines_shown: bool) -> tuple[str, ...]:
    if result.verdict == "low":
        return tuple(LOW_ADVICE)
    top = types[0] if types else ""
    keys: list[str] = []
    for key in result.advice:
        if key == "call_helpline" and helplines_shown:
            continue  # the helplines are shown right below, with their numbers
        if key == "hang_up" and top == "impersonate_acquaintance" and "verify_person" in result.advice:
            continue  # "call the person on the number you always used" says it for this scam
        if (key, top) in _KEEP:
            keys.append(key)
        elif (key, top) in TYPE_ADVICE or (key, "*") in TYPE_ADVICE:
            keys.append(f"{key}|{top}")
        else:
            keys.append(key)
    return tuple(keys)


# --- scam types ---------------------------------------------------------------------------------


def _types(result: Result) -> tuple[str, ...]:
    """The engine's most likely type, and its second only when the signals for it (by the
    guide each signal points to) weigh nearly as much as those for the first."""
    if not result.scam_types:
        return ()
    first = result.scam_types[0]
    if len(result.scam_types) < 2:
        return (first,)
    second = result.scam_types[1]
    support: dict[str, int] = {}
    for signal in result.signals:
        if signal.weight > 0:
            scam_type = GUIDE_TYPES.get(signal.guide, signal.guide)
            support[scam_type] = support.get(scam_type, 0) + signal.weight
    top = support.get(first, 0)
    if top > 0 and support.get(second, 0) >= SECOND_TYPE_SHARE * top:
        return (first, second)
    return (first,)


# --- findings -----------------------------------------------------------------------------------


def _overlaps(span: tuple[int, int], spans) -> bool:
    a, b = span
    return any(a < d and c < b for c, d in spans)


def _inside(span: tuple[int, int], spans) -> bool:
    a, b = span
    return any(c <= a and b <= d for c, d in spans)


def _union(spans) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return tuple((a, b) for a, b in out)


def _is_cjk_span(text: str, a: int, b: int) -> bool:
    return _CJK.search(text, a, b) is not None


def _is_word_char(ch: str) -> bool:
    return (ch.isalnum() and not _CJK.match(ch)) or ch in "'’_$£€¥%"


def widen(text: str, a: int, b: int) -> tuple[int, int, bool, bool]:
    """A span widened to what a person reads: whole words in English; in Chinese the clause it
    sits in, or a window of it when the clause is long. Also whether it was cut short on the
    left and on the right (shown with …)."""
    if not _is_cjk_span(text, a, b):
        # the whole token: "send 5" is "send 500", "/month" is "$3,800/month"
        start, end = a, b
        while a > 0 and not _ends_token(text[a - 1]):
            a -= 1
        while b < len(text) and not _ends_token(text[b]):
            b += 1
        # without the punctuation that only ends a sentence or opens a bracket
        while b > end and text[b - 1] in _TRAILING:
            b -= 1
        while a < start and text[a] in _LEADING:
            a += 1
        return a, b, False, False
    left = a
    while left > 0 and not _breaks(text, left - 1):
        left -= 1
    right = b
    while right < len(text) and not _breaks(text, right):
        right += 1
    if right - left <= max(CLAUSE_MAX, b - a):
        return left, right, False, False
    new_a, new_b = max(left, a - CLAUSE_WINDOW), min(right, b + CLAUSE_WINDOW)
    if new_a > left:  # start just after a small word (的, 在, 把...) near the window's edge
        cut = max((i for i in range(max(left, new_a - 4), a - 1) if text[i] in _PARTICLES), default=None, key=lambda i: -abs(i + 1 - new_a))
        if cut is not None:
            new_a = cut + 1
    if new_b < right:  # and end just before one
        cut = max((i for i in range(b + 1, min(right, new_b + 4)) if text[i] in _PARTICLES), default=None, key=lambda i: -abs(i - new_b))
        if cut is not None:
            new_b = cut
    # do not split a run of Latin letters or digits at the window's edge
    while new_a > left and _is_word_char(text[new_a - 1]) and _is_word_char(text[new_a]):
        new_a -= 1
    while new_b < right and _is_word_char(text[new_b]) and _is_word_char(text[new_b - 1]):
        new_b += 1
    return new_a, new_b, new_a > left, new_b < right


def _ends_token(ch: str) -> bool:
    """White space, a Chinese character or full-width punctuation: where an English token ends."""
    return ch.isspace() or _CJK.match(ch) is not None or _WIDE.match(ch) is not None


def _breaks(text: str, i: int) -> bool:
    """Whether the character at ``i`` ends a Chinese clause (a decimal point or a thousands
    comma between digits does not)."""
    ch = text[i]
    if ch not in _CLAUSE_BREAK:
        return False
    if ch in ".," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
        return False
    return True


def _widen_all(text: str, spans) -> list[list]:
    """Each span widened; those that meet joined. [start, end, cut on the left, cut on the right]."""
    widened: list[list] = []
    for a, b in spans:
        wa, wb, cut_left, cut_right = widen(text, a, b)
        if widened and wa <= widened[-1][1]:
            last = widened[-1]
            if wb > last[1]:
                last[1], last[3] = wb, cut_right
            continue
        widened.append([wa, wb, cut_left, cut_right])
    return widened


def excerpt(text: str, spans, pieces: int = EXCERPT_PIECES) -> str:
    """The words of ``spans`` as a person reads them: widened, joined when they meet, at most
    ``pieces`` pieces, in the order of the message."""
    return _excerpt(text, spans, pieces)[0]


def _excerpt(text: str, spans, pieces: int = EXCERPT_PIECES) -> tuple[str, list[tuple[int, int]]]:
    """The excerpt and the ranges of the message it quotes."""
    widened = _widen_all(text, sorted(spans))
    # an English word that met a Chinese clause ("VIP" + "群跟老师操作"): widen the whole as a clause
    if any(_is_cjk_span(text, wa, wb) and not _is_cjk_span(text, wa, wa + 1) for wa, wb, _l, _r in widened):
        widened = _widen_all(text, [(wa, wb) for wa, wb, _l, _r in widened])
    out, ranges = [], []
    for wa, wb, cut_left, cut_right in widened[:pieces]:
        words = " ".join(text[wa:wb].split())
        if not words:
            continue
        out.append(("…" if cut_left else "") + words + ("…" if cut_right else ""))
        ranges.append((wa, wb))
    return " … ".join(out), ranges


def _link_spans(text: str, signals) -> tuple[tuple[int, int], ...]:
    spans = [span for s in signals if s.id.startswith("link_") for span in s.spans]
    spans += [m.span() for m in _URL.finditer(text)]
    return _union(spans)


def _place(groups: list, signal: Signal, own: list, text: str) -> None:
    """Add ``signal`` (its spans ``own``) to the finding that already shows all its words (as a
    person reads them: whole words, Chinese clauses), or start a finding of its own."""
    seen = [widen(text, a, b)[:2] for a, b in own]
    same_side = [g for g in groups if (g[0][0].weight > 0) == (signal.weight > 0)]
    reported = [span for g in same_side for span in g[2]]
    if same_side and all(_overlaps(span, reported) for span in seen):
        # nothing new: join the finding that shares most of these words
        target = max(same_side, key=lambda g: sum(_overlaps(span, g[2]) for span in seen))
        target[0].append(signal)
        target[1] = list(_union(target[1] + own))
        target[2] = list(_union(target[2] + seen))
        return
    groups.append([[signal], list(_union(own)), list(_union(seen))])


def _findings(result: Result, text: str) -> tuple[tuple[Finding, ...], Finding | None]:
    links = _link_spans(text, result.signals)
    groups: list[list] = []  # [signals, spans, the spans widened as shown]
    rules = [s for s in result.signals if s.id not in WORDING_IDS and s.spans]
    # warnings strongest first, then signs of a genuine message strongest first
    rules.sort(key=lambda s: (s.weight < 0, -abs(s.weight)))
    deferred = []
    for signal in rules:
        is_link = signal.id.startswith("link_")
        own = [span for span in signal.spans if is_link or not _inside(span, links)]
        if not own:  # only words inside a link: they join the link's finding, once it is there
            deferred.append(signal)
            continue
        _place(groups, signal, own, text)
    for signal in deferred:
        target = next((g for g in groups if (g[0][0].weight > 0) == (signal.weight > 0) and _overlaps(signal.spans[0], g[1])), None)
        if target is not None:
            target[0].append(signal)
        else:
            _place(groups, signal, list(signal.spans), text)
    findings = []
    quoted: list[tuple[int, int]] = []  # what the findings before this one quote (same side)
    for members, spans, _seen in groups:
        if members[0].weight < 0 and findings and not findings[-1].genuine:
            quoted = []
        # quote the words this finding adds; the words already quoted above stay marked in the message
        new = [span for span, wide in zip(sorted(spans), _wide_each(text, sorted(spans))) if not _overlaps(wide, quoted)]
        words, ranges = _excerpt(text, new or spans)
        findings.append(Finding(tuple(members), _marks(text, [span for s in members for span in s.spans]), words))
        quoted += ranges
    wording = next((s for s in result.signals if s.id in WORDING_IDS and s.spans), None)
    footnote = Finding((wording,), _marks(text, wording.spans), excerpt(text, wording.spans)) if wording else None
    return tuple(findings), footnote


def _wide_each(text: str, spans) -> list[tuple[int, int]]:
    return [widen(text, a, b)[:2] for a, b in spans]


def _marks(text: str, spans) -> tuple[tuple[int, int], ...]:
    """Where to mark a finding in the message: its spans, an English one as whole words ("send 5"
    marks "send 500"); a Chinese one as found (a whole clause would mark too much)."""
    out = []
    for a, b in spans:
        if not _is_cjk_span(text, a, b):
            a, b = widen(text, a, b)[:2]
        out.append((a, b))
    return _union(out)


def present(result: Result, text: str, helplines_shown: bool = True) -> Shown:
    """What to show for ``result``, the check of ``text``. ``helplines_shown``: the region's
    numbers are shown with the result (so the "call the helpline" advice would repeat them)."""
    findings, wording = _findings(result, text)
    types = _types(result)
    outweighed = result.verdict == "low"
    if outweighed:  # the signs that carried the verdict first, the outweighed words after them
        findings = tuple(f for f in findings if f.genuine) + tuple(f for f in findings if not f.genuine)
    return Shown(findings, wording, types, _advice(result, types, helplines_shown), outweighed)


def channel_line(value: str | None, name: str) -> str:
    """'110 Police'; '96110 anti-fraud warning line' when the (translated) name already holds
    the number, which is then not repeated ('96110反诈预警劝阻专线' gives '96110 反诈预警劝阻专线')."""
    if not value:
        return name
    rest = name_beside_number(value, name)
    return f"{value} {rest}" if rest else value


def call_heading(channels, definite: bool) -> str:
    """The heading over the numbers to call after a check (the screen and ``check --format text``).

    After "this looks like a scam" it says call now, never "still not sure?", which would undercut
    the verdict; a list that holds a website as well (the US, Australia) says "or report"."""
    if only_phones(channels):
        return _("Call now to check:") if definite else _("Still not sure? Call:")
    return _("Call now to check, or report:") if definite else _("Still not sure? Call or report:")
