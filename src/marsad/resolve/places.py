"""The place stages: find place phrases in the text, then give each event its place.

`places` finds every gazetteer name with one automaton, reads the words before and after it
(`بالقرب من`, `ريف`, `شرق`, `محافظة`, `مدينة`, `الغربي`...), keeps a bare village name only
where a locative word or a feature noun stands before it, and picks one gazetteer entry per
phrase by its kind, population, the feature noun and the countries and governorates the
article names. `resolve_places` gives each event the most specific place of its own clause,
else of its sentence, else of the sentences before it, else the article's main place.

`places` needs only sentences; where the lexicon stage ran first (the default order), a name
right after an attack verb (`قصفت تل رفعت`) counts as located, as one after `في` does.

>>> from marsad.pipeline import Pipeline
>>> doc = Pipeline.default(["segment", "places"])("قصفت طائرة مسيرة موقعا قرب مدينة البوكمال شرقي دير الزور")
>>> m = doc.mentions_of("place")[0]
>>> doc.original(m.start, m.end), m.data["admin1_code"], m.data["precision"]
('قرب مدينة البوكمال', 'SY-DY', 2)
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from marsad.document import Document, Event, Mention
from marsad.pipeline import register
from marsad.resolve.gazetteer import Gazetteer, Place, gazetteer
from marsad.resolve.place_choice import base_precision, choose, minor, precision
from marsad.resolve.place_phrases import (
    APPOSITION_GAP,
    Reading,
    actor_part,
    describes,
    phrases,
    read_context,
    tanween,
)
from marsad.resources import load


@dataclass
class PlacesStage:
    name: str = "places"
    event_bound: bool = True  # skipped where no trigger word was found
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("mentions:place",)
    version: str = "places.v1"
    gazetteer: Callable[[], Gazetteer] = gazetteer

    def __call__(self, doc: Document) -> Document:
        g, text = self.gazetteer(), doc.norm.text
        readings = [r for r in read_context(text, g.find(text), phrases(), g.curated_names)
                    if not actor_part(r) and not tanween(doc, r)]
        # a place right after an attack verb is its object (`قصفت تل رفعت`): as good as `في`
        verbs = {m.end for m in doc.mentions if m.kind == "trigger"}
        for r in readings:
            r.own_prep = r.own_prep or (r.hit.word_start - 1) in verbs
        # first pass: unambiguous anchors (countries, governorates, single-candidate names)
        countries: Counter[str] = Counter()
        admin1s: Counter[str] = Counter()
        for r in readings:
            cands = g.candidates(r.hit.key)
            if len({g.places[i].cc for i in cands}) == 1:
                countries[g.places[cands[0]].cc] += 1
            if len({g.places[i].admin1_code for i in cands}) == 1 and g.places[cands[0]].admin1_code:
                admin1s[g.places[cands[0]].admin1_code] += 1
        first = [choose(g, r, countries, admin1s) for r in readings]
        sentence = [doc.sentence_of(r.hit.start) for r in readings]
        for i, r in enumerate(readings):
            if first[i] is None:
                continue
            # second pass: the other places of the sentence break ties (Husaybah east of Ramadi)
            others = [j for j, p in enumerate(first) if p is not None and j != i and sentence[j] == sentence[i]]
            near = [first[j] for j in others]
            # `حي المزة بدمشق`: no Mazzah far from Damascus is meant; `في بابل جنوب بغداد`: the
            # governorate, not a village called Babil. Only sure places judge the others.
            anchors = [q for q in near if not minor(q)]
            if i + 1 < len(readings) and first[i + 1] is not None and describes(text, r, readings[i + 1]):
                anchors.append(first[i + 1])  # `قرية الدردارة شمالي تل تمر`: Dardara lies by Tal Tamr
            p = choose(g, r, countries, admin1s, near, anchors) if near else first[i]
            if p is None:
                continue
            doc.mentions.append(self._mention(doc, g, r, p, sentence[i]))
        mark_appositions(text, doc.mentions_of("place"))
        mark_origins(text, doc.mentions_of("place"))
        filed = dateline_end(text)
        for m in doc.mentions_of("place"):
            if m.end <= filed:
                m.data["dateline"] = True  # where the story was filed: no event's place
        return doc

    @staticmethod
    def _mention(doc: Document, g: Gazetteer, r: Reading, p: Place, sentence: int) -> Mention:
        data: dict[str, Any] = {
            "name": p.name, "kind": p.kind, "country": g.country_name.get(p.iso3, p.iso3), "iso3": p.iso3,
            "admin1": p.admin1 or None, "admin1_code": p.admin1_code or None, "admin2": p.admin2 or None,
            "lat": p.lat, "lon": p.lon, "precision": precision(p, r), "base_precision": base_precision(p, r),
            "cue": r.cue,
            "qualifiers": [q[0] for q in r.quals], "head": r.head or None, "direction": r.post or
            next((v for k, v, _ in r.quals if k == "dir"), None),
            "name_span": (r.hit.start, r.hit.end),
            # `أطلق من صعدة باتجاه جازان`: where it came from, not where it struck
            "origin": any(k == "prep" and v == "from" for k, v, _ in r.quals),
            "candidates": [g.places[i].id for i in g.candidates(r.hit.key, headed=True)][:8],
        }
        return Mention("place", r.start, r.end, p.id, data, sentence)


BRACKETED = regex.compile(r"[ ]*[(\[][ ]*")


@functools.cache
def _dateline() -> regex.Pattern[str]:
    names = "|".join(regex.escape(r["surface"]) for r in load("ar", "dateline_agencies"))
    return regex.compile(rf"\A\s*[^\n(]{{0,80}}\(\s*(?:{names})\s*\)[\s-]*")


def dateline_end(text: str) -> int:
    """Where an article's dateline ends (`دبي، الإمارات العربية المتحدة (CNN) --`), else 0."""
    m = _dateline().match(text)
    return m.end() if m else 0


def mark_origins(text: str, ms: list[Mention]) -> None:
    """`من داخل الأراضي اليمنية (محافظة صعدة)`: a place in brackets after an origin is one too."""
    for a, b in zip(ms, ms[1:], strict=False):
        if a.data.get("origin") and a.sentence == b.sentence and BRACKETED.fullmatch(text[a.end:b.start]):
            b.data["origin"] = True


def mark_appositions(text: str, ms: list[Mention]) -> None:
    """`في بابل جنوب بغداد`, `الحصيبة شرق الرمادي`: a direction or nearness right after a place
    describes that place; it is not where the event was."""
    for a, b in zip(ms, ms[1:], strict=False):
        gap = text[a.end:b.start]
        if b.sentence != a.sentence:
            continue
        qa, qb = set(a.data["qualifiers"]), set(b.data["qualifiers"])
        if "road" in qa and gap.strip(" ") in ("", "و", "-", "،"):
            b.data["apposition"] = True  # the road's other end: the first place names the road
        elif APPOSITION_GAP.fullmatch(gap) and (
                qb & {"dir", "part"} or "near" in qb and a.data["kind"] not in ("country", "admin1")):
            b.data["apposition"] = True


register("places")(PlacesStage)


# --- resolve_places: each event's place -------------------------------------------------------

LOOKBACK = 3  # sentences before the event's own that may give its place
# Among places of equal precision: a named site is more specific than a town, a town than a district.
SPECIFIC = {"base": 0, "oil_field": 0, "gas_field": 0, "airport": 0, "crossing": 0, "dam": 0, "camp": 0,
            "prison": 0, "bridge": 0, "site": 0, "village": 0, "neighbourhood": 0, "locality": 1, "city": 1,
            "admin3": 2, "admin2": 2, "region": 3, "admin1": 3, "country": 4}


@dataclass
class ResolvePlacesStage:
    name: str = "resolve_places"
    requires: tuple[str, ...] = ("events", "mentions:place")
    assigns: tuple[str, ...] = ("events:location",)
    version: str = "resolve_places.v1"

    def __call__(self, doc: Document) -> Document:
        places = sorted(doc.mentions_of("place"), key=lambda m: m.start)
        for ev in doc.events:
            m = place_of(doc, ev, places)
            if m is not None:
                ev.location = location(doc, m)
                ev.link("location", m)
        return doc


def place_of(doc: Document, ev: Event, places: list[Mention]) -> Mention | None:
    """The event's place: the most specific one of its clause, else its sentence, else the
    nearest sentence before it (same paragraph first), else the article's main place."""
    places = [m for m in places if not m.data.get("dateline")]
    located = [m for m in places if (m.data["cue"] or m.data["precision"] < 3) and not m.data.get("apposition")]
    pick = _own_place(ev, located)
    if pick is not None and pick.data["kind"] == "country":
        # `شمال سوريا`: a governorate the article names nearby says which part of the country
        return _within(pick, ev, located) or pick
    return pick or main_place(places)


def _own_place(ev: Event, located: list[Mention]) -> Mention | None:
    """The clause's place, else the sentence's, else a sentence's before, else the next
    sentence's; a place named only as an origin (`من صعدة`) is kept for when no scope names another."""
    # only what is fired comes from somewhere: a man abducted `من منزله في ...` was taken there
    fired = ev.event_type == "Explosions/Remote violence" or ev.sub_event_type == "Disrupted weapons use"
    origin = None
    for scope in _scopes(ev, located):
        pick = _most_specific(scope, ev.trigger.start, fired)
        if pick is not None and not (fired and pick.data.get("origin")):
            return pick
        origin = origin or pick
    return origin


def _scopes(ev: Event, located: list[Mention]) -> Iterator[list[Mention]]:
    """The places of the event's clause, its sentence, the LOOKBACK sentences before it, and the
    sentence after it (a lead that names no place: `... قتل في ضربة جوية.` then `شن الجيش غارة
    في ولاية كونار`), each read only when the ones before gave nothing."""
    lo, hi = ev.clause
    if hi > lo:
        yield [m for m in located if lo <= m.start < hi]
    for si in [ev.sentence - back for back in range(LOOKBACK + 1)] + [ev.sentence + 1]:
        yield [m for m in located if m.sentence == si]


def _within(country: Mention, ev: Event, located: list[Mention]) -> Mention | None:
    """The nearest place inside `country` named within LOOKBACK sentences of the event."""
    inside = [m for m in located if m.data["iso3"] == country.data["iso3"] and m.data["admin1_code"]
              and abs(m.sentence - ev.sentence) <= LOOKBACK]
    if not inside:
        return None
    return min(inside, key=lambda m: (abs(m.sentence - ev.sentence), m.data["precision"]))


def _most_specific(ms: list[Mention], anchor: int, fired: bool = False) -> Mention | None:
    """For what was fired, any place before one named as its origin (`من صعدة`); then named site
    before town before district before region; a direction off a town (`شمالي حلب`) is vaguer
    than `قرب بلدة اعزاز`; then the closest to the trigger."""
    if not ms:
        return None
    return min(ms, key=lambda m: (fired and m.data.get("origin", False), m.data["base_precision"], not m.data["cue"], _vague(m),
                                  SPECIFIC.get(m.data["kind"], 1), m.data["precision"], abs(m.start - anchor)))


def _vague(m: Mention) -> int:
    q = set(m.data["qualifiers"])
    return int(bool(q & {"dir", "part"}) or bool(m.data["direction"]))


def main_place(places: list[Mention]) -> Mention | None:
    """The article's main place: its most named governorate (or country), first named first."""
    if not places:
        return None
    keys = Counter(m.data["admin1_code"] or m.data["iso3"] for m in places)
    best = max(keys.values())
    for m in places:
        if keys[m.data["admin1_code"] or m.data["iso3"]] == best:
            return m
    return None


def location(doc: Document, m: Mention) -> dict[str, Any]:
    """SPEC's `location` dict for a place mention, with the original span of its phrase."""
    s, e = doc.span(m.start, m.end)
    d = m.data
    return {"name": d["name"], "text": doc.text[s:e], "span": [s, e], "country": d["country"],
            "iso3": d["iso3"], "admin1": d["admin1"], "admin1_code": d["admin1_code"], "admin2": d["admin2"],
            "lat": round(d["lat"], 5), "lon": round(d["lon"], 5), "geo_precision": d["precision"],
            "gazetteer_id": m.code}


register("resolve_places")(ResolvePlacesStage)
