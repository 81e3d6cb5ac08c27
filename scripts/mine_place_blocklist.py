"""Suggest blocklist rows: village names that are frequent words in the news corpus.

A name that occurs in (say) one article in twenty is a common word far more often than a
village (`الحرب`, `النصر`, `السلام`). This script counts, over a sample of the corpus, in how
many articles each gazetteer name of a minor place (village, neighbourhood, without a
population) occurs, and prints the most frequent ones with the places they would name. Every
suggestion is reviewed by hand before it goes into `resources/ar/place_blocklist.tsv`
(source: "corpus frequency, reviewed").

    python scripts/mine_place_blocklist.py [--corpus ../shared/data/corpus] [--articles 6000] [--top 300]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from marsad.resolve.gazetteer import BIG_TOWN, WORLD_CITIES, Gazetteer, read_artefact
from marsad.text.normalize import fold

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus"
MINOR = frozenset({"locality", "neighbourhood", "admin2", "admin3", "site"})


def articles(folder: Path, limit: int):
    n = 0
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line).get("text") or ""
                n += 1
                if n >= limit:
                    return


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=6000)
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--big", action="store_true",
                    help="count the names of big towns, governorates and countries instead (scope 'all' rows)")
    ap.add_argument("--world", action="store_true",
                    help="count the names of the world-cities tier (GeoNames cities abroad) instead")
    args = ap.parse_args(argv)
    if args.world:
        places = read_artefact(WORLD_CITIES)
    elif args.big:
        places = [p for p in read_artefact() if not (p.kind in MINOR and p.pop < BIG_TOWN)]
    else:
        places = [p for p in read_artefact() if p.kind in MINOR and p.pop < BIG_TOWN]
    gaz = Gazetteer(places, frozenset())
    df: Counter[str] = Counter()
    total = 0
    for text in articles(args.corpus, args.articles):
        total += 1
        df.update({h.payloads[0] for h in gaz.find(fold(text))})
    for name, n in df.most_common(args.top):
        where = sorted({f"{gaz.places[i].cc}:{gaz.places[i].name}" for i in gaz.candidates(name)})[:3]
        print(f"{name}\t{n / total:.4f}\t{', '.join(where)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
