"""The hand-annotated gold folders tests/gold/ and tests/heldout/: every file is well formed by
../shared/eval/ANNOTATION.md.

The files name corpus articles by id and carry no third-party text; where ../shared is beside the
checkout, every id must exist in ../shared/data/corpus (that is what `score.py input --corpus` needs).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[1] / "gold"
HELDOUT = Path(__file__).resolve().parents[1] / "heldout"
FILES = sorted(GOLD.glob("*.json")) + sorted(HELDOUT.glob("*.json"))

# ../shared/SPEC.md: ACLED sub-event types, weapons, outcomes, certainty.
SUB_EVENT_TYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Suicide bomb", "Grenade", "Chemical weapon",
    "Attack", "Abduction/forced disappearance", "Sexual violence",
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration", "Mob violence",
    "Disrupted weapons use", "Arrests", "Looting/property destruction", "Agreement",
    "Headquarters or base established", "Non-violent transfer of territory",
    "Change to group/activity", "Other",
}
WEAPONS = {"airstrike", "drone", "rocket", "missile", "artillery", "mortar", "ied", "vbied",
           "suicide_bomb", "landmine", "grenade", "small_arms", "chemical", "unknown"}
OUTCOMES = {"hit", "intercepted", "foiled", "unknown"}
CERTAINTY = {"asserted", "hedged", "claimed"}
# ISO 3166-1 alpha-3 -> alpha-2, for the countries the gold uses (admin1 codes start with alpha-2).
ISO2 = {"SYR": "SY", "IRQ": "IQ", "TUR": "TR", "YEM": "YE", "LBN": "LB", "LBY": "LY",
        "SAU": "SA", "ISR": "IL", "JOR": "JO", "IRN": "IR", "EGY": "EG"}
ADMIN1 = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
DOC_KEYS = {"id", "source", "published", "note", "events"}
EVENT_KEYS = {"id", "required", "sub_event_type", "date", "date_tolerance_days", "background",
              "country", "admin1_code", "lat", "lon", "weapon", "munitions", "fatalities",
              "injuries", "actor1", "actor2", "outcome", "certainty", "note"}


def _iso_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return len(value) == 10


def _count_ok(value) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


@pytest.mark.parametrize(("folder", "articles", "with_event", "without"),
                         [(GOLD, 40, 32, 8), (HELDOUT, 20, 14, 4)], ids=["gold", "heldout"])
def test_gold_folder_has_enough_articles(folder: Path, articles: int, with_event: int, without: int):
    files = sorted(folder.glob("*.json"))
    assert len(files) >= articles
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    assert sum(1 for d in docs if any(e.get("required", True) for e in d["events"])) >= with_event
    assert sum(1 for d in docs if not any(e.get("required", True) for e in d["events"])) >= without


def test_heldout_is_disjoint_from_gold():
    assert not {p.name for p in GOLD.glob("*.json")} & {p.name for p in HELDOUT.glob("*.json")}


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_gold_file_is_well_formed(path: Path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    assert "text" not in doc and "title" not in doc, "third-party text must not be copied here"
    assert set(doc) <= DOC_KEYS, set(doc) - DOC_KEYS
    assert doc["id"] == path.stem
    assert doc["id"].startswith(("ant2-", "snn-"))
    assert isinstance(doc.get("source"), str) and doc["source"]
    assert doc.get("published") is None or _iso_day(doc["published"])
    events = doc["events"]
    assert isinstance(events, list)
    assert len({e["id"] for e in events}) == len(events), "event ids repeat"
    for e in events:
        where = f"{doc['id']} {e.get('id')}"
        assert set(e) <= EVENT_KEYS, (where, set(e) - EVENT_KEYS)
        assert isinstance(e["required"], bool) and isinstance(e["background"], bool), where
        if e["background"]:
            assert e["required"] is False, f"{where}: background events are not required"
        subs = e["sub_event_type"]
        assert isinstance(subs, list) and subs and set(subs) <= SUB_EVENT_TYPES, (where, subs)
        assert e["date"] is None or _iso_day(e["date"]), where
        tol = e.get("date_tolerance_days", 0)
        assert isinstance(tol, int) and 0 <= tol <= 366, where
        assert e["country"] is None or re.fullmatch(r"[A-Z]{3}", e["country"]), where
        code = e.get("admin1_code")
        if code is not None:
            assert ADMIN1.match(code), (where, code)
            assert e["country"] in ISO2 and code.startswith(ISO2[e["country"]] + "-"), (where, code)
        assert ("lat" in e) == ("lon" in e), where
        if "lat" in e:
            assert -90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180, where
        assert isinstance(e["weapon"], list) and e["weapon"] and set(e["weapon"]) <= WEAPONS, where
        mun = e["munitions"]
        if mun is not None:
            assert set(mun) == {"min", "max"} and 0 < mun["min"] <= mun["max"], where
        assert _count_ok(e["fatalities"]) and _count_ok(e["injuries"]), where
        for key in ("actor1", "actor2"):
            assert isinstance(e[key], list) and all(isinstance(a, str) for a in e[key]), where
        assert isinstance(e["outcome"], list) and set(e["outcome"]) <= OUTCOMES, where
        assert isinstance(e["certainty"], list) and set(e["certainty"]) <= CERTAINTY, where
        assert isinstance(e["note"], str) and e["note"].strip(), where


@pytest.mark.shared
def test_gold_ids_exist_in_the_corpus(shared: Path):
    corpus = shared / "data" / "corpus"
    ids = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in FILES}
    found = set()
    for path in sorted(corpus.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                m = re.match(r'\{"id": "([^"]+)"', line)
                if m and m.group(1) in ids:
                    found.add(m.group(1))
    assert ids - found == set()
