"""Pinyin to Chinese for the on-screen keyboard: plain Python, no Qt.

The tables in ui/pinyin/ are generated at build time by tools/build_pinyin_table.py (see
ui/pinyin/README.md for their sources and licences). A table is read the first time someone types
pinyin in that script, never at start-up, and it is only read: nothing a visitor types is
learnt, stored or logged.

Pinyin is typed in Latin letters (``lv`` for lü); the Traditional table also comes keyed by
zhuyin (ㄆㄧㄢㄗ, without tone marks), for Taiwan.

``candidates("pianzi")`` gives the words for the whole input first, then words whose pinyin
starts with it (the last syllable still being typed), then words for the input's longest
beginnings (``woshipianzi``: 我是, then 我 ...). Each candidate says how many letters it uses up, so
choosing 我是 leaves ``pianzi`` to go on with.
"""

from __future__ import annotations

import bisect
import gzip
from dataclasses import dataclass
from pathlib import Path

TABLE_DIR = Path(__file__).resolve().parent / "pinyin"
SCRIPTS = ("zh_Hans", "zh_Hant")  # keyed by pinyin
ZHUYIN = "zh_Hant_zhuyin"  # Traditional, keyed by zhuyin (bopomofo)
TABLES = (*SCRIPTS, ZHUYIN)
PREFIX_WORDS = 24  # completions of an unfinished last syllable: the most frequent ones
LIMIT = 120  # candidates offered for one input, at most


@dataclass(frozen=True)
class Candidate:
    text: str
    length: int  # how many letters of the input it stands for


class PinyinTable:
    def __init__(self, path: Path):
        # The lines stay text until a key is looked up: reading is then quick (decompress and
        # split), and the table takes a few MB rather than the tens a parsed one would.
        self.lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
        self.keys = [line[: line.index("\t")] for line in self.lines]

    def entries(self, key: str) -> list[tuple[str, int]]:
        """(word, frequency) for one pinyin key, most frequent first."""
        index = bisect.bisect_left(self.keys, key)
        if index == len(self.keys) or self.keys[index] != key:
            return []
        return self._parse(index)

    def _parse(self, index: int, limit: int = -1) -> list[tuple[str, int]]:
        parts = self.lines[index][len(self.keys[index]) + 1 :].split(" ", 2 * limit if limit > 0 else -1)
        return [(parts[i], int(parts[i + 1])) for i in range(0, len(parts) - 1, 2)][: limit if limit > 0 else None]

    def exact(self, key: str) -> list[str]:
        return [word for word, _freq in self.entries(key)]

    def completions(self, prefix: str, limit: int = PREFIX_WORDS) -> list[str]:
        """The most frequent words whose pinyin starts with ``prefix`` (and is longer)."""
        start = bisect.bisect_right(self.keys, prefix)
        end = bisect.bisect_left(self.keys, prefix + "\uffff")
        found: list[tuple[int, str]] = []
        per_key = limit if end - start <= 200 else 6  # one letter ("s") spans thousands of keys: their best few will do
        for index in range(start, end):
            found += [(freq, word) for word, freq in self._parse(index, per_key)]
        found.sort(key=lambda item: -item[0])
        return [word for _freq, word in found[:limit]]

    def candidates(self, typed: str) -> list[Candidate]:
        typed = typed.lower()
        out: list[Candidate] = []
        seen: set[tuple[str, int]] = set()

        def add(words: list[str], length: int) -> None:
            for word in words:
                if (word, length) not in seen:
                    seen.add((word, length))
                    out.append(Candidate(word, length))

        add(self.exact(typed), len(typed))
        if len(typed) >= 2 or not out:
            add(self.completions(typed), len(typed))
        for length in range(len(typed) - 1, 0, -1):
            if len(out) >= LIMIT:
                break
            add(self.exact(typed[:length]), length)
        return out[:LIMIT]


_tables: dict[str, PinyinTable] = {}


def table(script: str) -> PinyinTable:
    """The table for ``zh_Hans`` or ``zh_Hant`` (pinyin) or ``zh_Hant_zhuyin``, read on first use."""
    if script not in _tables:
        _tables[script] = PinyinTable(TABLE_DIR / f"{script}.txt.gz")
    return _tables[script]


def loaded() -> set[str]:
    return set(_tables)


def script_for(locale: str) -> str | None:
    """Which table a language types with: None for a language typed in Latin letters."""
    lang, _sep, rest = locale.replace("-", "_").partition("_")
    if lang != "zh":
        return None
    return "zh_Hant" if rest in ("TW", "HK", "MO", "Hant") or rest.startswith("Hant") else "zh_Hans"
