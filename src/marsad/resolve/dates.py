"""The date stages: find every date expression, then give each event its day and precision.

`dates` reads the folded text with the date grammar (`date_grammar.py`) and adds one
`Mention(kind="date")` per expression, its day resolved against `doc.published`:
`data = {"value": "YYYY-MM-DD" | None, "precision": 1 | 2 | 3, "past": bool, "since": bool, ...}`.
`since` marks a span's start (`منذ يناير`, `حتى اليوم`): statistics, not an incident's day.

`resolve_dates` gives each event the date that governs it: the expression in its clause
(nearest the trigger), else in its sentence, else the day it began (`منذ فجر الاثنين`), else the lead date of its paragraph, else the
article's first date before it that is a day within a few days of publication, else the publication
date with precision 2. A background event keeps its own date, or none.

>>> from marsad.pipeline import Pipeline
>>> doc = Pipeline.default(["segment", "dates"])("قصفت طائرة مسيرة مواقع فجر الثلاثاء", published="2022-01-06")
>>> [(m.data["value"], m.data["precision"], m.code) for m in doc.mentions_of("date")]
[('2022-01-04', 1, 'weekday')]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marsad.document import Document, Event, Mention
from marsad.pipeline import register
from marsad.resolve.date_grammar import readings

# An article's lead date is lent to a later paragraph only when it is this close to publication.
LEAD_WINDOW_DAYS = 3
# ... and the lead sentence's own date (الشهر الماضي, الأسبوع الماضي) when it is this recent.
LEAD_MONTH_DAYS = 45
UNDATED_PRECISION = 2  # an event the text gives no date for: the publication week


@dataclass
class DatesStage:
    name: str = "dates"
    event_bound: bool = True  # skipped where no trigger word was found
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("mentions:date",)
    version: str = "dates.v1"

    def __call__(self, doc: Document) -> Document:
        for r in readings(doc.norm.text, doc.published):
            data = {"value": r.value, "precision": r.precision, "past": r.past, "since": r.since, **r.data}
            doc.mentions.append(Mention("date", r.start, r.end, r.code, data, doc.sentence_of(r.start)))
        return doc


@dataclass
class ResolveDatesStage:
    name: str = "resolve_dates"
    requires: tuple[str, ...] = ("events", "mentions:date")
    assigns: tuple[str, ...] = ("events:date",)
    version: str = "resolve_dates.v1"

    def __call__(self, doc: Document) -> Document:
        found = doc.mentions_of("date")
        dates = [m for m in found if not m.data.get("since")]
        # `منذ فجر الاثنين تتواصل الغارات`: a day a continuing event began, its best date
        starts = [m for m in found if m.data.get("since") and not m.data.get("until") and m.data["precision"] == 1]
        for ev in doc.events:
            m = governing(doc, ev, dates)
            if m is None and not ev.background:
                m = (governing(doc, ev, starts) or paragraph_lead(doc, ev, dates)
                     or article_lead(doc, ev, dates))
            if m is not None:
                ev.date, ev.time_precision = m.data["value"], m.data["precision"] if m.data["value"] else None
                ev.link("date", m)
            elif ev.background or doc.published is None:
                ev.date, ev.time_precision = None, None
            else:
                ev.date, ev.time_precision = doc.published.isoformat(), UNDATED_PRECISION
        return doc


def _usable(doc: Document, m: Mention, background: bool) -> bool:
    """A background event needs a day before publication; a day after it (غدا، الأسبوع المقبل)
    is no incident's, unless the text names it outright (a calendar date)."""
    value = m.data["value"]
    if value is None or doc.published is None:
        return True
    day = dt.date.fromisoformat(value)
    if background:
        return day < doc.published
    return day <= doc.published or m.code == "absolute"


def governing(doc: Document, ev: Event, dates: list[Mention]) -> Mention | None:
    """The date expression of the event's clause, else of its sentence, nearest the trigger."""
    pos = ev.trigger.start
    own = [m for m in dates if m.sentence == ev.sentence and _usable(doc, m, ev.background)]
    for pool in ([m for m in own if ev.clause[0] <= m.start and m.end <= ev.clause[1]], own):
        if pool:
            return min(pool, key=lambda m: (abs(m.start - pos) if m.start >= pos else pos - m.end, m.start))
    return None


def paragraph_lead(doc: Document, ev: Event, dates: list[Mention]) -> Mention | None:
    """The first date of the sentences before the event's in its paragraph."""
    if not 0 <= ev.sentence < len(doc.sentences):
        return None
    para = doc.sentences[ev.sentence].paragraph
    for m in dates:
        if m.sentence >= ev.sentence:
            break
        if doc.sentences[m.sentence].paragraph == para and _usable(doc, m, False):
            return m
    return None


def article_lead(doc: Document, ev: Event, dates: list[Mention]) -> Mention | None:
    """The date an undated event in a later paragraph goes on from: the first day of the
    nearest sentence before it that names one within a few days of publication (wire copy
    puts each sentence on its own line, so the story's day is carried from line to line), else
    the date of the article's lead sentence when it is a recent week or month (الشهر الماضي)."""
    if doc.published is None:
        return None
    before = [m for m in dates if 0 <= m.sentence < ev.sentence]
    recent = [m for m in before if m.data["precision"] == 1 and _days_back(doc, m) is not None
              and 0 <= _days_back(doc, m) <= LEAD_WINDOW_DAYS]  # type: ignore[operator]
    if recent:
        last = max(m.sentence for m in recent)
        return next(m for m in recent if m.sentence == last)
    lead = [m for m in before if m.sentence <= 1 and m.data["value"]]
    if lead and 0 <= _days_back(doc, lead[0]) <= LEAD_MONTH_DAYS:  # type: ignore[operator]
        return lead[0]
    return None


def _days_back(doc: Document, m: Mention) -> int | None:
    value = m.data["value"]
    if not value or doc.published is None:
        return None
    return (doc.published - dt.date.fromisoformat(value)).days


register("dates")(DatesStage)
register("resolve_dates")(ResolveDatesStage)
