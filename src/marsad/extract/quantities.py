"""Munitions and casualty figures, linked to the words they count.

Numbers come from the "numbers" stage (`Mention(kind="number")` with data value/max/approx/
role/noun/dual). A number counts munitions when it stands right before a countable weapon
word (`8 صواريخ`, `بستة قذائف`, `ما بين 7 إلى 10 صواريخ`) or is a weapon's dual
(`صاروخين`). A casualty figure is the number next to a casualty word (`مقتل 4`,
`11 قتيلا`, `أصيب أربعة آخرون`), or 1 for a singular person noun (`قتل عنصر`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.document import Mention
from marsad.extract.clauses import words_between

# A figure above this is a war's or a year's toll recalled in passing (`نزاع أوقع أكثر من 40 ألف
# قتيل`), not the toll of one incident.
MAX_TOLL = 1000


@dataclass
class Figures:
    killed: list[tuple[int, Mention]] = field(default_factory=list)  # (count, the mention that gives it)
    injured: list[tuple[int, Mention]] = field(default_factory=list)


def is_count(n: Mention) -> bool:
    return n.data.get("role", "count") == "count"


def munitions(text: str, weapons: list[Mention], numbers: list[Mention]) -> tuple[dict[str, int] | None, list[Mention]]:
    """The `{"min", "max"}` of munitions counted in a span, and the number mentions used."""
    lows: list[int] = []
    highs: list[int] = []
    used: list[Mention] = []
    for w in weapons:
        if w.data.get("count_noun") != "1":
            continue
        for n in numbers:
            if not is_count(n) or n.data.get("approx"):
                continue
            dual_here = n.data.get("dual") and n.start <= w.start < n.end + 1 and w.start <= n.end
            before = n.end <= w.start and words_between(text, n.end, w.start) == 0 and w.start - n.end <= 3
            if dual_here or before:
                lows.append(int(n.data["value"]))
                highs.append(int(n.data.get("max") or n.data["value"]))
                used.append(n)
    if not lows:
        return None, []
    return {"min": min(lows), "max": max(highs)}, used


def casualties(text: str, words: list[Mention], numbers: list[Mention], persons: list[Mention]) -> Figures:
    """Killed and injured figures from casualty words and the numbers or nouns beside them."""
    fig = Figures()
    taken: set[int] = set()
    words = sorted(words, key=lambda m: m.start)
    for w in words:
        bucket = fig.killed if w.code == "killed" else fig.injured
        if w.data.get("role") == "one":  # `مقتله`, `وفاتها`: the pronoun is one person
            bucket.append((1, w))
            continue
        others = [x for x in words if x is not w]
        usable = [n for n in numbers if n.start not in taken and is_count(n) and not _crosses(n, w, others)]
        after, before = _numbers_around(text, w, usable)
        p_after = _person_after(text, w, persons)
        if after is None and p_after is not None and p_after.code == "others":
            continue  # `وأصيب آخرون`: others, with no figure
        p_before = _person_before(text, w, persons, numbers)
        if w.data.get("role") == "noun":  # `11 قتيلا`: the count comes first
            order = (before, after, p_after, p_before)
        elif w.data.get("role") == "plural_verb":  # `إن جنديين من القوات الحكومية قتلا`
            order = (after, _subject_count(text, w, usable), before, p_after, p_before)
        else:  # `مقتل 4`, `قتل جندي`, `شخصا لقي مصرعه`
            order = (after, p_after, before, p_before)
        found = next((m for m in order if m is not None), None)
        if found is None:
            continue
        if found.kind == "number":
            if found.data.get("approx") and found.data.get("kind") == "vague":
                continue  # "dozens": no figure
            taken.add(found.start)
            total = int(found.data["value"])
            for extra in _and_counts(text, found, usable, words):
                taken.add(extra.start)
                total += int(extra.data["value"])
            if total <= MAX_TOLL:
                bucket.append((total, found))
        elif not any(n.start == found.start for n in numbers):
            bucket.append((1, found))
    return fig


def _and_counts(text: str, first: Mention, numbers: list[Mention], words: list[Mention]) -> list[Mention]:
    """Counts joined to the first by و over groups of one toll (`ثلاثة عناصر من قسد واثنين من
    مقاتلي العشائر` is five killed): each within a few words, with no casualty word or
    punctuation between."""
    out: list[Mention] = []
    last = first
    for n in numbers:
        if n.start <= last.end:
            continue
        gap = text[last.end:n.start]
        if words_between(text, last.end, n.start) > 5 or any(ch in gap for ch in ".،,؛") or \
                any(last.end <= w.start < n.start for w in words):
            break
        if text[n.start - 1:n.start] == "و" or gap.rstrip().endswith(" و"):
            out.append(n)
            last = n
    return out


def _crosses(n: Mention, w: Mention, others: list[Mention]) -> bool:
    """Whether another casualty word stands between a number and this word."""
    lo, hi = (n.end, w.start) if n.end <= w.start else (w.end, n.start)
    return any(lo <= o.start < hi for o in others)


def _numbers_around(text: str, w: Mention, numbers: list[Mention]) -> tuple[Mention | None, Mention | None]:
    """The nearest count right after a casualty word and the nearest right before it."""
    after = next((n for n in numbers if n.start >= w.end and _close(text, w.end, n.start)), None)
    before = [n for n in numbers if n.end <= w.start and _close(text, n.end, w.start)]
    return after, (before[-1] if before else None)


SUBJECT_WORDS = 8  # `25 مقاتلا على الأقل من الفصائل المسلحة ... قتلوا`


def _subject_count(text: str, w: Mention, numbers: list[Mention]) -> Mention | None:
    """The count a plural verb agrees with, as its subject some words before it (the order of
    reported speech: `أن 25 مقاتلا من الفصائل قتلوا`); no punctuation between, except a comma
    right before the verb (after a quoted name)."""
    for n in numbers:  # the first count of the stretch heads the subject (`ثلاثة أطفال من عائلة واحدة`)
        if n.end <= w.start and words_between(text, n.end, w.start) <= SUBJECT_WORDS:
            gap = text[n.end:w.start].rstrip(" ،,\"'")
            if not any(ch in gap for ch in ".،,؛:"):
                # a count glued to و ends a list whose head lies further back: no figure
                return None if text[n.start - 1:n.start] == "و" else n
    return None


def _close(text: str, a: int, b: int) -> bool:
    """At most two words between, and no punctuation."""
    return words_between(text, a, b) <= 2 and not any(ch in text[a:b] for ch in ".،,؛")


def _person_before(text: str, w: Mention, persons: list[Mention], numbers: list[Mention]) -> Mention | None:
    """A singular person noun just before a casualty verb (`شخصا لقي مصرعه`), with no count of its own."""
    for p in persons:
        if p.end <= w.start and words_between(text, p.end, w.start) <= 1 and not any(
                n.end <= p.start and words_between(text, n.end, p.start) == 0 for n in numbers):
            return p
    return None


def _person_after(text: str, w: Mention, persons: list[Mention]) -> Mention | None:
    """A singular person noun right after a casualty verb means one person (`قتل عنصر`)."""
    for p in persons:
        if p.start >= w.end and words_between(text, w.end, p.start) == 0:
            return p
    return None
