"""Measure cross-source fusion on the cluster gold (tests/fusion_gold/incidents.json).

Reads the gold's articles from the corpus by id, ingests them into a scratch store with the
default pipeline (so extraction, resolution and fusion are all measured together), then scores
pairs of articles: a pair is predicted "same incident" when some event of one and some event of
the other landed in one incident; it is gold "same" when the gold lists both under one incident.
Pairs across gold incidents are the negatives (near-misses included: the same city a day apart).

    .venv/bin/python scripts/eval_fusion.py --corpus ../shared/data/corpus [--db sqlite:///tmp/f.db]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from marsad.ingest import Article
from marsad.store import ingest_articles, open_engine
from marsad.store import models as m

GOLD = Path(__file__).resolve().parents[1] / "tests" / "fusion_gold" / "incidents.json"


def load_gold(path: Path = GOLD) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["incidents"]


def read_articles(corpus: Path, ids: set[str], context: bool = False) -> list[Article]:
    """The gold's articles, in corpus order; with `context`, every news article of the same days
    too (other incidents of those days compete for the gold's events, as in a real store)."""
    out = []
    days = set()
    if context:
        days = {i.rsplit("-", 1)[1] for i in ids}
        days = {f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in days}
    for f in sorted(corpus.glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                near = (context and (r.get("published") or "")[:10] in days
                        and r.get("category") in ("middleEast", "internationalNews"))
                if r["id"] in ids or near:
                    out.append(Article(id=r["id"], text=r["text"], published=r.get("published"),
                                       title=r.get("title"), source=r.get("source"), url=r.get("url")))
    return out


def predicted_pairs(db: str) -> tuple[set[frozenset[str]], set[str]]:
    """Article pairs that share an incident, and the articles that gave any event."""
    engine = open_engine(db)
    by_incident: dict[str, set[str]] = defaultdict(set)
    with Session(engine) as s:
        rows = s.execute(select(m.Event.incident_id, m.Article.article_id)
                         .join(m.Article, m.Event.article_hash == m.Article.content_hash))
        with_events = set()
        for inc, art in rows:
            by_incident[inc].add(art)
            with_events.add(art)
    engine.dispose()
    pairs = {frozenset(p) for arts in by_incident.values() for p in itertools.combinations(sorted(arts), 2)}
    return pairs, with_events


def gold_pairs(gold: list[dict]) -> set[frozenset[str]]:
    return {frozenset(p) for inc in gold for p in itertools.combinations(sorted(inc["articles"]), 2)}


def score(gold: set[frozenset[str]], pred: set[frozenset[str]]) -> dict[str, float]:
    """Pairwise precision, recall and F1.

    >>> g = {frozenset("ab"), frozenset("cd")}
    >>> score(g, {frozenset("ab"), frozenset("ac")})
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'gold_pairs': 2, 'predicted_pairs': 2}
    """
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "gold_pairs": len(gold), "predicted_pairs": len(pred)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/corpus")
    ap.add_argument("--db", help="store to use (default: a scratch SQLite file)")
    ap.add_argument("--errors", action="store_true", help="list the pairs fusion got wrong")
    ap.add_argument("--context", action="store_true",
                    help="also ingest every news article of the gold's days (harder, slower)")
    args = ap.parse_args()
    gold = load_gold()
    ids = {a for inc in gold for a in inc["articles"]}
    arts = read_articles(args.corpus, ids, args.context)
    db = args.db or f"sqlite:///{tempfile.mkdtemp()}/fusion-eval.db"
    t0 = time.perf_counter()
    report = ingest_articles(db, arts)
    took = time.perf_counter() - t0
    pred, with_events = predicted_pairs(db)
    gp = gold_pairs(gold)
    universe = {frozenset(p) for p in itertools.combinations(sorted(ids), 2)}
    result = {"incidents": len(gold), "articles": len(arts), "articles_with_events": len(with_events),
              "events": report.events, "ingest_seconds": round(took, 1),
              "all": score(gp, pred & universe),
              # fusion alone: only pairs whose two articles both gave an event can be merged
              "extracted": score({p for p in gp if p <= with_events}, pred & universe)}
    json.dump(result, sys.stdout, indent=2)
    print()
    if args.errors:
        # an article that retells another incident too is listed under both
        where: dict[str, list[str]] = defaultdict(list)
        for inc in gold:
            for a in inc["articles"]:
                where[a].append(inc["id"])
        for p in sorted((pred & universe) - gp, key=sorted):
            print("false merge:", *[f"{a} ({','.join(where[a])})" for a in sorted(p)])
        for p in sorted({p for p in gp if p <= with_events} - pred, key=sorted):
            a, b = sorted(p)
            print("missed:", a, b, ",".join(sorted(set(where[a]) & set(where[b]))))


if __name__ == "__main__":
    main()
