"""The "resolve_actors" stage: who did it (actor1) and to whom (actor2), from the trigger's clause.

Arabic news tells an attack in a few shapes, and each gives the roles away:
- a verb first, then its subject, then the target: `قصفت القوات التركية مواقع لحزب العمال`;
- a subject first: `القوات التركية قصفت ...`, `أعلنت قسد أن قواتها استهدفت ...`;
- a noun with its doer as a genitive: `غارات التحالف على مواقع داعش`, `قصف تركي`;
- a passive: `تعرضت قاعدة عين الأسد لهجوم`, the doer only after `من قبل` / `شنه`;
- a hedged attribution: `يعتقد أن المليشيات الإيرانية تقف خلف الهجوم` (actor1, certainty hedged).
A target follows `على` / `ضد` / `استهدف`; a victim (`مقتل 3 مدنيين`) is the target when no other is
named. An attacker the text does not name stays None; civilians never attack.

>>> from marsad.pipeline import Pipeline
>>> doc = Pipeline.default()("قصفت القوات التركية مواقع لحزب العمال الكردستاني شمال العراق")
>>> ev = doc.events[0]
>>> ev.actor1["name"], ev.actor2["name"]
('Military Forces of Turkey (2002-)', 'PKK: Kurdistan Workers Party')
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from marsad.document import Document, Event, Mention
from marsad.pipeline import register
from marsad.resolve.actor_index import actor_index

_WORD = regex.compile(r"[\p{L}\p{N}]+")
# How far (in words) a role cue reaches to the actor it names.
REACH = {"agent": 3, "target": 6, "hedge": 8, "behind": 6}


@dataclass
class RoleStage:
    name: str = "resolve_actors"
    requires: tuple[str, ...] = ("events", "mentions:actor")
    assigns: tuple[str, ...] = ("events:actors",)
    version: str = "roles.v1"

    def __call__(self, doc: Document) -> Document:
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            if m.kind == "actor" and m.code:
                by_sentence.setdefault(m.sentence, []).append(m)
        for ev in doc.events:
            actors = sorted(by_sentence.get(ev.sentence, []), key=lambda m: m.start)
            a1, a2, hedged = roles(doc, ev, actors)
            if a1 is not None:
                ev.actor1 = as_record(doc, a1)
                ev.link("actor1", a1)
                if hedged and ev.certainty == "asserted":
                    ev.certainty = "hedged"
            if a2 is not None:
                ev.actor2 = as_record(doc, a2)
                ev.link("actor2", a2)
        return doc


def as_record(doc: Document, m: Mention) -> dict:
    s, e = doc.span(m.start, m.end)
    return {"name": m.data["name"], "text": doc.text[s:e], "span": [s, e], "inter": m.data["inter"]}


def words(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b)) if b > a else 0


def roles(doc: Document, ev: Event, actors: list[Mention]) -> tuple[Mention | None, Mention | None, bool]:
    """actor1, actor2 and whether actor1 is only suspected."""
    if not actors:
        return None, None, False
    text, t = doc.norm.text, ev.trigger
    sent = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
    lo, hi = (sent.start, sent.end) if sent else ev.clause
    cues = [(h.start, h.end, h.payloads[0]) for h in actor_index().roles.find(text, lo, hi)]
    a1, hedged = hedged_actor(text, cues, actors)
    a1 = a1 or cued(text, cues, actors, "agent", t.start)
    a2 = cued(text, cues, actors, "target", t.start, skip=a1)
    if t.data.get("voice") == "passive":
        a2 = a2 or subject_before(text, t, actors, ev.clause, victims=True)
    elif a1 is None:
        a1 = doer(text, t, actors, ev.clause, a2)
    if a2 is None:
        a2 = first_after(text, t, actors, ev.clause, skip=a1)
    if a1 is not None and a1.data.get("generic") and a1.data.get("kind") == "civilians":
        a1 = None  # civilians are victims, never the attacker
    if a1 is not None and a2 is not None and a1.start == a2.start:
        a2 = None
    return a1, a2, hedged


def hedged_actor(text: str, cues: list, actors: list[Mention]) -> tuple[Mention | None, bool]:
    """`يعتقد أن X ...`, `يرجح أنها لطيران X`, `X تقف خلف الهجوم`."""
    for s, e, role in cues:
        if role == "hedge":
            m = next((a for a in actors if a.start >= e and words(text, e, a.start) <= REACH["hedge"]
                      and not a.data.get("generic")), None)
            if m is not None:
                return m, True
        elif role == "behind":
            m = next((a for a in reversed(actors) if a.end <= s and words(text, a.end, s) <= REACH["behind"]), None)
            if m is not None:
                return m, True
    return None, False


def cued(text: str, cues: list, actors: list[Mention], role: str, after: int,
         skip: Mention | None = None) -> Mention | None:
    """The first actor a cue of `role` (at or after the trigger) names."""
    for _s, e, r in cues:
        if r != role or e < after:
            continue
        for a in actors:
            if a.start >= e and a is not skip and words(text, e, a.start) <= REACH[role]:
                if role == "agent" and a.data.get("kind") == "civilians":
                    break
                return a
    return None


def subject_before(text: str, t: Mention, actors: list[Mention], clause: tuple[int, int], *,
                   victims: bool = False) -> Mention | None:
    """The nearest actor before the trigger in its clause (or sentence start) that can be a subject."""
    for a in reversed(actors):
        near = a.end <= t.start and (a.start >= clause[0] or words(text, a.end, t.start) <= 3)
        if near and (victims or doer_like(a)):
            return a
    return None


def doer(text: str, t: Mention, actors: list[Mention], clause: tuple[int, int],
         target: Mention | None) -> Mention | None:
    """The initiator of an active trigger: a force phrase holding the trigger (`القصف التركي`),
    the subject right after a verb or the genitive right after a noun, else the subject before."""
    for a in actors:
        if a.start <= t.start < a.end and a.data.get("head") != "site":
            return a
    after = next((a for a in actors if a.start >= t.end and a is not target), None)
    if (after is not None and words(text, t.end, after.start) <= 2 and doer_like(after)
            and (target is None or after.start < target.start)):
        return after
    before = subject_before(text, t, actors, clause)
    return before if before is not None and before is not target else None


def doer_like(a: Mention) -> bool:
    """A base, a convoy or civilians are what is hit, not who hits."""
    return not a.data.get("site") and a.data.get("kind") != "civilians"


def first_after(text: str, t: Mention, actors: list[Mention], clause: tuple[int, int],
                skip: Mention | None) -> Mention | None:
    """The first actor after the trigger in its clause (the object, or the victim)."""
    for a in actors:
        if a.start >= t.end and a.end <= clause[1] and a is not skip and (skip is None or a.code != skip.code):
            return a
    return None


register("resolve_actors")(RoleStage)
