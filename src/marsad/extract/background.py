"""The "background" stage: an incident dated well before publication is context, not news.

Runs after the dates are resolved: an event whose own date lies more than `RECALL_DAYS` before the
article's publication date is marked `background` (`في آب 2014 شن التنظيم هجوما` in a 2018 article).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marsad.document import Document
from marsad.pipeline import register

RECALL_DAYS = 21


@dataclass
class BackgroundStage:
    name: str = "background"
    requires: tuple[str, ...] = ("events",)  # reads the dates when resolve_dates ran before it
    assigns: tuple[str, ...] = ("events:background",)
    version: str = "background.v1"

    def __call__(self, doc: Document) -> Document:
        if doc.published is None:
            return doc
        for ev in doc.events:
            if ev.date and "date" in ev.links:
                try:
                    day = dt.date.fromisoformat(ev.date)
                except ValueError:
                    continue
                if (doc.published - day).days > RECALL_DAYS:
                    ev.background = True
        return doc


register("background")(BackgroundStage)
