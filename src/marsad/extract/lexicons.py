"""The extraction lexicons, compiled once per process into one automaton.

Triggers, weapons, casualty words and cues share one Aho-Corasick automaton, so the text is
scanned once; each payload says which lexicon its row comes from, and overlaps are resolved
within a lexicon only (`غارة جوية` is both a trigger and a weapon).

>>> lx = compiled()
>>> [(kind, row["weapon"]) for kind, row, _ in lx.find("بثمانية صواريخ نوع غراد") if kind == "weapon"]
[('weapon', 'rocket'), ('weapon', 'rocket')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.resources import load
from marsad.text.matcher import Hit, LexiconMatcher, longest

# lexicon -> the kind of mention its rows make
KINDS = {"triggers": "trigger", "weapons": "weapon", "casualty_words": "casualty", "cues": "cue"}


@dataclass(frozen=True)
class Lexicons:
    matcher: LexiconMatcher
    typing: dict[tuple[str, str], dict[str, str]]

    def find(self, text: str) -> list[tuple[str, dict[str, str], Hit]]:
        """`(kind, row, hit)` for every entry found, longest first within each lexicon."""
        by_kind: dict[str, list[Hit]] = {}
        for hit in self.matcher.find(text, longest_only=False):
            for kind, row in hit.payloads:
                by_kind.setdefault(kind, []).append(Hit(hit.start, hit.end, hit.word_start, hit.key, (row,)))
        return [(kind, h.payloads[0], h) for kind, hits in by_kind.items() for h in longest(hits)]

    def sub_event(self, code: str, weapon: str | None, *, weapon_first: bool = False) -> dict[str, str]:
        """The typing row for a trigger code and weapon: exact, then (code, *), then (*, weapon);
        for a trigger that names no kind of attack (`weapon_first`), the weapon decides first."""
        w = weapon or "*"
        order = ((code, w), ("*", w), (code, "*")) if weapon_first else ((code, w), (code, "*"), ("*", w))
        for key in order:
            if key in self.typing:
                return self.typing[key]
        return self.typing[("ATTACK", "*")]


@functools.cache
def compiled(lang: str = "ar") -> Lexicons:
    entries = ((row["surface"], (kind, row)) for name, kind in KINDS.items() for row in load(lang, name))
    typing = {(r["code"], r["weapon"] or "*"): r for r in load(lang, "event_typing")}
    return Lexicons(LexiconMatcher(entries, tanween=True), typing)
