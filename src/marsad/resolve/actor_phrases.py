"""Composing actor mentions from dictionary hits and pattern pieces.

A head (`القوات`, `مواقع`, `عناصر`) takes what follows it within two filler words: a named group
(`مواقع لحزب العمال`), a nationality or a country (`القوات التركية`, `فصائل موالية لإيران`) or a
qualifier (`مسلحون مجهولون`); a member or site head may take a force head first (`عناصر من الشرطة`,
`مواقع القوات التركية`). What is left stands alone: a head that names a force by itself (`الجيش`),
generic people (`مدنيين`), a country name that is no place, pronouns to resolve later.

>>> from marsad.pipeline import Pipeline
>>> doc = Pipeline.default(["segment", "actors"])("قصفت طائرات حربية يرجح أنها روسية مواقع لفيلق الشام")
>>> [(doc.original(m.start, m.end), m.data["name"]) for m in doc.mentions_of("actor")]
[('روسية', 'Military Forces of Russia (2000-)'), ('مواقع لفيلق الشام', 'Faylaq al Sham')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from marsad.document import Document, Mention
from marsad.resolve.actor_index import ActorIndex, ActorRow
from marsad.text.matcher import Hit

# Which dictionary row a head class + country gives (`militia` + IRN -> militia-IRN, else uag-IRN).
CLASS_PREFIX = {"mil": ("mil",), "strike": ("mil",), "pol": ("pol",), "gov": ("gov",), "militia": ("militia", "uag"),
                "reb": ("reb", "uag"), "armed": ("uag",), "uag": ("uag",), "site": ("mil",), "civ": ("civ",),
                "pro": ("pro",), "member": ("mil",)}  # a member head alone: an officer rank (`العميد فلان`)
# Words a head may skip before what it names (`القوات الخاصة التركية`, `رتل دعم لوجستي للتحالف`).
MAX_FILLER = 2
# Heads that take a force head after them, and the preposition they may take it with.
TAKES_HEAD = {"armed": "من", "member": "في", "site": "", "mil": ""}
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_BREAK = "،,.:؛;()\n"
_SUFFIX = regex.compile(r"(?:هما|هم|ها|ه|نا)$")


@dataclass
class Unit:
    """A dictionary hit or a pattern hit, before composition."""

    hit: Hit
    kind: str  # actor, or the pattern kind: head, nationality, country, generic, qualifier, anaphor, possessive
    value: str = ""
    alone: bool = False
    own: bool = False  # a soldier or officer: alone, of the state whose spokesman tells of him
    used: bool = False


def units_of(found: list[Hit], pats: list[Hit]) -> list[Unit]:
    units = [Unit(h, "actor", h.payloads[0]) for h in found]
    for h in pats:
        p = h.payloads[0]
        units.append(Unit(h, p["kind"], p["value"], p.get("alone") in ("1", "own"), p.get("alone") == "own"))
    units.sort(key=lambda u: (u.hit.start, u.kind != "actor"))
    return units


@dataclass
class Composer:
    """Builds the mentions of one document; `licence` holds the ambiguous rows the article supports."""

    doc: Document
    idx: ActorIndex
    units: list[Unit]
    countries: dict[int, str]  # sentence -> country; -1: the article's
    licence: set[str]
    out: list[Mention] = field(default_factory=list)  # the mentions composed so far

    def here(self, pos: int) -> str | None:
        """The country of the sentence holding folded position `pos`."""
        return self.countries.get(self.doc.sentence_of(pos), self.countries.get(-1))

    @property
    def text(self) -> str:
        return self.doc.norm.text

    def compose(self) -> list[Mention]:
        out = self.out = []
        for i, u in enumerate(self.units):
            if u.used or (out and u.hit.start < out[-1].end):
                continue
            u.used = True
            m = self.standalone(i, u)
            if m is not None:
                out.append(m)
        return out

    def standalone(self, i: int, u: Unit) -> Mention | None:
        h, idx = u.hit, self.idx
        if u.kind == "actor":
            row = idx.rows[u.value]
            if row.ambiguous and u.value not in self.licence:
                return None
            site = row.kind in ("state", "unit") and self.base_word(h.key)
            return self.mention(row, h, self.affiliation_end(i, h.end), site=site)
        if u.kind == "head":
            return self.head_phrase(i)
        if u.kind == "country" and not self.locative(h) and not self.counted(h):
            return self.mention(idx.rows.get(f"mil-{u.value}"), h, h.end, country_name=True)
        if u.kind == "nationality" and self.after_hedge(h):  # `غارة يعتقد أنها إسرائيلية`
            return self.mention(idx.rows.get(f"mil-{u.value}"), h, h.end)
        if u.kind == "qualifier" and not u.alone:  # `مجهولة` describes a thing; `مجهولون` are people
            return None
        if u.kind in ("generic", "qualifier"):
            nat = self.units[i + 1] if i + 1 < len(self.units) else None
            if u.kind == "generic" and nat is not None and nat.kind == "nationality" and not _WORD.findall(
                    self.text, h.end, nat.hit.word_start):  # `طفل سوري`, `عمال أتراك`
                nat.used = True
                return self.mention(self.class_row(u.value, nat.value), h, nat.hit.end)
            return self.mention(self.class_row("uag" if u.kind == "qualifier" else u.value, self.here(h.start)), h, h.end)
        if u.kind in ("anaphor", "possessive"):
            ref = "country" if u.value == "country" else u.kind
            data: dict[str, object] = {"ref": ref}
            if ref == "possessive" and self.site_stem(h.key):  # `مقرها`, `قاعدته`: a place of theirs, hit
                data["site"] = True
            return Mention("actor", start_of(self.text, h), h.end, "", data, self.doc.sentence_of(h.start))
        return None

    def head_phrase(self, i: int) -> Mention | None:
        """A head with the actor, nationality or qualifier it governs; else the head alone."""
        units, first = self.units, self.units[i]
        cls, last, end = first.value, first, first.hit.end
        j = i + 1
        while j < len(units) and (units[j].hit.start < end or self.governs(end, units[j], cls, last)):
            nxt = units[j]
            j += 1
            if nxt.hit.start < end:  # a pattern under a dictionary word already taken
                nxt.used = True
                continue
            if nxt.kind == "head":  # `عناصر الشرطة`, `مواقع القوات التركية`, `دورية للجيش`
                # a group (`خلية مسلحة`) takes no force head; members (`عناصر`) and sites do
                if nxt.value == "site" or (cls == "mil" and not nxt.alone) or (last.alone and cls == "armed"):
                    break
                cls = cls if nxt.value in ("armed", "member") else nxt.value
                nxt.used, end, last = True, nxt.hit.end, nxt
                continue
            row = self.governed_row(nxt, cls)
            if row is not None:
                nxt.used = True
                return self.mention(row, first.hit, nxt.hit.end, head=first.value, site=first.value == "site")
            break
        instrument = "ب" in self.text[first.hit.word_start:first.hit.start]  # `بالمدفعية`: a means
        if last.alone and not instrument:
            country = (last.own and self.speaker_country(first.hit.start)) or self.here(first.hit.start)
            row = self.class_row(last.value, country)
            if row is not None:
                return self.mention(row, first.hit, end, head=first.value)
        bare = last is first and self.text[first.hit.word_start:first.hit.start].endswith("ال")
        if first.value == "site" and bare and self.base_word(first.hit.key):  # `القاعدة`: the base named before
            return Mention("actor", start_of(self.text, first.hit), end, "", {"ref": "site", "head": "site"},
                           self.doc.sentence_of(first.hit.start))
        return None

    def speaker_country(self, pos: int) -> str | None:
        """`أعلنت وزارة الدفاع التركية مقتل جندي`: the country of a state force that tells, earlier in the
        sentence, of a soldier of no named force (its own), rather than the country where he fell."""
        sentence = self.doc.sentence_of(pos)
        cues = [c.end for c in self.doc.mentions if c.kind == "cue" and c.code == "attribution"]
        for m in reversed(self.out):
            if m.end <= pos and m.sentence == sentence and m.data.get("kind") == "state" and any(
                    e <= m.start and not _WORD.findall(self.text, e, m.start) for e in cues):
                return str(m.data["country"])
        return None

    def governed_row(self, u: Unit, cls: str) -> ActorRow | None:
        if u.kind == "actor":
            row = self.idx.rows[u.value]
            owner_l = "ل" in self.text[u.hit.word_start:u.hit.start]
            if cls in ("strike", "mil") and self.base_word(u.hit.key) and not owner_l:
                return None  # `قصف قاعدة عين الأسد`, `مسيرة مفخخة مطار أربيل`: what is hit
            # an ambiguous word is licensed by a fighting head (`راجمات النظام`, `مقاتلو القاعدة`), or by a
            # site head that possesses it with ل (`رتل للتحالف`, not `مقر الحزب`); leaders (`قادة التحالف`) are
            # no licence: parties and alliances have them too
            owned = cls in ("armed", "mil", "strike") or (cls == "site" and "ل" in self.text[u.hit.word_start:u.hit.start])
            ok = not row.ambiguous or u.value in self.licence or owned
            return row if ok else None
        if u.kind in ("nationality", "country"):
            return self.class_row(cls, u.value)
        if u.kind == "qualifier" and cls in ("armed", "militia", "reb"):
            return self.class_row("uag", self.here(u.hit.start))
        return None

    def governs(self, a: int, u: Unit, cls: str, last: Unit) -> bool:
        """Whether the words between a head (ending at `a`) and unit `u` let the head govern it:
        at most MAX_FILLER words (none before another head), no stop word, no punctuation."""
        gap = self.text[a:u.hit.word_start]
        if any(c in gap for c in _BREAK) or self.text[u.hit.word_start:u.hit.start].startswith("و"):
            return False  # `فصائل المعارضة وقوات الأسد`: a second actor, not the first one's owner
        words = [w for w in _WORD.findall(gap) if w not in self.idx.words["link"]]
        if words[:1] and words[0] == TAKES_HEAD.get(last.value):  # `عناصر من الشرطة`, `قيادي في الحشد`
            words = words[1:]
        if any(w in self.idx.words["stop"] for w in words):
            return False
        return len(words) <= (0 if u.kind == "head" else MAX_FILLER)

    def affiliation_end(self, i: int, end: int) -> int:
        """`لواء شهداء الإسلام التابع للمعارضة`, `التحالف الذي تقوده الولايات المتحدة`: the patron or
        affiliation after a named group belongs to its mention (the group keeps its own name)."""
        glue = self.idx.words["link"] | self.idx.words["modifier"]
        for u in self.units[i + 1:i + 4]:
            if u.used or u.hit.start < end:
                continue
            gap = _WORD.findall(self.text, end, u.hit.word_start)
            prefix = self.text[u.hit.word_start:u.hit.start].replace("ال", "").lstrip("وف")
            if u.kind in ("actor", "country") and (gap or prefix) and all(w in glue for w in gap) and not any(
                    c in self.text[end:u.hit.word_start] for c in _BREAK):
                u.used = True
                return u.hit.end
            break
        return end

    def locative(self, h: Hit) -> bool:
        """`في تركيا`, `بتركيا`, `شمال العراق`, `بشرق العراق`, `قرى الحواش والقاهرة`: a country (or a
        capital's name) as a place."""
        prefix = self.text[h.word_start:h.start]
        if prefix.rstrip("ا").endswith(("ب", "ل")) and prefix not in ("ال", "وال"):
            return True
        if prefix.startswith("و") and any(m.kind == "place" and 0 <= h.word_start - m.end <= 2 for m in self.doc.mentions):
            return True  # `قرى الحواش والقاهرة`: one more place in a list of places
        words = _WORD.findall(self.text, max(0, h.word_start - 20), h.word_start)
        loc = self.idx.words["locative"]  # `بشرق العراق`, `وفي سوريا`: the word may carry a proclitic
        return bool(words) and (words[-1] in loc or words[-1][:1] in "وفبل" and words[-1][1:] in loc)

    def base_word(self, key: str) -> bool:
        """Whether a phrase opens with a word naming a base (`قاعدة عين الأسد`, `القاعدة`)."""
        first = key.split(" ", 1)[0]
        return first in self.idx.words["base_word"] or first.removeprefix("ال") in self.idx.words["base_word"]

    def site_stem(self, word: str) -> bool:
        """Whether a possessed word is a site (`مقرها` -> `مقر`, `قاعدتهم` -> `قاعده`)."""
        stem = _SUFFIX.sub("", word)
        stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
        return any(p.payloads[0]["kind"] == "head" and p.payloads[0]["value"] == "site" and p.start == 0
                   and p.end == len(stem) for p in self.idx.patterns.find(stem))

    def counted(self, h: Hit) -> bool:
        """`ثلاثون بريطانيا`: after a count, the word is a nationality (Britons), not the country."""
        return any(m.kind == "number" and 0 <= h.word_start - m.end <= 1 for m in self.doc.mentions)

    def after_hedge(self, h: Hit) -> bool:
        window = self.text[max(0, h.word_start - 25):h.word_start]
        return any(c.payloads[0] == "hedge" for c in self.idx.roles.find(window))

    def class_row(self, cls: str, country: str | None) -> ActorRow | None:
        if not country:
            return None
        for prefix in CLASS_PREFIX.get(cls, ()):
            row = self.idx.rows.get(f"{prefix}-{country}")
            if row is not None:
                return row
        return None

    def mention(self, row: ActorRow | None, first: Hit, end: int, **extra: object) -> Mention | None:
        if row is None:
            return None
        doc, prefix = self.doc, self.text[first.word_start:first.start]
        data = {"name": row.name_on(doc.published), "inter": row.inter, "country": row.country,
                "generic": row.kind in ("generic", "civilians"), "kind": row.kind, "backers": row.backers,
                # a preposition glued to the phrase (`بغارة`, `للجيش`): no subject, no direct object
                "prep": prefix.replace("ال", "").lstrip("وف")}
        data.update({k: v for k, v in extra.items() if v})
        start = start_of(self.text, first)
        return Mention("actor", start, end, row.id, data, doc.sentence_of(start))


def start_of(text: str, h: Hit) -> int:
    """Where a mention's text starts: the article stays (`القاعدة`), other proclitics go (`وللقوات`);
    an article merged into `ل` (`للقوات`: the hit starts at its second lam) goes with it (`قوات`)."""
    if text[h.word_start:h.start].endswith("ال"):
        return h.start - 2
    if h.key.startswith("ال") and not text.startswith("ال", h.start) and text.startswith("ل", h.start):
        return h.start + 1
    return h.start
