"""Cross-source fusion: events from different articles about one incident become one incident.

Only resolved fields are compared (DESIGN 7: never Arabic strings): the day, the place's
coordinates, governorate and gazetteer id, the ACLED type, the weapon code and the actors'
canonical names. `match(a, b)` says whether two events may be one incident and why (the rule
and the distances, stored so a merge can be explained). `cluster(views, cannot)` groups a set of
events by complete linkage: two groups join only when every pair across them matches and no
pair is known to be two incidents (two events of one article always are, since within-article
fusion already merged what was one). The result depends on the set of events only, never on
the order they arrived in, so a later article that shows two incidents splits a group simply
by being part of the set when it is clustered again.

>>> a = EventView("e1", "a1", "Sky", "2018-03-01", "Explosions/Remote violence", "Air/drone strike",
...               "airstrike", 36.2, 37.1, 1, "SY-HL", "SYR", None, None)
>>> b = EventView("e2", "a2", "BBC", "2018-03-01", "Explosions/Remote violence", "Air/drone strike",
...               None, 36.21, 37.12, 1, "SY-HL", "SYR", None, None)
>>> match(a, b).ok, match(a, b).rule
(True, 'same-type near')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.resolve.gazetteer import SITE_KINDS, kind_of, km

MAX_DAYS = 1
NEAR_KM = 10.0  # two towns this close may be the same incident told with different places
AREA_KM = 60.0  # a district or governorate named in one telling, a town in the other
# weapons that one outlet may name for what another calls by a neighbour's name
WEAPON_FAMILY = {
    "airstrike": "air", "drone": "air", "missile": "fire", "rocket": "fire", "artillery": "fire",
    "mortar": "fire", "ied": "bomb", "vbied": "bomb", "suicide_bomb": "bomb", "landmine": "bomb",
    "grenade": "bomb", "small_arms": "arms", "chemical": "chemical",
}
DISRUPTED = "Disrupted weapons use"
REMOTE = "Explosions/Remote violence"


@dataclass(frozen=True, slots=True)
class EventView:
    """The resolved fields of one stored event that fusion looks at."""

    event_id: str
    article: str  # the article's content hash: two events of one article are two incidents
    source: str | None
    day: str | None  # the event's date, else its article's publication date
    event_type: str
    sub_event_type: str
    weapon: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    admin1_code: str | None
    iso3: str | None
    actor1: str | None
    actor2: str | None
    gazetteer_id: str | None = None
    place: str | None = None  # the gazetteer's (English) names of the place and of its governorate
    admin1: str | None = None
    certainty: str | None = None  # asserted, claimed, hedged: a hedged telling's attacker is disputed
    at: int = 0  # where the event's trigger stands in its article (orders ties without the event id)


@dataclass(frozen=True, slots=True)
class Match:
    """Whether two events may be one incident, by which rule, and the distances measured."""

    ok: bool
    rule: str
    days: int | None = None
    km: float | None = None

    @property
    def cost(self) -> float:
        """Lower is a closer match; clustering joins the closest pairs first."""
        kinship = 0.0 if self.rule.startswith("same-type") else 0.5  # a merge across types weighs more
        kinship += 0.25 * sum(w in self.rule for w in (AIR_OR_FIRE, SWAPPED, CIVILIAN_TARGET, DISPUTED_ATTACKER))
        return (self.days or 0) + (self.km or 0.0) / NEAR_KM + kinship


AIR_OR_FIRE = "air-or-fire"  # an air strike one outlet calls shelling or a missile attack
SWAPPED = "sides swapped"  # one outlet's attacker is the other's target (a passive sentence read back)
CIVILIAN_TARGET = "civilians or fighters"  # the dead of one strike counted as civilians by one side
CIVILIANS = "Civilians"
CLOSE = ("same place", "near")
# cross-type kin that only one place and one day make one incident
ONE_SPOT = ("clash-or-attack", "complex-attack")


def match(a: EventView, b: EventView) -> Match:
    """May `a` and `b` be one incident? The first failed test is the rule given when not."""
    if a.article == b.article:
        return Match(False, "same article")
    days = day_gap(a.day, b.day)
    if days is None or days > MAX_DAYS:
        return Match(False, "dates apart" if days is not None else "no date", days)
    type_rule = compatible_types(a, b)
    if type_rule is None:
        return Match(False, "types differ", days)
    # a complex attack is guns and bombs by definition; any other incident is told with one kind
    weapons = weapon_kinship(a.weapon, b.weapon) if type_rule != "complex-attack" else "same"
    if weapons is None:
        return Match(False, "weapons differ", days)
    actors = actor_agreement(a, b)
    if actors is None:
        return Match(False, "actors differ", days)
    place_rule, dist = place_match(a, b)
    if place_rule is None:
        return Match(False, "places apart", days, dist)
    if days and max(area_precision(a), area_precision(b)) > 1:
        # a district, a governorate or a country is too wide to take a day's slack as well
        return Match(False, "wide places a day apart", days, dist)
    if type_rule in ONE_SPOT and (days or place_rule not in CLOSE):
        return Match(False, "types differ", days, dist)
    if weapons == AIR_OR_FIRE and (place_rule not in CLOSE or max(area_precision(a), area_precision(b)) > 2
                                   or (days and place_rule != "same place")):
        # kin only at one town (a day apart: the same town): in one country or governorate on
        # one day, an air raid and a rocket salvo are as often two incidents as one
        return Match(False, "weapons differ", days, dist)
    rule = " ".join(r for r in (type_rule, place_rule) if r)
    extras = [x for x in (weapons, actors) if x in (AIR_OR_FIRE, SWAPPED, CIVILIAN_TARGET, DISPUTED_ATTACKER)]
    return Match(True, rule + "".join(f", {x}" for x in extras), days, dist)


def day_gap(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def compatible_types(a: EventView, b: EventView) -> str | None:
    """'same-type', 'disrupted-attack' (one outlet says hit, another intercepted) or None."""
    if a.event_type == b.event_type:
        if a.sub_event_type == b.sub_event_type:
            return "same-type"
        return "same-type" if a.event_type == REMOTE else None
    pair = {a.sub_event_type, b.sub_event_type}
    if DISRUPTED in pair and REMOTE in {a.event_type, b.event_type}:
        return "disrupted-attack"
    if pair == {"Armed clash", "Attack"}:
        return "clash-or-attack"  # a shooting one outlet calls a clash (one place, one day only)
    if pair == {"Armed clash", "Suicide bomb"}:
        # gunmen and suicide bombers storming a building: a gunfight to one outlet, a suicide
        # bombing to another (one place, one day only)
        return "complex-attack"
    return None


def compatible_weapons(a: str | None, b: str | None) -> bool:
    """Weapons of one family (or one unknown): outlets call one salvo rockets or missiles."""
    return weapon_kinship(a, b) == "same"


def weapon_kinship(a: str | None, b: str | None) -> str | None:
    """'same' (one family, or one side unknown), AIR_OR_FIRE, or None.

    Outlets call one strike an air raid, a missile strike or shelling (`قصف` is all three), so
    an air strike and a fired weapon are kin, but only at one place (see `match`); a drone is
    named by those who know it was one."""
    if not a or not b or "unknown" in (a, b):
        return "same"
    fa, fb = WEAPON_FAMILY.get(a, a), WEAPON_FAMILY.get(b, b)
    if fa == fb:
        return "same"
    return AIR_OR_FIRE if "airstrike" in (a, b) and {fa, fb} == {"air", "fire"} else None


DISPUTED = frozenset({"hedged", "claimed"})
DISPUTED_ATTACKER = "attacker disputed"


def one_site_one_day(a: EventView, b: EventView) -> bool:
    """Both told at one named site (a base, an airport) on one day: two attackers striking one
    base that day are rarer than two outlets blaming different ones."""
    return bool(a.gazetteer_id) and a.gazetteer_id == b.gazetteer_id and kind_of(a.gazetteer_id) in SITE_KINDS \
        and day_gap(a.day, b.day) == 0


def compatible_actors(a: EventView, b: EventView) -> bool:
    """Sides named by both must agree (a state's army and police are one side; an unidentified
    group agrees with anyone); one telling may name a side the other leaves out."""
    return actor_agreement(a, b) is not None


def actor_agreement(a: EventView, b: EventView) -> str | None:
    """'agree', SWAPPED, CIVILIAN_TARGET, DISPUTED_ATTACKER or None (the sides named by both
    disagree).

    The sides may also be told the other way round (`استهدف الجيش` read as the army attacking,
    or a clash, which has no first side) when a side named by both then agrees. The target of a
    strike or bombing may be civilians to one outlet and fighters or a base to another (one side
    counts the dead as civilians, the other as fighters): CIVILIAN_TARGET, on one day only."""
    a1, a2, b1, b2 = (actor_key(x) for x in (a.actor1, a.actor2, b.actor1, b.actor2))

    def agree(x: str | None, y: str | None) -> bool:
        return not (x and y and x != y)

    if agree(a1, b1) and agree(a2, b2):
        return "agree"
    if agree(a1, b1) and CIVILIANS in (a2, b2) and REMOTE in (a.event_type, b.event_type) \
            and day_gap(a.day, b.day) == 0:
        return CIVILIAN_TARGET
    # swapped only when some side named by both then agrees: (Syria, -) and (US, -) are two attackers
    if agree(a1, b2) and agree(a2, b1) and ((a1 and a1 == b2) or (a2 and a2 == b1)):
        return SWAPPED
    # outlets blame different attackers for one strike (`صواريخ يعتقد أنها أميركية`, `تتهمان
    # إسرائيل`): an attacker told as belief or claim does not keep two tellings apart
    if a1 != b1 and (a2 and a2 == b2 and DISPUTED & {a.certainty, b.certainty}
                     or agree(a2, b2) and one_site_one_day(a, b)):
        return DISPUTED_ATTACKER  # the target agrees (named by both, unless at one base)
    return None


_STATE = re.compile(r"^(?:(?:Military|Police|Security|Air|Naval|Border|Special) Forces|Government) of (.+?)"
                    r"(?: \(.*\))?$")
_TRAILER = re.compile(r" \([^)]*\)$")


def actor_key(name: str | None) -> str | None:
    """What fusion compares of an ACLED actor name: the state for its forces, the group otherwise.

    >>> actor_key("Police Forces of Israel (2009-2021)"), actor_key("Civilians (Iraq)")
    ('state:Israel', 'Civilians')
    >>> actor_key("Government of Iraq (2014-2018)") == actor_key("Military Forces of Iraq (2014-2018)")
    True
    >>> actor_key("Unidentified Armed Group (Syria)") is None
    True
    """
    if not name or name.startswith("Unidentified"):
        return None
    m = _STATE.match(name)
    return f"state:{m.group(1)}" if m else _TRAILER.sub("", name)


def place_match(a: EventView, b: EventView) -> tuple[str | None, float | None]:
    """('same place' | 'near' | 'in area', km) or (None, km): places must be known on both sides."""
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return "same place", 0.0
    if a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return None, None
    if a.admin1_code and b.admin1_code and a.admin1_code != b.admin1_code:
        return None, None
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None, None
    dist = round(km(a.lat, a.lon, b.lat, b.lon), 2)  # type: ignore[arg-type]
    if dist <= NEAR_KM:
        return "near", dist
    coarse = max(area_precision(a, 1), area_precision(b, 1))
    same_admin1 = bool(a.admin1_code) and a.admin1_code == b.admin1_code
    if same_admin1 and (coarse == 3 or (coarse == 2 and dist <= AREA_KM)):
        return "in area", dist  # a governorate (or a district nearby) named, a town in the other
    if a.iso3 and a.iso3 == b.iso3 and _country_only(a) != _country_only(b):
        return "in country", dist  # one telling names only the country
    return None, dist


def area_precision(v: EventView, unknown: int = 3) -> int:
    """The place's ACLED precision, read as a governorate's (3) for 'near' a city that gives the
    governorate its name: `قرب حمص`, `محيط حلب` locate anything in Homs or Aleppo province."""
    prec = v.geo_precision or unknown
    if prec == 2 and v.place and v.place == v.admin1:
        return 3
    return prec


def _country_only(v: EventView) -> bool:
    return v.admin1_code is None and (v.geo_precision or 3) == 3


@dataclass
class Clustering:
    """Groups of event ids, and the matches that joined them (the merge's explanation)."""

    groups: list[list[str]]
    links: list[tuple[str, str, Match]] = field(default_factory=list)


def cluster(views: Iterable[EventView]) -> Clustering:
    """Complete-linkage grouping of `views`, closest pairs first; independent of input order.

    >>> v = lambda i, art, day: EventView(i, art, None, day, REMOTE, "Air/drone strike", None,
    ...                                   33.3, 44.4, 1, "IQ-BG", "IRQ", None, None)
    >>> cluster([v("x", "a", "2018-01-02"), v("y", "b", "2018-01-02"), v("z", "a", "2018-01-02")]).groups
    [['x', 'y'], ['z']]
    """
    vs = sorted(views, key=lambda v: v.event_id)
    pairs = []
    for i, a in enumerate(vs):
        for b in vs[i + 1:]:
            m = match(a, b)
            if m.ok:
                pairs.append((m.cost, a.event_id, b.event_id, m))
    # ties go by the articles' content hashes and the events' places in them, not by the event ids
    # (which carry the pipeline's fingerprint): a lexicon change should not reshuffle the joins
    place = {v.event_id: (v.article, v.at, v.gazetteer_id or "", v.sub_event_type) for v in vs}
    pairs.sort(key=lambda p: (p[0], place[p[1]], place[p[2]], p[1], p[2]))
    by_id = {v.event_id: v for v in vs}
    group_of: dict[str, list[str]] = {v.event_id: [v.event_id] for v in vs}
    links: list[tuple[str, str, Match]] = []
    for _, x, y, m in pairs:
        gx, gy = group_of[x], group_of[y]
        if gx is gy or not all(match(by_id[p], by_id[q]).ok for p in gx for q in gy):
            continue
        gx.extend(gy)
        for e in gy:
            group_of[e] = gx
        links.append((x, y, m))
    seen: set[int] = set()
    groups = []
    for v in vs:
        g = group_of[v.event_id]
        if id(g) not in seen:
            seen.add(id(g))
            groups.append(sorted(g))
    return Clustering(groups, links)


def view_of(event_id: str, article: str, source: str | None, published: str | None,
            rec: dict[str, Any]) -> EventView:
    """The EventView of a SPEC event record (`export.records.event_record`)."""
    loc = rec.get("location") or {}
    return EventView(
        event_id=event_id, article=article, source=source,
        day=rec.get("date") or published, event_type=rec["event_type"],
        sub_event_type=rec["sub_event_type"], weapon=rec.get("weapon"),
        lat=loc.get("lat"), lon=loc.get("lon"), geo_precision=loc.get("geo_precision"),
        admin1_code=loc.get("admin1_code"), iso3=loc.get("iso3"),
        actor1=(rec.get("actor1") or {}).get("name"), actor2=(rec.get("actor2") or {}).get("name"),
        gazetteer_id=loc.get("gazetteer_id"), place=loc.get("name"), admin1=loc.get("admin1"),
        certainty=rec.get("certainty"),
        at=next((e["span"][0] for e in rec.get("evidence") or [] if e.get("role") == "trigger"), 0),
    )


# --- the incident a group of events makes ---------------------------------------------------

BASE_CONFIDENCE = {"asserted": 0.6, "claimed": 0.45, "hedged": 0.35}
SAME_SOURCE_WEIGHT = 0.5  # a second article from the same outlet adds less than another outlet


def incident_id(event_ids: Iterable[str]) -> str:
    """Stable: named after its smallest event id, so it survives the arrival of more sources.

    >>> incident_id(["ev-b2", "ev-a1"])
    'inc-a1'
    """
    return "inc-" + min(event_ids).removeprefix("ev-")


def incident_record(members: list[dict[str, Any]]) -> dict[str, Any]:
    """One SPEC event record for a group, plus `sources`, `confidence` and `event_ids`.

    Each member is `{"event_id", "article_id", "source", "url", "published", "record"}`.
    Munitions are the range over all reports; fatalities and injuries the lowest figure a source
    gives as fact (asserted), else the lowest given at all; place, date and type the most precise
    and most told. `sources` keeps what each source reported.
    """
    members = sorted(members, key=lambda m: m["event_id"])
    recs = [m["record"] for m in members]
    best = min(recs, key=lambda r: (_precision(r), -_votes(recs, r), r["event_id"]))
    out = dict(best)
    out["event_id"] = incident_id(m["event_id"] for m in members)
    out["event_type"], out["sub_event_type"] = _type_of(recs)
    out["date"], out["time_precision"] = _date_of(recs)
    out["weapon"] = _most_told([r.get("weapon") for r in recs if r.get("weapon") not in (None, "unknown")],
                               best.get("weapon"))
    out["actor1"] = _actor_of(recs, "actor1")
    out["actor2"] = _actor_of(recs, "actor2")
    out["munitions"] = _range([r.get("munitions") for r in recs])
    out["fatalities"] = lowest_fact(recs, "fatalities")
    out["injuries"] = lowest_fact(recs, "injuries")
    outcomes = [r.get("outcome") for r in recs if r.get("outcome") not in (None, "unknown")]
    out["outcome"] = _most_told(outcomes, "unknown")
    certainties = {r.get("certainty") for r in recs}
    out["certainty"] = next(c for c in ("asserted", "claimed", "hedged", None) if c in certainties or c is None)
    out["attributed_to"] = [a for r in recs for a in r.get("attributed_to") or []]
    out["evidence"] = [dict(e, event_id=r["event_id"]) for r in recs for e in r.get("evidence") or []]
    out["confidence"] = confidence(members)
    out["event_ids"] = [m["event_id"] for m in members]
    out["sources"] = [source_entry(m) for m in members]
    return out


def lowest_fact(recs: list[dict[str, Any]], key: str) -> int | None:
    """The lowest figure given as fact; when no source asserts one, the lowest given at all."""
    asserted = [r[key] for r in recs if r.get(key) is not None and r.get("certainty") == "asserted"]
    anyone = [r[key] for r in recs if r.get(key) is not None]
    return min(asserted or anyone) if anyone else None


def confidence(members: list[dict[str, Any]]) -> float:
    """1 - the chance that every report is wrong; more outlets count more than more articles.

    >>> confidence([{"source": "A", "record": {"certainty": "asserted"}}])
    0.6
    >>> confidence([{"source": "A", "record": {"certainty": "asserted"}},
    ...             {"source": "B", "record": {"certainty": "asserted"}}])
    0.84
    """
    doubt = 1.0
    seen: set[Any] = set()
    for m in sorted(members, key=lambda m: -BASE_CONFIDENCE.get(m["record"].get("certainty"), 0.35)):
        c = BASE_CONFIDENCE.get(m["record"].get("certainty"), 0.35)
        if m.get("source") in seen:
            c *= SAME_SOURCE_WEIGHT
        seen.add(m.get("source"))
        doubt *= 1 - c
    return round(min(1 - doubt, 0.99), 2)


def source_entry(m: dict[str, Any]) -> dict[str, Any]:
    r = m["record"]
    return {
        "article_id": m["article_id"], "source": m.get("source"), "url": m.get("url"),
        "published": m.get("published"), "event_id": m["event_id"],
        "reported": {k: r.get(k) for k in ("date", "sub_event_type", "weapon", "munitions", "fatalities",
                                           "injuries", "outcome", "certainty")}
                    | {"location": (r.get("location") or {}).get("name")},
    }


def _precision(r: dict[str, Any]) -> int:
    return (r.get("location") or {}).get("geo_precision") or 4


def _votes(recs: list[dict[str, Any]], r: dict[str, Any]) -> int:
    return sum(x["sub_event_type"] == r["sub_event_type"] for x in recs)


def _type_of(recs: list[dict[str, Any]]) -> tuple[str, str]:
    """The most told type; an attack that some say was intercepted is a disrupted attack only
    when most say so."""
    pairs = [(r["event_type"], r["sub_event_type"]) for r in recs]
    return max(sorted(set(pairs)), key=pairs.count)


def _date_of(recs: list[dict[str, Any]]) -> tuple[str | None, int | None]:
    dated = [(r.get("time_precision") or 3, r["date"]) for r in recs if r.get("date")]
    if not dated:
        return None, None
    prec = min(p for p, _ in dated)
    days = [d for p, d in dated if p == prec]
    return max(sorted(set(days)), key=days.count), prec


def _actor_of(recs: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    named = [r[key] for r in recs if r.get(key) and r[key].get("name")]
    if not named:
        return None
    names = [a["name"] for a in named]
    top = max(sorted(set(names)), key=names.count)
    return next(a for a in named if a["name"] == top)


def _most_told(values: list[Any], default: Any) -> Any:
    if not values:
        return default
    return max(sorted(set(values)), key=values.count)


def _range(ranges: list[dict[str, int] | None]) -> dict[str, int] | None:
    given = [r for r in ranges if r]
    if not given:
        return None
    return {"min": min(r["min"] for r in given), "max": max(r["max"] for r in given)}
