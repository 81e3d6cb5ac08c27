"""Cross-source fusion inside the store: regroup the events new ones touch into incidents.

The events a new event may share an incident with are found by their day (±1), and the
search goes on from every match (a connected component of the match graph). That component is
clustered again from scratch with `marsad.fuse.cross.cluster`, its old incidents are dropped and
its new ones written with their sources and the links that explain each merge. Since the
grouping depends only on the set of events, a merge that a later article shows to be wrong is
undone, and the result does not depend on the order articles came in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from marsad.fuse.cross import MAX_DAYS, EventView, cluster, incident_record, match, view_of
from marsad.store.models import Article, Event, FusionLink, Incident, IncidentSource

MAX_COMPONENT = 300  # a safety bound: a component this large means the rules are too loose


def refresh(s: Session, new_ids: list[str]) -> int:
    """Regroup the incidents of `new_ids`' components; return how many incidents were written."""
    pending = set(new_ids)
    written = 0
    while pending:
        comp = component(s, min(pending))
        pending -= set(comp)
        written += regroup(s, comp)
    return written


def component(s: Session, seed: str) -> dict[str, EventView]:
    """The events reachable from `seed` by matches (background events stand alone)."""
    views = {seed: load_view(s, seed)}
    frontier = [seed]
    while frontier and len(views) < MAX_COMPONENT:
        v = views[frontier.pop()]
        if v.day is None or _is_background(s, v.event_id):
            continue
        for cand in candidates(s, v):
            if cand.event_id not in views and match(v, cand).ok:
                views[cand.event_id] = cand
                frontier.append(cand.event_id)
    return views


def candidates(s: Session, v: EventView) -> list[EventView]:
    day = dt.date.fromisoformat(v.day)  # type: ignore[arg-type]
    lo, hi = day - dt.timedelta(days=MAX_DAYS), day + dt.timedelta(days=MAX_DAYS)
    q = (select(Event, Article).join(Article, Event.article_hash == Article.content_hash)
         .where(Event.day >= lo, Event.day <= hi, Event.background.is_(False),
                Event.article_hash != v.article))
    if v.iso3:
        q = q.where((Event.iso3 == v.iso3) | Event.iso3.is_(None))
    return [_view(e, a) for e, a in s.execute(q)]


def load_view(s: Session, event_id: str) -> EventView:
    e, a = s.execute(select(Event, Article).join(Article, Event.article_hash == Article.content_hash)
                     .where(Event.event_id == event_id)).one()
    return _view(e, a)


def _view(e: Event, a: Article) -> EventView:
    return view_of(e.event_id, e.article_hash, a.source, e.day.isoformat() if e.day else None, e.record)


def _is_background(s: Session, event_id: str) -> bool:
    return bool(s.scalar(select(Event.background).where(Event.event_id == event_id)))


def regroup(s: Session, views: dict[str, EventView]) -> int:
    """Drop the incidents of these events and write the ones clustering gives now."""
    old = set(s.scalars(select(Event.incident_id).where(Event.event_id.in_(list(views)),
                                                        Event.incident_id.is_not(None))))
    # every member of an incident dropped here is clustered again (a component cut short by
    # MAX_COMPONENT must not leave events pointing at an incident that is gone)
    for eid in s.scalars(select(Event.event_id).where(Event.incident_id.in_(old))):
        if eid not in views:
            views[eid] = load_view(s, eid)
    ids = list(views)
    if old:
        s.execute(delete(FusionLink).where(FusionLink.incident_id.in_(old)))
        s.execute(delete(IncidentSource).where(IncidentSource.incident_id.in_(old)))
        s.execute(delete(Incident).where(Incident.incident_id.in_(old)))
    result = cluster(views.values())
    members = _members(s, ids)
    for group in result.groups:
        rec = incident_record([members[i] for i in group])
        write_incident(s, rec, group, members)
        inside = set(group)
        for a, b, m in result.links:
            if a in inside and b in inside:
                s.add(FusionLink(incident_id=rec["event_id"], event_a=a, event_b=b, rule=m.rule,
                                 days=m.days, km=m.km))
    s.flush()
    return len(result.groups)


def _members(s: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = s.execute(select(Event, Article).join(Article, Event.article_hash == Article.content_hash)
                     .where(Event.event_id.in_(ids)))
    return {e.event_id: {"event_id": e.event_id, "article_id": a.article_id, "article_hash": a.content_hash,
                         "source": a.source, "url": a.url,
                         "published": a.published.isoformat() if a.published else None,
                         "record": e.record, "day": e.day}
            for e, a in rows}


def write_incident(s: Session, rec: dict[str, Any], group: list[str], members: dict[str, dict[str, Any]]) -> None:
    if rec.get("date") is None:  # no source resolved the day: the earliest publication date stands in
        days = [members[i]["day"] for i in group if members[i]["day"]]
        if days:
            rec["date"], rec["time_precision"], rec["date_basis"] = min(days).isoformat(), 2, "published"
    loc = rec.get("location") or {}
    inc = rec["event_id"]
    s.add(Incident(incident_id=inc, date=dt.date.fromisoformat(rec["date"]) if rec.get("date") else None,
                   event_type=rec["event_type"], sub_event_type=rec["sub_event_type"],
                   country=loc.get("country"), iso3=loc.get("iso3"), admin1=loc.get("admin1"),
                   admin1_code=loc.get("admin1_code"), background=bool(rec.get("background")),
                   n_sources=len({members[i]["source"] for i in group}), confidence=rec["confidence"],
                   record=rec))
    s.flush()
    for i in group:
        s.add(IncidentSource(incident_id=inc, event_id=i, article_hash=members[i]["article_hash"],
                             source=members[i]["source"]))
    s.execute(update(Event).where(Event.event_id.in_(group)).values(incident_id=inc))
