"""Reading the store: incidents with filters, one incident's story, and the tallies analysts publish.

>>> f = Filters(since="2018-01-01", type="Battles")
>>> f.since
'2018-01-01'
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from marsad.document import parse_day
from marsad.errors import MarsadError
from marsad.store.models import Article, Event, FusionLink, Incident


@dataclass
class Filters:
    """Which incidents: a date range, a country (name or ISO3), a governorate (name or ISO 3166-2
    code), an event or sub-event type, an actor (part of either side's name, any case);
    background incidents only when asked."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    type: str | None = None
    background: bool = False
    actor: str | None = None

    def keeps(self, rec: dict[str, Any]) -> bool:
        """The filters SQL cannot apply (inside the record)."""
        if not self.actor:
            return True
        names = [(rec.get(k) or {}).get("name") or "" for k in ("actor1", "actor2")]
        return any(self.actor.lower() in n.lower() for n in names)

    def apply(self, q: Select) -> Select:
        for name, op in (("since", Incident.date.__ge__), ("until", Incident.date.__le__)):
            value = getattr(self, name)
            if value:
                day = parse_day(value)
                if day is None:
                    raise MarsadError("E402", f"--{name} {value!r} is not a date", fix="use YYYY-MM-DD")
                q = q.where(op(day))
        if self.country:
            q = q.where(or_(Incident.iso3 == self.country.upper(), Incident.country == self.country))
        if self.admin1:
            q = q.where(or_(Incident.admin1_code == self.admin1.upper(), Incident.admin1 == self.admin1))
        if self.type:
            q = q.where(or_(Incident.event_type == self.type, Incident.sub_event_type == self.type))
        if not self.background:
            q = q.where(Incident.background.is_(False))
        return q


def incidents(s: Session, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """Incident records (SPEC fields, `sources`, `confidence`), oldest first."""
    filters = filters or Filters()
    q = filters.apply(select(Incident.record)).order_by(Incident.date, Incident.incident_id)
    for rec in s.scalars(q.execution_options(yield_per=500)):
        if filters.keeps(rec):
            yield rec


def explain(s: Session, any_id: str) -> dict[str, Any]:
    """An incident (by its id, or the id of one of its events): its sources and why they merged."""
    inc_id = any_id if any_id.startswith("inc-") else s.scalar(select(Event.incident_id).where(Event.event_id == any_id))
    inc = s.get(Incident, inc_id) if inc_id else None
    if inc is None:
        raise MarsadError("E304", f"no incident or event {any_id!r} in this store",
                          fix="ids come from `marsad export --format jsonl`")
    links = s.scalars(select(FusionLink).where(FusionLink.incident_id == inc.incident_id)
                      .order_by(FusionLink.event_a, FusionLink.event_b))
    rec = inc.record
    return {
        "incident_id": inc.incident_id, "date": rec.get("date"), "event_type": rec["event_type"],
        "sub_event_type": rec["sub_event_type"], "confidence": inc.confidence, "n_sources": inc.n_sources,
        "sources": rec.get("sources", []),
        "merged_because": [{"events": [ln.event_a, ln.event_b], "rule": ln.rule, "days_apart": ln.days,
                            "km_apart": ln.km} for ln in links],
    }


def stats(s: Session, filters: Filters | None = None, top: int = 15) -> dict[str, Any]:
    """Counts of incidents by ISO week, type, governorate and actor; fatalities in all."""
    weeks: Counter[str] = Counter()
    types: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    n = fatalities = 0
    for rec in incidents(s, filters):
        n += 1
        fatalities += rec.get("fatalities") or 0
        if rec.get("date"):
            y, w, _ = dt.date.fromisoformat(rec["date"]).isocalendar()
            weeks[f"{y}-W{w:02d}"] += 1
        types[f"{rec['event_type']} / {rec['sub_event_type']}"] += 1
        admin1[(rec.get("location") or {}).get("admin1") or "(unknown)"] += 1
        for side in ("actor1", "actor2"):
            if (rec.get(side) or {}).get("name"):
                actors[f"{rec[side]['name']} ({'initiator' if side == 'actor1' else 'target'})"] += 1
    return {
        "incidents": n, "fatalities": fatalities,
        "articles": s.scalar(select(func.count()).select_from(Article)) or 0,
        "by_week": dict(sorted(weeks.items())), "by_type": dict(types.most_common()),
        "by_admin1": dict(admin1.most_common(top)), "by_actor": dict(actors.most_common(top)),
    }

