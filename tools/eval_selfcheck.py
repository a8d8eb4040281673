#!/usr/bin/env python3
"""Measure the self-check on labelled messages.

    .venv/bin/python tools/eval_selfcheck.py            # holdout, dev, and the shared sample
    .venv/bin/python tools/eval_selfcheck.py --misses   # also list every miss and false alarm

Per language it prints: recall on scams (verdict not "low"), false positives on genuine
messages (verdict not "low"), and top-1 type accuracy (the first scam type equals the label,
over all scam messages, so a missed scam counts as wrong).

corpus/selfcheck/holdout.jsonl and holdout3-5.jsonl are spent: since issue 4's generalisation
pass they are development data like dev.jsonl (see corpus/selfcheck/README.md for their last
honest figures and the first-run figures of later batches). corpus/selfcheck/blind.jsonl to
blind12.jsonl are spent too (each scored once or before and after a false-positive pass, then
development data) and are only read with --set blind ... --set blind12. The next honest measures
are the thirteenth and fourteenth blind sets, which this tool does not know: the lead scores them, and nobody
tuning the rules opens them.

The wording model (content/selfcheck/wording_table.json, built by `python -m core.selfcheck.train`)
is trained on dev.jsonl, the spent holdouts and the spent blind sets, so their figures are training figures. To measure
a batch fresh, rebuild the table without it (`python -m core.selfcheck.train --exclude dev11
--out /tmp/t.json`) and point a copy of content/selfcheck at that table.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.selfcheck import load_checker  # noqa: E402

# the spent blind sets, read only when asked for by name
BLIND_SETS = ("blind", *(f"blind{n}" for n in range(2, 13)))
SETS = [
    ("holdout", ROOT / "corpus/selfcheck/holdout.jsonl"),
    ("holdout3", ROOT / "corpus/selfcheck/holdout3.jsonl"),
    ("holdout4", ROOT / "corpus/selfcheck/holdout4.jsonl"),
    ("holdout5", ROOT / "corpus/selfcheck/holdout5.jsonl"),
    ("dev", ROOT / "corpus/selfcheck/dev.jsonl"),
    ("shared sample", ROOT.parent / "shared/samples/selfcheck_sample.jsonl"),
    *((name, ROOT / f"corpus/selfcheck/{name}.jsonl") for name in BLIND_SETS),
]
ONLY_WHEN_ASKED = set(BLIND_SETS)


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(checker, rows, show_misses: bool) -> dict:
    stats = defaultdict(lambda: {"scam": 0, "caught": 0, "top1": 0, "genuine": 0, "fp": 0})
    misses = []
    for row in rows:
        result = checker.check(row["text"])
        for lang in (row["lang"], "all"):
            s = stats[lang]
            if row["label"] == "benign":
                s["genuine"] += 1
                if result.verdict != "low":
                    s["fp"] += 1
            else:
                s["scam"] += 1
                if result.verdict != "low":
                    s["caught"] += 1
                if result.scam_types[:1] == (row["label"],):
                    s["top1"] += 1
        wrong = (row["label"] == "benign") != (result.verdict == "low") or (
            row["label"] != "benign" and result.scam_types[:1] != (row["label"],)
        )
        if show_misses and wrong:
            misses.append((row, result))
    return {"stats": stats, "misses": misses}


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "   n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list misses, false alarms and wrong types")
    parser.add_argument("--set", choices=[name for name, _ in SETS], action="append", help="only these sets")
    args = parser.parse_args()
    checker = load_checker(ROOT / "content")
    for problem in checker.problems:
        print(f"rule problem: {problem}", file=sys.stderr)
    print(f"{checker.rule_count} rules")
    for name, path in SETS:
        if (args.set and name not in args.set) or (not args.set and name in ONLY_WHEN_ASKED):
            continue
        if not path.is_file():
            print(f"\n{name}: {path} not found")
            continue
        out = evaluate(checker, read(path), args.misses)
        print(f"\n== {name} ({path.name}) ==")
        print(f"{'lang':6} {'recall (scam not low)':24} {'false positives':22} {'top-1 type':22}")
        for lang in ("zh_CN", "zh_TW", "en", "all"):
            s = out["stats"].get(lang)
            if s is None:
                continue
            print(f"{lang:6} {pct(s['caught'], s['scam']):24} {pct(s['fp'], s['genuine']):22} {pct(s['top1'], s['scam']):22}")
        for row, result in out["misses"]:
            sig = ", ".join(f"{s.id}({s.weight})" for s in result.signals)
            print(f"  - {row['id']} [{row['label']}] -> {result.verdict} {result.score} {list(result.scam_types[:2])} | {sig}\n      {row['text'][:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
