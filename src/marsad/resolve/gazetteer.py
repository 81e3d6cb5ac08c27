"""The gazetteer: places with Arabic names, their admin hierarchy and coordinates, and one
automaton over every name.

Three sources are merged: the built artefact `resources/gazetteer/gazetteer.tsv.gz` (Who's On
First, OCHA Iraq, Natural Earth; see `scripts/build_gazetteer.py`), the cities of 15,000 people
or more of the other countries (`world_cities.tsv.gz`, GeoNames) and the curated
`resources/ar/places_extra.tsv` (bases, fields, crossings, Yemen...). Names in
`place_blocklist.tsv` (common words that are also village names) are candidates of a village
only after a feature noun (`قرية الحرب`); rows of scope `all` ask that of every entry but the
curated ones (`صور` is "pictures" before it is Tyre).

It is built once per process (`gazetteer()` is cached) and never changed afterwards.

>>> g = gazetteer()
>>> [g.places[i].admin1_code for i in g.candidates("دير الزور")][:1]
['SY-DY']
>>> hit = g.find("قصف على ديرالزور")[0]
>>> sorted({g.places[i].cc for i in g.candidates(hit.key)})
['SY']
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import math
import re
from dataclasses import dataclass
from pathlib import Path

from marsad.resources import ROOT, load
from marsad.text.matcher import Hit, LexiconMatcher

ARTEFACT = ROOT / "gazetteer" / "gazetteer.tsv.gz"
# GeoNames cities abroad (`scripts/build_world_cities.py`): towns the main build does not cover
WORLD_CITIES = ROOT / "gazetteer" / "world_cities.tsv.gz"
WORLD_PREFIX = "gn:"  # the ids of its rows
# Feature types that name one point (geo_precision 1 when the text names them plainly).
POINT_TYPES = frozenset({"locality", "neighbourhood", "site", "admin3", "base", "oil_field", "gas_field", "refinery",
                         "airport", "crossing", "dam", "camp", "prison", "bridge", "city", "village"})

NO_PLACE_CLITIC = re.compile("[سك]")
# Kinds that a blocklist entry never hides, and the population above which a town is no
# common word's accidental namesake.
STRONG_KINDS = frozenset({"country", "admin1"})
BIG_TOWN = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. `kind`: country, admin1, admin2, admin3, locality, neighbourhood,
    site, or a curated type (base, oil_field, airport, crossing, city, region...)."""

    id: str
    kind: str
    cc: str
    iso3: str
    name: str
    names: tuple[str, ...]
    lat: float
    lon: float
    admin1_code: str
    admin1: str
    admin2: str
    pop: int
    curated: bool = False

    @property
    def is_point(self) -> bool:
        return self.kind in POINT_TYPES


class Gazetteer:
    """Places, a name index and one automaton over all names (with hashtag forms)."""

    def __init__(self, places: list[Place], blocked: frozenset[str],
                 everywhere: frozenset[str] = frozenset(), never: frozenset[str] = frozenset()) -> None:
        self.places = tuple(places)
        self.by_id = {p.id: i for i, p in enumerate(self.places)}
        self.country_name = {p.iso3: p.name for p in self.places if p.kind == "country"}
        self.country_place = {p.iso3: i for i, p in enumerate(self.places) if p.kind == "country" and p.curated}
        for i, p in enumerate(self.places):
            if p.kind == "country":
                self.country_place.setdefault(p.iso3, i)
        self.admin1_place = {p.admin1_code: i for i, p in enumerate(self.places)
                             if p.kind == "admin1" and p.admin1_code}
        self._index: dict[str, list[int]] = {}
        # places whose name is also a common word: candidates only after a feature noun
        self._weak: dict[str, list[int]] = {}
        for i, p in enumerate(self.places):
            strong = p.curated or p.kind in STRONG_KINDS or p.pop >= BIG_TOWN
            for name in p.names:
                if name in never and not p.curated:
                    continue
                for form in _forms(name):
                    weak = not p.curated and (name in everywhere or form in everywhere) or \
                        not strong and (form in blocked or name in blocked)
                    (self._weak if weak else self._index).setdefault(form, []).append(i)
        # hand-kept sites and regions are named on purpose: no locative word is needed before them
        self.curated_names = frozenset(f for p in self.places if p.curated and p.kind not in STRONG_KINDS
                                       for n in p.names for f in _forms(n))
        self.matcher = LexiconMatcher((form, form) for form in {**self._weak, **self._index})

    def candidates(self, name: str, *, headed: bool = False) -> list[int]:
        """Indices of the places called `name` (folded), in gazetteer order; `headed` (a
        feature noun such as مدينة or قرية comes before the name) adds the blocklisted ones."""
        out = list(self._index.get(name, ()))
        if headed:
            out += self._weak.get(name, ())
        return out

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Place names in folded `text`; each hit's payload is the matched name form.

        A name stored without the article is found behind one too (`الحصيبة` for `حصيبه`):
        `article_added` tells those apart, and the resolver asks more of them. Neither the
        future marker س nor the comparative ك goes before a name (`سكني` is not كني, `كبيرة`
        is not بيرة).
        """
        return [h for h in self.matcher.find(text, start, end) if not NO_PLACE_CLITIC.search(text[h.word_start:h.start])]


def article_added(text: str, hit: Hit) -> bool:
    """Whether the text puts an article before a name stored without one (`الحرب` for `حرب`)."""
    prefix = text[hit.word_start:hit.start]
    return not hit.key.startswith("ال") and (prefix.endswith("ال") or prefix.endswith("لل"))


def _forms(name: str) -> tuple[str, ...]:
    """The name and its hashtag form without spaces (`دير الزور` -> `ديرالزور`)."""
    if " " in name and len(name) >= 6:
        return name, name.replace(" ", "")
    return (name,)


def read_artefact(path: Path = ARTEFACT) -> list[Place]:
    """The built gazetteer rows as Places."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        out = []
        for line in fh:
            r = dict(zip(header, line.rstrip("\n").split("\t"), strict=True))
            out.append(Place(r["id"], r["kind"], r["cc"], r["iso3"], r["name"], tuple(r["names"].split("|")),
                             float(r["lat"]), float(r["lon"]), r["admin1_code"], r["admin1"], r["admin2"],
                             int(r["pop"] or 0)))
    return out


def curated_places(admin1_names: dict[str, str], iso2: dict[str, str]) -> list[Place]:
    """The curated sites and aliases of `places_extra.tsv` as Places."""
    out = []
    for r in load("ar", "places_extra"):
        code = r["admin1_code"]
        name = admin1_names.get(code, r["name"] if r["type"] == "admin1" else "")
        out.append(Place(r["id"], r["type"], iso2.get(r["iso3"], ""), r["iso3"], r["name"],
                         tuple(r["names"].split("|")), float(r["lat"]), float(r["lon"]), code, name, "",
                         0, curated=True))
    return out


@functools.cache
def gazetteer() -> Gazetteer:
    """The process's gazetteer, built on first use."""
    places = read_artefact() + read_artefact(WORLD_CITIES)
    admin1_names = {p.admin1_code: p.admin1 for p in places if p.kind == "admin1" and p.admin1_code}
    for r in load("ar", "places_extra"):
        if r["type"] == "admin1":
            admin1_names.setdefault(r["admin1_code"], r["name"])
    iso2 = {p.iso3: p.cc for p in places if p.kind == "country"}
    rows = load("ar", "place_blocklist")
    blocked = frozenset(r["surface"] for r in rows)
    everywhere = frozenset(r["surface"] for r in rows if r["scope"] in ("all", "never"))
    never = frozenset(r["surface"] for r in rows if r["scope"] == "never")
    return Gazetteer(curated_places(admin1_names, iso2) + places, blocked, everywhere, never)


@functools.cache
def artefact_digest() -> str:
    """A digest of the built gazetteer files, stamped on outputs with the lexicons' digest."""
    h = hashlib.sha256()
    for path in (ARTEFACT, WORLD_CITIES):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


# Named sites: a base, an airport, a field, a crossing (not a town, a district or a region).
SITE_KINDS = frozenset({"base", "oil_field", "gas_field", "refinery", "airport", "crossing", "dam", "camp",
                        "prison", "bridge", "site"})


def kind_of(gazetteer_id: str | None) -> str | None:
    """The kind of a gazetteer entry (locality, base, admin1 ...), None for an unknown id."""
    gz = gazetteer()
    i = gz.by_id.get(gazetteer_id or "")
    return gz.places[i].kind if i is not None else None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(km(33.3, 44.4, 33.3, 44.4))
    0
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


__all__ = ["Gazetteer", "Place", "artefact_digest", "gazetteer", "km", "read_artefact"]
