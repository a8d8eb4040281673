"""Scoring each question format. Every score is between 0 and 1.

* single choice and "scam or genuine?": 1 or 0;
* multiple choice: max(0, (right picks - wrong picks) / number of correct options);
* red flags: max(0, (flags found - wrong taps) / number of flags);
* scenario: 1 if the conversation ends safe, else 0.

Red flags are tapped as segments of the message as shown: the flag phrases (found in
the message in the language on screen) and the words or clauses between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
# 5000元, 30分钟), or a run of Chinese characters, which is cut into pieces of two (the last
# of three when the run is odd). Chinese has no spaces; short even pieces keep the flag
# phrases from standing out by their size. Spaces and punctuation join the piece before.
_UNITS = "分钟|小时|个月|個月|小時|分鐘|[元块塊万萬亿億个個次天岁歲年月日号號倍单單笔筆张張名位件台人秒分%]"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(
    rf"[0-9](?:[0-9.,%]*[0-9%])?(?:{_UNITS})?"
    r"|[A-Za-z\u00c0-\u024f](?:[0-9A-Za-z\u00c0-\u024f'\u2019.,%/@:_+-]*[0-9A-Za-z\u00c0-\u024f%])?"
    rf"|[{_HAN}]+"
    r"|[^\s]",
)
_HAN_RUN = re.compile(rf"[{_HAN}]{{2,}}")


def _cut_han(run: str) -> list[str]:
    if len(run) <= 3:
        return [run]
    cuts = [run[i:i + 2] for i in range(0, len(run) - (3 if len(run) % 2 else 0), 2)]
    if len(run) % 2:
        cuts.append(run[-3:])
    return cuts


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
        pos = 0
        for match in _TOKEN.finditer(stretch):
            gap, token = stretch[pos:match.start()], match.group(0)
            pos = match.end()
            if gap and out:
                out[-1] = Segment(out[-1].text + gap, out[-1].flag)
            elif gap:
                out.append(Segment(gap, None))
            for piece in _cut_han(token) if _HAN_RUN.fullmatch(token) else [token]:
                if out and not any(ch.isalnum() for ch in piece):
                    out[-1] = Segment(out[-1].text + piece, out[-1].flag)
                else:
                    out.append(Segment(piece, flag))
        if pos < len(stretch):
            if out:
                out[-1] = Segment(out[-1].text + stretch[pos:], out[-1].flag)
            else:
                out.append(Segment(stretch[pos:], None))
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
