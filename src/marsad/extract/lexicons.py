"""The extraction lexicons, compiled once per process into automata.

>>> lx = compiled()
>>> [h.payloads[0]["weapon"] for h in lx.weapons.find("بثمانية صواريخ نوع غراد")]
['rocket', 'rocket']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.resources import load
from marsad.text.matcher import LexiconMatcher


@dataclass(frozen=True)
class Lexicons:
    triggers: LexiconMatcher
    weapons: LexiconMatcher
    casualties: LexiconMatcher
    cues: LexiconMatcher
    typing: dict[tuple[str, str], dict[str, str]]

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
    def matcher(name: str) -> LexiconMatcher:
        return LexiconMatcher(((row["surface"], row) for row in load(lang, name)), tanween=True)

    typing = {(r["code"], r["weapon"] or "*"): r for r in load(lang, "event_typing")}
    return Lexicons(matcher("triggers"), matcher("weapons"), matcher("casualty_words"),
                    matcher("cues"), typing)
