"""Write article records as JSON Lines or one JSON document (CSV and GeoJSON flatten events)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

WRITERS: dict[str, Any] = {}


def writer(name: str):
    def deco(fn):
        WRITERS[name] = fn
        return fn

    return deco


def write(records: Iterable[dict[str, Any]], out: TextIO, fmt: str) -> int:
    if fmt not in WRITERS:
        from marsad.errors import MarsadError

        raise MarsadError("E401", f"unknown format {fmt!r}", fix=f"use one of {', '.join(WRITERS)}")
    return WRITERS[fmt](records, out)


@writer("jsonl")
def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    failed = 0
    for rec in records:
        failed += "error" in rec
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()
    return failed


@writer("json")
def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    recs = list(records)
    json.dump(recs, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return sum("error" in r for r in recs)


# built-in writers that live in their own modules register themselves on import
from marsad.export import acled_csv as _acled_csv  # noqa: E402,F401
from marsad.export import geojson as _geojson  # noqa: E402,F401
