"""The place stages: find place phrases in the text, then give each event its place.

`places` finds every gazetteer name with one automaton, reads the words before and after it
(`بالقرب من`, `ريف`, `شرق`, `محافظة`, `مدينة`, `الغربي`...), keeps a bare village name only
where a locative word or a feature noun stands before it, and picks one gazetteer entry per
phrase by its kind, population, the feature noun and the countries and governorates the
article names. `resolve_places` gives each event the most specific place of its own clause,
else of its sentence, else of the sentences before it, else the article's main place.

>>> from marsad.pipeline import Pipeline
>>> doc = Pipeline.default(["segment", "places"])("قصفت طائرة مسيرة موقعا قرب مدينة البوكمال شرقي دير الزور")
>>> m = doc.mentions_of("place")[0]
>>> doc.original(m.start, m.end), m.data["admin1_code"], m.data["precision"]
('قرب مدينة البوكمال', 'SY-DY', 2)
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from marsad.document import Document, Event, Mention
from marsad.pipeline import register
from marsad.resolve.gazetteer import BIG_TOWN, Gazetteer, Place, article_added, gazetteer, km
from marsad.resources import load
from marsad.text.matcher import Hit, LexiconMatcher

# Prior weight of each kind of entry when a name has several (curated sites first, then
# countries and governorates, then towns; a district is a weaker reading than its town).
KIND_PRIOR = {"country": 5.0, "admin1": 4.5, "locality": 2.0, "admin2": 2.5, "admin3": 1.0,
              "neighbourhood": 0.0, "site": 2.0}
CURATED_PRIOR = 6.0
FOCUS = {"SY": 1.0, "IQ": 1.0}  # the countries the news in scope is mostly about
WIDE = frozenset({"country", "admin1", "region"})
QUALIFIED = frozenset({"near", "part", "dir", "road"})  # these make a named point precision 2
MAX_CHAIN = 4  # qualifier words read before a name
DEFINITE_ROLES = frozenset({"head", "part", "dir", "near"})
TANWEEN = frozenset("\u064b\u064c\u064d")
# what may stand between a place and the words that describe where it lies: a comma or one
# word (`الغوطة الشرقية المحاصرة قرب دمشق`)
APPOSITION_GAP = regex.compile(r"[ ،,]*(?:\p{L}+[ ،,]+)?")
NEAR_KM, NEAR_BONUS = 60.0, 2.5  # a candidate this close to another place of its sentence gains
DUPLICATE_KM = 10.0  # two entries of one name and kind this close are one place
FAR_KM = 80.0  # a village this far from every other place of its sentence is a namesake
CAPITAL_BONUS = 6.0  # a bare governorate name that is also its capital's name means the town


@dataclass(frozen=True, slots=True)
class Phrases:
    """The words around place names (resources/ar/place_phrases.tsv), one automaton."""

    matcher: LexiconMatcher
    role: dict[str, tuple[str, str]]


@functools.cache
def phrases() -> Phrases:
    rows = load("ar", "place_phrases")
    return Phrases(LexiconMatcher((r["surface"], r["surface"]) for r in rows),
                   {r["surface"]: (r["role"], r["value"]) for r in rows})


@dataclass
class Reading:
    """A place name found in the text with the words around it."""

    hit: Hit
    quals: list[tuple[str, str, int]] = field(default_factory=list)  # (role, value, start)
    post: str = ""
    post_end: int = 0
    own_prep: bool = False  # the name itself carries ب (بالبوكمال)
    named_head: bool = False  # the name begins with a feature noun (قاعدة حرير), or is curated
    article: bool = False  # the text adds an article the gazetteer name lacks
    nation: str = ""  # the country a nationality adjective right after the name gives (ISO2)

    def roles(self) -> set[str]:
        return {r for r, _, _ in self.quals}

    @property
    def head(self) -> str:
        return next((v for r, v, _ in self.quals if r == "head"), "")

    @property
    def cue(self) -> bool:
        return self.own_prep or self.named_head or bool(self.roles() - {"actor"})

    @property
    def start(self) -> int:
        kept = [s for r, _, s in self.quals if r not in ("prep", "actor")]
        return min(kept, default=self.hit.start)

    @property
    def end(self) -> int:
        return self.post_end or self.hit.end


def read_context(text: str, hits: list[Hit], ph: Phrases, curated: frozenset[str] = frozenset()) -> list[Reading]:
    """Each name hit with the qualifier words chained before it and a direction after it;
    `curated`: the names of hand-kept sites, which need no locative word before them."""
    by_end: dict[int, Hit] = {}
    by_start: dict[int, Hit] = {}
    for q in ph.matcher.find(text):
        if ph.role[q.key][0] in DEFINITE_ROLES and "ال" in text[q.word_start:q.start]:
            continue  # `القضاء عليه`, `المطار العسكري`: a feature noun before a name has no article
        by_end[q.end] = q
        by_start[q.word_start] = q
    out = []
    for h in hits:
        if h.key in ph.role:
            continue  # مدينة, منطقة, حدود: the words around names are no names themselves
        r = Reading(h, own_prep="ب" in text[h.word_start:h.start], article=article_added(text, h),
                    named_head=ph.role.get(h.key.split(" ")[0], ("",))[0] == "head" or h.key in curated)
        cur = h.word_start
        for _ in range(MAX_CHAIN):
            q = by_end.get(cur - 1)
            if q is None or text[cur - 1] != " " or ph.role[q.key][0] in ("postdir", "nation"):
                break
            role, value = ph.role[q.key]
            r.quals.insert(0, (role, value, q.start if role != "prep" else q.word_start))
            cur = q.word_start
            if role in ("prep", "actor"):
                break  # a preposition or an actor word opens the phrase
        nxt = by_start.get(h.end + 1)
        if nxt is not None and h.end < len(text) and text[h.end] == " ":
            role, value = ph.role[nxt.key]
            if role == "postdir":
                r.post, r.post_end = value, nxt.end
            elif role == "nation":
                r.nation = value
        out.append(r)
    return out


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
    if not r.cue and all(_minor(p) for p in cands):
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


def _minor(p: Place) -> bool:
    return not p.curated and p.kind in ("locality", "neighbourhood", "admin3") and p.pop < BIG_TOWN


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


@dataclass
class PlacesStage:
    name: str = "places"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("mentions:place",)
    version: str = "places.v1"
    gazetteer: Callable[[], Gazetteer] = gazetteer

    def __call__(self, doc: Document) -> Document:
        g, text = self.gazetteer(), doc.norm.text
        readings = [r for r in read_context(text, g.find(text), phrases(), g.curated_names)
                    if not _actor_part(r) and not _tanween(doc, r)]
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
            anchors = [q for q in near if not _minor(q)]
            if i + 1 < len(readings) and first[i + 1] is not None and _describes(text, r, readings[i + 1]):
                anchors.append(first[i + 1])  # `قرية الدردارة شمالي تل تمر`: Dardara lies by Tal Tamr
            p = choose(g, r, countries, admin1s, near, anchors) if near else first[i]
            if p is None:
                continue
            doc.mentions.append(self._mention(doc, g, r, p, sentence[i]))
        mark_appositions(text, doc.mentions_of("place"))
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
            "candidates": [g.places[i].id for i in g.candidates(r.hit.key, headed=True)][:8],
        }
        return Mention("place", r.start, r.end, p.id, data, sentence)


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


def _describes(text: str, a: Reading, b: Reading) -> bool:
    """Whether reading b (`شمالي تل تمر`) says where reading a, right before it, lies."""
    return bool(b.roles() & {"dir", "near", "part"}) and bool(APPOSITION_GAP.fullmatch(text[a.end:b.start]))


def _tanween(doc: Document, r: Reading) -> bool:
    """A name takes no tanween: `دوماً` is "always", not Douma (the folding drops the mark, the
    original keeps it)."""
    s, e = doc.span(r.hit.start, r.hit.end)
    return any(c in TANWEEN for c in doc.text[s:e + 1])


def _actor_part(r: Reading) -> bool:
    """`حزب الله`, `جيش العراق`: a name right after an actor word is part of the actor's name."""
    return bool(r.quals) and r.quals[-1][0] == "actor"


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
    located = [m for m in places if (m.data["cue"] or m.data["precision"] < 3) and not m.data.get("apposition")]
    pick = _own_place(ev, located)
    if pick is not None and pick.data["kind"] == "country":
        # `شمال سوريا`: a governorate the article names nearby says which part of the country
        return _within(pick, ev, located) or pick
    return pick or main_place(places)


def _own_place(ev: Event, located: list[Mention]) -> Mention | None:
    lo, hi = ev.clause
    if hi > lo:
        pick = _most_specific([m for m in located if lo <= m.start < hi], ev.trigger.start)
        if pick is not None:
            return pick
    for back in range(LOOKBACK + 1):
        pick = _most_specific([m for m in located if m.sentence == ev.sentence - back], ev.trigger.start)
        if pick is not None:
            return pick
    return None


def _within(country: Mention, ev: Event, located: list[Mention]) -> Mention | None:
    """The nearest place inside `country` named within LOOKBACK sentences of the event."""
    inside = [m for m in located if m.data["iso3"] == country.data["iso3"] and m.data["admin1_code"]
              and abs(m.sentence - ev.sentence) <= LOOKBACK]
    if not inside:
        return None
    return min(inside, key=lambda m: (abs(m.sentence - ev.sentence), m.data["precision"]))


def _most_specific(ms: list[Mention], anchor: int) -> Mention | None:
    """Named site before town before district before region; a direction off a town
    (`شمالي حلب`) is vaguer than `قرب بلدة اعزاز`; then the closest to the trigger."""
    if not ms:
        return None
    return min(ms, key=lambda m: (m.data["base_precision"], not m.data["cue"], _vague(m),
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
