"""Cross-source fusion rules (marsad.fuse.cross), on events built by hand."""

from __future__ import annotations

import itertools
import random

import pytest

from marsad.fuse.cross import (
    EventView,
    actor_key,
    cluster,
    confidence,
    incident_id,
    incident_record,
    lowest_fact,
    match,
)

ER = "Explosions/Remote violence"


def view(i: str, art: str, day: str | None = "2018-04-09", sub: str = "Shelling/artillery/missile attack",
         weapon: str | None = "rocket", lat: float | None = 34.52, lon: float | None = 37.63, prec: int = 1,
         admin1: str | None = "SY-HI", iso3: str | None = "SYR", a1: str | None = None, a2: str | None = None,
         event_type: str = ER) -> EventView:
    return EventView(i, art, "src-" + art, day, event_type, sub, weapon, lat, lon, prec, admin1, iso3, a1, a2)


def test_same_day_same_place_same_type_match_with_their_distances():
    m = match(view("a", "1"), view("b", "2", lat=34.55, lon=37.67))
    assert m.ok and m.rule == "same-type near" and m.days == 0 and 0 < m.km < 10


@pytest.mark.parametrize("other, rule", [
    (dict(art="1"), "same article"),
    (dict(day="2018-04-12"), "dates apart"),
    (dict(day=None), "no date"),
    (dict(sub="Armed clash", event_type="Battles"), "types differ"),
    (dict(weapon="ied", sub="Remote explosive/landmine/IED"), "weapons differ"),
    (dict(a1="Islamic State"), "actors differ"),
    (dict(lat=34.73, lon=36.68), "places apart"),  # 90 km away in the same governorate
    (dict(admin1="SY-HM", lat=35.13, lon=36.75), "places apart"),
    (dict(iso3="IRQ", admin1=None), "places apart"),
    (dict(lat=None, lon=None, admin1=None), "places apart"),
])
def test_what_keeps_two_events_apart(other, rule):
    a = view("a", "1", a1="Military Forces of Israel (2009-2021)")
    b = view("b", **({"art": "2"} | other))
    m = match(a, b)
    assert not m.ok and m.rule == rule


def test_a_day_of_slack_at_one_place_only():
    m = match(view("a", "1"), view("b", "2", day="2018-04-10"))
    assert m.ok and m.days == 1
    wide = view("c", "3", day="2018-04-10", prec=3, lat=34.7, lon=37.9)
    assert match(view("a", "1"), wide).rule == "wide places a day apart"


def test_a_governorate_or_a_country_matches_a_town_inside_it_on_the_same_day():
    town = view("a", "1")
    governorate = view("b", "2", lat=34.7, lon=37.9, prec=3)
    country = view("c", "3", lat=35.0, lon=38.3, prec=3, admin1=None)
    assert match(town, governorate).rule == "same-type in area"
    assert match(town, country).rule == "same-type in country"


def test_an_interception_and_the_attack_it_stopped_are_one_incident():
    attack = view("a", "1")
    intercepted = view("b", "2", sub="Disrupted weapons use", event_type="Strategic developments")
    m = match(attack, intercepted)
    assert m.ok and m.rule == "disrupted-attack near"


def test_actor_keys():
    assert actor_key("Military Forces of Israel (2009-2021)") == actor_key("Police Forces of Israel (2009-2021)")
    assert actor_key("Military Forces of Iran (1989-)") != actor_key("Military Forces of Israel (2009-2021)")
    assert actor_key("Unidentified Armed Group (Iraq)") is None
    assert match(view("a", "1", a1="Military Forces of Israel (2009-2021)"),
                 view("b", "2", a1="Police Forces of Israel (2009-2021)")).ok


def test_complete_linkage_never_chains_through_a_middle_event():
    # b is near both a and c, but a and c are 16 km apart: two incidents, not one
    a = view("a", "1", lat=34.50, lon=37.60)
    b = view("b", "2", lat=34.57, lon=37.60)
    c = view("c", "3", lat=34.645, lon=37.60)
    assert match(a, b).ok and match(b, c).ok and not match(a, c).ok
    groups = cluster([a, b, c]).groups
    assert sorted(len(g) for g in groups) == [1, 2]


def test_two_events_of_one_article_stay_two_incidents():
    groups = cluster([view("a1", "1"), view("a2", "1"), view("b", "2")]).groups
    assert sorted(map(len, groups)) == [1, 2]


def test_clustering_does_not_depend_on_order():
    rng = random.Random(7)
    views = [view(f"e{i}", str(i % 5), day=f"2018-04-0{1 + i % 3}", lat=34.5 + rng.random() / 5,
                  lon=37.6 + rng.random() / 5, weapon=rng.choice(["rocket", "missile", "drone", None]))
             for i in range(14)]
    first = cluster(views).groups
    for _ in range(5):
        rng.shuffle(views)
        assert cluster(views).groups == first
    assert all(match(x, y).ok for g in first for x, y in itertools.combinations(
        [v for v in views if v.event_id in g], 2))


def member(eid: str, source: str, **rec) -> dict:
    base = {"event_id": eid, "event_type": ER, "sub_event_type": "Shelling/artillery/missile attack",
            "date": "2018-04-09", "time_precision": 1, "certainty": "asserted", "location": None,
            "munitions": None, "fatalities": None, "injuries": None, "outcome": "unknown", "weapon": "rocket",
            "evidence": [{"role": "trigger", "text": "x", "span": [0, 1]}], "attributed_to": []}
    return {"event_id": eid, "article_id": "art-" + eid, "source": source, "url": None,
            "published": "2018-04-09", "record": base | rec}


def test_the_incident_keeps_the_range_the_lowest_fact_and_every_source():
    members = [member("ev-b", "Sky", munitions={"min": 8, "max": 8}, fatalities=14, outcome="hit"),
               member("ev-a", "BBC", munitions={"min": 5, "max": 7}, fatalities=9, certainty="hedged"),
               member("ev-c", "CNN", fatalities=11, location={"name": "T4", "geo_precision": 1})]
    rec = incident_record(members)
    assert rec["event_id"] == incident_id(["ev-a", "ev-b", "ev-c"]) == "inc-a"
    assert rec["munitions"] == {"min": 5, "max": 8}
    assert rec["fatalities"] == 11  # 9 is hedged: not given as fact
    assert rec["location"]["name"] == "T4" and rec["outcome"] == "hit" and rec["certainty"] == "asserted"
    assert [s["source"] for s in rec["sources"]] == ["BBC", "Sky", "CNN"]
    assert {s["reported"]["fatalities"] for s in rec["sources"]} == {9, 14, 11}
    assert len(rec["evidence"]) == 3 and all("event_id" in e for e in rec["evidence"])


def test_lowest_fact_falls_back_to_the_lowest_figure_when_no_one_asserts():
    recs = [{"fatalities": 4, "certainty": "hedged"}, {"fatalities": 6, "certainty": "claimed"}]
    assert lowest_fact(recs, "fatalities") == 4
    assert lowest_fact([{"fatalities": None}], "fatalities") is None


def test_confidence_grows_with_sources_and_more_with_other_outlets():
    one = confidence([member("a", "Sky")])
    same_outlet = confidence([member("a", "Sky"), member("b", "Sky")])
    two_outlets = confidence([member("a", "Sky"), member("b", "BBC")])
    hedged = confidence([member("a", "Sky", certainty="hedged")])
    assert hedged < one < same_outlet < two_outlets < 1
