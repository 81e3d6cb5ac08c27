"""Is this Arabic? Non-Arabic text is refused with a reason that names the language, never silently.

The markers (function words, letters Arabic does not use) are data: `resources/ingest/
language_markers.tsv`. Arabic-script text is told apart from Persian, Urdu and Kurdish by which
language's function words are more frequent, with letters as a second witness; a few Persian
names in an Arabic article do not make it Persian.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

import regex

from marsad.errors import InputError
from marsad.resources import load
from marsad.text.normalize import fold

_NOT_LETTER = regex.compile(r"\P{L}+")
_NOT_ARABIC_LETTER = regex.compile(r"[^\p{Arabic}&&\p{L}]+", flags=regex.V1)
_PUNCT = "\"'()[]{}«»“”.,،;؛:!?؟…-—–_*#/\\|<>"
SAMPLE = 6000  # characters looked at: enough to decide, bounded on huge inputs


@dataclass(frozen=True, slots=True)
class Markers:
    names: dict[str, str]  # lang -> display name
    words: dict[str, frozenset[str]]  # lang -> function words
    letters: dict[str, frozenset[str]]  # lang -> letters that Arabic does not use


@functools.cache
def markers() -> Markers:
    names: dict[str, str] = {}
    words: dict[str, set[str]] = {}
    letters: dict[str, set[str]] = {}
    for row in load("ingest", "language_markers"):
        names[row["lang"]] = row["name"]
        (words if row["kind"] == "word" else letters).setdefault(row["lang"], set()).add(row["marker"])
    return Markers(names, {k: frozenset(v) for k, v in words.items()},
                   {k: frozenset(v) for k, v in letters.items()})


def guess_language(text: str) -> tuple[str, str]:
    """(code, name) of the language of `text` by its function words: `ar` for Arabic.

    >>> guess_language("قتل ثلاثة جنود في هجوم على الموقع")[0]
    'ar'
    >>> guess_language("The army said that two soldiers were killed in the attack")[0]
    'en'
    """
    mk = markers()
    sample = text[:SAMPLE]
    counts: Counter[str] = Counter()
    raw = Counter(w.strip(_PUNCT) for w in sample.lower().split())  # split: far cheaper than a regex
    folded = Counter(w.strip(_PUNCT) for w in fold(sample).split())
    for lang, ws in mk.words.items():
        counts[lang] += sum((folded if lang == "ar" else raw)[w] for w in ws)
    for lang, ls in mk.letters.items():
        counts[lang] += 0.25 * sum(sample.count(c) for c in ls)  # a letter is weaker evidence than a word
    counts = +counts
    if not counts:
        return ("und", "an unknown language")
    lang = max(counts, key=lambda k: (counts[k], k == "ar"))
    return (lang, mk.names[lang])


def check_arabic(text: str, *, min_share: float = 0.5) -> None:
    """Raise InputError (E105) unless most letters are Arabic script and the language is Arabic.

    >>> check_arabic("قتل ثلاثة جنود في هجوم على الموقع")
    """
    sample = text[:SAMPLE]
    letters = len(_NOT_LETTER.sub("", sample))  # one C pass, no list of characters
    if letters < 3:
        raise InputError("E105", "no words: the text has no letters")
    arabic = len(_NOT_ARABIC_LETTER.sub("", sample))
    lang, name = guess_language(sample)
    if arabic / letters < min_share:
        what = name if lang not in ("ar", "und") else "not in Arabic script"
        raise InputError("E105", f"not Arabic: {what} ({arabic / letters:.0%} of the letters are Arabic script)")
    if lang not in ("ar", "und"):
        raise InputError("E105", f"not Arabic: {name} in Arabic script")
