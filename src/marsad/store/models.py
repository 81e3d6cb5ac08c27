"""The store's tables (SQLAlchemy 2): articles, events with their evidence, incidents with their
sources and the fusion links that explain them, rejections, and runs.

Nothing here holds a wall-clock time except `runs.first_seen`, written once per pipeline
version, so ingesting the same articles twice leaves every table as it was.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Run(Base):
    """One pipeline version (package, stages, lexicons) that has written to the store."""

    __tablename__ = "runs"
    fingerprint: Mapped[str] = mapped_column(String(16), primary_key=True)
    marsad_version: Mapped[str] = mapped_column(String(40))
    stamp: Mapped[dict[str, Any]] = mapped_column(JSON)
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime)


class Article(Base):
    """An article, known by the SHA-256 of its text (the same text twice is stored once)."""

    __tablename__ = "articles"
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(Text, index=True)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    run: Mapped[str] = mapped_column(ForeignKey("runs.fingerprint"))
    n_events: Mapped[int] = mapped_column(Integer, default=0)


class Event(Base):
    """One event as extraction gave it for one article; `record` is its SPEC event record."""

    __tablename__ = "events"
    event_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_hash: Mapped[str] = mapped_column(ForeignKey("articles.content_hash"), index=True)
    incident_id: Mapped[str | None] = mapped_column(String(40), index=True)
    day: Mapped[dt.date | None] = mapped_column(Date, index=True)  # date, else the publication date
    event_type: Mapped[str] = mapped_column(String(60))
    sub_event_type: Mapped[str] = mapped_column(String(60))
    background: Mapped[bool] = mapped_column(Boolean, default=False)
    weapon: Mapped[str | None] = mapped_column(String(20))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    iso3: Mapped[str | None] = mapped_column(String(3))
    admin1_code: Mapped[str | None] = mapped_column(String(10))
    actor1: Mapped[str | None] = mapped_column(Text)
    actor2: Mapped[str | None] = mapped_column(Text)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)


class Evidence(Base):
    """A span of the article's text that supports one field of one event."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.event_id"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Incident(Base):
    """One incident, fused from the events of one or more articles; `record` is what export shows."""

    __tablename__ = "incidents"
    incident_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    event_type: Mapped[str] = mapped_column(String(60), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(60))
    country: Mapped[str | None] = mapped_column(Text)
    iso3: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin1_code: Mapped[str | None] = mapped_column(String(10))
    background: Mapped[bool] = mapped_column(Boolean, default=False)
    n_sources: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)


class IncidentSource(Base):
    """One article that tells an incident, and the event it gave."""

    __tablename__ = "incident_sources"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.incident_id"), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.event_id"), primary_key=True)
    article_hash: Mapped[str] = mapped_column(ForeignKey("articles.content_hash"), index=True)
    source: Mapped[str | None] = mapped_column(Text)


class FusionLink(Base):
    """Why two events were merged: the rule and the distances (days, km)."""

    __tablename__ = "fusion_links"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.incident_id"), index=True,
                                             primary_key=True)
    event_a: Mapped[str] = mapped_column(ForeignKey("events.event_id"), primary_key=True)
    event_b: Mapped[str] = mapped_column(ForeignKey("events.event_id"), primary_key=True)
    rule: Mapped[str] = mapped_column(String(60))
    days: Mapped[int | None] = mapped_column(Integer)
    km: Mapped[float | None] = mapped_column(Float)


class Rejection(Base):
    """An article (or part of one) that was not processed: where, the code and the reason."""

    __tablename__ = "rejections"
    __table_args__ = (UniqueConstraint("article_key", "stage", "code", name="uq_rejection"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_key: Mapped[str] = mapped_column(Text, index=True)  # content hash, or "input:<id>"
    article_id: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
