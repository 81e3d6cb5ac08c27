"""The cluster gold is well formed (ids only, 40+ incidents of 2+ articles, all in the corpus), and
fusion on it stays above pinned floors (measured with the default pipeline; see the README)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "fusion_gold" / "incidents.json"
# measured 2026-11-23 (stop 11): precision 0.975, recall 0.878 on extracted pairs (0.832 the stop
# before; the GeoNames world-cities tier placed Kabul, Surabaya, Mogadishu...); clustering order moves
# two or three pairs either way. With --context 0.968 / 0.687.
FLOORS = {"precision": 0.95, "recall": 0.85}


def load_eval():
    spec = importlib.util.spec_from_file_location("eval_fusion", ROOT / "scripts" / "eval_fusion.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_gold_holds_ids_and_notes_only():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["incidents"]
    assert len(gold) >= 40
    for inc in gold:
        assert set(inc) == {"id", "note", "articles"}
        assert len(inc["articles"]) >= 2 and len(set(inc["articles"])) == len(inc["articles"])
        assert all(a.startswith("ant2-") for a in inc["articles"])
    assert len({i["id"] for i in gold}) == len(gold)


@pytest.mark.shared
def test_every_gold_article_is_in_the_corpus_and_fusion_stays_above_its_floors(shared, tmp_path):
    ev = load_eval()
    gold = ev.load_gold(GOLD)
    ids = {a for inc in gold for a in inc["articles"]}
    arts = ev.read_articles(shared / "data" / "corpus", ids)
    assert {a.id for a in arts} == ids
    db = f"sqlite:///{tmp_path / 'gold.db'}"
    ev.ingest_articles(db, arts)
    pred, with_events = ev.predicted_pairs(db)
    gp = {p for p in ev.gold_pairs(gold) if p <= with_events}
    result = ev.score(gp, {p for p in pred if p <= ids})
    assert result["precision"] >= FLOORS["precision"], result
    assert result["recall"] >= FLOORS["recall"], result
