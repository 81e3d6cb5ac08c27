"""Candidate multi-source incidents in the corpus, for building the fusion gold by hand.

Reads the corpus, keeps articles whose title names violence, and links articles from different
outlets published within a day of each other whose titles and leads share many content words.
Prints each connected group (id, source, date, title) for a person to review: this only
proposes; the gold in tests/fusion_gold/ is what a reviewer confirmed.

    .venv/bin/python scripts/find_fusion_candidates.py ../shared/data/corpus/ant-multisource-2018.jsonl \
        --min-sim 0.3 > /tmp/candidates.txt
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import re
from collections import defaultdict

VIOLENCE = re.compile("قتل|مقتل|هجوم|غار[ةا]|انفجار|تفجير|صاروخ|صواريخ|قصف|اشتباك|معارك|مسير[ةا]|"
                      "استهداف|اعتراض|ضرب[ةا]|عبو[ةا]|انتحاري|جرحى|قتلى|اغتيال|كمين|طائر[ةا]")
STOP = set(["في", "من", "على", "الى", "إلى", "عن", "مع", "بعد", "قبل", "ان", "أن", "هذا", "هذه", "التي", "الذي", "و", "او", "أو", "ما", "لا", "كما", "حيث", "بين", "خلال"])


def fold(text: str) -> str:
    text = re.sub("[\u064b-\u0652\u0640]", "", text)
    return re.sub("[أإآ]", "ا", text).replace("ة", "ه").replace("ى", "ي")


def words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[\u0621-\u064a]{3,}", fold(text)):
        w = re.sub("^(وال|بال|لل|فال|ال|و)", "", w) if len(w) > 5 else w
        if w not in STOP and len(w) >= 3:
            out.add(w)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--min-sim", type=float, default=0.3)
    ap.add_argument("--lead", type=int, default=400, help="characters of the text beside the title")
    args = ap.parse_args()
    arts = []
    for path in args.corpus:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r.get("published") and VIOLENCE.search(r.get("title") or ""):
                    arts.append((r["id"], r["source"], r["published"][:10], r["title"],
                                 words(r["title"] + " " + r["text"][: args.lead])))
    by_day = defaultdict(list)
    for a in arts:
        by_day[a[2]].append(a)
    edges = defaultdict(set)
    for day, todays in by_day.items():
        d = dt.date.fromisoformat(day)
        near = todays + by_day.get((d + dt.timedelta(days=1)).isoformat(), [])
        for a, b in itertools.combinations(near, 2):
            if a[1] == b[1] or (a[2] != day and b[2] != day):
                continue
            sim = len(a[4] & b[4]) / max(1, len(a[4] | b[4]))
            if sim >= args.min_sim:
                edges[a[0]].add(b[0])
                edges[b[0]].add(a[0])
    info = {a[0]: a for a in arts}
    seen: set[str] = set()
    for start in sorted(edges):
        if start in seen:
            continue
        group, todo = [], [start]
        while todo:
            x = todo.pop()
            if x in seen:
                continue
            seen.add(x)
            group.append(x)
            todo.extend(edges[x])
        print("---")
        for x in sorted(group, key=lambda i: info[i][2]):
            print(f"{x}\t{info[x][1]}\t{info[x][2]}\t{info[x][3]}")


if __name__ == "__main__":
    main()
