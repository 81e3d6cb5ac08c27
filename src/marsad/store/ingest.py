"""`ingest_articles`: run the pipeline on new articles and store them, a batch per transaction.

An article is known by the SHA-256 of its text: one already stored is skipped, so ingesting
the same input again changes nothing, and a run that was stopped half-way resumes where its
last committed batch ended (a batch is all or nothing).

>>> from marsad.ingest import Article
>>> report = ingest_articles("sqlite://", [Article.failed("x", "E101", "empty")])
>>> report.failed, report.stored
(1, 0)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from marsad.document import Document, parse_day
from marsad.export.records import article_record
from marsad.ingest import Article
from marsad.pipeline import Pipeline
from marsad.store import models as m
from marsad.store.fusion import refresh
from marsad.store.migrate import open_engine


@dataclass
class IngestReport:
    """What one ingest did: articles seen, stored, skipped as known, failed; events and incidents."""

    run: str = ""
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    incidents: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)

    def line(self) -> str:
        return (f"{self.seen} article(s): {self.stored} stored, {self.skipped} already there, "
                f"{self.failed} failed; {self.events} event(s), {self.incidents} incident(s) written")


def ingest_articles(db_url: str | None, articles: Iterable[Article], pipeline: Pipeline | None = None, *,
                    batch: int = 100, engine: Engine | None = None) -> IngestReport:
    """Store `articles` (new ones only) with their events, then fuse the new events across sources."""
    pipeline = pipeline or Pipeline.default(errors="reject")
    own = engine is None
    engine = engine or open_engine(db_url)
    report = IngestReport(run=pipeline.fingerprint())
    try:
        with Session(engine) as s, s.begin():
            ensure_run(s, pipeline)
        for chunk in chunks(articles, batch):
            with Session(engine) as s, s.begin():
                ingest_batch(s, chunk, pipeline, report)
    finally:
        if own:
            engine.dispose()
    return report


def ensure_run(s: Session, pipeline: Pipeline) -> None:
    fp = pipeline.fingerprint()
    if s.get(m.Run, fp) is None:
        stamp = pipeline.stamp()
        s.add(m.Run(fingerprint=fp, marsad_version=str(stamp.get("marsad")), stamp=stamp,
                    first_seen=dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)))


def ingest_batch(s: Session, chunk: list[Article], pipeline: Pipeline, report: IngestReport) -> None:
    """One transaction: the batch's new articles, events, evidence, rejections, then fusion."""
    hashes = {id(a): content_hash(a.text) for a in chunk if a.ok}
    known = set(s.scalars(select(m.Article.content_hash).where(m.Article.content_hash.in_(set(hashes.values())))))
    new_events: list[str] = []
    for art in chunk:
        report.seen += 1
        if not art.ok:
            fail(s, report, "input:" + art.id, art.id, "ingest", art.error_code or "E100", art.error or "unreadable")
        elif hashes[id(art)] in known:
            report.skipped += 1
        else:
            ids = ingest_one(s, art, hashes[id(art)], pipeline, report)
            if ids is not None:
                known.add(hashes[id(art)])
                new_events += ids
    s.flush()
    report.events += len(new_events)
    report.incidents += refresh(s, new_events)


def ingest_one(s: Session, art: Article, h: str, pipeline: Pipeline, report: IngestReport) -> list[str] | None:
    """Extract and store one article in a savepoint; on failure record why and return None."""
    fp = pipeline.fingerprint()
    try:
        doc = pipeline(document_of(art))
        rec = article_record(doc, fp)
    except Exception as exc:  # a bug in a stage costs this article, never the batch
        fail(s, report, h, art.id, "pipeline", "E000", f"internal error: {type(exc).__name__}: {exc}")
        return None
    try:
        with s.begin_nested():  # an article the database refuses is rolled back alone
            ids = store_article(s, art, h, doc, rec, fp)
            s.flush()
    except SQLAlchemyError as exc:
        first = str(exc).splitlines()[0][:300]
        fail(s, report, h, art.id, "store", "E305", f"cannot store: {type(exc).__name__}: {first}")
        return None
    report.stored += 1
    return ids


def fail(s: Session, report: IngestReport, key: str, article_id: str, stage: str, code: str, reason: str) -> None:
    report.failed += 1
    report.errors.append((article_id, reason))
    reject(s, key, article_id, stage, code, reason)


def store_article(s: Session, art: Article, h: str, doc: Document, rec: dict[str, Any], fp: str) -> list[str]:
    s.add(m.Article(content_hash=h, article_id=art.id, source=doc.source, url=doc.url, title=doc.title,
                    published=doc.published, text=doc.text, run=fp, n_events=len(rec["events"])))
    for r in doc.rejections:
        reject(s, h, art.id, r.stage, r.code, r.reason)
    ids = []
    for ev in rec["events"]:
        s.add(event_row(h, ev, doc.published))
        for e in ev["evidence"]:
            s.add(m.Evidence(event_id=ev["event_id"], role=e["role"], text=e["text"],
                             start=e["span"][0], end=e["span"][1]))
        ids.append(ev["event_id"])
    return ids


def event_row(h: str, ev: dict[str, Any], published: dt.date | None) -> m.Event:
    loc = ev.get("location") or {}
    return m.Event(event_id=ev["event_id"], article_hash=h, day=parse_day(ev.get("date")) or published,
                   event_type=ev["event_type"], sub_event_type=ev["sub_event_type"],
                   background=bool(ev.get("background")), weapon=ev.get("weapon"),
                   lat=loc.get("lat"), lon=loc.get("lon"), iso3=loc.get("iso3"),
                   admin1_code=loc.get("admin1_code"),
                   actor1=(ev.get("actor1") or {}).get("name"), actor2=(ev.get("actor2") or {}).get("name"),
                   record=ev)


def reject(s: Session, key: str, article_id: str, stage: str, code: str, reason: str) -> None:
    """Record a rejection once (the same failure seen again adds nothing)."""
    found = s.scalar(select(m.Rejection.id).where(m.Rejection.article_key == key, m.Rejection.stage == stage,
                                                  m.Rejection.code == code))
    if found is None:
        s.add(m.Rejection(article_key=key, article_id=article_id, stage=stage, code=code,
                          reason=reason))
        s.flush()


def document_of(art: Article) -> Document:
    return Document.from_text(art.text or "", id=art.id, published=parse_day(art.published),
                              title=art.title, source=art.source, url=art.url)


def content_hash(text: str | None) -> str:
    """SHA-256 of the article text.

    >>> content_hash("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    buf: list[Article] = []
    for it in items:
        buf.append(it)
        if len(buf) >= max(1, size):
            yield buf
            buf = []
    if buf:
        yield buf
