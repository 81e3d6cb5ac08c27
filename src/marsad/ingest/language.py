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
MIN_ARABIC_LETTERS = 200  # an Arabic part this long is an article, whatever surrounds it


@dataclass(frozen=True, slots=True)
class Markers:
    names: dict[str, str]  # lang -> display name
    scripts: dict[str, str]  # lang -> ISO 15924 script (Arab, Latn)
    words: dict[str, frozenset[str]]  # lang -> function words
    letters: dict[str, frozenset[str]]  # lang -> letters that Arabic does not use


@functools.cache
def markers() -> Markers:
    names: dict[str, str] = {}
    scripts: dict[str, str] = {}
    words: dict[str, set[str]] = {}
    letters: dict[str, set[str]] = {}
    for row in load("ingest", "language_markers"):
        names[row["lang"]], scripts[row["lang"]] = row["name"], row["script"]
        (words if row["kind"] == "word" else letters).setdefault(row["lang"], set()).add(row["marker"])
    return Markers(names, scripts, {k: frozenset(v) for k, v in words.items()},
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
    """Raise InputError (E105) unless the text is Arabic.

    Arabic script in the majority, unless the function words are Persian, Urdu or Kurdish; or,
    when Latin letters are the majority (scraped CSS, long English quotes), Arabic function words
    ahead of every other language's and a substantial Arabic part.

    >>> check_arabic("قتل ثلاثة جنود في هجوم على الموقع")
    """
    sample = text[:SAMPLE]
    letters = len(_NOT_LETTER.sub("", sample))  # one C pass, no list of characters
    if letters < 3:
        raise InputError("E105", "no words: the text has no letters")
    arabic = len(_NOT_ARABIC_LETTER.sub("", sample))
    share = arabic / letters
    lang, name = guess_language(sample)
    if share >= min_share:
        if lang not in ("ar", "und") and markers().scripts.get(lang) == "Arab":
            raise InputError("E105", f"not Arabic: {name} in Arabic script")
        return  # English words inside Arabic text (app names, quotes) do not make it English
    if lang == "ar" and arabic >= MIN_ARABIC_LETTERS:
        return  # Arabic around a block of scraped code or a long quote in Latin script
    what = name if lang not in ("ar", "und") else "not in Arabic script"
    raise InputError("E105", f"not Arabic: {what} ({share:.0%} of the letters are Arabic script)")
