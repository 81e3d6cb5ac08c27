"""Is this Arabic? Non-Arabic text is refused with a reason, never silently."""

from __future__ import annotations

import regex

from marsad.errors import InputError

_LETTER = regex.compile(r"\p{L}")
_ARABIC_SCRIPT = regex.compile(r"\p{Arabic}")
# Letters of Persian, Urdu and Kurdish (Sorani) that Arabic does not use.
_NON_ARABIC_LETTERS = regex.compile(r"[پچژگڤڕۆێڵےٹڈڑںہۓ]")


def check_arabic(text: str, *, min_share: float = 0.5) -> None:
    """Raise InputError (E105) unless most letters are Arabic script and the language is Arabic."""
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    if letters < 3:
        raise InputError("E105", "no words: the text has no letters")
    arabic = len(_ARABIC_SCRIPT.findall(sample))
    if arabic / letters < min_share:
        raise InputError("E105", f"not Arabic: {arabic / letters:.0%} of the letters are Arabic script")
    foreign = len(_NON_ARABIC_LETTERS.findall(sample))
    if foreign / max(arabic, 1) > 0.01:
        raise InputError("E105", "not Arabic: Arabic script with Persian, Urdu or Kurdish letters")
