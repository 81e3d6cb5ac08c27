"""Within-article fusion: which two tellings are one incident (sentences written for these tests)."""

from __future__ import annotations

import pytest

from marsad.document import Event, Mention
from marsad.fuse.within import anaphoric, same_incident, same_place, told_again
from marsad.pipeline import DEFAULT_STAGES, Pipeline


@pytest.fixture(scope="module")
def unfused():
    return Pipeline.default([n for n in DEFAULT_STAGES if n != "fuse"])


@pytest.fixture(scope="module")
def fused():
    return Pipeline.default()


def place(gid: str, lat: float, lon: float, precision: int = 1, admin1: str = "SY-ID") -> dict:
    return {"iso3": "SYR", "admin1_code": admin1, "lat": lat, "lon": lon, "geo_precision": precision,
            "gazetteer_id": gid}


KAFR_NABL = place("wof:890449847", 35.61376, 36.56449)
KANSAFRAH = place("wof:1226826293", 35.65935, 36.48547)
IDLIB_RIF = place("x:rif", 35.7, 36.6, precision=2)


def test_two_villages_of_a_round_up_are_two_places_however_near():
    assert same_place(KAFR_NABL, KANSAFRAH)  # a few km apart: may be one incident retold
    assert not same_place(KAFR_NABL, KANSAFRAH, round_up=True)
    assert same_place(KAFR_NABL, KAFR_NABL, round_up=True)
    assert same_place(KAFR_NABL, IDLIB_RIF, round_up=True)  # a village and its countryside


def test_a_telling_of_a_known_incident_may_name_any_place_of_its_governorate():
    far = place("x:far", 36.2, 36.9)
    assert not same_place(KAFR_NABL, far)
    assert same_place(KAFR_NABL, far, told_again=True)
    assert not same_place(KAFR_NABL, place("x:hama", 35.1, 36.7, admin1="SY-HM"), told_again=True)


def _event(pos: str, definite: bool, weapon: Mention | None = None) -> Event:
    trigger = Mention("trigger", 0, 4, "SHELL", {"pos": pos, "definite": definite})
    ev = Event(trigger=trigger, sentence=1, event_type="Explosions/Remote violence",
               sub_event_type="Shelling/artillery/missile attack", weapon="artillery")
    if weapon is not None:
        ev.link("weapon", weapon)
    return ev


def test_a_mass_noun_is_no_anaphora_a_definite_count_noun_is():
    mass = Mention("weapon", 5, 12, "airstrike", {"definite": True, "count_noun": "0"})
    rockets = Mention("weapon", 5, 12, "rocket", {"definite": True, "count_noun": "1"})
    assert not anaphoric(_event("verb", False, mass))
    assert anaphoric(_event("verb", False, rockets))
    assert told_again(_event("noun", True)) and not told_again(_event("verb", True))


def test_a_round_up_of_villages_keeps_one_event_per_village(fused):
    text = ("قصفت قوات النظام بالمدفعية قرية كفرنبل صباح اليوم، كما قصفت بالمدفعية قرية كنسفرة "
            "في جبل الزاوية بريف إدلب.")
    doc = fused(text, id="t", published="2024-02-03")
    assert [e.location["gazetteer_id"] for e in doc.events] == ["wof:890449847", "wof:1226826293"]


def test_the_shelling_named_again_in_the_next_sentence_is_the_same_incident(unfused):
    text = "قصفت المدفعية بلدة كفرنبل. وقال ناشطون إن القصف أدى إلى إصابة ثلاثة مدنيين في كنسفرة."
    doc = unfused(text, id="t", published="2024-02-03")
    assert len(doc.events) == 2
    assert same_incident(*doc.events)


def test_a_telling_that_names_another_governorate_does_not_move_the_incident():
    from marsad.fuse.within import absorb

    trigger = Mention("trigger", 0, 4, "STRIKE", {"pos": "noun"})
    keep = Event(trigger=trigger, sentence=1, event_type="Explosions/Remote violence",
                 sub_event_type="Air/drone strike", location=place("x:tabqa", 35.83, 38.54, precision=2, admin1="SY-RA"))
    other = Event(trigger=trigger, sentence=2, event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", location=place("x:aleppo", 36.2, 37.16, admin1="SY-HL"))
    absorb(keep, other)
    assert keep.location["gazetteer_id"] == "x:tabqa"
    town = place("x:mansura", 35.82, 38.75, admin1="SY-RA")
    absorb(keep, Event(trigger=trigger, sentence=3, event_type="Explosions/Remote violence",
                       sub_event_type="Air/drone strike", location=town))
    assert keep.location["gazetteer_id"] == "x:mansura"  # a town of the same governorate refines it
