"""Test doubles for the store suites (no tests here): a pipeline that gives hand-built events,
database URLs for both backends, and a snapshot of every table."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from marsad.document import Document, Event, Mention
from marsad.ingest import Article
from marsad.taxonomy import EVENT_TYPE_OF

PG_ENV = "MARSAD_TEST_PG"
# places of our own choosing: (name, admin1, admin1_code, lat, lon, precision)
PLACES = {
    "A": ("Town A", "Deir ez-Zor", "SY-DY", 35.33, 40.14, 1),
    "A2": ("Village near A", "Deir ez-Zor", "SY-DY", 35.37, 40.17, 1),  # about 5 km from A
    "B": ("Town B", "Deir ez-Zor", "SY-DY", 34.45, 40.92, 1),  # about 120 km from A
    "DY": ("Deir ez-Zor governorate", "Deir ez-Zor", "SY-DY", 35.20, 40.30, 3),
    "C": ("Town C", "Aleppo", "SY-HL", 36.20, 37.16, 1),
}


def spec(day: str | None, sub: str = "Shelling/artillery/missile attack", place: str | None = "A",
         **kw: Any) -> dict[str, Any]:
    """Arguments of one hand-built event."""
    loc = None
    if place:
        name, a1, code, lat, lon, prec = PLACES[place]
        loc = {"name": name, "text": name, "span": [0, 1], "country": "Syria", "iso3": "SYR", "admin1": a1,
               "admin1_code": code, "admin2": None, "lat": lat, "lon": lon, "geo_precision": prec,
               "gazetteer_id": None}
    return {"date": day, "sub_event_type": sub, "location": loc} | kw


@dataclass
class FakePipeline:
    """Gives each article the events listed for its text; raises where told to."""

    table: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    crash_on: set[str] = field(default_factory=set)  # texts whose processing raises RuntimeError
    interrupt_on: set[str] = field(default_factory=set)  # texts that stop the run (KeyboardInterrupt)
    calls: int = 0
    same_trigger: bool = False  # every event on the same span: one event id twice

    def fingerprint(self) -> str:
        return "fake0001"

    def stamp(self) -> dict[str, Any]:
        return {"marsad": "test", "stages": {"fake": "fake.v1"}, "resources": {}}

    def __call__(self, doc: Document) -> Document:
        self.calls += 1
        if doc.text in self.interrupt_on:
            raise KeyboardInterrupt
        if doc.text in self.crash_on:
            raise RuntimeError("a stage broke")
        for i, kw in enumerate(self.table.get(doc.text, [])):
            kw = dict(kw)
            sub = kw.pop("sub_event_type")
            actors = {k: {"name": kw.pop(k), "text": "x", "span": [0, 1], "inter": kw.pop(k + "_inter", 1)}
                      for k in ("actor1", "actor2") if k in kw}
            at = 0 if self.same_trigger else i
            trig = Mention("trigger", at, at + 1, "t")
            ev = Event(trigger=trig, sentence=0, event_type=EVENT_TYPE_OF[sub], sub_event_type=sub,
                       time_precision=1 if kw.get("date") else None, **actors, **kw)
            ev.evidence.append(("trigger", trig))
            doc.events.append(ev)
        return doc


def article(n: int, source: str = "Outlet 1", published: str | None = "2018-03-02") -> Article:
    """An article of our own words, numbered so each text differs."""
    return Article(id=f"art-{n}", text=f"نص تجريبي رقم {n} عن حادث.", published=published, source=source,
                   url=f"https://example.org/{n}")


def tables(url: str) -> dict[str, list[tuple]]:
    """Every row of every store table, sorted, typed the same on both backends (row ids and the
    runs' first_seen aside): equal snapshots, equal stores."""
    from marsad.store.models import Base

    engine = create_engine(url)
    out: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            cols = [c for c in table.columns if c.name not in ("id", "first_seen")]
            rows = conn.execute(select(*cols)).all()
            out[table.name] = sorted(tuple(json.dumps(v, sort_keys=True, default=str) for v in r) for r in rows)
    engine.dispose()
    return out


def backend_urls(tmp_path, request) -> str:
    """A fresh, empty database on the backend this test was parametrized with."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server for this run")
    from marsad.store import database_url

    url = database_url(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]
