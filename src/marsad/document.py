"""The one object that flows through every stage: an article and all that was found in it.

Stages only add to a Document. The original text is never changed; every offset kept on a
Mention is into the folded text (`doc.norm.text`), and `doc.span()` maps it back to the
original, which is what the output shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from marsad.text.normalize import NormalizedText, normalize


@dataclass(slots=True)
class Mention:
    """A recognized piece of text: `kind` says which recognizer, `code` its neutral value.

    kinds: trigger, weapon, number, casualty, place, actor, date, attribution, hedge,
    negation, irrealis, background, statistic, ...
    """

    kind: str
    start: int
    end: int
    code: str
    data: dict[str, Any] = field(default_factory=dict)
    sentence: int = -1


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int = 0


@dataclass(slots=True)
class Token:
    start: int
    end: int
    prefix_end: int  # where the proclitics end (== start when there are none)
    sentence: int = -1


@dataclass(slots=True)
class Event:
    """An event as extraction and the resolvers build it, before it is written out."""

    trigger: Mention
    sentence: int
    event_type: str
    sub_event_type: str
    clause: tuple[int, int] = (0, 0)
    weapon: str | None = None
    munitions: dict[str, int] | None = None
    fatalities: int | None = None
    injuries: int | None = None
    outcome: str = "unknown"
    certainty: str = "asserted"
    background: bool = False
    date: str | None = None
    time_precision: int | None = None
    location: dict[str, Any] | None = None
    actor1: dict[str, Any] | None = None
    actor2: dict[str, Any] | None = None
    attributed_to: list[Mention] = field(default_factory=list)
    evidence: list[tuple[str, Mention]] = field(default_factory=list)
    notes: str = ""
    # the mentions extraction linked to this event, for the resolvers: role -> mentions
    links: dict[str, list[Mention]] = field(default_factory=dict)

    def link(self, role: str, mention: Mention) -> None:
        self.links.setdefault(role, []).append(mention)
        self.evidence.append((role, mention))


@dataclass(slots=True)
class Rejection:
    """Why an article (or a part of one) was not processed: a stage, a code and a reason."""

    stage: str
    code: str
    reason: str


@dataclass(slots=True)
class Document:
    """One article. Build it with `Document.from_text`, then pass it through a Pipeline."""

    id: str
    text: str
    norm: NormalizedText
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    done: list[str] = field(default_factory=list)  # the stages that ran, in order
    skipped: list[str] = field(default_factory=list)  # event-bound stages with nothing to do
    quiet: bool = False  # the lexicon found nothing that could make an event (see Pipeline)

    @classmethod
    def from_text(cls, text: str, *, id: str = "doc", published: dt.date | str | None = None,
                  **meta: Any) -> Document:
        if isinstance(published, str):
            published = parse_day(published)
        known = {k: meta.pop(k) for k in ("title", "source", "url") if k in meta}
        return cls(id=id, text=text, norm=normalize(text), published=published, meta=meta, **known)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original `[start, end)` of a folded span."""
        return self.norm.original_span(start, end)

    def original(self, start: int, end: int) -> str:
        """The original text of a folded span."""
        s, e = self.span(start, end)
        return self.text[s:e]

    def mentions_of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def sentence_of(self, pos: int) -> int:
        """The index of the sentence holding folded position `pos` (-1 if none)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if pos < s.start:
                hi = mid - 1
            elif pos >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1


def parse_day(value: str | None) -> dt.date | None:
    """`YYYY-MM-DD` (or a longer ISO timestamp) to a date; None when empty or malformed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
