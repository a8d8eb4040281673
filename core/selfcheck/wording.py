"""The wording model: how close a message's words are to the labelled messages in corpus/selfcheck.

Rules name tactics; they miss a scam worded in a way nobody wrote a pattern for. The wording
model is a second opinion learned from the labelled corpus (core/selfcheck/train.py writes
``content/selfcheck/wording_table.json``; ``content/selfcheck/wording.yaml`` says how much it
counts). It is a naive-Bayes style table of log-odds for short pieces of text:

* Chinese: every pair and triple of consecutive Chinese characters of the "dense" view
  (spaces, punctuation and Traditional forms already folded), e.g. 验证, 保证金;
* English: every word and every pair of consecutive words of the "norm" view.

A message's scam score is the sum of the log-odds of the pieces it contains (each piece
counted once). Each piece remembers where it first occurs, so the words that weigh most can
be highlighted in the original text like any other signal. Everything is one pass over the
text (linear time), and nothing is looked up anywhere.
"""

from __future__ import annotations

import json
import math
import re
import sys
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from core.selfcheck.normalize import Normalized, normalize

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z]+")
# Artefacts of how the corpus is written, not of how scams are worded: the fictional domains
# every example must use (.test, .example, .invalid) and the placeholder 某 ("some bank").
# Links are judged by the link rules; the model ignores these pieces.
_IGNORED_WORDS = frozenset({"test", "example", "invalid", "http", "https", "www", "com", "net", "org"})
_IGNORED_CHARS = "某"


def features(views: Normalized) -> set[str]:
    """Every piece of text the model can weigh ("z" + Chinese pair or triple, "w" + word, "b" + word pair)."""
    out: set[str] = set()
    for run in _CJK.finditer(views.dense.text):
        chars = run.group(0)
        out.update("z" + chars[i : i + 2] for i in range(len(chars) - 1))
        out.update("z" + chars[i : i + 3] for i in range(len(chars) - 2))
    if _IGNORED_CHARS in views.dense.text:
        out = {piece for piece in out if _IGNORED_CHARS not in piece}
    words = [w for w in _WORD.findall(views.norm.text) if w not in _IGNORED_WORDS]
    out.update("w" + w for w in words)
    out.update("b" + a + "_" + b for a, b in zip(words, words[1:]))
    return out


#: a sentence or clause end: a highlighted phrase never runs across one
_BREAK = re.compile(r"[，。！？；：、!?;:\n…]|[,.](?!\d)")


def _is_letter(ch: str) -> bool:
    return "a" <= ch <= "z"


def _find_word(text: str, word: str, start: int = 0) -> int:
    """Index of ``word`` as a whole word (not inside a longer one) at or after ``start``, or -1."""
    while True:
        index = text.find(word, start)
        if index < 0:
            return -1
        end = index + len(word)
        if (index == 0 or not _is_letter(text[index - 1])) and (end == len(text) or not _is_letter(text[end])):
            return index
        start = index + 1


def locate(views: Normalized, piece: str) -> tuple[int, int] | None:
    """Where ``piece`` first occurs in the pasted text (only asked for the few pieces shown)."""
    kind, body = piece[:1], piece[1:]
    if kind == "z":
        # the dense view has no punctuation: a pair read across "，" or "。" is no phrase to show
        view = views.dense
        start = view.text.find(body)
        while start >= 0:
            span = view.span(start, start + len(body))
            if span is not None and not _BREAK.search(views.original, span[0], span[1]):
                return span
            start = view.text.find(body, start + 1)
        return None
    view = views.norm
    text = view.text
    if kind == "w":
        start = _find_word(text, body)
        return view.span(start, start + len(body)) if start >= 0 else None
    first, _, second = body.partition("_")
    start = _find_word(text, first)
    while start >= 0:
        after = start + len(first)
        while after < len(text) and not _is_letter(text[after]):
            after += 1
        if after > start + len(first) and text.startswith(second, after) and _find_word(text, second, after) == after and not _BREAK.search(text, start + len(first), after):
            return view.span(start, after + len(second))
        start = _find_word(text, first, start + 1)
    return None


@dataclass
class WordingModel:
    """The learned table. Empty (``known`` False) when the table is missing: the checker then runs on rules alone."""

    scam: dict[str, float] = field(default_factory=dict)
    #: the scam types, in the order of the fields of ``type_rows``
    type_names: tuple[str, ...] = ()
    #: for each piece seen in a scam, its log-odds for each type, packed into one integer (see
    #: ``pack_row``): the rows of a message are added up with one ``sum()``, exactly, whatever
    #: order a set gives them in, and a packed row takes less memory than an array of floats
    type_rows: dict[str, int] = field(default_factory=dict, repr=False)
    trained_on: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.scam)

    def known_pieces(self, pieces: set[str]) -> set[str]:
        """The pieces of ``features()`` that the table has log-odds for (what the methods below take)."""
        return pieces & self.scam.keys()

    def score(self, known: set[str]) -> float:
        """The scam score: the sum of the log-odds of the known pieces (summed exactly, so the
        order a set gives them in, which differs between runs, never moves the last digit)."""
        return math.fsum(map(self.scam.__getitem__, known))

    def ranked(self, known: set[str], scam_like: bool, count: int) -> list[tuple[float, str]]:
        """The ``count`` weightiest known pieces on one side, weightiest first, with their
        log-odds: the most scam-like (above zero), or the most genuine-like (zero or below)."""
        table = self.scam
        if scam_like:
            side = [(-w, key) for key in known if (w := table[key]) > 0]
        else:
            side = [(w, key) for key in known if (w := table[key]) <= 0]
        side.sort()
        return [(-w, key) for w, key in side[:count]] if scam_like else side[:count]

    def type_probabilities(self, known: set[str], temperature: float = 1.0) -> dict[str, float]:
        """For each scam type, how likely the wording belongs to it (softmax of the per-type sums
        divided by ``temperature``: above 1, the model is less sure of itself)."""
        names, packed = self.type_names, self.type_rows
        rows = [packed[key] for key in known & packed.keys()]
        if not rows:
            return {}
        sums = dict(zip(names, (s / temperature for s in unpack_sum(sum(rows), len(rows), len(names)))))
        top = max(sums.values())
        exp = {t: math.exp(max(-50.0, s - top)) for t, s in sums.items()}
        total = sum(exp.values())
        return {t: v / total for t, v in exp.items()}


# A packed row: one field of _FIELD bits per type, each holding the log-odds in fixed point
# (times _SCALE, rounded: 6e-8 apart) plus _BIAS, so every field is positive and adding rows adds
# each field on its own. The fields cannot overflow into each other: |log-odds| < 2**10, so a
# field holds under 2**41 per row, and under 2**64 for up to 2**23 rows (the whole table is far
# fewer). Integers add exactly: the sums never depend on the order of the rows.
_FIELD = 64
_SCALE = 2**24
_BIAS = 2**40
_MASK = (1 << _FIELD) - 1


def pack_row(values) -> int:
    """Log-odds for each type (each under 2**10 in size) as one packed row."""
    if values and not (-(2**10) < min(values) and max(values) < 2**10):
        raise ValueError(f"log-odds out of range in {values!r}")
    fields = array("Q", [round(value * _SCALE) + _BIAS for value in values])  # field i at bits 64i..
    if sys.byteorder == "big":
        fields.byteswap()
    return int.from_bytes(fields.tobytes(), "little")


def unpack_sum(total: int, rows: int, width: int) -> list[float]:
    """The per-type sums of ``rows`` packed rows added up into ``total``."""
    bias = rows * _BIAS
    return [(((total >> (_FIELD * i)) & _MASK) - bias) / _SCALE for i in range(width)]


def load_table(path: Path, scam_smoothing: float = 0.5, type_smoothing: float = 0.1) -> tuple[WordingModel, str | None]:
    """The table at ``path`` (counts, see core/selfcheck/train.py) as log-odds, or an empty model and why."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return WordingModel(), f"{Path(path).name} not found: run python -m core.selfcheck.train"
    except (OSError, ValueError) as exc:
        return WordingModel(), f"{Path(path).name} cannot be read: {exc}"
    try:
        scam: dict[str, float] = {}
        rows: dict[str, int] = {}
        n_scam, n_genuine = int(data["messages"]["scam"]), int(data["messages"]["genuine"])
        n_types = {str(t): int(n) for t, n in data["messages"]["types"].items()}
        names = tuple(n_types)
        in_scams, in_genuine = _Logs(scam_smoothing, n_scam), _Logs(scam_smoothing, n_genuine)
        # for each type: how often a piece is in its messages, and in the other scams'
        in_type = [_Logs(type_smoothing, n_types[t]) for t in names]
        in_rest = [_Logs(type_smoothing, n_scam - n_types[t]) for t in names]
        per_type = tuple(zip(in_type, in_rest))
        for key, c_scam, c_genuine, by_type in piece_counts(data):
            scam[key] = in_scams[c_scam] - in_genuine[c_genuine]
            if c_scam:
                rows[key] = pack_row([inside[c_t] - outside[c_scam - c_t] for (inside, outside), c_t in zip(per_type, by_type)])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return WordingModel(), f"{Path(path).name} has a malformed table: {exc!r}"
    return WordingModel(scam, names, rows, tuple(str(f) for f in data.get("trained_on", ()))), None


class _Logs(dict):
    """log((count + smoothing) / (total + 2 * smoothing)) by count, each worked out once: the
    table has tens of thousands of pieces, with few different counts."""

    def __init__(self, smoothing: float, total: int):
        super().__init__()
        self.smoothing = smoothing
        self.total = total + 2 * smoothing

    def __missing__(self, count: int) -> float:
        value = self[count] = math.log((count + self.smoothing) / self.total)
        return value


def piece_counts(table: dict):
    """Each piece of a table written by core/selfcheck/train.py: (key, scam messages, genuine
    messages, scam messages of each type in the order of ``table["messages"]["types"]``).
    Raises ValueError when the counts do not fit the keys."""
    keys, counts = table["keys"], table["counts"]
    width = 2 + len(table["messages"]["types"])
    if not isinstance(keys, list) or not isinstance(counts, list) or len(counts) != width * len(keys):
        raise ValueError(f"{len(counts)} counts for {len(keys)} keys of {width} each")
    for i, key in enumerate(keys):
        row = counts[i * width : (i + 1) * width]
        yield str(key), int(row[0]), int(row[1]), [int(c) for c in row[2:]]


def text_features(text: str) -> set[str]:
    """Convenience for tools: the features of a raw text."""
    return features(normalize(text))
