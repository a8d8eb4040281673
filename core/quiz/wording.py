"""How an answer's explanation reads under the label the quiz puts before it.

Question writers often open an option's feedback with the verdict ("Yes.", "No.", "Right.")
and an explanation with the answer ("Scam.", "Genuine."). The screen already says that in
its own label ("✔ Right answer: …", "Not right. It is a scam."), so the repeated word is
dropped: "Right answer: No." would even seem to contradict itself. A word is dropped only
when it says the same as the label, and only when a sentence follows.
"""

from __future__ import annotations

import re

# The opening sentences that merely repeat a label, in the shipped languages, by what they say.
ECHOES = {
    "right": ("Yes", "Right", "Correct", "是的", "对", "答对了", "没错", "正确", "沒錯", "對", "答對了", "正確"),
    "wrong": ("No", "Wrong", "Not right", "不对", "不是", "错", "不正确", "不對", "錯", "不正確"),
    "scam": ("Scam", "It is a scam", "诈骗", "是诈骗", "詐騙", "是詐騙"),
    "genuine": ("Genuine", "It is genuine", "真的", "真实", "是真的", "真實"),
}
_END = r"(?:[.!]\s+|[。！])"
_PATTERNS = {
    kind: re.compile(r"^(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")" + _END)
    for kind, words in ECHOES.items()
}


def drop_echo(text: str, says: str) -> str:
    """``text`` without an opening sentence that only says ``says`` ("right", "wrong",
    "scam" or "genuine"), which the label before it has already said."""
    pattern = _PATTERNS.get(says)
    match = pattern.match(text) if pattern else None
    if match is None or not text[match.end():].strip():
        return text
    return text[match.end():].lstrip()


def choice_counts(correct: frozenset[int] | set[int], chosen: frozenset[int] | set[int]) -> tuple[int, int, int]:
    """A multiple-choice answer in words a person counts: (right picks, wrong picks, missed)."""
    chosen, correct = set(chosen), set(correct)
    return len(chosen & correct), len(chosen - correct), len(correct - chosen)
