#!/usr/bin/env python3
"""Suggest lexicon rows from the corpus, for a person to review (never added automatically).

For every one-word entry of the trigger, weapon and casualty lexicons, it lists the corpus words
with the same consonant skeleton (a long vowel added or dropped: مليشيا/ميليشيا,
الأميركية/الأمريكية) that the lexicon lacks, with their frequency and an example context; and, for weapon heads, the words
that most often follow them (`صواريخ كاتيوشا`, `قذائف هاون`). Rows taken from its output say
"corpus mining, reviewed" in their source column.

    python scripts/mine_lexicon_variants.py [--corpus ../shared/data/corpus] [-n 8000] [--min 5]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

import regex

from marsad.resources import load
from marsad.text.normalize import fold

WORD = regex.compile(r"\p{Arabic}+")
# only the unambiguous proclitic chains: the article with what precedes it, or و before a long word
ARTICLE = regex.compile(r"^(?:[وف]?(?:[بكل]?ال|لل)|و(?=\w{4}))")
LONG_VOWELS = str.maketrans("", "", "اويه")
LEXICONS = ("triggers", "weapons", "casualty_words")


def articles(folder: Path, n: int, seed: int) -> list[str]:
    lines: list[str] = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            lines.extend(fh)
    random.Random(seed).shuffle(lines)
    return [json.loads(x)["text"] for x in lines[:n]]


def strip_clitics(word: str) -> str:
    m = ARTICLE.match(word)
    rest = word[m.end():] if m else word
    return rest if len(rest) >= 3 else word


def skeleton(word: str) -> str:
    """The consonants of a word: spelling variants (مليشيا/ميليشيا, الأميركية/الأمريكية) share it."""
    return word.translate(LONG_VOWELS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[1].parent / "shared/data/corpus"))
    ap.add_argument("-n", type=int, default=8000)
    ap.add_argument("--min", type=int, default=5, help="least corpus frequency of a suggestion")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    known: dict[str, tuple[str, str]] = {}
    for name in LEXICONS:
        for row in load("ar", name):
            surface = row["surface"].rstrip("*")
            if " " not in surface:
                known[surface] = (name, row.get("code") or row.get("weapon") or row.get("kind", ""))
    index: dict[str, set[str]] = defaultdict(set)
    for w in known:
        if len(w) >= 4:
            index[skeleton(w)].add(w)

    freq: Counter[str] = Counter()
    example: dict[str, str] = {}
    follow: dict[str, Counter[str]] = defaultdict(Counter)
    heads = {w for w, (lex, _) in known.items() if lex == "weapons"}
    for text in articles(Path(args.corpus), args.n, args.seed):
        words = [strip_clitics(w) for w in WORD.findall(fold(text))]
        for i, w in enumerate(words):
            freq[w] += 1
            if w not in example:
                example[w] = " ".join(words[max(0, i - 4):i + 5])
            if w in heads and i + 1 < len(words):
                follow[w][words[i + 1]] += 1

    print("# spelling variants of a lexicon word: lexicon\tcode\tknown\tcandidate\tcount\tcontext")
    for cand, count in freq.most_common():
        if count < args.min or cand in known or len(cand) < 4:
            continue
        for k in sorted(index.get(skeleton(cand), ())):
            if abs(len(k) - len(cand)) <= 1:
                lex, code = known[k]
                print(f"{lex}\t{code}\t{k}\t{cand}\t{count}\t{example[cand]}")
    print("\n# words after weapon heads: head\tnext\tcount")
    for head in sorted(follow):
        for nxt, count in follow[head].most_common(5):
            if count >= args.min:
                print(f"{head}\t{nxt}\t{count}")


if __name__ == "__main__":
    main()
