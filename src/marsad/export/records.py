"""Events and articles as SPEC.md's JSON records (the one place internal objects become output)."""

from __future__ import annotations

import hashlib
from typing import Any

from marsad.document import Document, Event, Mention
from marsad.taxonomy import EVENT_TYPE_OF


def evidence_item(doc: Document, role: str, m: Mention) -> dict[str, Any]:
    s, e = doc.span(m.start, m.end)
    return {"role": role, "text": doc.text[s:e], "span": [s, e]}


def event_id(doc: Document, event: Event, fingerprint: str) -> str:
    """Stable: the same article text, trigger, place and pipeline version give the same id (one
    trigger may tell a strike on several towns: one event, and one id, per town)."""
    s, e = doc.span(event.trigger.start, event.trigger.end)
    where = (event.location or {}).get("span") or ""
    text_hash = hashlib.sha256(doc.text.encode()).hexdigest()[:16]
    raw = f"{doc.id}|{text_hash}|{s}:{e}|{where}|{event.sub_event_type}|{fingerprint}".encode()
    return "ev-" + hashlib.sha256(raw).hexdigest()[:16]


def event_record(doc: Document, event: Event, fingerprint: str) -> dict[str, Any]:
    assert EVENT_TYPE_OF.get(event.sub_event_type) == event.event_type, event.sub_event_type
    return {
        "event_id": event_id(doc, event, fingerprint),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": event.date,
        "time_precision": event.time_precision,
        "background": event.background,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "location": event.location,
        "weapon": event.weapon,
        "munitions": event.munitions,
        "fatalities": event.fatalities,
        "injuries": event.injuries,
        "outcome": event.outcome,
        "certainty": event.certainty,
        "attributed_to": [_text_span(doc, m) for m in event.attributed_to],
        "evidence": [evidence_item(doc, role, m) for role, m in event.evidence],
        "notes": event.notes,
    }


def _text_span(doc: Document, m: Mention) -> dict[str, Any]:
    s, e = doc.span(m.start, m.end)
    return {"text": doc.text[s:e], "span": [s, e]}


def article_record(doc: Document, fingerprint: str, stamp: dict[str, Any] | None = None) -> dict[str, Any]:
    """`{"id", "published", "events", "marsad"}`: `marsad` names the version that made the events
    (package + a digest of every stage and resource version), so a batch can be reproduced."""
    rec: dict[str, Any] = {
        "id": doc.id,
        "published": doc.published.isoformat() if doc.published else None,
        "events": [event_record(doc, ev, fingerprint) for ev in doc.events],
        "marsad": fingerprint,
    }
    if doc.rejections:
        rec["error"] = "; ".join(f"{r.stage}: {r.reason}" for r in doc.rejections)
        rec["error_code"] = doc.rejections[0].code
    if stamp is not None:
        rec["marsad_stamp"] = stamp
    return rec


def error_record(id: str, reason: str, code: str | None = None, published: str | None = None) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": id, "published": published, "error": reason, "events": []}
    if code:
        rec["error_code"] = code
    return rec
