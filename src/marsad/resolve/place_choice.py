"""Which gazetteer entry a place phrase names: kind, population, the feature noun before it,
the country and governorates the article names, and the other places of its sentence.

>>> from marsad.resolve.gazetteer import gazetteer
>>> from marsad.resolve.place_phrases import phrases, read_context
>>> from collections import Counter
>>> text = "انفجار في مدينة الرمادي"
>>> r = read_context(text, gazetteer().find(text), phrases())[0]
>>> choose(gazetteer(), r, Counter(), Counter()).admin1_code
'IQ-AN'
"""

from __future__ import annotations

import math
from collections import Counter

from marsad.resolve.gazetteer import BIG_TOWN, WORLD_PREFIX, Gazetteer, Place, km
from marsad.resolve.place_phrases import QUALIFIED, Reading

# Prior weight of each kind of entry when a name has several (curated sites first, then
# countries and governorates, then towns; a district is a weaker reading than its town).
KIND_PRIOR = {"country": 5.0, "admin1": 4.5, "locality": 2.0, "admin2": 2.5, "admin3": 1.0,
              "neighbourhood": 0.0, "site": 2.0}
CURATED_PRIOR = 6.0
FOCUS = {"SY": 1.0, "IQ": 1.0}  # the countries the news in scope is mostly about
WIDE = frozenset({"country", "admin1", "region"})
NEAR_KM, NEAR_BONUS = 60.0, 2.5  # a candidate this close to another place of its sentence gains
DUPLICATE_KM = 10.0  # two entries of one name and kind this close are one place
FAR_KM = 80.0  # a village this far from every other place of its sentence is a namesake
CAPITAL_BONUS = 6.0  # a bare governorate name that is also its capital's name means the town


def choose(g: Gazetteer, r: Reading, countries: Counter[str], admin1s: Counter[str],
           near: list[Place] | None = None, anchors: list[Place] | None = None) -> Place | None:
    """The best entry for a reading, or None when the name is no place here; `near`: the
    places the same sentence names (a candidate close to them is the likelier one); `anchors`:
    the sure ones among them (a small candidate far from all of them is a namesake)."""
    headed = bool(r.head) or "part" in r.roles()
    if r.article and not (headed or r.roles() & QUALIFIED):
        return None  # `الحرب` is the war, not the village حرب; `بلدة الحصيبة` is the town
    cands = [g.places[i] for i in g.candidates(r.hit.key, headed=headed)]
    if r.nation:  # `بلدة كلس التركية`: the adjective after the name says its country
        cands = [p for p in cands if p.cc == r.nation]  # none there: the gazetteer lacks it
    if anchors:
        cands = [p for p in cands if not _stray(p, anchors)]
    if not cands:
        return None
    if not r.cue and "capital" not in r.roles() and all(minor(p) for p in cands):
        return None  # a bare village name with nothing locative before it (`ماجدة خير الله`)
    cands = _dedupe(cands)
    if r.head not in ("admin2", "admin3"):
        cands = _towns_over_districts(cands)
    # a governorate that shares this name: its bare use means its capital
    same = {"admin1": {p.admin1_code for p in cands if p.kind == "admin1"}}

    def total(p: Place) -> float:
        close = any(q.id != p.id and km(p.lat, p.lon, q.lat, q.lon) <= NEAR_KM for q in near or ())
        return _score(p, r, countries, admin1s, same) + (NEAR_BONUS if close else 0.0)

    return max(cands, key=total)


def _stray(p: Place, others: list[Place]) -> bool:
    """A small place outside every governorate its sentence names and far from all its other
    places is a namesake of the one meant (which the gazetteer lacks): better no place than a
    wrong one (`حي المزة بدمشق` is no Mazzah in Jordan). Countries named in the sentence do not
    count: `أطلقت من سوريا على بلدة أقجة قلعة` names where the shell came from."""
    if p.curated or p.kind not in ("locality", "neighbourhood", "admin2", "admin3") or p.pop >= BIG_TOWN:
        return False
    sub = [q for q in others if q.kind != "country"]
    for q in sub:
        if q.admin1_code == p.admin1_code or (q.kind not in WIDE and km(p.lat, p.lon, q.lat, q.lon) <= FAR_KM):
            return False
    return bool(sub)


def _towns_over_districts(cands: list[Place]) -> list[Place]:
    """`تلعفر`, `الزبير`: a district named after its town means the town unless `قضاء` says so."""
    towns = [p for p in cands if p.kind == "locality"]
    seats = {t.admin1_code for t in towns}  # the same name in the same governorate: its seat
    return [p for p in cands if p.kind not in ("admin2", "admin3") or p.admin1_code not in seats]


def _dedupe(cands: list[Place]) -> list[Place]:
    """One entry per town: the sources repeat some towns a few km apart, the one with a
    population (GeoNames-backed) is the one to keep."""
    kept: list[Place] = []
    for p in sorted(cands, key=lambda p: (not p.curated, -p.pop)):
        if not any(q.kind == p.kind and km(p.lat, p.lon, q.lat, q.lon) <= DUPLICATE_KM for q in kept):
            kept.append(p)
    return kept


def minor(p: Place) -> bool:
    """A place named only after a locative word: a village, or a city abroad (`موسكو تقول`,
    `مفاوضات أستانة` name a government and a process; `في موسكو` names the city)."""
    return not p.curated and (p.kind in ("locality", "neighbourhood", "admin3") and p.pop < BIG_TOWN
                              or p.id.startswith(WORLD_PREFIX))


def _score(p: Place, r: Reading, countries: Counter[str], admin1s: Counter[str],
           same: dict[str, set[str]]) -> float:
    s = CURATED_PRIOR if p.curated else KIND_PRIOR.get(p.kind, 1.0)
    s += 0.5 * math.log10(p.pop + 1) + FOCUS.get(p.cc, 0.0)
    head = r.head
    if head == "admin1":
        return s + (6 if p.kind == "admin1" else -3) + _context(p, countries, admin1s)
    if head in ("admin2", "admin3"):
        s += 4 if p.kind == head else 0
    elif head in ("town", "site"):
        s += 2 if p.is_point else -2
    if p.kind in ("locality", "neighbourhood") and p.admin1_code in same["admin1"]:
        s += CAPITAL_BONUS
    return s + _context(p, countries, admin1s)


def _context(p: Place, countries: Counter[str], admin1s: Counter[str]) -> float:
    s = 0.0
    if countries[p.cc]:
        s += 3
    if admin1s[p.admin1_code]:
        s += 3
    return s


def precision(p: Place, r: Reading) -> int:
    """ACLED geo_precision: 1 a named town or site, 2 near or part of one, 3 a wide region."""
    if p.kind in ("country", "admin1") or (p.kind == "region" and not p.admin1_code) or r.head == "admin1":
        return 3
    if not p.is_point or p.kind == "admin3" or r.roles() & QUALIFIED or r.post:
        return 2
    return 1


def base_precision(p: Place, r: Reading) -> int:
    """The precision of the place itself, before `قرب` or `طريق` widen it (a site near which
    something happened is still more specific than the town that holds the site)."""
    return precision(p, Reading(r.hit, [q for q in r.quals if q[0] not in ("near", "road")], r.post))
