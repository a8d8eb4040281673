"""Text normalisation that remembers where every character came from.

Scammers write 验 证 码, ｖｅｒｉｆｙ, 驗證碼 or slip zero-width characters between
letters so that keyword filters miss them. Before matching we build two views of
the pasted text:

* ``norm``: NFKC (full-width -> half-width, compatibility forms), lower case,
  Traditional -> Simplified (one character for one character), invisible
  characters dropped, runs of white space collapsed to one space, letter-spaced
  words joined ("g i f t c a r d" reads "giftcard"). English
  patterns, links and phone numbers are read from this view.
* ``dense``: ``norm`` without spaces, punctuation and decorative symbols, so
  that 验-证-码 and 验 证 码 read as 验证码. Chinese patterns are read from it.

Each view keeps, for every character, the start and end index of the original
character(s) it came from, so a match in a view becomes a span in the text the
person pasted. Everything is one pass over the text: linear time.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from core.selfcheck._t2s import SOURCE, TARGET

_T2S = str.maketrans(SOURCE, TARGET)

# Kept in the dense view although they are symbols: currency, and "+" of phone numbers.
_KEEP_SYMBOLS = set("$¥£€+")


class View:
    """A view's text and, for each of its characters, the original span it came from.

    Given either per character (``starts`` and ``ends``), or as runs: ``runs`` is two lists,
    the view index where each run begins and the original index it came from, a run mapping one
    character to one (the usual case: most text maps one for one). Runs are cheaper to build;
    ``starts`` and ``ends`` are made from them when asked for."""

    __slots__ = ("text", "_starts", "_ends", "_runs")

    def __init__(self, text: str, starts=None, ends=None, runs: tuple[list[int], list[int]] | None = None):
        self.text = text
        self._starts = tuple(starts) if starts is not None else None
        self._ends = tuple(ends) if ends is not None else None
        self._runs = runs
        if runs is None and (self._starts is None or self._ends is None):
            raise ValueError("a view needs per-character starts and ends, or runs")

    @property
    def starts(self) -> tuple[int, ...]:
        """The original start index of each character of ``text``."""
        if self._starts is None:
            at, origin = self._runs
            bounds = at[1:] + [len(self.text)]
            self._starts = tuple(i for a, b, o in zip(at, bounds, origin) for i in range(o, o + b - a))
        return self._starts

    @property
    def ends(self) -> tuple[int, ...]:
        """The original end index (exclusive) of each character of ``text``."""
        if self._ends is None:
            self._ends = tuple(i + 1 for i in self.starts)
        return self._ends

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The original span of ``text[start:end]``; None for an empty range."""
        if end <= start or start < 0 or end > len(self.text):
            return None
        if self._starts is not None:
            return self._starts[start], self._ends[end - 1]
        at, origin = self._runs
        i = bisect_right(at, start) - 1
        j = bisect_right(at, end - 1, i) - 1
        return origin[i] + start - at[i], origin[j] + end - at[j]

    def __eq__(self, other) -> bool:
        if not isinstance(other, View):
            return NotImplemented
        return (self.text, self.starts, self.ends) == (other.text, other.starts, other.ends)

    def __hash__(self) -> int:
        return hash((self.text, self.starts, self.ends))

    def __repr__(self) -> str:
        return f"View({self.text!r})"


@dataclass(frozen=True)
class Normalized:
    original: str
    norm: View
    dense: View


_cache: dict[str, str] = {}


def _char(c: str) -> str:
    """What one original character becomes in the ``norm`` view ("" if invisible)."""
    out = _cache.get(c)
    if out is not None:
        return out
    category = unicodedata.category(c)
    if category in ("Cf", "Cc", "Cs", "Co", "Cn") and not c.isspace():
        out = ""  # zero-width, direction marks, control characters, lone surrogates, unassigned
    elif category == "Mn" and 0xFE00 <= ord(c) <= 0xFE0F:
        out = ""  # variation selectors
    elif c.isspace():
        out = " "
    else:
        out = unicodedata.normalize("NFKC", c).lower().translate(_T2S)
        out = "".join(" " if ch.isspace() else ch for ch in out if unicodedata.category(ch) != "Cf")
    if len(_cache) < 200_000:
        _cache[c] = out
    return out


_dense_cache: dict[str, bool] = {}


def _dense_keeps(ch: str) -> bool:
    keep = _dense_cache.get(ch)
    if keep is None:
        category = unicodedata.category(ch)
        keep = ch in _KEEP_SYMBOLS or not (category[0] in "PZ" or category in ("Sk", "So", "Sm"))
        _dense_cache[ch] = keep
    return keep


# Four or more single Latin letters in a row, each apart by one space or mark: "g i f t", "c.a.r.d".
_SPACED = re.compile(r"(?<![a-z0-9])[a-z](?:[ .*_\-][a-z](?![a-z0-9])){3,}")


def _join_spaced_letters(chars: list[str], starts: list[int], ends: list[int]):
    """Drop the separators of letter-spaced words, so "g i f t c a r d" reads "giftcard"."""
    text = "".join(chars)
    drop: set[int] = set()
    for match in _SPACED.finditer(text):
        drop.update(i for i in range(match.start(), match.end()) if not text[i].isalpha())
    keep = [i for i in range(len(chars)) if i not in drop]
    return [chars[i] for i in keep], [starts[i] for i in keep], [ends[i] for i in keep]


class _FilledOnUse(dict):
    """A str.translate table, filled on first use: ``value_of(character)`` for each character
    met (at most 200,000 kept)."""

    def __init__(self, value_of):
        super().__init__()
        self.value_of = value_of

    def __missing__(self, code: int) -> str:
        value = self.value_of(chr(code))
        if len(self) < 200_000:
            self[code] = value
        return value


_IRREGULAR = "\x00"  # never in a norm view: control characters are dropped from it
# each character to what it becomes in the ``norm`` view when that is exactly one character,
# else to _IRREGULAR (it vanishes or becomes several: the text takes the character-by-character way)
_NORM_TABLE = _FilledOnUse(lambda c: out if len(out := _char(c)) == 1 else _IRREGULAR)
# over ``norm`` text: a character the dense view leaves out becomes "\x00", the others stay
_DENSE_TABLE = _FilledOnUse(lambda c: c if _dense_keeps(c) else "\x00")
_SPACE_RUN = re.compile(" {2,}")
_DROPPED_RUN = re.compile("\x00+")


def normalize(text: str) -> Normalized:
    """The two views of ``text`` (see the module's docstring), in linear time.

    Most text maps one character to one, and takes a way that lets C do the per-character work
    (``str.translate`` through tables filled on first use). Text with a character that vanishes
    or becomes several (zero-width marks, ligatures) takes the character-by-character way,
    which gives the same views for any text (tests/core/selfcheck/test_normalize.py checks the
    two against each other).
    """
    mapped = text.translate(_NORM_TABLE)
    if _IRREGULAR in mapped:
        return _normalize_by_character(text)
    # runs of white space become one space, and a leading one goes
    keep = []
    begin = len(mapped) - len(mapped.lstrip(" "))
    for run in _SPACE_RUN.finditer(mapped, begin):
        keep.append((begin, run.start() + 1))
        begin = run.end()
    keep.append((begin, len(mapped)))
    norm_text = "".join(mapped[a:b] for a, b in keep)  # mapped[i] came from text[i]
    at, total = [], 0
    for a, b in keep:
        at.append(total)
        total += b - a
    norm = View(norm_text, runs=(at, [a for a, _ in keep]))
    if _SPACED.search(norm_text):
        chars, n_starts, n_ends = _join_spaced_letters(list(norm_text), list(norm.starts), list(norm.ends))
        norm = View("".join(chars), n_starts, n_ends)
        norm_text = norm.text

    marked = norm_text.translate(_DENSE_TABLE)
    if "\x00" not in marked:
        return Normalized(text, norm, norm)  # nothing to leave out: the dense view is the same
    pieces = []
    begin = 0
    for run in _DROPPED_RUN.finditer(marked):
        a, b = run.span()
        pieces.append((begin, a))
        # keep one separator between two numbers, so "482913, 5 minutes" never reads as 4829135
        if a > 0 and b < len(marked) and marked[a - 1].isdigit() and marked[b].isdigit():
            pieces.append((b - 1, b))
        begin = b
    pieces.append((begin, len(marked)))
    dense_text = "".join(norm_text[a:b] for a, b in pieces)
    if norm._runs is None:
        starts, ends = norm.starts, norm.ends
        dense = View(dense_text, [i for a, b in pieces for i in starts[a:b]], [i for a, b in pieces for i in ends[a:b]])
    else:
        dense = View(dense_text, runs=_through_runs(pieces, norm._runs, len(norm_text)))
    return Normalized(text, norm, dense)


def _through_runs(pieces: list[tuple[int, int]], runs: tuple[list[int], list[int]], length: int) -> tuple[list[int], list[int]]:
    """The runs of a view made of ``pieces`` (spans of another view, in order) of a view with ``runs``:
    a piece that crosses a run's end is cut there."""
    at, origin = runs
    bounds = at[1:] + [length]
    out_at: list[int] = []
    out_origin: list[int] = []
    total = 0
    i = 0
    for a, b in pieces:
        if a >= b:
            continue
        while bounds[i] <= a:
            i += 1
        while a < b:
            stop = min(b, bounds[i])
            if stop > a:
                out_at.append(total)
                out_origin.append(origin[i] + a - at[i])
                total += stop - a
                a = stop
            if a < b:
                i += 1
    return out_at, out_origin


def _normalize_by_character(text: str) -> Normalized:
    norm_chars: list[str] = []
    n_starts: list[int] = []
    n_ends: list[int] = []
    last_space = True  # drop leading spaces
    for index, c in enumerate(text):
        out = _char(c)
        if not out:
            continue
        for ch in out:
            if ch == " ":
                if last_space:
                    continue
                last_space = True
            else:
                last_space = False
            norm_chars.append(ch)
            n_starts.append(index)
            n_ends.append(index + 1)
    if _SPACED.search("".join(norm_chars)):
        norm_chars, n_starts, n_ends = _join_spaced_letters(norm_chars, n_starts, n_ends)
    norm = View("".join(norm_chars), tuple(n_starts), tuple(n_ends))

    d_chars: list[str] = []
    d_starts: list[int] = []
    d_ends: list[int] = []
    dropped = None  # the last character left out since the last one kept
    for ch, start, end in zip(norm_chars, n_starts, n_ends):
        if _dense_keeps(ch):
            # keep one separator between two numbers, so "482913, 5 minutes" never reads as 4829135
            if dropped is not None and ch.isdigit() and d_chars and d_chars[-1].isdigit():
                d_chars.append(dropped[0])
                d_starts.append(dropped[1])
                d_ends.append(dropped[2])
            d_chars.append(ch)
            d_starts.append(start)
            d_ends.append(end)
            dropped = None
        else:
            dropped = (ch, start, end)
    dense = View("".join(d_chars), tuple(d_starts), tuple(d_ends))
    return Normalized(text, norm, dense)
