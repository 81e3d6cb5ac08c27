"""RFC 7946 GeoJSON: a FeatureCollection with one Point feature per incident or event.

Coordinates are `[longitude, latitude]` (WGS 84); an event without a place gets a null geometry,
which RFC 7946 allows, so nothing is dropped.

>>> feature({"event_id": "ev-1", "location": {"lat": 35.3, "lon": 40.1}})["geometry"]
{'type': 'Point', 'coordinates': [40.1, 35.3]}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from marsad.export import acled_csv
from marsad.export.writers import writer


def feature(rec: dict[str, Any]) -> dict[str, Any]:
    """A Feature: the record's fields as properties, its place as a Point."""
    loc = rec.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    props = {k: v for k, v in rec.items() if k != "evidence"}
    return {"type": "Feature", "id": rec["event_id"], "geometry": geom, "properties": props}


def write_features(recs: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Stream a FeatureCollection; return how many features."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for rec in recs:
        out.write((",\n" if n else "") + json.dumps(feature(rec), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


@writer("geojson")
def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """`marsad extract --format geojson`: one feature per event; returns how many articles failed."""
    failed = 0

    def events() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for rec in records:
            failed += "error" in rec
            yield from acled_csv.events_of_articles([rec])

    write_features(events(), out)
    return failed
