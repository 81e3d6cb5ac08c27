"""The "actors" stage: actor mentions from the dictionary and from composed phrases.

Three sources, in this order of trust:
1. dictionary aliases (`قوات سوريا الديمقراطية`, `الحشد الشعبي`), kept only on days the row is valid;
   an ambiguous alias (`القاعدة` is also "the base", `التحالف` also a political alliance) only with a
   licence: an unambiguous alias of the same actor elsewhere in the article, or a member head before it;
2. a head and what follows it: `القوات التركية` (head + nationality), `مواقع لحزب العمال` (head + actor),
   `مسلحون مجهولون` (head + qualifier);
3. a head, a generic word or a pronoun alone: `الجيش`, `مدنيين`, `قاعدتها`, resolved against the
   article's country or the actor named before.

>>> from marsad.pipeline import Pipeline
>>> doc = Pipeline.default(["segment", "actors"])("قصفت القوات التركية مواقع لحزب العمال الكردستاني")
>>> [m.data["name"] for m in doc.mentions_of("actor")]
['Military Forces of Turkey (2002-)', 'PKK: Kurdistan Workers Party']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from marsad.document import Document, Mention
from marsad.pipeline import register
from marsad.resolve.actor_index import ActorIndex, ActorRow, actor_index
from marsad.text.matcher import Hit

# Which dictionary row a head class + country gives (`militia` + IRN -> militia-IRN, else uag-IRN).
CLASS_PREFIX = {"mil": ("mil",), "pol": ("pol",), "gov": ("gov",), "militia": ("militia", "uag"),
                "reb": ("reb", "uag"), "armed": ("uag",), "uag": ("uag",), "site": ("mil",), "civ": ("civ",), "pro": ("pro",)}
# Words a head may skip before what it names (`القوات الخاصة التركية`, `رتل دعم لوجستي للتحالف`).
MAX_FILLER = 2
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_SITE_START = ("قاعده", "مطار", "معسكر", "حقل", "السفاره", "القنصليه", "القاعده", "المطار")


@dataclass
class ActorStage:
    name: str = "actors"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("mentions:actor",)
    version: str = "actors.v1"

    def __call__(self, doc: Document) -> Document:
        doc.mentions.extend(recognize(doc, actor_index()))
        return doc


def recognize(doc: Document, idx: ActorIndex) -> list[Mention]:
    """Actor mentions of a document, left to right, with folded offsets."""
    text, day = doc.norm.text, doc.published
    found = [h for h in idx.aliases.find(text) if idx.rows[h.payloads[0]].valid_on(day)]
    sure = licensed(text, found, idx)
    taken = [(h.word_start, h.end) for h in found if not idx.rows[h.payloads[0]].ambiguous
             or h.payloads[0] in sure]
    pats = [h for h in idx.patterns.find(text) if not any(s < h.end and h.start < e for s, e in taken)]
    country = context_country(doc, idx, found, pats)
    out = compose(doc, idx, found, pats, country)
    out.sort(key=lambda m: m.start)
    resolve_references(out, idx, doc)
    return [m for m in out if m.code]


def licensed(text: str, hits: list[Hit], idx: ActorIndex) -> set[str]:
    """Ambiguous rows the article supports: an unambiguous alias of the same actor is there, or a
    member head stands right before the word (`عناصر القاعدة`). A head that governs the word
    licenses it too (see `_head_phrase`)."""
    sure = {idx.rows[h.payloads[0]].name for h in hits if not idx.rows[h.payloads[0]].ambiguous}
    ok = set()
    for h in hits:
        row = idx.rows[h.payloads[0]]
        if row.ambiguous and (row.name in sure or _member_head_before(text, h, idx)):
            ok.add(row.id)
    return ok


def _member_head_before(text: str, h: Hit, idx: ActorIndex) -> bool:
    words = _WORD.findall(text, max(0, h.word_start - 30), h.word_start)
    if not words:
        return False
    prev = idx.patterns.find(words[-1])
    return bool(prev) and prev[0].payloads[0]["kind"] == "head" and prev[0].payloads[0]["value"] in ("armed", "member")


def context_country(doc: Document, idx: ActorIndex, found: list[Hit], pats: list[Hit]) -> str | None:
    """The article's country: places count most, then local state forces and nationalities."""
    votes: Counter[str] = Counter()
    for m in doc.mentions:
        if m.kind == "place" and m.data.get("iso3"):
            votes[m.data["iso3"]] += 2
    for h in found:
        row = idx.rows[h.payloads[0]]
        if row.country and row.inter in (1, 2, 3, 4) and row.kind != "official":
            votes[row.country] += 1
    for h in pats:
        if h.payloads[0]["kind"] == "nationality" and h.payloads[0]["value"] in ("SYR", "IRQ"):
            votes[h.payloads[0]["value"]] += 1
    return votes.most_common(1)[0][0] if votes else None


@dataclass
class _Unit:
    """A dictionary hit or a pattern hit, before composition."""

    hit: Hit
    kind: str  # actor, or the pattern kind: head, nationality, country, generic, qualifier, anaphor, possessive
    value: str = ""
    alone: bool = False
    used: bool = False


def _units(found: list[Hit], pats: list[Hit]) -> list[_Unit]:
    units = [_Unit(h, "actor", h.payloads[0]) for h in found]
    for h in pats:
        p = h.payloads[0]
        units.append(_Unit(h, p["kind"], p["value"], p.get("alone") == "1"))
    units.sort(key=lambda u: (u.hit.start, u.kind != "actor"))
    return units


def compose(doc: Document, idx: ActorIndex, found: list[Hit], pats: list[Hit],
            country: str | None) -> list[Mention]:
    """Mentions from the units: heads take what follows them, the rest stand alone."""
    text = doc.norm.text
    units = _units(found, pats)
    licence = licensed(text, found, idx)
    out: list[Mention] = []
    for i, u in enumerate(units):
        if u.used or (out and u.hit.start < out[-1].end):
            continue
        u.used = True
        h = u.hit
        if u.kind == "actor":
            row = idx.rows[u.value]
            if not row.ambiguous or u.value in licence:
                end = _affiliation_end(idx, text, units, i, h.end)
                site = row.kind in ("state", "unit") and h.key.startswith(_SITE_START)
                out.append(_mention(doc, idx, row, _start(text, h), end, site=site))
        elif u.kind == "head":
            m = _head_phrase(doc, idx, units, i, country)
            if m is not None:
                out.append(m)
        elif u.kind == "country" and not _locative(idx, text, h):
            row = idx.rows.get(f"mil-{u.value}")
            if row is not None:
                out.append(_mention(doc, idx, row, _start(text, h), h.end, country_name=True))
        elif u.kind in ("generic", "qualifier"):
            row = _class_row(idx, "uag" if u.kind == "qualifier" else u.value, country)
            if row is not None:
                out.append(_mention(doc, idx, row, _start(text, h), h.end))
        elif u.kind in ("anaphor", "possessive"):
            out.append(Mention("actor", _start(text, h), h.end, "", {"ref": u.kind}, doc.sentence_of(h.start)))
    return out


def _affiliation_end(idx: ActorIndex, text: str, units: list[_Unit], i: int, end: int) -> int:
    """`لواء شهداء الإسلام التابع للمعارضة`, `التحالف الذي تقوده الولايات المتحدة`: the patron or
    affiliation after a named group belongs to its mention (the group keeps its own name);
    returns where the mention ends."""
    glue = idx.words["link"] | idx.words["modifier"]
    for u in units[i + 1:i + 4]:
        if u.used or u.hit.start < end:
            continue
        gap = _WORD.findall(text, end, u.hit.start)
        if u.kind in ("actor", "country") and gap and all(w in glue for w in gap) and not any(
                c in text[end:u.hit.start] for c in "،,.:"):
            u.used = True
            return u.hit.end
        break
    return end


def _head_phrase(doc: Document, idx: ActorIndex, units: list[_Unit], i: int, country: str | None) -> Mention | None:
    """A head with the actor, nationality or qualifier it governs; else the head alone."""
    text = doc.norm.text
    head = units[i]
    first, cls = head.value, head.value
    start, end = _start(text, head.hit), head.hit.end
    site = first == "site"
    j = i + 1
    while j < len(units) and (units[j].hit.start < end or _governs(idx, text, end, units[j].hit.start, cls)):
        nxt = units[j]
        if nxt.hit.start < end:  # a pattern under a dictionary word already taken
            nxt.used = True
            j += 1
            continue
        if nxt.kind == "head":
            # `عناصر الشرطة`, `مواقع القوات التركية`: a member or site head takes the force head after it
            if cls not in ("armed", "member", "site") or nxt.value == "site":
                break
            cls = nxt.value if not (cls == "armed" and nxt.value == "armed") else cls
            nxt.used, end, head = True, nxt.hit.end, nxt
            j += 1
            continue
        if nxt.kind == "actor":
            nxt.used = True
            return _mention(doc, idx, idx.rows[nxt.value], start, nxt.hit.end, head=first, site=site)
        if nxt.kind == "nationality":
            row = _class_row(idx, cls, nxt.value)
            if row is not None:
                nxt.used = True
                return _mention(doc, idx, row, start, nxt.hit.end, head=first, site=site)
        if nxt.kind == "qualifier" and cls in ("armed", "militia", "reb"):
            nxt.used = True
            return _mention(doc, idx, _class_row(idx, "uag", country), start, nxt.hit.end, head=first)
        break
    if head.alone:
        row = _class_row(idx, head.value, country)
        if row is not None:
            return _mention(doc, idx, row, start, end, head=first)
    if site and end == units[i].hit.end and text[units[i].hit.word_start:units[i].hit.start].endswith("ال"):
        return Mention("actor", start, end, "", {"ref": "site", "head": "site"}, doc.sentence_of(start))
    return None


def _start(text: str, h: Hit) -> int:
    """Where a mention's text starts: the article stays (`القاعدة`), other proclitics go (`وللقوات`)."""
    return h.start - 2 if text[h.word_start:h.start].endswith("ال") else h.start


def _governs(idx: ActorIndex, text: str, a: int, b: int, cls: str) -> bool:
    """Whether the words between a head (ending at `a`) and the next unit (at `b`) let the head
    govern it: at most MAX_FILLER words, no stop word, no punctuation."""
    gap = text[a:b]
    if any(c in gap for c in "،,.:؛;()\"\n"):
        return False
    words = [w for w in _WORD.findall(gap) if w not in idx.words["link"]]
    if cls in ("armed", "member") and words[:1] == ["من"]:  # `عناصر من الشرطة`: members of
        words = words[1:]
    if any(w in idx.words["stop"] for w in words):
        return False
    return len(words) <= MAX_FILLER


def _locative(idx: ActorIndex, text: str, h: Hit) -> bool:
    """`في تركيا`, `بتركيا`, `شمال العراق`: a country as a place."""
    prefix = text[h.word_start:h.start]
    if prefix.rstrip("ا").endswith(("ب", "ل")) and prefix not in ("ال", "وال"):
        return True
    words = _WORD.findall(text, max(0, h.word_start - 20), h.word_start)
    return bool(words) and words[-1] in idx.words["locative"]


def _class_row(idx: ActorIndex, cls: str, country: str | None) -> ActorRow | None:
    if not country:
        return None
    for prefix in CLASS_PREFIX.get(cls, ()):
        row = idx.rows.get(f"{prefix}-{country}")
        if row is not None:
            return row
    return None


def _mention(doc: Document, idx: ActorIndex, row: ActorRow | None, start: int, end: int, **extra: object) -> Mention:
    if row is None:
        return Mention("actor", start, end, "", {}, doc.sentence_of(start))
    data = {"name": row.name_on(doc.published), "inter": row.inter, "country": row.country,
            "generic": row.kind in ("generic", "civilians"), "kind": row.kind, "backers": row.backers}
    data.update({k: v for k, v in extra.items() if v})
    return Mention("actor", start, end, row.id, data, doc.sentence_of(start))


def resolve_references(ms: list[Mention], idx: ActorIndex, doc: Document) -> None:
    """`التنظيم` -> the last group named; `قاعدتها` -> the last force named; `القاعدة` -> the last base."""
    for k, m in enumerate(ms):
        ref = m.data.get("ref")
        if not ref or m.code:
            continue
        for prev in reversed(ms[:k]):
            if not prev.code or prev.data.get("generic"):
                continue
            if (ref == "anaphor" and prev.data.get("inter") in (2, 3) and prev.data.get("kind") != "state") or (
                    ref == "possessive" and not prev.data.get("country_name")) or (
                    ref == "site" and prev.data.get("site")):
                m.code = prev.code
                m.data = {**prev.data, "ref": ref}
                break


register("actors")(ActorStage)
