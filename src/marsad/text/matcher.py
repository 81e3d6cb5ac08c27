"""Find lexicon entries in folded text with one Aho-Corasick automaton, clitic-aware.

Arabic glues proclitics to the word (و ف ب ل ك س ال لل), so an entry `صواريخ` must be found in
`والصواريخ` and `بالصواريخ`, and `التحالف` in `للتحالف` (the article's alef is dropped after ل).
The automaton finds every key in one pass; a hit counts only when what precedes it in the same
word is a valid proclitic chain and the word ends there (or the key ends in `*`, which lets
the word go on: `استهدف*` covers استهدفت، استهدفوا، استهدفها).

>>> m = LexiconMatcher([("صواريخ", "rocket"), ("التحالف", "coalition"), ("استهدف*", "attack")])
>>> [(h.key, h.payloads[0]) for h in m.find("استهدفت بالصواريخ مواقع للتحالف")]
[('استهدف*', 'attack'), ('صواريخ', 'rocket'), ('التحالف', 'coalition')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick
import regex

# A chain of proclitics before a word: conjunction, preposition or future marker, article.
PROCLITICS = regex.compile(r"(?:[وف])?(?:[بكلس]?ال|لل|[بكلس])?")
_LAM_ELIDED = regex.compile(r"[وف]?ل")
_MAX_CHAIN = 4  # the longest proclitic chain: و + ب + ال


# Word endings that take no alef in the indefinite accusative (ة, ا, sound plurals, duals).
_NO_ALEF = ("ه", "ا", "ات", "ين", "ون", "ان")


_NON_LETTER = regex.compile(r"[^\p{L}\p{N}]")


@functools.lru_cache(maxsize=8)
def word_view(text: str) -> str:
    """The text with every character that is not a letter or digit made a space (same length):
    the several automata of a pipeline scan the same view, so it is made once per text.

    >>> word_view("قصف، ب14 صاروخا!")
    'قصف  ب14 صاروخا '
    """
    return _NON_LETTER.sub(" ", text)


def accusative(phrase: str) -> str:
    """The indefinite accusative of a phrase, with the tanween alef the script writes:
    `هجوم انتحاري` -> `هجوما انتحاريا`, `صاروخ` -> `صاروخا`, `عبوه ناسفه` unchanged.

    >>> accusative("هجوم انتحاري")
    'هجوما انتحاريا'
    """
    words = phrase.split(" ")
    if not all(w.isalpha() and len(w) >= 3 and not w.endswith(_NO_ALEF) and not w.startswith("ال")
               for w in words):
        return phrase
    return " ".join(w + "ا" for w in words)


def definite(phrase: str) -> str:
    """A noun phrase made definite: the article on every word after the first (the first takes
    it as a proclitic): `غاره جويه` -> `غاره الجويه`, found in `الغارة الجوية`.

    >>> definite("عبوه ناسفه")
    'عبوه الناسفه'
    """
    words = phrase.split(" ")
    if len(words) < 2 or any(w.startswith("ال") or not w.isalpha() for w in words):
        return phrase
    return " ".join([words[0]] + ["ال" + w for w in words[1:]])


@dataclass(slots=True, frozen=True)
class Hit:
    """One lexicon entry found: `[start, end)` of the entry in the folded text, the word's
    start (before its proclitics), the key as written in the lexicon and its payloads."""

    start: int
    end: int
    word_start: int
    key: str
    payloads: tuple[Any, ...]

    @property
    def prefix_len(self) -> int:
        return self.start - self.word_start


class LexiconMatcher:
    """An automaton over folded keys; `find` returns the longest valid hits, left to right."""

    def __init__(self, entries: Iterable[tuple[str, Any]], *, proclitics: bool = True,
                 tanween: bool = False) -> None:
        self._proclitics = proclitics
        table: dict[str, list[Any]] = {}
        for key, payload in entries:
            if key:
                table.setdefault(key, []).append(payload)
        self._automaton = ahocorasick.Automaton()
        # every key as written first: a generated variant never shadows a row of its own
        # (`قتلا` the dual verb is not `قتل` in the accusative)
        for key, payloads in table.items():
            plain = key.rstrip("*")
            self._add(plain, (key, tuple(payloads), key.endswith("*"), False, len(plain)))
        for key, payloads in table.items():
            stem = key.endswith("*")
            plain = key.rstrip("*")
            if tanween and not stem and (acc := accusative(plain)) != plain:
                self._add(acc, (key, tuple(payloads), stem, False, len(acc)))
            if tanween and (dfn := definite(plain)) != plain:
                self._add(dfn, (key, tuple(payloads), stem, False, len(dfn)))
            if proclitics and plain.startswith("ال") and len(plain) > 3:
                self._add(plain[1:], (key, tuple(payloads), stem, True, len(plain) - 1))
        self.size = len(table)
        if self.size:
            self._automaton.make_automaton()

    def _add(self, surface: str, value: tuple) -> None:
        # Keys are matched in the word view of the text (every non-letter a space); a whole-word
        # key carries its closing space, so the automaton itself only reports hits that end a
        # word, and Python looks at a few hits instead of every piece of every word.
        view = word_view(surface) + ("" if value[2] else " ")
        # Two keys may fold to one surface (an entry and another's lam-elided form): keep the first.
        if view not in self._automaton:
            self._automaton.add_word(view, value)

    def find(self, text: str, start: int = 0, end: int | None = None, *,
             longest_only: bool = True) -> list[Hit]:
        """Valid hits in `text[start:end]`: the longest where they overlap, or all of them."""
        if not self.size:
            return []
        end = len(text) if end is None else end
        size = len(text)
        hits: list[Hit] = []
        view = word_view(text) + " "
        proclitics = self._proclitics
        for last, (key, payloads, stem, elided, length) in self._automaton.iter(view, start, end + 1):
            e = last + 1 if stem else last  # a whole-word key ends before its closing space
            if e > end:
                continue
            s = e - length
            if s == 0 or view[s - 1] == " ":  # the common case: the hit starts its word
                if elided:
                    continue
                ws = s
            else:  # a proclitic chain may stand before it, within the same word
                if not proclitics:
                    continue
                ws = view.rfind(" ", max(0, s - _MAX_CHAIN - 1), s) + 1
                if ws == 0 and s > _MAX_CHAIN:
                    continue  # the word began before: no chain is this long
                prefix = text[ws:s]
                if not (_LAM_ELIDED if elided else PROCLITICS).fullmatch(prefix):
                    continue
            if stem:
                while e < size and text[e].isalnum():
                    e += 1
            hits.append(Hit(s, e, ws, key, payloads))
        return longest(hits) if longest_only else hits


def longest(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer one (leftmost-longest, no overlaps)."""
    hits.sort(key=lambda h: (h.word_start, -(h.end - h.word_start), -(h.end - h.start)))
    out: list[Hit] = []
    reach = -1
    for h in hits:
        if h.word_start >= reach:
            out.append(h)
            reach = h.end
    return out
