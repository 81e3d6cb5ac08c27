#!/usr/bin/env python3
"""List candidate corpus articles for hand annotation into tests/gold/ (reproducible, seeded).

Reads the corpus JSON Lines files once, sorts each article into a bucket by keywords in its
title and opening text, drops the ids already annotated in the dev set (and in any --skip folder),
and prints a seeded random sample per bucket and source. The final choice among
the candidates is made by a person reading them; this script only makes the short list
reproducible.

    python scripts/pick_gold_candidates.py --corpus ../shared/data/corpus \
        --dev ../shared/eval/dev --seed 20261123 --per-bucket 400 [--jsonl out.jsonl]
    python scripts/pick_gold_candidates.py --category sport --bucket no_event   # football "هجوم"

Buckets:
  syria_violent, iraq_violent   a violence word and a place in Syria / Iraq
  region_violent                a violence word and Turkey, Yemen, Lebanon or Libya
  no_event                      no violence word (politics, economy, statements), or sport
                                articles using "هجوم" (attack) in the football sense
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

VIOLENCE = [
    "غارة", "غارات", "قصف", "قذيفة", "قذائف", "صاروخ", "صواريخ", "طائرة مسيرة", "طائرات مسيرة",
    "عبوة ناسفة", "مفخخة", "انتحاري", "انتحارية", "تفجير", "انفجار", "اشتباكات", "اشتباك",
    "اغتيال", "اختطاف", "خطف", "اعتقال", "القبض على", "اعترض", "اعتراض", "مقتل", "قتلى", "قتل",
    "جرحى", "إصابة",
]
SYRIA = ["سوريا", "سورية", "دمشق", "حلب", "إدلب", "ادلب", "حمص", "حماة", "درعا", "دير الزور",
         "الرقة", "الحسكة", "الغوطة", "عفرين", "اللاذقية", "القنيطرة", "السويداء", "منبج", "البوكمال"]
IRAQ = ["العراق", "بغداد", "الأنبار", "الانبار", "الموصل", "نينوى", "الرمادي", "الفلوجة", "ديالى",
        "كركوك", "صلاح الدين", "تكريت", "بيجي", "البصرة", "بابل", "كربلاء", "سامراء", "الحويجة"]
REGION = ["تركيا", "اليمن", "صنعاء", "عدن", "تعز", "الحديدة", "لبنان", "بيروت", "ليبيا",
          "طرابلس", "بنغازي", "سيناء"]
SPORT_ATTACK = ["هجوم", "الهجوم", "مهاجم"]


def hits(text: str, words: list[str]) -> int:
    return sum(1 for w in words if w in text)


def bucket(rec: dict) -> str | None:
    head = (rec.get("title") or "") + "\n" + (rec.get("text") or "")[:600]
    if rec.get("category") == "sport":
        return "no_event" if hits(rec.get("title", "") + (rec.get("text") or ""), SPORT_ATTACK) else None
    v = hits(head, VIOLENCE)
    if v >= 2:
        syr, irq, reg = hits(head, SYRIA), hits(head, IRAQ), hits(head, REGION)
        if syr and syr >= irq and syr >= reg:
            return "syria_violent"
        if irq and irq >= reg:
            return "iraq_violent"
        if reg:
            return "region_violent"
        return None
    if v == 0 and len(rec.get("text") or "") > 400:
        return "no_event"
    return None


def existing_ids(folders: list[Path]) -> set[str]:
    ids = set()
    for folder in folders:
        if folder and folder.is_dir():
            for path in folder.glob("*.json"):
                try:
                    ids.add(json.loads(path.read_text(encoding="utf-8"))["id"])
                except (ValueError, KeyError):
                    ids.add(path.stem)
    return ids


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="../shared/data/corpus", type=Path)
    ap.add_argument("--dev", default="../shared/eval/dev", type=Path)
    ap.add_argument("--skip", type=Path, action="append", default=[],
                    help="also skip the ids annotated in this folder (e.g. tests/gold); repeatable")
    ap.add_argument("--bucket", action="append", help="list only these buckets (repeatable)")
    ap.add_argument("--category", help="keep only ANT articles of this category (e.g. sport)")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--per-bucket", type=int, default=40, help="candidates printed per bucket")
    ap.add_argument("--jsonl", type=Path, help="also write the candidates (id, bucket, title) here")
    ap.add_argument("--check", type=Path,
                    help="report, on stderr, the bucket and rank of every article annotated in this folder")
    args = ap.parse_args(argv)

    skip = existing_ids([args.dev, *args.skip])
    pools: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    files = sorted(args.corpus.glob("*.jsonl"))
    if not files:
        print(f"no .jsonl files in {args.corpus}", file=sys.stderr)
        return 2
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in skip or (args.category and rec.get("category") != args.category):
                    continue
                b = bucket(rec)
                if b and (not args.bucket or b in args.bucket):
                    pools[b][rec.get("source") or "?"].append(
                        {"id": rec["id"], "source": rec.get("source"), "published": rec.get("published"),
                         "category": rec.get("category"), "bucket": b,
                         "title": re.sub(r"\s+", " ", rec.get("title") or "")[:110]})
    chosen: list[dict] = []
    for b in sorted(pools):
        by_source = pools[b]
        for src in sorted(by_source):
            # one generator per bucket and source: a change to one pool leaves the others' order alone
            by_source[src].sort(key=lambda c: c["id"])
            random.Random(f"{args.seed}/{b}/{src}").shuffle(by_source[src])
        # round-robin over sources so that every publisher is represented
        picked, i = [], 0
        while len(picked) < args.per_bucket and any(i < len(v) for v in by_source.values()):
            for src in sorted(by_source):
                if i < len(by_source[src]) and len(picked) < args.per_bucket:
                    picked.append(by_source[src][i])
            i += 1
        total = sum(len(v) for v in by_source.values())
        print(f"## {b}: {total} articles, {len(picked)} listed")
        for rank, c in enumerate(picked, 1):
            c["rank"] = rank
            print(f"{c['id']}\t{c['source']}\t{c['published']}\t{c['title']}")
        chosen += picked
    if args.check:
        listed = {c["id"]: c for c in chosen}
        for path in sorted(args.check.glob("*.json")):
            doc_id = json.loads(path.read_text(encoding="utf-8"))["id"]
            c = listed.get(doc_id)
            where = f"{c['bucket']} #{c['rank']}" if c else "not listed"
            print(f"check\t{doc_id}\t{where}", file=sys.stderr)
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as fh:
            for c in chosen:
                fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
