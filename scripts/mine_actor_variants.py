#!/usr/bin/env python3
"""Suggest actor aliases from the corpus, for a person to review (never added automatically).

Two lists, each with frequency and an example:
1. spelling variants of dictionary aliases that the corpus uses and the dictionary lacks: the
   same words with a long vowel added or dropped (`مليشيا`/`ميليشيا`, `الأميركية`/`الأمريكية`);
2. group names the recognizer misses: phrases that open with a group word (`لواء`, `كتائب`,
   `حركة` ...) and that no alias covers, most frequent first.
Rows taken from its output say "corpus mining, reviewed" in their source column.

    python scripts/mine_actor_variants.py [--corpus ../shared/data/corpus] [-n 5000] [--min 4]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

import regex

from marsad.resolve.actor_index import actor_index
from marsad.resources import load
from marsad.text.normalize import fold

WORD = regex.compile(r"\p{Arabic}+")
LONG_VOWELS = str.maketrans("", "", "اوي")
# Words that open a group's name; the two or three words after them are the candidate.
OPENERS = ("لواء", "كتائب", "كتيبه", "حركه", "جيش", "تنظيم", "جبهه", "سرايا", "فرقه", "هييه", "تجمع",
           "عصائب", "حزب", "ميليشيا", "مليشيا", "قوات", "فصيل", "مجلس")


def articles(corpus: Path, n: int, seed: int) -> list[str]:
    texts = []
    for path in sorted(corpus.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line).get("text", "") for line in fh if line.strip())
    random.Random(seed).shuffle(texts)
    return [fold(t) for t in texts[:n]]


def skeleton(phrase: str) -> str:
    return " ".join(w[:2] + w[2:].translate(LONG_VOWELS) for w in phrase.split())


def mine(texts: list[str], min_count: int) -> tuple[list, list]:
    idx = actor_index()
    known = {a for r in load("ar", "actors") for a in r["aliases"].split("|") if a}
    by_skeleton = defaultdict(set)
    for a in known:
        by_skeleton[skeleton(a)].add(a)
    variants: Counter = Counter()
    missing: Counter = Counter()
    example: dict[str, str] = {}
    for text in texts:
        covered = [(h.word_start, h.end) for h in idx.aliases.find(text)]
        words = list(WORD.finditer(text))
        for i, w in enumerate(words):
            for k in (2, 3):
                if i + k > len(words):
                    break
                phrase = " ".join(x.group() for x in words[i:i + k])
                bare = phrase[2:] if phrase.startswith("ال") else phrase
                sk = skeleton(bare)
                if sk in by_skeleton and bare not in known:
                    variants[bare] += 1
                    example.setdefault(bare, text[max(0, w.start() - 40):words[i + k - 1].end() + 40])
            if w.group().lstrip("وبلف") in OPENERS and not any(s <= w.start() < e for s, e in covered):
                phrase = " ".join(x.group() for x in words[i:i + 3])
                missing[phrase] += 1
                example.setdefault(phrase, text[max(0, w.start() - 40):w.end() + 60])
    keep = lambda c: [(p, n, " ".join(example[p].split())) for p, n in c.most_common() if n >= min_count]  # noqa: E731
    return keep(variants), keep(missing)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/corpus")
    ap.add_argument("-n", type=int, default=5000, help="articles to read (a seeded sample)")
    ap.add_argument("--min", type=int, default=4, help="least frequency to report")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    variants, missing = mine(articles(args.corpus, args.n, args.seed), args.min)
    print("# spelling variants of known aliases\tcount\texample")
    for p, n, ex in variants:
        print(f"{p}\t{n}\t{ex}")
    print("# group phrases no alias covers\tcount\texample")
    for p, n, ex in missing[:300]:
        print(f"{p}\t{n}\t{ex}")


if __name__ == "__main__":
    main()
