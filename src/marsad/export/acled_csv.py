"""ACLED's CSV layout: one row per incident (from the store) or per event (from `marsad extract`).

The columns are ACLED's, in ACLED's order. Values marsad cannot know are left empty rather than
guessed (associated actors, admin3, source scale); `fatalities` is 0 where no figure is given,
as in ACLED, and `tags` then says `fatalities=no report`.

>>> row = acled_row({"event_id": "inc-0a", "date": "2018-03-02", "event_type": "Battles",
...                  "sub_event_type": "Armed clash", "time_precision": 1,
...                  "actor1": {"name": "Military Forces of Syria", "inter": 1},
...                  "actor2": {"name": "Islamic State", "inter": 2}, "fatalities": 3})
>>> row["interaction"], row["disorder_type"], row["year"]
('12', 'Political violence', '2018')
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from marsad.export.writers import writer

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
           "fatalities", "tags", "timestamp")

# ISO 3166-1 numeric code and ACLED region of the countries the news covers
COUNTRIES: dict[str, tuple[int, str]] = {
    "SYR": (760, "Middle East"), "IRQ": (368, "Middle East"), "LBN": (422, "Middle East"),
    "JOR": (400, "Middle East"), "ISR": (376, "Middle East"), "PSE": (275, "Middle East"),
    "SAU": (682, "Middle East"), "YEM": (887, "Middle East"), "IRN": (364, "Middle East"),
    "TUR": (792, "Middle East"), "KWT": (414, "Middle East"), "BHR": (48, "Middle East"),
    "QAT": (634, "Middle East"), "ARE": (784, "Middle East"), "OMN": (512, "Middle East"),
    "EGY": (818, "Northern Africa"), "LBY": (434, "Northern Africa"), "TUN": (788, "Northern Africa"),
    "DZA": (12, "Northern Africa"), "MAR": (504, "Northern Africa"), "SDN": (729, "Northern Africa"),
    "AFG": (4, "Caucasus and Central Asia"), "SOM": (706, "Eastern Africa"),
}
POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of an event type."""
    if sub_event_type in ("Excessive force against protesters", "Mob violence"):
        return "Political violence; Demonstrations"
    if event_type in POLITICAL_VIOLENCE:
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Strategic developments"


def acled_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One ACLED row from a SPEC event record or a store incident record (with `sources`)."""
    loc = rec.get("location") or {}
    a1, a2 = rec.get("actor1") or {}, rec.get("actor2") or {}
    i1, i2 = a1.get("inter"), a2.get("inter")
    iso3 = loc.get("iso3") or ""
    numeric, region = COUNTRIES.get(iso3, ("", ""))
    sources = rec.get("sources") or []
    names = sorted({s["source"] for s in sources if s.get("source")})
    date = rec.get("date") or ""
    pv = disorder_type(rec["event_type"], rec["sub_event_type"]).startswith("Political violence")
    tags = [] if rec.get("fatalities") is not None else ["fatalities=no report"]
    if "confidence" in rec:
        tags.append(f"confidence={rec['confidence']}")
    return {
        "event_id_cnty": event_id_cnty(iso3, rec["event_id"]), "event_date": date, "year": date[:4],
        "time_precision": rec.get("time_precision") or "",
        "disorder_type": disorder_type(rec["event_type"], rec["sub_event_type"]),
        "event_type": rec["event_type"], "sub_event_type": rec["sub_event_type"],
        "actor1": a1.get("name") or "", "assoc_actor_1": "", "inter1": i1 or "",
        "actor2": a2.get("name") or "", "assoc_actor_2": "", "inter2": i2 or "",
        "interaction": interaction(i1, i2),
        "civilian_targeting": "Civilian targeting" if pv and i2 == 7 else "",
        "iso": numeric, "region": region, "country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "", "admin2": loc.get("admin2") or "", "admin3": "",
        "location": loc.get("name") or "", "latitude": _num(loc.get("lat")), "longitude": _num(loc.get("lon")),
        "geo_precision": loc.get("geo_precision") or "", "source": "; ".join(names), "source_scale": "",
        "notes": rec.get("notes") or "", "fatalities": rec.get("fatalities") or 0, "tags": "; ".join(tags),
        "timestamp": timestamp(sources, date),
    }


def event_id_cnty(iso3: str, event_id: str) -> str:
    """ACLED-style id: the country's ISO3 and a number, stable for a stable marsad id.

    >>> event_id_cnty("SYR", "inc-0000000000ff0000")
    'SYR255'
    """
    digits = event_id.split("-", 1)[-1][:12]
    try:
        n = int(digits, 16)
    except ValueError:
        n = int.from_bytes(digits.encode()[:6], "big")
    return f"{iso3 or 'XXX'}{n}"


def interaction(i1: int | None, i2: int | None) -> str:
    """ACLED's interaction code: the two actor types, lower first; 0 for a missing second side."""
    if i1 and i2:
        return f"{min(i1, i2)}{max(i1, i2)}"
    return f"{i1 or i2}0" if (i1 or i2) else ""


def timestamp(sources: list[dict[str, Any]], date: str) -> int | str:
    """When the row last changed, as ACLED gives it (Unix time): the newest source's day."""
    days = [s["published"] for s in sources if s.get("published")] or ([date] if date else [])
    if not days:
        return ""
    newest = dt.date.fromisoformat(max(days)[:10])
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC).timestamp())


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}"


def events_of_articles(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The events of `marsad extract` article records, each with its article as its one source."""
    for rec in records:
        for ev in rec.get("events") or []:
            yield ev | {"sources": [{"article_id": rec.get("id"), "published": rec.get("published"),
                                     "source": rec.get("source")}]}


def write_rows(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write ACLED rows; return how many."""
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(acled_row(ev))
        n += 1
    return n


@writer("csv")
def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """`marsad extract --format csv`: one ACLED row per event; returns how many articles failed."""
    failed = 0

    def events() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for rec in records:
            failed += "error" in rec
            yield from events_of_articles([rec])

    write_rows(events(), out)
    return failed
