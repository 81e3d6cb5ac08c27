"""The words around a number that say what it is: qualifiers, range words, years, months, units.

A `CueTable` is built from `number_context.tsv` (folded phrase, cue, position). It answers two
questions for a number at a position of folded text: which wanted cue ends right before it
(`before`), and which starts right after it (`after`). Phrases are looked up whole (up to four
words before, three after), the first word with or without its proclitics (`ونحو`, `لعام`).

>>> t = CueTable([{"surface": "اكثر من", "cue": "more_than", "position": "before"},
...               {"surface": "عام", "cue": "year", "position": "before"}])
>>> text = "قتل اكثر من 8 لعام 2018"
>>> t.before(text, text.index("8"), ("more_than",)), t.before(text, text.index("2018"), ("year",))
(('more_than', 4), ('year', 15))
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable

import regex

from marsad.text.segment import CLITIC_CHAINS

_WORD = regex.compile(r"[\p{L}\p{M}]+|[%$€£]", regex.V1)
_STOP = regex.compile(r'[.،,؛;:!?؟\n"()\[\]]')
_WINDOW = 48  # characters looked at on each side: four words and then some


class CueTable:
    """Cue phrases by their folded text, with the first and last words of every phrase (a number
    beside no such word needs no lookup, which keeps the common case cheap)."""

    def __init__(self, rows: Iterable[dict[str, str]]) -> None:
        self.cues: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in rows:
            self.cues[r["surface"]].append((r["cue"], r["position"]))
        self.cues = dict(self.cues)
        self.firsts = frozenset(p.split()[0] for p in self.cues)
        self.lasts = frozenset(p.split()[-1] for p in self.cues)

    def of(self, words: list[str], wanted: tuple[str, ...], positions: tuple[str, ...]) -> str | None:
        """The wanted cue a phrase carries at one of `positions`, if any."""
        found = self.form(words, wanted, positions)
        return found[0] if found else None

    def form(self, words: list[str], wanted: tuple[str, ...],
             positions: tuple[str, ...]) -> tuple[str, str] | None:
        """(cue, the first word without its proclitics) of a phrase that carries a wanted cue."""
        rest = " ".join(words[1:])
        for first in strip_proclitics(words[0]):
            for cue, position in self.cues.get(f"{first} {rest}" if rest else first, ()):
                if cue in wanted and position in positions:
                    return cue, first
        return None

    def before(self, text: str, pos: int, wanted: tuple[str, ...]) -> tuple[str, int] | None:
        """The longest wanted cue ending right before `pos`: (cue, where it starts, after the
        first word's proclitics: ونحو 30 starts at نحو)."""
        ws = words_before(text, pos)
        if not ws or not any(f in self.lasts for f in strip_proclitics(ws[-1][2])):
            return None
        if text[ws[-1][1]:pos].strip(" -"):
            return None
        for k in range(len(ws), 0, -1):
            part = ws[-k:]
            words = [w for _, _, w in part]
            found = self.form(words, wanted, ("before", "any"))
            if found:
                return found[0], part[0][0] + len(words[0]) - len(found[1])
        return None

    def after(self, text: str, pos: int, wanted: tuple[str, ...], skip: int = 0) -> tuple[str, int] | None:
        """The longest wanted cue starting right after `pos` (after `skip` words): (cue, its end)."""
        ws = words_after(text, pos)[skip:]
        if not ws or not any(f in self.firsts for f in strip_proclitics(ws[0][2])):
            return None
        for k in range(min(3, len(ws)), 0, -1):
            part = ws[:k]
            cue = self.of([w for _, _, w in part], wanted, ("after", "any"))
            if cue:
                return cue, part[-1][1]
        return None


@functools.lru_cache(maxsize=1 << 16)
def strip_proclitics(word: str) -> tuple[str, ...]:
    """The word and each form of it without a proclitic chain, longest first.

    >>> strip_proclitics("لعام")
    ('لعام', 'عام')
    """
    forms = {word} | {word[len(c):] for c in CLITIC_CHAINS if word.startswith(c) and len(word) - len(c) >= 2}
    return tuple(sorted(forms, key=len, reverse=True))


# Each number asks for the words around it several times (range, qualifier, role, noun): the
# small caches answer the repeats; a text's hash is computed once, so a hit costs little.
@functools.lru_cache(maxsize=64)
def words_before(text: str, pos: int, n: int = 4) -> list[tuple[int, int, str]]:
    """Up to `n` words right before `pos` in the same clause, as (start, end, word)."""
    lo = max(0, pos - _WINDOW)
    window = text[lo:pos]
    cut = max((m.end() for m in _STOP.finditer(window)), default=0)
    return [(lo + m.start(), lo + m.end(), m.group()) for m in _WORD.finditer(window, cut)][-n:]


@functools.lru_cache(maxsize=64)
def words_after(text: str, pos: int, n: int = 4) -> list[tuple[int, int, str]]:
    """Up to `n` words right after `pos` in the same clause, as (start, end, word)."""
    window = text[pos:pos + _WINDOW]
    stop = _STOP.search(window)
    window = window[:stop.start()] if stop else window
    return [(pos + m.start(), pos + m.end(), m.group()) for m in _WORD.finditer(window)][:n]


def adjacent(text: str, a: int, b: int) -> bool:
    """Whether only a few spaces (no line break) lie between `a` and `b`."""
    gap = text[a:b]
    return 0 < len(gap) <= 3 and gap.isspace() and "\n" not in gap


def indefinite_after(text: str, pos: int, table: CueTable) -> bool:
    """Whether an indefinite word that can be a counted noun follows (ست سنوات, not ست البيت)."""
    ws = words_after(text, pos)[:1]
    if not ws or not adjacent(text, pos, ws[0][0]):
        return False
    w = ws[0][2]
    return len(w) > 1 and not w.startswith(("ال", "لل", "بال", "وال", "و", "ف")) and w.isalpha() and \
        table.of([w], ("function",), ("after",)) is None
