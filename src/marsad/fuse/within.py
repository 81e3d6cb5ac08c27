"""The "fuse" stage: within one article, the same incident told twice becomes one event.

Two events are one incident when their ACLED event types agree, their weapons agree (or one is
unknown), their dates agree (or one is unknown), and their places agree (the same gazetteer
entry, or the same governorate within a few km, or one has no place). A reply (`ردا على`) is
never merged into what it answers: it has another initiator and target, which the type check
(artillery vs rockets) or the actors tell apart. The merged event keeps every figure: munitions
as a range over all reports, fatalities and injuries at the lowest figure given as fact, all
attributions and all evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document, Event
from marsad.pipeline import register
from marsad.resolve.gazetteer import kind_of, km

REGION_KM = 50.0
NEAR_KM = 15.0  # two tellings of one incident name places this close (a base and its town)
_CERTAINTY_RANK = {"asserted": 0, "claimed": 1, "hedged": 2}


@dataclass
class WithinArticleFusion:
    name: str = "fuse"
    requires: tuple[str, ...] = ("events",)
    assigns: tuple[str, ...] = ("events:fused",)
    version: str = "fuse.v1"

    def __call__(self, doc: Document) -> Document:
        merged: list[Event] = []
        for ev in doc.events:
            target = next((m for m in merged if same_incident(m, ev)), None)
            if target is None:
                merged.append(ev)
            else:
                absorb(target, ev)
        doc.events = merged
        return doc


def same_incident(a: Event, b: Event) -> bool:
    """Whether `b`, told after `a`, is the same incident."""
    if a.background != b.background or b.trigger.data.get("another") or a.trigger is b.trigger:
        # `انفجار مماثل`, `هجوم آخر`: not the one told before; one trigger's events were split
        # on purpose (one per town of a list, one per toll of a round-up)
        return False
    if a.event_type != b.event_type:
        if disrupted_attack(a, b):
            # an attack and its interception: the same day, or told side by side
            return same_place(a.location, b.location) and (
                same_day(a, b) if a.date and b.date else abs(a.sentence - b.sentence) <= 2)
        loose = (unarmed_mention(b) and a.event_type in VIOLENT) or (unarmed_mention(a) and b.event_type in VIOLENT)
        return loose and same_place(a.location, b.location) and same_day(a, b)
    wa, wb = named_weapon(a), named_weapon(b)
    if a.sub_event_type != b.sub_event_type and None not in (wa, wb):
        return False
    if wa and wb and wa != wb:
        return False
    if not same_day(a, b):
        return False
    if a.location is None and b.location is None and abs(a.sentence - b.sentence) > 1:
        return False  # two unplaced tellings far apart: too little to call them one incident
    # `إن القصف أدى إلى ...` after `قصفت المدفعية ...`: the same weapon, named as already known
    again = (told_again(a) or told_again(b)) and a.weapon == b.weapon != "unknown"
    if not (same_place(a.location, b.location, told_again=again, round_up=not again) or anaphoric(a) or anaphoric(b)):
        return False
    if own_tolls_apart(a, b):
        return False
    return not reply(a, b)


VIOLENT = frozenset({"Battles", "Explosions/Remote violence"})
GENERIC_CODES = frozenset({"ATTACK", "TARGET", "SUFFER", "FIRE", "FALL", "STORM", "ASSASSINATE", "SHOOT"})


def unarmed_mention(ev: Event) -> bool:
    """A later "the attack" with no weapon of its own (`وحدث الاعتداء أثناء ...`): it refers back."""
    return ev.trigger.code in GENERIC_CODES and named_weapon(ev) is None and ev.munitions is None


def disrupted_attack(a: Event, b: Event) -> bool:
    """An attack and its interception told apart (`هجوم بطائرات مسيرة` ... `تصدت الدفاعات`)."""
    pair = {a.sub_event_type, b.sub_event_type}
    if "Disrupted weapons use" not in pair or len(pair) != 2:
        return False
    disrupted, other = (a, b) if a.sub_event_type == "Disrupted weapons use" else (b, a)
    if other.event_type != "Explosions/Remote violence":
        return False
    # `تصدي دفاعاتها` names no weapon: it stops the attack told beside it
    return named_weapon(disrupted) is None or named_weapon(disrupted) == named_weapon(other)


def own_tolls_apart(a: Event, b: Event) -> bool:
    """Two tellings with their own tolls (dead or wounded) at differently named places are two
    incidents (a round-up: `3 قتلى في المزارة، و5 في أرنبة`), even inside one district."""
    differ = [x != y for x, y in ((a.fatalities, b.fatalities), (a.injuries, b.injuries))
              if x is not None and y is not None]
    if not any(differ):
        return False
    pa, pb = (a.location or {}).get("gazetteer_id"), (b.location or {}).get("gazetteer_id")
    return bool(pa and pb and pa != pb)


def anaphoric(ev: Event) -> bool:
    """A telling that only names "the rockets" again (definite, uncounted, no toll): the place
    it names is where they came from or fell around, not a second incident."""
    weapons = ev.links.get("weapon") or []
    if not weapons or ev.munitions or ev.fatalities is not None or ev.injuries is not None:
        return False
    # a mass noun (`القصف الجوي`, `الطيران المروحي`) is definite in every telling: no anaphora
    return bool(weapons[0].data.get("definite")) and weapons[0].data.get("count_noun") == "1"


def same_day(a: Event, b: Event) -> bool:
    """Dates conflict only when both come from the text to the day; a date that is only the
    publication day (a headline, precision 2) or unknown agrees with any."""
    if not a.date or not b.date or a.date == b.date:
        return True
    explicit = [ev.time_precision == 1 and "date" in ev.links for ev in (a, b)]
    return not all(explicit)


def named_weapon(ev: Event) -> str | None:
    """The weapon the text names for the event; None when only implied by the trigger."""
    return ev.weapon if "weapon" in ev.links and ev.weapon != "unknown" else None


def reply(a: Event, b: Event) -> bool:
    """Whether one event answers the other: the initiator of one is the target of the other.
    Otherwise actors never keep two tellings apart: outlets name one attacker differently
    ("the coalition", "British jets"), or not at all."""
    def name(actor: dict | None) -> str | None:
        return (actor or {}).get("name")

    return bool(name(a.actor1)) and name(a.actor1) == name(b.actor2) or \
        bool(name(b.actor1)) and name(b.actor1) == name(a.actor2)


def told_again(ev: Event) -> bool:
    """A definite noun trigger (`القصف`, `الهجوم`) names an incident the reader already knows of."""
    return ev.trigger.data.get("pos") == "noun" and bool(ev.trigger.data.get("definite"))


def same_place(a: dict | None, b: dict | None, *, told_again: bool = False, round_up: bool = False) -> bool:
    """Whether two places may be where one incident happened: a few km apart, or anywhere in one
    governorate when one telling names the incident as already known (`القصف`). With `round_up`,
    two towns, villages or quarters named apart are two places, however near."""
    if not a or not b:
        return True
    if a.get("gazetteer_id") and a.get("gazetteer_id") == b.get("gazetteer_id"):
        return True
    if a.get("iso3") != b.get("iso3"):
        return False
    if a.get("admin1_code") and b.get("admin1_code") and a["admin1_code"] != b["admin1_code"]:
        return False
    pa, pb = (a.get("lat"), a.get("lon")), (b.get("lat"), b.get("lon"))
    if None in pa or None in pb:
        return True
    # a governorate named alone may hold the town named in the other telling; a region
    # (`ريف حماة`, `شمال العراق`) holds places some tens of km away
    if max(a.get("geo_precision") or 1, b.get("geo_precision") or 1) >= 3 or not (a.get("admin1_code") and b.get("admin1_code")):
        return True
    if told_again:
        return True  # the same governorate: `إن القصف أدى إلى ...` names no new place of its own
    if max(a.get("geo_precision") or 1, b.get("geo_precision") or 1) == 2:
        return km(*pa, *pb) <= REGION_KM
    if round_up and settlement(a) and settlement(b):
        return False  # two villages or quarters named apart: a round-up, not one incident retold
    return km(*pa, *pb) <= NEAR_KM


SETTLEMENTS = frozenset({"locality", "neighbourhood", "city", "village", "admin3"})


def settlement(place: dict) -> bool:
    """Whether the place is a town, village or quarter (not a base, field or crossing: those are
    told beside the town they lie by, `قاعدة ... قرب بلدة ...`)."""
    return kind_of(place.get("gazetteer_id")) in SETTLEMENTS


def absorb(keep: Event, other: Event) -> None:
    """Fold `other` into `keep`: ranges, lowest figures, more precise fields, all evidence."""
    if other.munitions:
        if keep.munitions:
            keep.munitions = {"min": min(keep.munitions["min"], other.munitions["min"]),
                              "max": max(keep.munitions["max"], other.munitions["max"])}
        else:
            keep.munitions = dict(other.munitions)
    for field in ("fatalities", "injuries"):
        mine, theirs = getattr(keep, field), getattr(other, field)
        if theirs is not None and (mine is None or theirs < mine):
            setattr(keep, field, theirs)
    same_type = keep.event_type == other.event_type
    if other.sub_event_type == "Disrupted weapons use" and keep.sub_event_type != other.sub_event_type:
        # the interception decides the record: its type, outcome and sides
        keep.event_type, keep.sub_event_type, keep.outcome = other.event_type, other.sub_event_type, other.outcome
        keep.actor1, keep.actor2 = other.actor1 or keep.actor1, other.actor2 or keep.actor2
    if keep.weapon == "unknown" and other.weapon != "unknown" or unarmed_mention(keep) and not unarmed_mention(other):
        keep.weapon = other.weapon
        if keep.sub_event_type != "Disrupted weapons use":
            keep.event_type, keep.sub_event_type = other.event_type, other.sub_event_type
    if _more_precise(other.location, keep.location) and _within(other.location, keep.location):
        keep.location = other.location
    if (keep.time_precision or 9) > (other.time_precision or 9) or (
            keep.time_precision == other.time_precision and _date_rank(other) < _date_rank(keep)):
        keep.date, keep.time_precision = other.date, other.time_precision
    if same_type:  # an interception's sides are not the attack's
        keep.actor1 = keep.actor1 or other.actor1
        keep.actor2 = keep.actor2 or other.actor2
    if _CERTAINTY_RANK.get(other.certainty, 0) < _CERTAINTY_RANK.get(keep.certainty, 0):
        keep.certainty = other.certainty
    if keep.outcome == "unknown":
        keep.outcome = other.outcome
    seen = {(m.start, m.end) for m in keep.attributed_to}
    keep.attributed_to.extend(m for m in other.attributed_to if (m.start, m.end) not in seen)
    have = {(role, m.start, m.end) for role, m in keep.evidence}
    keep.evidence.extend((r, m) for r, m in other.evidence if (r, m.start, m.end) not in have)
    for role, ms in other.links.items():
        keep.links.setdefault(role, []).extend(ms)


# A named day beats a count of days ("five days ago" is often off by one), which beats none.
_DATE_CODES = {"absolute": 0, "weekday": 0, "relative": 1}


def _date_rank(ev: Event) -> int:
    mentions = ev.links.get("date") or []
    return _DATE_CODES.get(mentions[0].code, 2) if mentions else 3


def _within(a: dict | None, b: dict | None) -> bool:
    """Whether place `a` may refine place `b`: no place yet, or the same governorate (a telling
    that names where the rockets came from does not move the incident there)."""
    if not a or not b:
        return True
    return a.get("iso3") == b.get("iso3") and (not b.get("admin1_code") or a.get("admin1_code") == b["admin1_code"])


def _more_precise(a: dict | None, b: dict | None) -> bool:
    if not a:
        return False
    if not b:
        return True
    return (a.get("geo_precision") or 3) < (b.get("geo_precision") or 3)


register("fuse")(WithinArticleFusion)
