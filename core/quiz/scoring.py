"""Scoring each question format. Every score is between 0 and 1.

* single choice and "scam or genuine?": 1 or 0;
* multiple choice: max(0, (right picks - wrong picks) / number of correct options);
* red flags: max(0, (flags found - wrong taps) / number of flags);
* scenario: 1 if the conversation ends safe, else 0.

Red flags are tapped as segments of the message as shown: the flag phrases (found in
the message in the language on screen) and the words or clauses between them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.quiz.bank import Question


def score_single(question: Question, chosen: int | None) -> float:
    return 1.0 if chosen is not None and chosen in question.correct_options and len(question.correct_options) == 1 else 0.0


def score_multiple(question: Question, chosen: set[int] | frozenset[int]) -> float:
    correct = question.correct_options
    if not correct:
        return 0.0
    right = len(set(chosen) & correct)
    wrong = len(set(chosen) - correct)
    return max(0.0, (right - wrong) / len(correct))


def score_scam_or_genuine(question: Question, answer: str | None) -> float:
    return 1.0 if answer is not None and answer == question.answer else 0.0


def score_flags(number_of_flags: int, found: int, wrong_taps: int) -> float:
    if number_of_flags <= 0:
        return 0.0
    return max(0.0, (min(found, number_of_flags) - wrong_taps) / number_of_flags)


def score_scenario(question: Question, ending_id: str | None) -> float:
    ending = question.endings.get(ending_id or "")
    return 1.0 if ending is not None and ending.safe else 0.0


# --- red-flag segments ---------------------------------------------------------------------------

# Tappable pieces of a message: a Latin word, a number (with a Chinese unit stuck to it:
# 5000元, 30分钟), or a Chinese word. Chinese has no spaces: a run of Chinese characters is cut
# at word boundaries, into the most probable sequence of words of a small word list
# (zh_words.txt, made from jieba's dictionary by tools/build_zh_words.py), as jieba cuts without
# its HMM. Characters the list does not know (a message changed since the list was made) are
# cut into pieces of two. Spaces and punctuation join the piece before.
_UNITS = "分钟|小时|个月|個月|小時|分鐘|万元|萬元|[点點元块塊万萬亿億个個次天岁歲年月日号號倍单單笔筆张張名位件台人秒分%]"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(
    rf"[0-9](?:[0-9.,%]*[0-9%])?(?:{_UNITS})?"
    r"|[A-Za-z\u00c0-\u024f](?:[0-9A-Za-z\u00c0-\u024f'\u2019.,%/@:_+-]*[0-9A-Za-z\u00c0-\u024f%])?"
    rf"|[{_HAN}]+"
    r"|[^\s]",
)
_HAN_RUN = re.compile(rf"[{_HAN}]{{2,}}")
WORDS_FILE = Path(__file__).with_name("zh_words.txt")


@dataclass(frozen=True)
class WordList:
    """Chinese words with their frequency, and the total the frequencies are out of."""

    freq: dict[str, int]
    total: int

    @property
    def longest(self) -> int:
        return max(map(len, self.freq), default=1)

    @classmethod
    def read(cls, path: Path = WORDS_FILE) -> "WordList":
        freq: dict[str, int] = {}
        total = 0
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:  # no list: every run is cut into pieces of two
            lines = []
        for line in lines:
            if line.startswith("total "):
                total = int(line.split()[1])
            elif line and not line.startswith("#"):
                word, _tab, count = line.partition("\t")
                freq[word] = int(count)
        return cls(freq, max(total, sum(freq.values()), 1))


def _cut_han(run: str) -> list[str]:
    """Characters with no word to go by: pieces of two (the last of three when odd)."""
    if len(run) <= 3:
        return [run]
    cuts = [run[i:i + 2] for i in range(0, len(run) - (3 if len(run) % 2 else 0), 2)]
    if len(run) % 2:
        cuts.append(run[-3:])
    return cuts


@lru_cache(maxsize=1)
def word_list() -> WordList:
    return WordList.read()


def cut_words(run: str, words: WordList | None = None) -> list[str]:
    """Cut a run of Chinese characters into words: the split whose words' probabilities
    (frequency / total) have the largest product. A character the list does not know counts
    as a word of frequency 1; neighbouring unknown characters are then paired."""
    words = words or word_list()
    n = len(run)
    log_total = math.log(words.total)
    longest = min(words.longest, n)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        choices = []
        for j in range(i + 1, min(n, i + longest) + 1):
            freq = words.freq.get(run[i:j])
            if freq or j == i + 1:
                choices.append((math.log(freq or 1) - log_total + best[j][0], j))
        best[i] = max(choices)
    pieces, unknown, i = [], "", 0
    while i < n:
        j = best[i][1]
        piece = run[i:j]
        if j == i + 1 and piece not in words.freq:
            unknown += piece
        else:
            pieces += _cut_han(unknown) if unknown else []
            unknown = ""
            pieces.append(piece)
        i = j
    return _join_small_words(pieces + (_cut_han(unknown) if unknown else []))


# A particle reads with the word before it (您的, 丢了, 吗), a negation with the word after it
# (不方便, 别告诉): fewer pieces, and none that means nothing on its own.
_PARTICLES = set("的了吗嗎呢吧啊呀着著过過")
_NEGATIONS = set("不没沒别別未勿")


# An English article or possessive is tapped with the word after it: fewer, meaningful pieces.
_LEADING_WORDS = {"a", "an", "the", "my", "your", "our", "his", "her", "their", "its"}


def _join_small_words(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if out and piece in _PARTICLES:
            out[-1] += piece
        elif out and out[-1] in _NEGATIONS:
            out[-1] += piece
        else:
            out.append(piece)
    return out


@dataclass(frozen=True)
class Segment:
    text: str
    flag: int | None  # index of the red flag this piece belongs to, or None

    @property
    def tappable(self) -> bool:
        return any(ch.isalnum() for ch in self.text)


def segments(message: str, phrases: list[str]) -> list[Segment]:
    """Cut ``message`` into tappable pieces, each knowing which red flag (if any) it is part of.

    ``phrases`` are the red flags in the language on screen (first occurrence counts); a
    phrase not found, as with an unfinished translation, simply has no pieces."""
    owner = [None] * len(message)
    for index, phrase in enumerate(phrases):
        at = message.find(phrase) if phrase else -1
        if at >= 0 and all(o is None for o in owner[at:at + len(phrase)]):
            owner[at:at + len(phrase)] = [index] * len(phrase)
    out: list[Segment] = []
    cursor = 0
    while cursor < len(message):
        # a piece never crosses a flag boundary
        end = cursor
        while end < len(message) and owner[end] == owner[cursor]:
            end += 1
        stretch, flag = message[cursor:end], owner[cursor]
        pos, first = 0, len(out)
        for match in _TOKEN.finditer(stretch):
            gap, token = stretch[pos:match.start()], match.group(0)
            pos = match.end()
            if gap and out:
                out[-1] = Segment(out[-1].text + gap, out[-1].flag)
            elif gap:
                out.append(Segment(gap, None))
            for piece in cut_words(token) if _HAN_RUN.fullmatch(token) else [token]:
                if out and not any(ch.isalnum() for ch in piece):
                    out[-1] = Segment(out[-1].text + piece, out[-1].flag)
                elif len(out) > first and out[-1].text.rstrip(" ").lower() in _LEADING_WORDS and out[-1].text.endswith(" "):
                    out[-1] = Segment(out[-1].text + piece, flag)  # "the loan", "your account"
                else:
                    out.append(Segment(piece, flag))
        if pos < len(stretch):
            if out:
                out[-1] = Segment(out[-1].text + stretch[pos:], out[-1].flag)
            else:
                out.append(Segment(stretch[pos:], None))
        if len(out) - first > 1:  # the stretch's own pieces only: a phrase never crosses a flag's edge
            out[first:] = [Segment(text, flag) for text in phrases_of(s.text for s in out[first:])]
        cursor = end
    return out


def score_segments(number_of_flags: int, segs: list[Segment], tapped: set[int]) -> tuple[float, int, int]:
    """Score the tapped pieces: (score, flags found, wrong taps).

    A flag is found when any piece of it is tapped. A wrong tap is a run of neighbouring
    tapped pieces outside every flag (tapping the three words of one wrong phrase is one
    mistake, not three)."""
    tapped = {i for i in tapped if 0 <= i < len(segs) and segs[i].tappable}
    found = len({segs[i].flag for i in tapped if segs[i].flag is not None})
    wrong, inside = 0, False
    for i, seg in enumerate(segs):
        if not seg.tappable:
            continue
        hit = i in tapped and seg.flag is None
        if hit and not inside:
            wrong += 1
        inside = hit
    return score_flags(number_of_flags, found, wrong), found, wrong


# --- Chinese phrases -----------------------------------------------------------------------------

# Cut into words, Chinese falls apart into many one-character pieces (比 / 门店 / 价 / 只 / 剩 / 5台)
# that no longer read as a message. So each one-character word is joined to a neighbour, into
# phrases of up to PHRASE characters (a number counts as one): an ending, noun or particle to the
# word before it (解冻金, 这里是, 的), any other (a preposition, adverb, pronoun or verb) to the
# words after it (比门店, 把存款, 我一回来); one that fits neither way goes with the shorter
# neighbour, or stays alone. Never across punctuation, and never across a flag's edge (the caller
# groups each stretch on its own). Latin words are never joined, so English is cut as before.
PHRASE = 4
_BACKWARD = set("是价费金号码卡单人事里上下内外前后中时播多等") | _PARTICLES
_HAN_CHAR = re.compile(rf"[{_HAN}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _core(text: str) -> str:
    """A piece without the punctuation and spaces that trail it."""
    end = len(text)
    while end and not text[end - 1].isalnum():
        end -= 1
    return text[:end]


def _weight(core: str) -> int:
    """How long a piece reads, in characters (a number with its unit counts one more than its
    unit), or 0 for a piece that is never joined: one with a Latin letter or no Chinese or digit."""
    if not core or _LATIN.search(core):
        return 0
    han = len(_HAN_CHAR.findall(core))
    number = 1 if core[0].isdigit() else 0
    if not number and han != len(core):
        return 0
    return han + number


def phrases_of(pieces) -> list[str]:
    """The pieces of one stretch of a message (all inside one flag, or all outside every flag)
    with its one-character Chinese words joined to their neighbours. The text is kept exactly."""
    texts = list(pieces)
    weight = [_weight(_core(t)) for t in texts]
    groups = [[i] for i in range(len(texts))]

    def size(group):
        return sum(weight[i] for i in group)

    def lone(group):
        return len(group) == 1 and weight[group[0]] == 1 and not texts[group[0]][0].isdigit()

    def joinable(left, right, limit=PHRASE):
        """Whether two neighbouring groups may become one: no clause ends between them, both
        are Chinese (or numbers), and together they stay a short phrase."""
        return (
            _core(texts[left[-1]]) == texts[left[-1]]
            and all(weight[i] for i in left + right)
            and size(left) + size(right) <= limit
        )

    # an ending or particle goes with the word before it, left to right
    i = 1
    while i < len(groups):
        if lone(groups[i]) and texts[groups[i][0]][0] in _BACKWARD and joinable(groups[i - 1], groups[i]):
            groups[i - 1:i + 1] = [groups[i - 1] + groups[i]]
        else:
            i += 1
    # any other leads into what follows: a word (one more character for one long word:
    # 在高速公路), or the next lone character (帮我 | 买两张, not 帮 | 我买两张)
    i = 0
    while i + 1 < len(groups):
        after = groups[i + 1]
        limit = PHRASE + 1 if len(after) == 1 and not lone(after) else PHRASE
        if lone(groups[i]) and texts[groups[i][0]][0] not in _BACKWARD and joinable(groups[i], after, limit):
            groups[i:i + 2] = [groups[i] + after]
        i += 1
    # one still alone: with the shorter neighbour it fits with
    i = 0
    while i < len(groups):
        if lone(groups[i]):
            sides = []
            if i + 1 < len(groups) and joinable(groups[i], groups[i + 1]):
                sides.append((size(groups[i + 1]), 1))
            if i > 0 and joinable(groups[i - 1], groups[i]):
                sides.append((size(groups[i - 1]), 0))
            if sides:
                at = i + 1 if min(sides)[1] else i - 1
                low = min(at, i)
                groups[low:low + 2] = [groups[low] + groups[low + 1]]
                i = low
                continue
        i += 1
    return ["".join(texts[j] for j in group) for group in groups]
