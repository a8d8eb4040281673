#!/usr/bin/env python3
"""Generate the on-screen keyboard's pinyin tables (ui/pinyin/*.txt.gz) from public data.

    python tools/build_pinyin_table.py

Run it at build time, not at run time: its inputs are pinned in requirements-dev.txt and the
generated tables are committed, so the app itself needs none of these packages.

Inputs (all MIT-licensed, see ui/pinyin/README.md):

* jieba 0.42.1, ``jieba/dict.txt``: Chinese words with their frequency in a large corpus. We
  keep every single character and each word of 2 to 4 characters seen at least ``MIN_FREQ``
  times (the few Traditional forms in it are left out of the Simplified table);
* pypinyin 0.55.0: the reading of each word (its phrase dictionary picks the right reading of a
  character with several) and every reading of a single character (all but the first weighted
  down by ``HETERONYM_DISCOUNT``);
* opencc-python-reimplemented 0.1.7: the Traditional table. Words go through ``s2twp`` (Taiwan
  characters and Taiwan wording); a single character is listed with every Traditional character
  it stands for (发 -> 發, 髮), so the right one can be chosen.

Output: ``zh_Hans`` and ``zh_Hant`` keyed by toneless pinyin (``lv`` for lü), and
``zh_Hant_zhuyin`` (Traditional) keyed by toneless zhuyin (bopomofo, ㄆㄧㄢㄗ), the readings
pypinyin gives. Each is gzip-compressed UTF-8 text, one line per key, sorted by key:
``key<TAB>word freq word freq ...``, words by frequency, highest first.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ui" / "pinyin"
MIN_FREQ = 20
MAX_LEN = 4
HETERONYM_DISCOUNT = 10
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
KEY = re.compile(r"^[a-z]+$")
ZHUYIN_KEY = re.compile(r"^[\u3105-\u3129]+$")  # bopomofo letters, no tone marks
TONE_MARKS = str.maketrans("", "", "ˊˇˋ˙")


def read_jieba() -> list[tuple[str, int]]:
    import jieba

    rows = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, freq, *_ = line.split()
            freq = int(freq)
            if not HAN.match(word) or len(word) > MAX_LEN:
                continue
            if len(word) == 1 or freq >= MIN_FREQ:
                rows.append((word, freq))
    return rows


def simplified_table(rows: list[tuple[str, int]], zhuyin: bool = False) -> dict[str, dict[str, int]]:
    """Toneless pinyin (or, with ``zhuyin``, toneless bopomofo) -> {word: weight}."""
    import opencc
    from pypinyin import Style, lazy_pinyin, pinyin

    style = Style.BOPOMOFO if zhuyin else Style.NORMAL
    pattern = ZHUYIN_KEY if zhuyin else KEY
    to_simplified = opencc.OpenCC("t2s")
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for word, freq in rows:
        if to_simplified.convert(word) != word:
            continue  # jieba lists a few Traditional forms; the Simplified table has none
        if len(word) == 1:
            # A character's first reading is its usual one; the others (省 is also xing, as in
            # 反省) count for less, or 省 would come before 行 and 性 for xing.
            readings = pinyin(word, style=style, heteronym=True)[0]
            keys = [(reading, freq if index == 0 else freq // HETERONYM_DISCOUNT) for index, reading in enumerate(readings)]
        else:
            keys = [("".join(lazy_pinyin(word, style=style)), freq)]
        for key, weight in keys:
            key = key.replace("ü", "v").translate(TONE_MARKS)
            if pattern.match(key):
                table[key][word] = max(weight, table[key].get(word, 0))
    return table


def traditional_table(table: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    import opencc

    converter = opencc.OpenCC("s2twp")
    alternatives: dict[str, list[str]] = {}
    with open(Path(opencc.__file__).parent / "dictionary" / "STCharacters.txt", encoding="utf-8") as handle:
        for line in handle:
            simplified, _tab, traditional = line.rstrip("\n").partition("\t")
            alternatives[simplified] = traditional.split()
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for key, words in table.items():
        for word, freq in words.items():
            forms = alternatives.get(word, [word]) if len(word) == 1 else [converter.convert(word)]
            for form in forms:
                if HAN.match(form):
                    out[key][form] = max(freq, out[key].get(form, 0))
    return out


def write(table: dict[str, dict[str, int]], path: Path) -> None:
    lines = []
    for key in sorted(table):
        words = sorted(table[key].items(), key=lambda item: (-item[1], item[0]))
        lines.append(key + "\t" + " ".join(f"{word} {freq}" for word, freq in words))
    path.parent.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # mtime 0: the same input gives the same bytes
    print(f"{path.relative_to(ROOT)}: {len(lines)} keys, {sum(map(len, table.values()))} entries, {path.stat().st_size / 1024:.0f} KiB")


def main() -> int:
    rows = read_jieba()
    simplified = simplified_table(rows)
    write(simplified, OUT / "zh_Hans.txt.gz")
    write(traditional_table(simplified), OUT / "zh_Hant.txt.gz")
    write(traditional_table(simplified_table(rows, zhuyin=True)), OUT / "zh_Hant_zhuyin.txt.gz")
    return 0


if __name__ == "__main__":
    sys.exit(main())
