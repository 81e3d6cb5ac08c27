"""The "events" stage: from trigger, weapon, casualty, number and cue mentions to typed events.

Per sentence, per clause: triggers that have what they need (a weapon for `سقط`/`أطلق`,
some sign of violence for `هجوم`/`استهدف`) are grouped into incidents (a generic trigger
joins the specific one beside it: `تعرضت ... لهجوم بطائرات مسيرة` is one), typed through the
typing table, given their weapon, munitions and casualties, and checked for what makes a
mention no event: threats, plans, denials, negation, statistics. Certainty, attribution and
background come from the cues around them. Nothing here compares Arabic strings: every
decision reads neutral codes the lexicons assigned.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from marsad.document import Document, Event, Mention
from marsad.extract import modality
from marsad.extract.clauses import clause_spans, inside, word_start, words_between
from marsad.extract.lexicons import Lexicons, compiled
from marsad.extract.quantities import MAX_TOLL, casualties, munitions
from marsad.pipeline import register
from marsad.taxonomy import EVENT_TYPE_OF

# Which trigger names the incident when several share a clause (first wins).
PRIORITY = ("INTERCEPT", "FOIL", "ASSASSINATE", "ARREST", "ABDUCT", "STRIKE", "EXPLODE", "SHELL",
            "CLASH", "EXECUTE", "SHOOT", "STAB", "BODY", "STORM", "FIRE", "FALL", "ATTACK", "TARGET", "RESPOND", "SUFFER",
            "CAPTURE", "PROTEST", "LOOT")
# Triggers that name no kind of attack of their own: they join the trigger beside them, and
# the weapon decides the type.
GENERIC = frozenset({"ATTACK", "TARGET", "FIRE", "FALL", "SUFFER", "STORM", "RESPOND"})
WEAPON_DECIDES = GENERIC | {"EXPLODE", "SHELL"}
# Triggers that absorb the attack words in their clause (the attack is what they disrupt or follow).
ABSORBING = frozenset({"INTERCEPT", "FOIL", "ARREST", "ASSASSINATE", "ABDUCT"})
# Fighting words that show ground was taken by force (`استعادت ... بعد معارك`).
FIGHTING = frozenset({"CLASH", "STRIKE", "SHELL", "EXPLODE", "ASSASSINATE", "SHOOT"})
# Incidents whose figures are not casualties of their own (an arrest after a bombing).
NO_CASUALTIES = frozenset({"ARREST", "ABDUCT", "PROTEST"})
AIRCRAFT = frozenset({"airstrike", "drone"})
# A weapon implied by the trigger when the clause names none.
IMPLIED_WEAPON = {"STRIKE": "airstrike", "SHELL": "artillery", "SHOOT": "small_arms", "EXPLODE": "ied"}
_RANK = {c: i for i, c in enumerate(PRIORITY)}


@dataclass
class Group:
    """Triggers of one incident within a clause, and the span its arguments are read from."""

    triggers: list[Mention]
    weapon: Mention | None
    span: tuple[int, int] = (0, 0)

    @property
    def main(self) -> Mention:
        return min(self.triggers, key=lambda t: _RANK.get(t.code, 99))


@dataclass
class EventStage:
    name: str = "events"
    requires: tuple[str, ...] = ("sentences", "mentions:number", "mentions:trigger", "mentions:weapon",
                                 "mentions:casualty", "mentions:cue")
    assigns: tuple[str, ...] = ("events",)
    version: str = "events.v1"

    def __call__(self, doc: Document) -> Document:
        lx = compiled()
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in doc.mentions:
            by_sentence[m.sentence].append(m)
        for si, sent in enumerate(doc.sentences):
            ms = sorted(by_sentence.get(si, []), key=lambda m: (m.start, -m.end))
            if any(m.kind == "cue" and m.code == "link_line" for m in ms):
                continue  # "رابط الخبر: ..." repeats a headline as a link
            found = sentence_events(doc, lx, si, (sent.start, sent.end), ms) if any(
                m.kind == "trigger" for m in ms) else []
            if found:
                doc.events.extend(found)
            elif doc.events and si - doc.events[-1].sentence <= 2:
                continue_toll(doc, doc.events[-1], ms)
        return doc


def sentence_events(doc: Document, lx: Lexicons, si: int, span: tuple[int, int],
                    ms: list[Mention]) -> list[Event]:
    text = doc.norm.text
    kinds: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        kinds[m.kind].append(m)
    cues = kinds["cue"]
    clauses = clause_spans(text, span[0], span[1], cues)
    events: list[Event] = []
    headline = si == 0 and doc.sentences[0].paragraph == 0
    for ci, clause in enumerate(clauses):
        in_clause = [m for m in ms if inside(m, clause)]
        for group in trigger_groups(text, in_clause, clause, headline=headline):
            if modality.is_not_event(text, group.triggers, group.span, span, cues, kinds["number"]):
                continue
            in_group = [m for m in in_clause if inside(m, group.span)]
            if events and accompanies(text, group.triggers[0], cues) and not any(m.kind == "place" for m in in_group):
                continue  # `اشتباكات ... وسط قصف جوي`: the bombardment is part of the battle told
            ev = build_event(doc, lx, si, group, in_group, ms)
            if ev is not None and tally(in_group):
                continue  # `أعدموا نحو ألفي مواطن`: a toll no single incident has
            if ev is not None and (doc.events or events) and bare_reference(doc, ev):
                continue  # `وأوضحت الوكالة أن الهجوم ...`: the attack already told, nothing new
            if ev is not None:
                events.append(ev)
                events.extend(_attach_trailing_casualties(doc, ev, clauses[ci + 1:], ms))
    _share_sentence_figures(doc, events, ms)
    return events


def could_make_event(ms: list[Mention]) -> bool:
    """Whether some trigger of the article could find what it needs in some clause: the
    article-wide relaxation of the tests in `trigger_groups` (a clause holds no more than its
    article). Needs that later stages would meet (a person, a count) count as met."""
    armed = any(m.kind == "weapon" for m in ms)
    weapons = any(m.kind == "weapon" and m.code != "interceptor" for m in ms)
    violent = armed or any(m.kind == "casualty" or m.kind == "cue" and m.code == "military_target" for m in ms)
    for t in ms:
        if t.kind != "trigger":
            continue
        need = t.data.get("needs")
        if need == "weapon" and not (armed if t.code == "INTERCEPT" else weapons):
            continue
        if need == "violence" and not (violent or t.code in ("CAPTURE", "STORM", "LOOT")):
            continue
        return True
    return False


def trigger_groups(text: str, ms: list[Mention], clause: tuple[int, int], *, headline: bool = False) -> list[Group]:
    """Triggers of a clause, each with its own weapon, grouped into incidents; each group reads
    its arguments from its own stretch of the clause. A present-tense verb (`تستهدف`) tells a
    habit or a plan, not an incident, except in a headline, where news is told in the present."""
    triggers = [m for m in ms if m.kind == "trigger" and (headline or m.data.get("pos") != "imperfect")]
    habits = [m for m in ms if m.kind == "trigger" and m.data.get("pos") == "imperfect" and not headline]
    armed = [m for m in ms if m.kind == "weapon"]  # interceptors included: they show an attack was met
    weapons = attack_weapons(ms)
    # an armed actor alone is no sign of violence: leaders "attack" each other in words
    violent = bool(armed) or any(m.kind == "casualty" for m in ms) or any(
        m.kind == "cue" and m.code == "military_target" for m in ms)
    fighting = any(t.code in FIGHTING for t in triggers)
    crowd = any(m.kind == "cue" and m.code == "protesters" for m in ms)  # protesters storming a building
    people = crowd or any(m.kind == "actor" or (m.kind == "cue" and m.code == "person") or (
        m.kind == "number" and m.data.get("role", "count") == "count") for m in ms)
    # a plural "attacks" tells an incident only with figures (else it is a summary)
    counted = any(m.kind == "casualty" for m in ms) or any(
        m.kind == "number" and m.data.get("role", "count") == "count" for m in ms)
    cues = [m for m in ms if m.kind == "cue"]
    groups: list[Group] = []
    for i, t in enumerate(triggers):
        need = t.data.get("needs")
        # only an interception may rest on the air defence alone (`أطلقت صاروخ اعتراض` is no attack)
        needed = armed if t.code == "INTERCEPT" else weapons
        context = violent or (fighting and t.code == "CAPTURE") or (crowd and t.code in ("STORM", "LOOT"))
        if (need == "weapon" and not needed) or (need == "violence" and not context) or (
                need == "person" and not people) or (
                need == "count" and not counted):
            continue
        summary = (t.code in GENERIC or t.code == "PROTEST") and t.data.get("number") == "pl"
        if purpose_noun(text, t, triggers) or any(
                h.end <= t.start and words_between(text, h.end, t.start) <= 3 for h in habits):
            continue  # a purpose, or the object of a present-tense verb (`يرد ... بإطلاق النار`)
        if t.code in GENERIC and refers_back(text, t, ms):
            continue  # `بعد الهجوم`: the attack already told
        nxt = triggers[i + 1].start if i + 1 < len(triggers) else None
        own = own_weapon(text, t, weapons, nxt)
        if groups and not starts_clause(text, t) and not accompanies(text, t, cues) and \
                not called_another(text, t, ms) and joins(groups[-1], t, own):
            g = groups[-1]
            g.triggers.append(t)
            g.weapon = g.weapon or own
        elif not summary:  # "attacks" alone sums up incidents; it only joins a specific one
            groups.append(Group([t], own))
    groups = [g for g in groups if not all(t.code == "SUFFER" for t in g.triggers)]
    for i, g in enumerate(groups):
        start = clause[0] if i == 0 else word_start(text, g.triggers[0].start)
        end = word_start(text, groups[i + 1].triggers[0].start) if i + 1 < len(groups) else clause[1]
        g.span = (start, end)
    return groups


def called_another(text: str, t: Mention, ms: list[Mention]) -> bool:
    """An indefinite trigger called similar, new, second or other (`انفجار مماثل`، `هجوم آخر`،
    `غارة ثانية`), by a word right after it or after its weapon: an incident not told before.
    (`آخرون`, the others of a toll, is no such word.)"""
    if t.data.get("definite") or text.startswith("ال", t.start):
        return False
    for c in ms:
        if c.kind != "cue" or c.start < t.end or words_between(text, t.end, c.start) > 2:
            continue
        if c.code not in ("another", "another_one"):
            continue
        if not any(m.kind in ("trigger", "casualty", "number") and t.end <= m.start < c.start for m in ms):
            return True
    return False


def accompanies(text: str, t: Mention, cues: list[Mention]) -> bool:
    """A trigger right after `وسط` or `ترافق مع` tells what went along with an incident already told."""
    return any(c.code == "accompany" and c.end <= t.start and words_between(text, c.end, word_start(text, t.start)) == 0
               for c in cues)


def refers_back(text: str, t: Mention, ms: list[Mention]) -> bool:
    """A definite attack word right after a time preposition names an incident already told."""
    definite = t.data.get("definite") or text.startswith("ال", t.start)
    return definite and any(c.kind == "cue" and c.code == "temporal_ref" and c.end <= t.start
                            and words_between(text, c.end, t.start) == 0 for c in ms)


def purpose_noun(text: str, t: Mention, triggers: list[Mention]) -> bool:
    """A noun trigger after the preposition ل without the article tells a purpose
    (`لاعتقال الهاربين`, `لاستعادة المدينة`), unless it completes تعرض (`تعرضت لقصف`).
    Verbs and nouns introduced by another word are left alone."""
    if t.data.get("pos") != "noun":
        return False
    ws = word_start(text, t.start)
    if text[ws:t.start] not in ("ل", "ول", "فل"):
        return False
    return not any(o.code == "SUFFER" and o.end <= t.start and words_between(text, o.end, t.start) <= 6
                   for o in triggers)


def attack_weapons(ms: list[Mention]) -> list[Mention]:
    """Weapon mentions that name what attacked (not the air defence that met it)."""
    return [m for m in ms if m.kind == "weapon" and m.code != "interceptor"]


def starts_clause(text: str, t: Mention) -> bool:
    """A verb glued to the conjunction و (`وتعرضت`, `وقصفت`) opens a new clause."""
    return t.data.get("pos") == "verb" and word_start(text, t.start) == t.start - 1 and text[t.start - 1] == "و"


def own_weapon(text: str, t: Mention, weapons: list[Mention], next_trigger: int | None) -> Mention | None:
    """The weapon named right after a trigger (before the next one), else right before it."""
    after = [w for w in weapons if w.start >= t.start and (next_trigger is None or w.start < next_trigger)
             and words_between(text, t.end, w.start) <= 8]
    if after:
        return after[0]
    before = [w for w in weapons if w.end <= t.start and words_between(text, w.end, t.start) <= 3]
    return before[-1] if before else None


def joins(g: Group, t: Mention, weapon: Mention | None) -> bool:
    """Whether trigger `t` (with its own weapon) tells the same incident as group `g`."""
    main = g.main
    if main.code in ABSORBING or t.code in ABSORBING:
        return True
    if t.code in GENERIC or main.code in GENERIC and all(x.code in GENERIC for x in g.triggers):
        return weapon is None or g.weapon is None or weapon.code == g.weapon.code
    if t.code == main.code:
        return weapon is None or g.weapon is None or weapon.code == g.weapon.code
    return False


def build_event(doc: Document, lx: Lexicons, si: int, group: Group,
                in_clause: list[Mention], sentence_ms: list[Mention]) -> Event | None:
    text = doc.norm.text
    main = group.main
    weapons = attack_weapons(in_clause)
    weapon_m = aircraft_subject(text, main, weapons) or group.weapon
    if weapon_m is None and (main.code in GENERIC or main.code == "SHELL"):
        # a generic "attack" (or a bare `قصف`) takes the weapon its sentence names, else the one
        # the article names most (an article about air strikes calls one "the targeting of a
        # building", and its bombing `قصف` comes from the air)
        weapon_m = sentence_weapon(main, sentence_ms) or article_weapon(doc)
    elif weapon_m is None and weapons:
        weapon_m = weapons[0]
    weapon = weapon_m.code if weapon_m else IMPLIED_WEAPON.get(main.code)
    row = lx.sub_event(main.code, weapon, weapon_first=main.code in WEAPON_DECIDES)
    sub = row["sub_event_type"]
    ev = Event(trigger=main, sentence=si, event_type=EVENT_TYPE_OF[sub], sub_event_type=sub,
               clause=group.span, weapon=weapon or "unknown", outcome=row.get("outcome") or "unknown")
    if called_another(text, main, in_clause):
        main.data["another"] = True  # `انفجار مماثل`: within-article fusion keeps it apart
    if any(t.code == "SUFFER" for t in group.triggers):
        main.data["voice"] = "passive"
    ev.link("trigger", main)
    for t in group.triggers:
        if t is not main:
            ev.link("trigger", t)
    if weapon_m is not None:
        ev.link("weapon", weapon_m)
    numbers = [m for m in in_clause if m.kind == "number"]
    counted = [w for w in weapons if (group.weapon is None or w.code == group.weapon.code)]
    ev.munitions, used = munitions(text, counted, numbers)
    for n in used:
        ev.link("munitions", n)
    if main.code not in NO_CASUALTIES:
        add_casualties(doc, ev, in_clause)
    repelled = main.code == "FOIL" and not attack_weapons(sentence_ms) and any(
        m.kind == "trigger" and m.code == "ATTACK" for m in in_clause)
    if main.code in ("FOIL", "INTERCEPT") and ev.weapon in ("unknown", "small_arms") and (
            ev.fatalities or ev.injuries or repelled):
        # an armed attack repelled (with losses, or an assault named with no weapon) is a
        # battle, not a disrupted weapon
        ev.event_type, ev.sub_event_type, ev.outcome = "Battles", "Armed clash", "hit"
    recode_protest(ev, main, group, sentence_ms)
    modality.annotate(doc, ev, in_clause, sentence_ms)
    return ev


def recode_protest(ev: Event, main: Mention, group: Group, ms: list[Mention]) -> None:
    """Protests met by force, killings of protesters, and protesters' own violence (ACLED)."""
    cues = {m.code for m in ms if m.kind == "cue"}
    if main.code == "PROTEST":
        if ev.fatalities:
            ev.event_type, ev.sub_event_type = "Protests", "Excessive force against protesters"
        elif "protest_force" in cues:
            ev.event_type, ev.sub_event_type = "Protests", "Protest with intervention"
    elif "protesters" in cues and main.code in ("STORM", "LOOT", "ATTACK", "TARGET") and ev.weapon == "unknown":
        ev.event_type, ev.sub_event_type = "Riots", "Violent demonstration"


def aircraft_subject(text: str, trigger: Mention, weapons: list[Mention]) -> Mention | None:
    """An aircraft named just before the trigger is what struck, whatever it fired
    (`طائرة حربية استهدفت بالصواريخ` is an air strike)."""
    before = [w for w in weapons if w.code in AIRCRAFT and w.end <= trigger.start
              and words_between(text, w.end, trigger.start) <= 3]
    return before[-1] if before else None


def article_weapon(doc: Document) -> Mention | None:
    """The weapon most of the article's weapon words name, when they agree (two thirds or more)."""
    weapons = attack_weapons(doc.mentions)
    if len(weapons) < 2:
        return None
    counts: dict[str, list[Mention]] = defaultdict(list)
    for w in weapons:
        counts[w.code].append(w)
    best = max(counts.values(), key=len)
    return best[0] if 3 * len(best) >= 2 * len(weapons) else None


def sentence_weapon(trigger: Mention, ms: list[Mention]) -> Mention | None:
    """The weapon the sentence names nearest before the trigger, else after it
    (`الصواريخ التي قصفت ...، والثالثة التي استهدفت ...`)."""
    weapons = attack_weapons(ms)
    before = [w for w in weapons if w.end <= trigger.start]
    if before:
        return before[-1]
    return weapons[0] if weapons else None


def tally(ms: list[Mention]) -> bool:
    """Whether a casualty word is counted beyond any one incident's toll (a war's, a year's)."""
    counts = [m for m in ms if m.kind == "number" and m.data.get("role", "count") == "count"
              and int(m.data.get("value", 0)) > MAX_TOLL]
    return bool(counts) and any(m.kind == "casualty" or (m.kind == "trigger" and m.code in ("EXECUTE", "BODY"))
                                for m in ms)


def bare_reference(doc: Document, ev: Event) -> bool:
    """A definite generic attack word with nothing of its own (no weapon, no figures)."""
    t = ev.trigger
    definite = t.data.get("definite") or doc.norm.text.startswith("ال", t.start)
    return (t.code in GENERIC and definite and "weapon" not in ev.links and ev.munitions is None
            and ev.fatalities is None and ev.injuries is None)


def continue_toll(doc: Document, ev: Event, ms: list[Mention]) -> None:
    """A sentence with casualties and no incident of its own goes on telling the last one
    (`وأفاد المرصد بمقتل ثلاثة عناصر`): its figures fill what the event still lacks."""
    if ev.trigger.code in NO_CASUALTIES or not any(m.kind == "casualty" for m in ms):
        return
    if ev.fatalities is None or ev.injuries is None:
        add_casualties(doc, ev, ms, fill_only=True)


def one_person(m: Mention) -> bool:
    """A word that names one person (`جندي`، `أحد`، `آخر` as in `وأصيب آخر`), or `آخرون`;
    `الأحد` is Sunday."""
    if m.kind != "cue" or m.code not in ("person", "one_of", "another_one", "others"):
        return False  # `آخرون` (others, uncounted) is kept: it tells the toll has no figure
    return not (m.code == "one_of" and m.data.get("definite"))


def add_casualties(doc: Document, ev: Event, ms: list[Mention], *, fill_only: bool = False) -> None:
    text = doc.norm.text
    fig = casualties(text, [m for m in ms if m.kind == "casualty"], [m for m in ms if m.kind == "number"],
                     [m for m in ms if one_person(m)])
    if fill_only:  # a later sentence only fills a figure the event lacks
        fig.killed = fig.killed if ev.fatalities is None else []
        fig.injured = fig.injured if ev.injuries is None else []
    if fig.killed:
        low, m = min(fig.killed, key=lambda x: x[0])
        ev.fatalities = low if ev.fatalities is None else min(ev.fatalities, low)
        ev.link("fatalities", m)
    if fig.injured:
        low, m = min(fig.injured, key=lambda x: x[0])
        ev.injuries = low if ev.injuries is None else min(ev.injuries, low)
        ev.link("injuries", m)


def _attach_trailing_casualties(doc: Document, ev: Event, rest: list[tuple[int, int]],
                                ms: list[Mention]) -> list[Event]:
    """Casualties told in the next trigger-less clauses of the sentence belong to this event;
    a clause with a toll and a place of its own is a sibling incident of a round-up (`غارات على
    قرى جبل الزاوية، مخلفة ثلاثة قتلى بقرية الموزرة، وخمسة بقرية أرنبة`): one event per place."""
    siblings: list[Event] = []
    if ev.trigger.code in NO_CASUALTIES:
        return siblings
    for clause in rest:
        in_clause = [m for m in ms if inside(m, clause)]
        if any(m.kind == "trigger" for m in in_clause):
            break
        own_place = any(m.kind == "place" for m in in_clause)
        if own_place and ev.fatalities is not None and any(m.kind == "casualty" for m in in_clause):
            sib = sibling(ev, clause)
            add_casualties(doc, sib, in_clause)
            if sib.fatalities is not None or sib.injuries is not None:
                siblings.append(sib)
        elif ev.fatalities is None or ev.injuries is None:
            add_casualties(doc, ev, in_clause)
    return siblings


def sibling(ev: Event, clause: tuple[int, int]) -> Event:
    """Another incident of the same strike series, told in `clause`: same type, trigger and
    weapon; its own place, figures and evidence."""
    sib = Event(trigger=ev.trigger, sentence=ev.sentence, event_type=ev.event_type,
                sub_event_type=ev.sub_event_type, clause=clause, weapon=ev.weapon, outcome=ev.outcome,
                certainty=ev.certainty, background=ev.background, attributed_to=list(ev.attributed_to))
    for role in ("trigger", "weapon"):
        for m in ev.links.get(role, [])[:1]:
            sib.link(role, m)
    return sib


def _share_sentence_figures(doc: Document, events: list[Event], ms: list[Mention]) -> None:
    """A sentence with one event and casualty words before its clause (`قتل 3 في غارة`)."""
    if len(events) != 1 or events[0].trigger.code in NO_CASUALTIES:
        return
    ev = events[0]
    if ev.fatalities is None or ev.injuries is None:
        before = [m for m in ms if m.end <= ev.clause[0]]
        if before:
            add_casualties(doc, ev, before)


register("events")(EventStage)
