"""The quality gate: dev-set scores may not fall below the floors pinned in baseline.json.

The scorer is the fixed `../shared/eval/score.py`; the gold sets are the shared dev articles and
our own annotations in `tests/gold` (tuned on) and `tests/heldout` (never read while writing
rules), whose texts are filled in from the shared corpus. Lowering a floor
is a deliberate, visible change to baseline.json, never a side effect.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from marsad.export.records import article_record

HERE = Path(__file__).parent
BASELINE = json.loads((HERE / "baseline.json").read_text(encoding="utf-8"))
TOLERANCE = 1e-9


def scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("marsad_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_articles(score, gold_dir: Path, corpus: Path) -> tuple[dict, list[dict]]:
    gold = score.load_gold(gold_dir)
    need = {i for i, doc in gold.items() if not doc.get("text")}
    found = score.corpus_texts(corpus, need) if need else {}
    missing = need - found.keys()
    assert not missing, f"gold ids not in the corpus: {sorted(missing)[:5]}"
    articles = []
    for i, doc in gold.items():
        rec = found.get(i, doc)
        articles.append({"id": i, "text": rec.get("text") or doc.get("text"),
                         "published": doc.get("published") or rec.get("published")})
    return gold, articles


def predict(pipeline, articles: list[dict]) -> dict:
    fp = pipeline.fingerprint()
    return {a["id"]: article_record(pipeline(a["text"], id=a["id"], published=a["published"]), fp)
            for a in articles}


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_scores_do_not_fall_below_the_floors(name, shared, pipeline):
    spec = BASELINE[name]
    score = scorer(shared)
    # "shared:eval/dev" is read from ../shared, "tests:gold" from this repository's tests/
    root, _, rel = spec["gold"].partition(":")
    gold_dir = (shared if root == "shared" else HERE.parent) / rel
    if not gold_dir.exists() or not any(gold_dir.glob("*.json")):
        pytest.skip(f"no gold in {gold_dir}")
    gold, articles = gold_articles(score, gold_dir, shared / "data" / "corpus")
    result = score.score(gold, predict(pipeline, articles))
    got = {"f1": result["f1"], "precision": result["precision"], "recall": result["recall"],
           "acled_row_rate": result["acled_row_rate"]}
    got.update({f: v["accuracy"] for f, v in result["fields"].items() if v["accuracy"] is not None})
    below = {k: (got.get(k), floor) for k, floor in spec["floors"].items()
             if got.get(k) is None or got[k] + TOLERANCE < floor}
    assert not below, f"{name}: below the pinned floors (got, floor): {below}"
