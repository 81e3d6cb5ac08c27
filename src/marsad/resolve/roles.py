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
REACH = {"agent": 3, "target": 3, "hedge": 8, "behind": 6}
# How far after the trigger an agent or target cue may stand (`هجوم بقاذفة صواريخ شنه X`).
CUE_NEAR = {"agent": 6, "target": 2}
# A noun trigger (`الهجوم`) takes a subject before it only this close (`نفذت طائرات التحالف غارات`).
NOUN_SUBJECT_REACH = 3
# How far after the trigger (or its subject) the object may stand.
OBJECT_REACH = 3
# How many words a casualty word (`قتل`, `مقتل`) reaches forward to its victim.
VICTIM_REACH = 3


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
    walls = [m.start for m in doc.mentions if m.kind == "cue" and m.code == "attribution" and lo <= m.start < hi]
    hurt = victims(doc, actors, actor_index().words["stop"])
    doers = [a for a in actors if a.start not in hurt]
    a1, hedged = hedged_actor(text, cues, doers)
    a1 = a1 or cued(text, cues, doers, "agent", t.end, walls) or source_site(text, t, doers, ev.clause, cues)
    if t.code == "CLASH":
        return clash(text, t, actors, ev.clause, a1)
    a2 = None
    if t.data.get("voice") == "passive":
        a2 = subject_before(text, t, actors, ev.clause, victims=True)
    if t.code != "FOIL":  # a foiled attack's target is not the foiler's enemy
        a2 = a2 or cued(text, cues, actors, "target", t.end, walls, skip=a1)
    if a1 is None and t.data.get("voice") != "passive":
        a1 = doer(text, t, doers, ev.clause, a2)
    if a2 is None and t.code != "FOIL":
        a2 = first_after(text, t, actors, ev.clause, skip=a1) or next(
            (a for a in actors if a.start in hurt and a is not a1 and inside(a, ev.clause)), None)
    if a1 is not None and a1.data.get("kind") == "civilians":
        a1 = None  # civilians are victims, never the attacker
    if a1 is not None and a2 is not None and (a1.start == a2.start or a1.code == a2.code):
        a2 = None
    return a1, a2, hedged


def inside(m: Mention, span: tuple[int, int]) -> bool:
    return span[0] <= m.start and m.end <= span[1]


def victims(doc: Document, actors: list[Mention], stop: frozenset[str]) -> set[int]:
    """Starts of the actors a casualty word governs (`قتل جندي تركي`, `مقتل 3 عناصر من الشرطة`):
    a casualty word ends within the three words before them (a count may stand between), with no
    preposition between (`القتلى جراء قصف قوات النظام`: the forces are the cause, not the dead)."""
    text = doc.norm.text
    ends = {m.end for m in doc.mentions if m.kind == "casualty"}
    out = set()
    for a in actors:
        before = list(_WORD.finditer(text, max(0, a.start - 60), a.start))[-VICTIM_REACH:]
        for k, w in enumerate(before):
            if w.end() in ends:
                if not any(x.group() in stop for x in before[k + 1:]):
                    out.add(a.start)
                break
    return out


def clash(text: str, t: Mention, actors: list[Mention], clause: tuple[int, int],
          a1: Mention | None) -> tuple[Mention | None, Mention | None, bool]:
    """A clash has two sides: the first two different forces of its clause (`بين X و Y`)."""
    sides: list[Mention] = [a1] if a1 is not None else []
    for a in actors:
        if inside(a, clause) and a.data.get("kind") not in ("civilians",) and not a.data.get("country_name") \
                and all(a.code != b.code for b in sides):
            sides.append(a)
    return (sides[0] if sides else None), (sides[1] if len(sides) > 1 else None), False


def source_site(text: str, t: Mention, actors: list[Mention], clause: tuple[int, int],
                cues: list) -> Mention | None:
    """Fire that comes from someone's positions: `من مواقع قوات الأسد`, `مصدرها مواقع الفصائل`."""
    agent_ends = {e for _s, e, r in cues if r == "agent"}
    for a in actors:
        if a.data.get("head") == "site" and a.start > t.start:
            prev = list(_WORD.finditer(text, max(0, a.start - 12), a.start))
            if prev and (prev[-1].group() == "من" and inside(a, clause) or prev[-1].end() in agent_ends):
                return a
    return None


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


def cued(text: str, cues: list, actors: list[Mention], role: str, after: int, walls: list[int],
         skip: Mention | None = None) -> Mention | None:
    """The first actor a cue of `role` names; the cue stands right after the trigger (a target cue
    within CUE_NEAR[role] words of it); an attribution (`بحسب بيان للتحالف`) between cue and actor
    is a wall."""
    for s, e, r in cues:
        if r != role or e < after or words(text, after, s) > CUE_NEAR[role]:
            continue
        for a in actors:
            if any(e <= w < a.start for w in walls):
                break
            if a.start >= e and a is not skip and words(text, e, a.start) <= REACH[role]:
                if role == "agent" and a.data.get("kind") == "civilians":
                    break
                return a
    return None


def subject_before(text: str, t: Mention, actors: list[Mention], clause: tuple[int, int], *,
                   victims: bool = False) -> Mention | None:
    """The nearest actor before the trigger in its clause (or sentence start) that can be a subject."""
    for a in reversed(actors):
        near = a.end <= t.start and a.start >= clause[0]
        if near and t.data.get("pos") == "noun" and not victims:
            near = words(text, a.end, t.start) <= NOUN_SUBJECT_REACH
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
    """The object right after the trigger (or after its subject): `قصفت طائرات التحالف مواقع ...`."""
    prev = skip.end if skip is not None and skip.start >= t.end else t.end
    for a in actors:
        if a.start >= prev and a.end <= clause[1] and a is not skip and (skip is None or a.code != skip.code) \
                and not a.data.get("country_name"):
            return a if words(text, prev, a.start) <= OBJECT_REACH else None
    return None


register("resolve_actors")(RoleStage)
