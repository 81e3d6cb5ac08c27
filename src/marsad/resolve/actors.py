"""The "actors" stage: actor mentions from the dictionary and from composed phrases.

Three sources, in this order of trust:
1. dictionary aliases (`قوات سوريا الديمقراطية`, `الحشد الشعبي`), kept only on days the row is valid
   (an alias out of its dates names nothing, and nothing is composed under it); an ambiguous alias
   (`القاعدة` is also "the base", `التحالف` also a political alliance) only with a licence: an
   unambiguous alias of the same actor elsewhere in the article, or a head that governs it;
2. a head and what follows it: `القوات التركية`, `مواقع لحزب العمال`, `مسلحون مجهولون`
   (see `actor_phrases`);
3. a head, a generic word or a pronoun alone: `الجيش`, `مدنيين`, `قاعدتها`, resolved against the
   article's country or the actor named before.

>>> from marsad.pipeline import Pipeline
>>> doc = Pipeline.default(["segment", "actors"])("قصفت القوات التركية مواقع لحزب العمال الكردستاني")
>>> [m.data["name"] for m in doc.mentions_of("actor")]
['Military Forces of Turkey (2002-)', 'PKK: Kurdistan Workers Party']
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

import regex

from marsad.document import Document, Mention
from marsad.pipeline import register
from marsad.resolve.actor_index import ActorIndex, actor_index
from marsad.resolve.actor_phrases import Composer, units_of
from marsad.text.matcher import Hit

_WORD = regex.compile(r"[\p{L}\p{N}]+")
# What a pronoun takes from the actor it refers to (not the head, site or preposition of that phrase).
IDENTITY = ("name", "inter", "country", "generic", "kind", "backers")
# How much each clue weighs when the article's country is guessed.
# A sentence's own clues weigh this many times the article's.
SENTENCE_WEIGHT = 2.0
COUNTRY_VOTES = {"place": 3.0, "group": 1.0, "local_state": 1.0, "state": 0.5, "nationality": 1.0,
                 "country_name": 0.5}


@dataclass
class ActorStage:
    name: str = "actors"
    event_bound: bool = True  # skipped where no trigger word was found
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("mentions:actor",)
    version: str = "actors.v2"

    def __call__(self, doc: Document) -> Document:
        doc.mentions.extend(recognize(doc, actor_index()))
        return doc


def recognize(doc: Document, idx: ActorIndex) -> list[Mention]:
    """Actor mentions of a document, left to right, with folded offsets."""
    text, day = doc.norm.text, doc.published
    hits = idx.aliases.find(text)
    found = stand_ins([h for h in hits if idx.rows[h.payloads[0]].valid_on(day)], idx)
    licence = licensed(text, found, idx)
    taken = [(h.word_start, h.end) for h in hits if not idx.rows[h.payloads[0]].ambiguous
             or h.payloads[0] in licence]
    # pattern pieces are nouns: the future marker `س` never stands before one (`سامر` is no `امر`)
    pats = [h for h in idx.patterns.find(text) if not any(s < h.end and h.start < e for s, e in taken)
            and not text[h.word_start:h.start].lstrip("وف").startswith("س")]
    countries = context_country(doc, idx, found, pats)
    out = Composer(doc, idx, units_of(found, pats), countries, licence).compose()
    out.sort(key=lambda m: m.start)
    resolve_references(out, idx, doc)
    return [m for m in out if m.code]


def stand_ins(hits: list[Hit], idx: ActorIndex) -> list[Hit]:
    """A bare ambiguous word (`التحالف`) stands for the actor the article names in full with it
    (`التحالف العربي`, the Saudi-led coalition in Yemen), when the article never names the word's
    own actor in full: the word is short for the one the article is about."""
    sure = {idx.rows[h.payloads[0]].name: h for h in hits if not idx.rows[h.payloads[0]].ambiguous}
    out = []
    for h in hits:
        row = idx.rows[h.payloads[0]]
        if row.ambiguous and row.name not in sure:
            full = next((f for f in sure.values() if f.key.startswith(h.key + " ")), None)
            if full is not None:
                h = dataclasses.replace(h, payloads=full.payloads)
        out.append(h)
    return out


def licensed(text: str, hits: list[Hit], idx: ActorIndex) -> set[str]:
    """Ambiguous rows the article supports: an unambiguous alias of the same actor is there, or a
    fighters' or forces' head stands right before the word (`عناصر القاعدة`, `طائرات التحالف`)."""
    sure = {idx.rows[h.payloads[0]].name for h in hits if not idx.rows[h.payloads[0]].ambiguous}
    ok = set()
    for h in hits:
        row = idx.rows[h.payloads[0]]
        if row.ambiguous and (row.name in sure or _member_head_before(text, h, idx)):
            ok.add(row.id)
    return ok


def _member_head_before(text: str, h: Hit, idx: ActorIndex) -> bool:
    words = _WORD.findall(text, max(0, h.word_start - 30), h.word_start)
    prev = idx.patterns.find(words[-1]) if words else []
    return bool(prev) and prev[0].payloads[0]["kind"] == "head" and prev[0].payloads[0]["value"] in (
        "armed", "mil", "strike")


def context_country(doc: Document, idx: ActorIndex, found: list[Hit], pats: list[Hit]) -> dict[int, str]:
    """The country of each sentence (key -1: the article's): places count most, then local
    groups, state forces, nationalities and country names; a sentence's own clues count twice
    over the article's (`قذيفة على حي الميدان بدمشق`: Damascus, not a namesake elsewhere)."""
    votes: dict[int, Counter[str]] = {-1: Counter()}

    def vote(sentence: int, iso3: str, weight: float) -> None:
        if f"uag-{iso3}" not in idx.rows:  # only theatres vote: a power named from afar is no setting
            return
        votes[-1][iso3] += weight
        votes.setdefault(sentence, Counter())[iso3] += SENTENCE_WEIGHT * weight

    for m in doc.mentions:
        if m.kind == "place" and m.data.get("iso3"):
            vote(m.sentence, m.data["iso3"], COUNTRY_VOTES["place"])
    for h in found:
        row = idx.rows[h.payloads[0]]
        if row.country and row.kind in ("nonstate", "unit"):
            vote(doc.sentence_of(h.start), row.country, COUNTRY_VOTES["group"])
        elif row.country and row.kind == "state":
            kind = "local_state" if row.country in ("SYR", "IRQ") else "state"
            vote(doc.sentence_of(h.start), row.country, COUNTRY_VOTES[kind])
    for h in pats:
        p = h.payloads[0]
        if p["kind"] == "nationality" and p["value"] in ("SYR", "IRQ", "TUR", "LBN"):
            vote(doc.sentence_of(h.start), p["value"], COUNTRY_VOTES["nationality"])
        elif p["kind"] == "country":
            vote(doc.sentence_of(h.start), p["value"], COUNTRY_VOTES["country_name"])
    out = {}
    for si, sv in votes.items():
        total = sv if si == -1 else sv + votes[-1]
        if total:
            out[si] = total.most_common(1)[0][0]
    return out


def resolve_references(ms: list[Mention], idx: ActorIndex, doc: Document) -> None:
    """`التنظيم` -> the last group named (a `تنظيم ...` first); `قاعدتها` -> the force the sentence is
    about (its first actor), else the last one named; `بلاده` -> the forces of the country of the
    sentence's first actor, else of the last one named (with the last words that named them, if any);
    `القاعدة` -> the last base named."""
    for k, m in enumerate(ms):
        ref = m.data.get("ref")
        if not ref or m.code:
            continue
        earlier = [p for p in ms[:k] if p.code and not p.data.get("generic")]
        if ref == "anaphor":  # `التنظيم` refers back to a `تنظيم ...` if one was named, else to the last group
            word = doc.norm.text[m.start:m.end].removeprefix("ال")
            named = [p for p in earlier if word in doc.norm.text[p.start:p.end].split()]
            earlier = named or earlier
        if ref == "possessive":
            same = [p for p in earlier if p.sentence == m.sentence and not p.data.get("ref")]
            earlier = same[:1] or [p for p in earlier if not p.data.get("country_name")]
        elif ref == "country":  # `بلاده`: the country of the one the sentence is about, if it names one
            same = [p for p in earlier if p.sentence == m.sentence and not p.data.get("ref")
                    and not p.data.get("country_name") and f"mil-{p.data.get('country')}" in idx.rows]
            earlier = same[:1] or earlier
        for prev in reversed(earlier):
            if ref == "country":
                row = idx.rows.get(f"mil-{prev.data.get('country')}")
                if row is None:
                    continue
                m.code, m.data = row.id, {"name": row.name_on(doc.published), "inter": row.inter,
                                          "country": row.country, "generic": False, "kind": row.kind,
                                          "backers": row.backers, "ref": ref}
                # `بلاده` names nothing: its record shows the last words that named these forces, else
                # the words that named the one whose country it is
                named = next((p for p in reversed(ms[:k]) if p.code == row.id and not p.data.get("ref")), prev)
                m.data["named"] = (named.start, named.end)
                break
            if (ref == "anaphor" and prev.data.get("inter") in (2, 3) and prev.data.get("kind") != "state") or (
                    ref in ("possessive", "site") and (ref != "site" or prev.data.get("site"))):
                m.code = prev.code  # a site stays a site: what is hit, not who hits
                m.data = {k: prev.data[k] for k in IDENTITY if k in prev.data} | {"ref": ref} | (
                    {"site": True} if m.data.get("site") or ref == "site" else {})
                break


register("actors")(ActorStage)
