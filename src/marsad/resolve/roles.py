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

import functools
from dataclasses import dataclass

import regex

from marsad.document import Document, Event, Mention
from marsad.pipeline import register
from marsad.resolve.actor_index import actor_index
from marsad.resources import load
from marsad.text.matcher import LexiconMatcher

_WORD = regex.compile(r"[\p{L}\p{N}]+")
# How far (in words) a role cue reaches to the actor it names.
REACH = {"agent": 3, "target": 3, "hedge": 8, "accuse": 8, "behind": 6, "claim": 4}
# How far after the trigger (or its subject) an agent or target cue may stand (`هجوم بقاذفة صواريخ شنه X`).
CUE_NEAR = {"agent": 6, "target": 2}
# A noun trigger (`الهجوم`) takes a subject before it only this close (`نفذت طائرات التحالف غارات`).
NOUN_SUBJECT_REACH = 3
# How far after the trigger (or its subject) the object may stand (`استهدف مجهولون بعبوة سيارة تقل X`).
OBJECT_REACH = 4
# How many words a casualty word (`قتل`, `مقتل`) reaches forward to its victim.
VICTIM_REACH = 3
# How far a targeting verb may stand before the noun trigger that is its means (`استهدفت X مقرا لـY بقصف`).
MEANS_REACH = 8
QUOTES = "\"'«»“”"
# How far a light verb (`شنت`, `نفذت`) may stand before its attack noun.
LIGHT_REACH = 6
# Between a casualty word and its victims, a count may take a partitive (`مقتل 18 من عناصر البيشمركة`), a
# pronoun may say where or among whom (`قتل فيها 20 مدنيا`, `11 قتيلا بينهم ثلاثة أطفال`), and `على الأقل`.
PARTITIVE = frozenset({"من", "فيها", "فيه", "فيهما", "بينهم", "بينهن", "منهم", "منهن", "بينها", "منها"})
# Prepositions that put an incident between a casualty word and its dead (`قتل في الاشتباكات جنديان`).
CAUSE_PREPS = frozenset({"في", "خلال", "جراء", "اثر", "بسبب"})
_AT_LEAST = regex.compile(r"\b(?:علي|في) الاقل\b")
# Triggers whose suspects are the ones held, not the doers.
DETAIN = frozenset({"ARREST", "ABDUCT"})
# Triggers whose grammatical subject is the weapon, never the attacker (`انفجرت عبوة`, `سقطت قذيفة`).
WEAPON_SUBJECT = frozenset({"EXPLODE", "FALL"})
# Target cues that name a target from further on in the sentence: the verbs of targeting and hitting.
LATE_TARGET = ("استهدف", "يستهدف", "تستهدف", "طال", "اصاب", "ضرب")
# A passive verb's stems: its subject is what was hit (`تعرضت القاعدة لهجوم`).
PASSIVE_VERBS = ("تعرض", "يتعرض", "تتعرض")
# Prepositions that make `تعرض` a noun (`أشار إلى تعرض المناطق لقصف`), and how many words (`في حقل
# العمر`) may stand between a subject and its passive verb.
MASDAR_PREPS = frozenset({"الي", "من", "عن", "بعد", "اثر", "جراء", "عقب", "علي"})
PASSIVE_SUBJECT_GAP = 3
# Noun triggers whose genitive is the one it befalls, not its doer (`اغتيال القيادي`, `اعتقال عناصر`).
PATIENT_NOUNS = frozenset({"ASSASSINATE", "ARREST", "ABDUCT"})
# Folded words that open a reported clause (`قال X إن ...`, `أعلن X أن ...`, `أفاد X بأن ...`).
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان"})
# Endings of a reported clause's subject that refer back to its speaker (`إن قواته`, `أن طائراتها`).
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")
# Heads of an unnamed force that, as a reported clause's subject, stand for the speaker's own forces.
FORCE_HEADS = frozenset({"mil", "strike", "pol"})
# `من طرف ... ومن طرف آخر`: the words that close a clash's first side and its second.
_ONE_SIDE = regex.compile(r"\bمن (?:طرف|جهه|ناحيه)\b(?! (?:اخر|اخري|ثان|ثانيه)\b)")
_OTHER_SIDE = regex.compile(r"\bمن (?:طرف|جهه|ناحيه) (?:اخر|اخري|ثان|ثانيه)\b")
# Modifier words that do not say a force backs another (`من`, `ل`, relative pronouns).
NOT_SUPPORT = frozenset({"من", "ل", "الذي", "التي", "الذين"})
# Words before a reported clause's subject proper (`أن إحدى نقاطه`, `أن عددا من عناصره`).
QUANTIFIERS = frozenset({"احدي", "احد", "بعض", "عدد", "عددا", "من", "جميع", "كل", "معظم"})
_MARKS = regex.compile(r"\p{Mn}+")
# A site target (`site_nouns.tsv`): how many words its phrase takes after the head (`مطار الضبعة العسكري`),
# which class gives which dictionary row, the words before a head that make it no target (`نقل إلى
# المستشفى`, `أطلقت من مطار`), and the words before it that place an explosion by it (`قرب مركز`).
SITE_WORDS = 3
SITE_TRIGGERS_NOT = frozenset({"CLASH", "PROTEST", "ARREST", "ABDUCT", "FOIL", "INTERCEPT", "BODY", "CAPTURE"})
SITE_ROWS = {"civilian": ("civ",), "military": ("mil",), "police": ("pol", "mil")}
NOT_SITE_TARGET = frozenset({"الي", "من", "حتي", "نحو", "باتجاه", "عن", "داخل"})
NEAR_SITE = frozenset({"قرب", "بالقرب", "محيط", "امام", "قباله"})
# Mention kinds that end a site phrase (`مشفى سراقب` takes a place; `مدرسة ثلاثة` no number).
SITE_PHRASE_ENDS = frozenset({"number", "date", "casualty", "trigger", "weapon", "cue", "actor"})


@dataclass
class RoleStage:
    name: str = "resolve_actors"
    requires: tuple[str, ...] = ("events", "mentions:actor")
    assigns: tuple[str, ...] = ("events:actors",)
    version: str = "roles.v2"

    def __call__(self, doc: Document) -> Document:
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            if m.kind == "actor" and m.code:
                by_sentence.setdefault(m.sentence, []).append(m)
        first: dict[tuple[int, int], tuple[Mention, str | None]] = {}  # trigger span -> its attacker
        for ev in doc.events:
            actors = sorted(by_sentence.get(ev.sentence, []), key=lambda m: m.start)
            a1, a2, certainty = Clause(doc, ev, actors).roles() if actors else (None, None, None)
            a1, a2 = named(a1), named(a2)
            span = (ev.trigger.start, ev.trigger.end)
            if a1 is None and span in first and (a2 is None or a2.data["name"] != first[span][0].data["name"]):
                a1, certainty = first[span]  # `شن الطيران غارات ... ثلاثة شهداء بقرية ... وخمسة بقرية`: one raid's villages
            elif a1 is not None:
                first.setdefault(span, (a1, certainty))
            if a2 is None:  # `قصفت الطائرات مشفى أورينت`, `انفجار في سوق شعبي`: a site, held by civilians or a force
                a2 = site_target(doc, ev, a1, actors)
            if a1 is not None:
                ev.actor1 = as_record(doc, a1)
                ev.link("actor1", a1)
                if certainty and ev.certainty == "asserted":
                    ev.certainty = certainty
            if a2 is not None:
                ev.actor2 = as_record(doc, a2)
                ev.link("actor2", a2)
        return doc


@functools.cache
def site_nouns(lang: str = "ar") -> LexiconMatcher:
    """The site nouns (heads) and the words after them that class them (modifiers)."""
    return LexiconMatcher((r["surface"], r) for r in load(lang, "site_nouns"))


def site_target(doc: Document, ev: Event, a1: Mention | None, actors: list[Mention]) -> Mention | None:
    """A target named by the site hit rather than by an armed group: the object of the trigger
    (`استهدفت غارة مشفى أورينت الجراحي`, `هز انفجار مبنى نقابة المهندسين`), `على` + a site after a fall
    or an explosion (`سقطت قذيفة على مدرسة`), `في` or `قرب` + a site after an explosion (`انفجار في سوق
    شعبي`), the subject of `تعرض ... لـ` (`تعرض مطار الضبعة العسكري لقصف`). A civilian site gives the
    civilians of the event's country, a military one the state's forces there (never the attacker's
    own), a police one its police; a head the text does not class (`مواقع`, `مطار`) gives none."""
    t, text = ev.trigger, doc.norm.text
    if t.code in SITE_TRIGGERS_NOT:  # a clash's sides, a protest's, who is held: no site stands for them
        return None
    sent = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
    lo, hi = (sent.start, sent.end) if sent else ev.clause
    heads = [h for h in site_nouns().find(text, lo, hi) if h.payloads[0]["role"] == "head"]
    if not heads:
        return None
    country = (ev.location or {}).get("iso3") or next(
        (a.data.get("country") for a in actors if a.data.get("kind") in ("civilians", "generic")), None) or next(
        (m.data.get("iso3") for m in doc.mentions if m.kind == "place" and m.sentence == ev.sentence
         and m.data.get("iso3")), None)
    if not country:
        return None
    walls = [m.start for m in doc.mentions if m.kind == "cue" and m.code in ("attribution", "reply")
             and lo <= m.start < hi]
    anchor = a1.end if a1 is not None and a1.start >= t.start else t.end
    passive = _passive_verb(text, ev.clause[0], t.start)
    late = [e for s0, e, r in ((h.start, h.end, h.payloads[0]) for h in actor_index().roles.find(text, t.end, hi))
            if r == "target" and text[s0:e].startswith(LATE_TARGET)]
    explosion = t.code in WEAPON_SUBJECT
    for h in heads:
        if any(m.kind in ("actor", "weapon") and m.start <= h.start < m.end for m in doc.mentions):
            continue  # `مقر الحزب الديمقراطي`: a site that names its holder is that actor's, and roles had it
        prefix = text[h.word_start:h.start].replace("ال", "").lstrip("وف")
        prev = _WORD.findall(text, max(lo, h.word_start - 30), h.word_start)
        if prev and prev[-1] in NOT_SITE_TARGET and not (explosion and prev[-2:-1] and prev[-2] in NEAR_SITE):
            continue
        if prefix not in ("", "ب") or (prefix == "ب" and not explosion):
            continue
        if prev and (prev[-1] in NEAR_SITE or prev[-1] == "في") and not explosion:
            continue  # `قتل في المستشفى`: where someone died, not what was hit
        after = h.word_start >= anchor and _words(text, anchor, h.word_start) <= OBJECT_REACH and h.start < ev.clause[1]
        if after and prefix == "ب" and _words(text, anchor, h.word_start) > 1:
            after = False
        later = any(e <= h.word_start and _words(text, e, h.word_start) <= REACH["target"] for e in late)
        suffered = passive is not None and passive <= h.word_start and h.end <= t.start
        if not (after or later or suffered) or any(min(anchor, h.word_start) <= w < h.word_start for w in walls):
            continue
        end, cls = _site_phrase(doc, h, hi)
        row = None
        for prefix_id in SITE_ROWS.get(cls, ()):
            row = actor_index().rows.get(f"{prefix_id}-{country}")
            if row is not None:
                break
        if row is None:
            continue  # `سيارة مفخخة في سوق`: a head its phrase does not class says nothing; look further
        if a1 is not None and (a1.code == row.id or a1.data.get("name") == row.name_on(doc.published)):
            return None  # a force does not hit its own post: whose it is, the text does not say
        start = h.start - 2 if text[h.word_start:h.start].endswith("ال") else h.start
        data = {"name": row.name_on(doc.published), "inter": row.inter, "country": row.country,
                "generic": row.kind in ("generic", "civilians"), "kind": row.kind, "site": True}
        return Mention("actor", start, end, row.id, data, ev.sentence)
    return None


def _words(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b)) if b > a else 0


def _passive_verb(text: str, lo: int, hi: int) -> int | None:
    """Where the subject of the last `تعرض` before the trigger may start (after the verb)."""
    at = None
    for w in _WORD.finditer(text, lo, hi):
        if w.group().lstrip("و").startswith(PASSIVE_VERBS):
            at = w.end()
    return at


def _site_phrase(doc: Document, h, hi: int) -> tuple[int, str]:
    """The end of a site phrase (its head and up to SITE_WORDS words that complete it) and its class."""
    text, idx = doc.norm.text, actor_index()
    cls, end = h.payloads[0]["class"], h.end
    stop = idx.words["stop"] | idx.words["locative"]
    bounds = [(m.start, m.end) for m in doc.mentions if m.kind in SITE_PHRASE_ENDS and m.end > h.end]
    for n, w in enumerate(_WORD.finditer(text, h.end, hi)):
        gap = text[end:w.start()]
        word = w.group()
        if n >= SITE_WORDS or any(c in gap for c in "،,.:؛;()\n\"'«»-") or word in stop or word.isdigit():
            break
        if word[:1] in "بف" and word not in site_nouns().find(word) and not any(
                hh.start == 0 and hh.end == len(word) for hh in site_nouns().find(word)) or word.startswith("و"):
            break  # `بمدينة`, `وسط`: a place or a second phrase, not this one's genitive
        mod = [x for x in site_nouns().find(word) if x.payloads[0]["role"] == "modifier" and x.end == len(word)]
        if mod:  # `حاجزا عسكريا`, `مركزا للتدليك`: the word says what the site is
            cls, end = mod[0].payloads[0]["class"], w.end()
            continue
        if any(s0 < w.end() and w.start() < e0 for s0, e0 in bounds):
            break
        end = w.end()
    return end, cls


def named(m: Mention | None) -> Mention | None:
    """A pronoun (`بلاده`) stands in the record by the words that named its actor, if there are any."""
    if m is None or "named" not in m.data:
        return m
    start, end = m.data["named"]
    return Mention("actor", start, end, m.code, {k: v for k, v in m.data.items() if k != "named"}, m.sentence)


def as_record(doc: Document, m: Mention) -> dict:
    s, e = doc.span(m.start, m.end)
    return {"name": m.data["name"], "text": doc.text[s:e], "span": [s, e], "inter": m.data["inter"]}


def inside(m: Mention, span: tuple[int, int]) -> bool:
    return span[0] <= m.start and m.end <= span[1]


def doer_like(a: Mention, *, genitive: bool = False) -> bool:
    """A base, a convoy, civilians or a phrase behind a preposition are what is hit, not who hits;
    after a noun trigger, `ل` marks the doer (`غارة للتحالف`, `هجوم لداعش`)."""
    prep = a.data.get("prep", "")
    return not a.data.get("site") and a.data.get("kind") != "civilians" and (
        not prep or (genitive and prep in ("ل", "لل")))


class Clause:
    """The roles around one event's trigger."""

    def __init__(self, doc: Document, ev: Event, actors: list[Mention]) -> None:
        self.doc, self.ev, self.t, self.actors = doc, ev, ev.trigger, actors
        self.text = doc.norm.text
        sent = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
        lo, hi = self.sentence = (sent.start, sent.end) if sent else ev.clause
        self.cues = [(h.start, h.end, h.payloads[0]) for h in actor_index().roles.find(self.text, lo, hi)]
        self.walls = [m.start for m in doc.mentions if m.kind == "cue" and m.code in ("attribution", "reply")
                      and lo <= m.start < hi] + [s for s, _e, r in self.cues if r == "wall"]
        self.hurt = self.victims()
        speakers = {a.start for a in actors if self.reported(a)}
        self.actors = [a for a in actors if a.start not in speakers]
        self.passive = self.t.data.get("voice") == "passive"

    def words(self, a: int, b: int) -> int:
        """Words between `a` and `b`; proclitics glued to the word at `b` (`بغارة`) are no word."""
        while b > a and self.text[b - 1].isalnum():
            b -= 1
        return len(_WORD.findall(self.text, a, b)) if b > a else 0

    def reported(self, a: Mention) -> bool:
        """`قال مسؤول في الشرطة إن القنابل انفجرت`, `قالت الوزارة إن الاشتباكات ...`: an actor before a
        reported clause is its speaker, neither side of it, unless the clause's subject refers back to
        it (`أعلن الجيش أنه قصف`, `إن قواته قصفت`) or is an unnamed force of its (`إن طائرات حربية`)."""
        if a.end > self.t.start:
            return False
        for w in _WORD.finditer(self.text, a.end, self.t.start):
            if w.group() not in COMPLEMENTIZERS:
                continue
            nxt = _WORD.search(self.text, w.end())
            while nxt is not None and (nxt.group() in QUANTIFIERS or self.counts(nxt.start())):
                nxt = _WORD.search(self.text, nxt.end())
            if nxt is None:
                return False
            s, e = self.doc.span(nxt.start(), nxt.end())
            if _MARKS.sub("", self.doc.text[s:e]).endswith(PRONOUN_SUFFIXES):
                return False
            if any(b.start < nxt.end() and nxt.start() < b.end for b in self.actors):
                return True  # an actor of its own is the clause's subject
            heads = actor_index().patterns.find(nxt.group())
            return not any(h.payloads[0]["kind"] == "head" and h.payloads[0]["value"] in FORCE_HEADS for h in heads)
        return False

    def counts(self, pos: int) -> bool:
        """Whether a number stands at folded position `pos` (`3 جنود`, `ثلاثة عناصر`)."""
        return any(m.kind == "number" and m.start <= pos < m.end for m in self.doc.mentions)

    def roles(self) -> tuple[Mention | None, Mention | None, str | None]:
        """actor1, actor2, and "hedged" or "claimed" when actor1 is only suspected or claims it."""
        t = self.t
        doers = [a for a in self.actors if a.start not in self.hurt]
        a1, certainty = self.hedged(doers)
        if t.code in DETAIN and a1 is not None:  # `اعتقلت ... يشتبه بانتمائهم لداعش`: who is held
            return self.cued("agent", doers, t.end) or self.doer(doers), a1, None
        a1 = a1 or self.cued("agent", doers, t.end) or self.source_site(doers) or self.holding_trigger(doers)
        if t.code == "CLASH":
            return (*self.clash(a1), None)
        if t.code == "PROTEST":
            return self.protesters(), None, None
        if t.code == "INTERCEPT":  # the attacker is actor1, the side that stopped it actor2
            return a1, self.doer([a for a in doers if a is not a1]) or self.target(a1), certainty
        if t.code == "FOIL" and a1 is not None:  # `أحبطت القوات هجوما شنه X`: likewise, once X is named
            return a1, self.doer([a for a in doers if a.data["name"] != a1.data["name"]]), certainty
        if a1 is None and not self.passive:
            verb = self.means_verb()
            if verb is not None:  # `استهدفت تركيا مقرا للحزب بقصف مدفعي`: the verb's subject and object
                a1, a2 = self.verb_roles(doers, verb)
                if a1 is not None:
                    return a1, a2 if a2 is None or a2.data["name"] != a1.data["name"] else None, certainty
        if a1 is None and self.passive:
            a1 = self.by_means(doers)
        elif a1 is None:
            a1 = self.light_subject(doers) or self.doer(doers)
        if a1 is None:  # `فجر انتحاري نفسه`: the bomber the trigger holds, when no one else is named
            a1 = next((a for a in doers if t.start < a.start < a.end <= t.end and a.data.get("head") != "site"), None)
        a2 = self.target(a1)
        if a1 is not None and a1.data.get("kind") == "civilians":
            a1 = None  # civilians are victims, never the attacker
        if a1 is not None and a2 is not None and (a1.start == a2.start or a1.data["name"] == a2.data["name"]):
            a2 = None
        return a1, a2, certainty

    def means_verb(self) -> tuple[int, int] | None:
        """A noun trigger glued to `ب` is the means of a targeting verb before it in its clause
        (`استهدفت القوات مستودعا بغارات`): the verb's span, if one stands within MEANS_REACH words."""
        t = self.t
        ws = t.start
        while ws > 0 and self.text[ws - 1].isalnum():
            ws -= 1
        quoted = ws
        while quoted > 0 and self.text[quoted - 1] in QUOTES:  # `بـ"قصف صاروخي"`
            quoted -= 1
        glued = "ب" in self.text[ws:t.start] or (quoted < ws and self.text[quoted - 1:quoted] == "ب"
                                                   and not self.text[quoted - 2:quoted - 1].isalnum())
        if t.data.get("pos") != "noun" or not glued:
            return None
        ws = quoted - 1 if quoted < ws else ws
        verbs = [w for w in _WORD.finditer(self.text, self.ev.clause[0], ws) if w.group().lstrip("و").startswith(
            LATE_TARGET) and not w.group().lstrip("و").startswith(("يستهدف", "تستهدف"))]
        if not verbs or self.words(verbs[-1].end(), ws) > MEANS_REACH or any(
                e.trigger.start < ws and verbs[-1].start() <= e.trigger.start for e in self.doc.events
                if e is not self.ev):
            return None
        return verbs[-1].start(), verbs[-1].end()

    def verb_roles(self, actors: list[Mention], verb: tuple[int, int]) -> tuple[Mention | None, Mention | None]:
        """The subject of a verb (right before it, or right after it) and its object (after both)."""
        glue = actor_index().words["modifier"] | actor_index().words["resumptive"]
        before = [a for a in actors if a.end <= verb[0] and a.start >= self.ev.clause[0] and doer_like(a)]
        subject = before[-1] if before and all(w in glue for w in _WORD.findall(self.text, before[-1].end, verb[0])) else None
        after = [a for a in actors if verb[1] <= a.start < self.t.start]
        if subject is None and after and doer_like(after[0]) and not self.accusative(after[0]) and \
                self.words(verb[1], after[0].start) == 0:
            subject, after = after[0], after[1:]
        obj = after[0] if after and self.words(subject.end if subject and subject.end > verb[1] else verb[1],
                                                 after[0].start) <= 1 else None
        return subject, obj

    def target(self, a1: Mention | None) -> Mention | None:
        t, clause = self.t, self.ev.clause
        if t.code == "FOIL":  # a foiled attack's target is not the foiler's enemy
            return None
        anchor = a1.end if a1 is not None and a1.start >= t.start else t.end
        others = [a for a in self.actors if a is not a1 and (a1 is None or a.data["name"] != a1.data["name"])]
        found = None
        if t.data.get("pos") == "noun" and a1 is not None and a1.start >= t.start:
            found = self.subject_before(others, victims=True)  # `دمرت دبابة للجيش في هجوم نفذته X`
        if self.passive and found is None:
            found = self.suffered(others) or (
                self.t.data.get("pos") == "verb" and self.first_after(others, t.end, 2))
        if t.code in DETAIN:  # who is held follows the verb; the dead of the crime charged are not them
            return found or self.cued("target", others, anchor) or self.first_after(others, anchor, OBJECT_REACH)
        return (found or self.cued("target", others, anchor) or self.hit_by(others)
                or next((a for a in others if a.start in self.hurt and a.end <= t.start and inside(a, clause)), None)
                or self.first_after(others, anchor, OBJECT_REACH)
                or next((a for a in others if a.start in self.hurt and inside(a, clause)), None)
                or self.late_target(others))

    def hit_by(self, actors: list[Mention]) -> Mention | None:
        """`قتلت في 25 من الشهر، الناشطة العراقية بإطلاق نار`, `أصيب ثلاثة مدنيين بقصف`: a trigger glued to
        `ب` is the means; the one a casualty verb before it says was hit is its target."""
        t = self.t
        if self.text[t.start - 1:t.start] != "ب" or self.text[t.start - 2:t.start - 1].isalnum() and \
                self.text[t.start - 2:t.start - 1] != "و":
            return None
        kills = [m.end for m in self.doc.mentions if m.kind == "casualty" and self.ev.clause[0] <= m.start < t.start]
        if not kills:
            return None
        return next((a for a in reversed(actors) if kills[0] <= a.start and a.end <= t.start
                     and not a.data.get("prep") and a.data.get("kind") != "official"), None)

    def late_target(self, actors: list[Mention]) -> Mention | None:
        """`نفذت طائرات ... ضربة جوية ... استهدفت خلالها غرفة عمليات لداعش`: a targeting verb later in
        the sentence names the target when nothing nearer did, unless another event's trigger or a
        wall (`ردا على`) comes first."""
        later = [e.trigger.start for e in self.doc.events if e.sentence == self.ev.sentence and e.trigger.start > self.t.end]
        for s, e, r in self.cues:
            if r != "target" or s < self.t.end or not self.text[s:e].startswith(LATE_TARGET):
                continue
            if any(x < s for x in later) or any(self.t.end <= w < s for w in self.walls):
                return None
            return next((a for a in actors if a.start >= e and self.words(e, a.start) <= REACH["target"]), None)
        return None

    def victims(self) -> set[int]:
        """Starts of the actors a casualty word governs as its object (`قتل جندي تركي`, `مقتل 3
        عناصر من الشرطة`): nothing but a count stands between, and no preposition is glued on
        (`القتلى جراء قصف قوات النظام`, `قتل طفل برصاص الجندرمة`: the cause, not the dead)."""
        ends = [m.end for m in self.doc.mentions if m.kind == "casualty"]
        counts = [(m.start, m.end) for m in self.doc.mentions if m.kind == "number"]
        out = set()
        for a in self.actors:
            if a.data.get("prep"):
                continue
            for e in ends:
                if e <= a.start and a.start - e < 40:
                    gap = self.text[e:a.start]
                    for s0, e0 in counts:
                        if e <= s0 and e0 <= a.start:
                            gap = gap.replace(self.text[s0:e0], " ")
                    gap = _AT_LEAST.sub(" ", gap)
                    if not [w for w in _WORD.findall(self.strip_triggers(gap, e)) if w not in PARTITIVE]:
                        out.add(a.start)
        fate = actor_index().words["fate_verb"]
        for a in self.actors:  # `لقي العميد فلان مصرعه`: the subject of `لقي` was killed
            prev = _WORD.findall(self.text, max(0, a.start - 8), a.start)
            if prev and prev[-1].lstrip("و") in fate and not a.data.get("prep") and self.text[a.start - 1:a.start] == " ":
                out.add(a.start)
        hit_verbs = actor_index().words["hit_verb"]
        for a in self.actors:  # `جنديين تركيين قتلا`: a subject its verb says was hit (no object follows)
            nxt = _WORD.match(self.text, a.end + 1) if self.text[a.end:a.end + 1] == " " else None
            if nxt is None or nxt.group() not in hit_verbs or a.data.get("prep"):
                continue
            if not any(b.start >= nxt.end() and self.words(nxt.end(), b.start) <= 1 for b in self.actors):
                out.add(a.start)
        return out

    def strip_triggers(self, gap: str, at: int) -> str:
        """`قتل في الاشتباكات ثلاثة جنود`, `قتل بالقصف طفلان`: the incident named between a casualty word
        and its dead (with its preposition) does not part them. `gap` is the text from folded `at`."""
        for m in self.doc.mentions:
            if m.kind != "trigger" or not (at <= m.start and m.end <= at + len(gap)):
                continue
            ws = m.start
            while ws > at and self.text[ws - 1].isalnum():
                ws -= 1
            prev = list(_WORD.finditer(self.text, max(at, ws - 12), ws))
            if prev and prev[-1].group() in CAUSE_PREPS:
                ws = prev[-1].start()
            elif self.text[ws:m.start].replace("ال", "").lstrip("و") not in ("ب", "في"):
                continue
            gap = gap[:ws - at] + " " * (m.end - ws) + gap[m.end - at:]
        return gap

    def hedged(self, actors: list[Mention]) -> tuple[Mention | None, str | None]:
        """`يعتقد أن X ...`, `يرجح أنها لطيران X`, `X تقف خلف الهجوم`, `يتهم A B بالهجوم` (B): hedged;
        `أعلن X مسؤوليته عن الهجوم`: claimed."""
        for s, e, role in self.cues:
            if role in ("hedge", "accuse"):
                after = [a for a in actors if a.start >= e and self.words(e, a.start) <= REACH[role]
                         and not a.data.get("generic")]
                if role == "accuse" and len(after) > 1:
                    after = after[1:]
                if after:
                    return after[0], "hedged"
            elif role in ("behind", "claim"):
                m = next((a for a in reversed(actors) if a.end <= s and self.words(a.end, s) <= REACH[role]), None)
                if m is not None:
                    return m, "hedged" if role == "behind" else "claimed"
        return None, None

    def cued(self, role: str, actors: list[Mention], anchor: int) -> Mention | None:
        """The first actor a cue of `role` names; the cue stands near the trigger (CUE_NEAR words
        after `anchor`); an attribution or a reply (`بحسب بيان للتحالف`, `ردا على`) is a wall."""
        for s, e, r in self.cues:
            if r != role or e < self.t.end or self.words(anchor, s) > CUE_NEAR[role]:
                continue
            for a in actors:
                if any(e <= w < a.start for w in self.walls):
                    break
                if a.start >= e and self.words(e, a.start) <= REACH[role]:
                    if role == "agent" and a.data.get("kind") == "civilians":
                        break
                    return a
        return None

    def holding_trigger(self, actors: list[Mention]) -> Mention | None:
        """A force phrase that holds the trigger: `القصف التركي`, `غارات التحالف`."""
        t = self.t
        return next((a for a in actors if a.start <= t.start < a.end and a.data.get("head") != "site"), None)

    def light_subject(self, actors: list[Mention]) -> Mention | None:
        """`وشنت الجبهة ... هجوما`, `القوة الجوية نفذت سلسلة من الغارات`: the subject of the light
        verb before an attack noun."""
        t = self.t
        if t.data.get("pos") != "noun":
            return None
        hit_verbs = actor_index().words["hit_verb"]
        killers = [(w.start(), w.end(), "kill") for w in _WORD.finditer(self.text, self.ev.clause[0], t.start)
                   if w.group() in hit_verbs and any(  # `قواتها قتلت قياديا ... بغارة`: a verb with an object
                       a.start >= w.end() and self.words(w.end(), a.start) <= 1 for a in self.actors)]
        for s, e, r in reversed(sorted(self.cues + killers)):
            if r not in ("light", "kill") or e > t.start or s < self.ev.clause[0] or self.words(e, t.start) > LIGHT_REACH:
                continue
            after = next((a for a in actors if e <= a.start < t.start), None)
            if r == "light" and after is not None and doer_like(after) and self.words(e, after.start) <= 1:
                return after  # after a casualty verb stands its victim, never its doer
            before = [a for a in actors if a.end <= s and doer_like(a)]
            if before and self.words(before[-1].end, s) <= 1:
                return before[-1]
        return None

    def by_means(self, actors: list[Mention]) -> Mention | None:
        """A passive's doer: `لهجوم من مسلحين`, `اغتيل ... بغارة إسرائيلية`."""
        for a in actors:
            if a.start < self.t.end or self.words(self.t.end, a.start) > 4 or a.data.get("site"):
                continue
            prev = _WORD.findall(self.text, max(0, a.start - 12), a.start)
            glued = self.text[a.start - 1:a.start] == "ب" or a.data.get("head") in ("mil", "armed")
            if (prev and prev[-1] == "من") or (a.data.get("prep") and glued):
                return a
        return None

    def doer(self, actors: list[Mention]) -> Mention | None:
        """The initiator of an active trigger: the subject right before it (`القوات التركية قصفت`,
        `أعلنت قسد أنها استهدفت`), the subject right after a verb or the genitive after a noun,
        else the nearest subject before it in the clause."""
        t = self.t
        before = [a for a in actors if a.end <= t.start and a.start >= self.ev.clause[0] and doer_like(a)]
        if before:
            gap = _WORD.findall(self.text, before[-1].end, t.start)
            glue = actor_index().words["modifier"] | actor_index().words["resumptive"]
            if all(w in glue for w in gap):
                return before[-1]
        after = next((a for a in actors if a.start >= t.end), None)
        noun = t.data.get("pos") == "noun"
        marked = after is not None and (any(
            r == "target" and t.end <= s0 < after.start for s0, _e, r in self.cues)  # `على دورية`: the target
            or self.accusative(after))
        if noun and t.code in PATIENT_NOUNS:  # `اغتيال اللواء ...`, `اعتقال قيادي`: the genitive is hit
            after = None
        if after is not None and not marked and doer_like(after, genitive=noun) and self.words(
                t.end, after.start) <= 2 and (t.code not in WEAPON_SUBJECT or noun or self.bombers_of(after)):
            return after
        subject = self.subject_before(actors)
        return subject

    def bombers_of(self, a: Mention) -> bool:
        """`فجر انتحاريون من التنظيم أنفسهم`: a trigger that holds its fighters, then `من` and their group."""
        fighters = any(h.payloads[0]["kind"] == "head" and h.payloads[0]["value"] == "armed"
                       for h in actor_index().patterns.find(self.text, self.t.start, self.t.end))
        return fighters and _WORD.findall(self.text, self.t.end, a.start) == ["من"]

    def accusative(self, a: Mention) -> bool:
        """An indefinite head in the accusative (`قياديا`, `موقعا`, `رتلا`): an object, not a subject."""
        word = _WORD.match(self.text, a.start)
        return bool(word) and word.group() in actor_index().words["accusative"]

    def subject_before(self, actors: list[Mention], *, victims: bool = False) -> Mention | None:
        """The nearest actor before the trigger in its clause that can be a subject (or, for a
        passive, that is hit)."""
        t = self.t
        for a in reversed(actors):
            near = a.end <= t.start and a.start >= self.ev.clause[0]
            if near and t.data.get("pos") == "noun" and not victims:
                near = self.words(a.end, t.start) <= NOUN_SUBJECT_REACH
            if near and (victims or doer_like(a)):
                return a
        return None

    def suffered(self, actors: list[Mention]) -> Mention | None:
        """A passive's target: the subject of `تعرض` (`تعرضت قاعدة عين الأسد لهجوم`, `القاعدة تعرضت
        لقصف`), not an actor further back (`أشار بيان مجموعة ... سوريا إلى تعرض المناطق لقصف`)."""
        verb = None
        for w in _WORD.finditer(self.text, self.ev.clause[0], self.t.start):
            if w.group().lstrip("و").startswith(PASSIVE_VERBS):
                verb = w
        if verb is None:
            return self.subject_before(actors, victims=True)
        prev = _WORD.findall(self.text, max(0, verb.start() - 12), verb.start())
        masdar = bool(prev) and prev[-1] in MASDAR_PREPS  # `إلى تعرض المناطق`: its subject follows
        for a in reversed(actors):
            if verb.end() <= a.start and a.end <= self.t.start and (
                    not a.data.get("country_name") or self.words(verb.end(), a.start) == 0):
                return a  # a country name deeper in (`تعرضت أماكن في قرى الحواش والقاهرة`) is a place
            if not masdar and a.end <= verb.start() and a.start >= self.ev.clause[0] and self.words(
                    a.end, verb.start()) <= PASSIVE_SUBJECT_GAP and not any(c in self.text[a.end:verb.start()] for c in "،,.:؛"):
                return a  # `قاعدته في حقل العمر تعرضت`
        return None

    def first_after(self, actors: list[Mention], anchor: int, reach: int) -> Mention | None:
        """The object right after the trigger (or after its subject)."""
        for a in actors:
            if a.start >= anchor and self.coordinated(anchor, a):  # `قوات النظام والميليشيات`: a co-subject
                anchor = a.end
                continue
            if a.start >= anchor and a.end <= self.ev.clause[1] and not a.data.get("country_name"):
                walled = any(anchor <= w < a.start for w in self.walls)
                return a if self.words(anchor, a.start) <= reach and not walled else None
        return None

    def protesters(self) -> Mention | None:
        """A protest's actor1 is its protesters, of the country of the people the clause names
        (`تظاهر العشرات من أهالي الرقة` -> Protesters (Syria)), told by that people mention."""
        people = [a for a in self.actors if inside(a, self.ev.clause) and a.data.get("generic")]
        named = [a for a in self.actors if inside(a, self.ev.clause) and not a.data.get("generic")
                 and a.data.get("inter") in (3, 4, 6) and a.start < self.t.start]
        if named:  # a party or movement that calls the protest
            return named[-1]
        if not people:
            return None
        m = people[0]
        row = actor_index().rows.get(f"pro-{m.data.get('country')}")
        if row is None:
            return None
        data = {"name": row.name_on(self.doc.published), "inter": row.inter, "country": row.country,
                "generic": True, "kind": row.kind}
        return Mention("actor", m.start, m.end, row.id, data, m.sentence)

    def coordinated(self, anchor: int, a: Mention) -> bool:
        """An actor glued to the one before it by و (`قوات النظام والميليشيات الإيرانية`)."""
        ws = a.start
        while ws > 0 and self.text[ws - 1].isalnum():
            ws -= 1
        return anchor > self.t.end and self.text[ws:ws + 1] == "و" and not self.words(anchor, ws)

    def clash(self, a1: Mention | None) -> tuple[Mention | None, Mention | None]:
        """A clash has two sides: the first two different forces of its clause (`بين X و Y`). A force
        backing a side (`بدعم طيران التحالف`) and one state's other force (`القوات الأمنية من الجيش
        والشرطة`) are on that side, not the other."""
        sides: list[Mention] = [a1] if a1 is not None else []
        for a in self.actors:
            if inside(a, self.ev.clause) and a.data.get("kind") != "civilians" and not a.data.get("country_name") \
                    and all(a.data["name"] != b.data["name"] for b in sides) and not self.backing(a) \
                    and not (sides and self.allies(sides[0], a)):
                sides.append(a)
        one = _ONE_SIDE.search(self.text, self.ev.clause[0], self.ev.clause[1])
        other = one and _OTHER_SIDE.search(self.text, one.end(), self.sentence[1])
        if other and sides:  # `بين X ... من طرف، وY من طرف آخر`: Y is the second side
            last = [a for a in self.actors if one.end() <= a.start and a.end <= other.start()
                    and a.data.get("kind") != "civilians" and a.data["name"] != sides[0].data["name"]]
            if last:
                sides[1:2] = [last[-1]]
        first, second = (sides[0] if sides else None), (sides[1] if len(sides) > 1 else None)
        if a1 is None and first is not None and first.start in self.hurt and second is None:
            first, second = None, first  # `وقتل في الاشتباكات جنديان`: with no other side named, the dead were attacked
        return first, second

    def backing(self, a: Mention) -> bool:
        """`بدعم من طيران التحالف`, `المدعومة بمسلحين`: a force named as a side's support or leader."""
        ws = a.start
        while ws > 0 and self.text[ws - 1].isalnum():
            ws -= 1
        prev = [w.lstrip("و") for w in _WORD.findall(self.text, max(0, ws - 25), ws)]
        if prev[-1:] == ["من"]:
            prev = prev[:-1]
        return bool(prev) and prev[-1] in actor_index().words["modifier"] - NOT_SUPPORT

    @staticmethod
    def allies(a: Mention, b: Mention) -> bool:
        """Two forces of one state (the army and the police) fight on one side."""
        return a.data.get("inter") == b.data.get("inter") == 1 and bool(a.data.get("country")) \
            and a.data.get("country") == b.data.get("country") and "coal" not in (a.code + b.code)

    def source_site(self, actors: list[Mention]) -> Mention | None:
        """Fire that comes from someone's positions: `من مواقع قوات الأسد`, `مصدرها مواقع الفصائل`."""
        agent_ends = {e for _s, e, r in self.cues if r == "agent"}
        for a in actors:
            if a.data.get("head") == "site" and a.start > self.t.start:
                prev = list(_WORD.finditer(self.text, max(0, a.start - 12), a.start))
                if prev and (prev[-1].group() == "من" and inside(a, self.ev.clause) or prev[-1].end() in agent_ends):
                    return a
        return None


register("resolve_actors")(RoleStage)
