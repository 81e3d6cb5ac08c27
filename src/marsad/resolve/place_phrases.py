"""The words around a place name: what stands before it (`بالقرب من`, `ريف`, `شرق`, `محافظة`,
`مدينة`) and after it (`الغربي`, `التركية`), read from `resources/ar/place_phrases.tsv`.

>>> from marsad.resolve.gazetteer import gazetteer
>>> text = "قصف في ريف حلب الغربي"
>>> r = read_context(text, gazetteer().find(text), phrases())[0]
>>> [q[0] for q in r.quals], r.post
(['prep', 'part'], 'W')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from marsad.document import Document
from marsad.resolve.gazetteer import article_added
from marsad.resources import load
from marsad.text.matcher import Hit, LexiconMatcher

QUALIFIED = frozenset({"near", "part", "dir", "road"})  # these make a named point precision 2
MAX_CHAIN = 4  # qualifier words read before a name
DEFINITE_ROLES = frozenset({"head", "part", "dir", "near"})
TANWEEN = frozenset("\u064b\u064c\u064d")
# what may stand between a place and the words that describe where it lies: a comma or one
# word (`الغوطة الشرقية المحاصرة قرب دمشق`)
APPOSITION_GAP = regex.compile(r"[ ،,]*(?:\p{L}+[ ،,]+)?")


@dataclass(frozen=True, slots=True)
class Phrases:
    """The words around place names (resources/ar/place_phrases.tsv), one automaton."""

    matcher: LexiconMatcher
    role: dict[str, tuple[str, str]]


@functools.cache
def phrases() -> Phrases:
    rows = load("ar", "place_phrases")
    return Phrases(LexiconMatcher((r["surface"], r["surface"]) for r in rows),
                   {r["surface"]: (r["role"], r["value"]) for r in rows})


@dataclass
class Reading:
    """A place name found in the text with the words around it."""

    hit: Hit
    quals: list[tuple[str, str, int]] = field(default_factory=list)  # (role, value, start)
    post: str = ""
    post_end: int = 0
    own_prep: bool = False  # the name itself carries ب (بالبوكمال)
    named_head: bool = False  # the name begins with a feature noun (قاعدة حرير), or is curated
    article: bool = False  # the text adds an article the gazetteer name lacks
    nation: str = ""  # the country a nationality adjective right after the name gives (ISO2)

    def roles(self) -> set[str]:
        return {r for r, _, _ in self.quals}

    @property
    def head(self) -> str:
        return next((v for r, v, _ in self.quals if r == "head"), "")

    @property
    def cue(self) -> bool:
        return self.own_prep or self.named_head or bool(self.roles() - {"actor", "capital"})

    @property
    def start(self) -> int:
        kept = [s for r, _, s in self.quals if r not in ("prep", "actor")]
        return min(kept, default=self.hit.start)

    @property
    def end(self) -> int:
        return self.post_end or self.hit.end


def read_context(text: str, hits: list[Hit], ph: Phrases, curated: frozenset[str] = frozenset()) -> list[Reading]:
    """Each name hit with the qualifier words chained before it and a direction after it;
    `curated`: the names of hand-kept sites, which need no locative word before them."""
    by_end: dict[int, Hit] = {}
    by_start: dict[int, Hit] = {}
    for q in ph.matcher.find(text):
        if ph.role[q.key][0] in DEFINITE_ROLES and "ال" in text[q.word_start:q.start]:
            continue  # `القضاء عليه`, `المطار العسكري`: a feature noun before a name has no article
        by_end[q.end] = q
        by_start[q.word_start] = q
    out = []
    for h in hits:
        if h.key in ph.role and ph.role[h.key][0] != "capital":
            continue  # مدينة, منطقة, حدود: the words around names are no names themselves
            # (but `العاصمة` alone names a capital governorate: Amman's, Kuwait's)
        r = Reading(h, own_prep="ب" in text[h.word_start:h.start], article=article_added(text, h),
                    named_head=ph.role.get(h.key.split(" ")[0], ("",))[0] == "head" or h.key in curated)
        cur = h.word_start
        for _ in range(MAX_CHAIN):
            gap = _skip_gap(text, cur)  # `مدينة (جازان)`, `من (محافظة صعدة)`
            q = by_end.get(gap)
            if q is not None and gap != cur and ph.role[q.key][0] == "nation" and not r.quals:
                # `العاصمة الأفغانية كابول`: a head, its country's adjective, then the name
                head = by_end.get(_skip_gap(text, q.word_start))
                if head is not None and ph.role[head.key][0] in ("head", "capital"):
                    r.nation = ph.role[q.key][1]
                    cur = q.word_start
                    continue
            if q is None or gap == cur or ph.role[q.key][0] in ("postdir", "nation"):
                break
            role, value = ph.role[q.key]
            r.quals.insert(0, (role, value, q.start if role != "prep" else q.word_start))
            cur = q.word_start
            if role in ("prep", "actor", "capital"):
                break  # a preposition or an actor word opens the phrase (`العاصمة` names one itself)
        nxt = by_start.get(h.end + 1)
        if nxt is not None and h.end < len(text) and text[h.end] == " ":
            role, value = ph.role[nxt.key]
            if role == "postdir":
                r.post, r.post_end = value, nxt.end
            elif role == "nation":
                r.nation = value
        out.append(r)
    return out


def _skip_gap(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " (":
        end -= 1
    return end


def describes(text: str, a: Reading, b: Reading) -> bool:
    """Whether reading b (`شمالي تل تمر`) says where reading a, right before it, lies."""
    return bool(b.roles() & {"dir", "near", "part"}) and bool(APPOSITION_GAP.fullmatch(text[a.end:b.start]))


_TANWEEN_MARK = regex.compile("[" + "".join(TANWEEN) + "]")


def tanween(doc: Document, r: Reading) -> bool:
    """A name takes no tanween: `دوماً` is "always", not Douma (the folding drops the mark, the
    original keeps it)."""
    s, e = doc.span(r.hit.start, r.hit.end)
    return _TANWEEN_MARK.search(doc.text, s, e + 1) is not None


def actor_part(r: Reading) -> bool:
    """`حزب الله`, `جيش العراق`: a name right after an actor word is part of the actor's name."""
    return bool(r.quals) and r.quals[-1][0] == "actor"
