"""The pieces date expressions are built from, found in folded text in one pass.

Date words come from `resources/ar/date_terms.tsv` (months in the three naming systems, Hijri
months, weekdays, `امس`, parts of the day, `الماضي`...), count words from `number_words.tsv`;
one `LexiconMatcher` finds them all, and one regex finds numbers and numeric dates. Each piece
becomes an `Atom` with a one-letter symbol, so that the grammar (`date_grammar.py`) can read a
whole sentence's atoms as a short string: `فجر الثلاثاء` is `PW`, `27 من يونيو/حزيران الماضي`
is `NMMS`. Where the words between two atoms are not glue (spaces, `/`, `من`, `في`), a break
symbol `.` stands between them, so that no expression spans unrelated words.

>>> [a.sym for a in atoms("قصفت الطائرات فجر الثلاثاء الماضي مواقع في 3 تموز 2021")]
['P', 'W', 'S', '.', 'N', 'M', 'Y']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from marsad.resources import load
from marsad.text.matcher import LexiconMatcher

# kind in date_terms.tsv -> grammar symbol (units get their own letter, below)
KIND_SYMBOL = {"month": "M", "hijri_month": "H", "weekday": "W", "day": "D", "part": "P", "past": "S",
               "future": "F", "current": "C", "this": "c", "ago": "A", "until": "T", "phase": "Q",
               "ordinal": "O", "count": "K", "within": "L", "approx": "~"}
UNIT_SYMBOL = {"day": "d", "week": "w", "month": "o", "year": "y", "hour": "h"}
BREAK = "."

_NUMERIC_DATE = regex.compile(
    r"(?<![0-9/.\-])(?:(?P<d>[0-9]{1,2})[/.\-](?P<m>[0-9]{1,2})[/.\-](?P<y>[0-9]{4})"
    r"|(?P<y2>[0-9]{4})[/.\-](?P<m2>[0-9]{1,2})[/.\-](?P<d2>[0-9]{1,2}))(?![0-9/.\-][0-9])")
# a number, possibly glued to a conjunction, preposition or article (و5، ب2014، ال24، في20)
_NUMBER = regex.compile(r"(?<![\p{L}\p{N}])(?:[وفبل]|ال|في)?(?P<n>[0-9]{1,4})(?![\p{N}]|[.,][0-9])")
_GLUE = regex.compile(r"(?:[\s/\-(),،:]|(?<![\p{L}])(?:من|في|ه|م|الموافق)(?![\p{L}]))*")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
# an opening quote and one word just before اليوم: a two-word name ("روسيا اليوم"), where a
# longer quotation ending in اليوم is speech ("انهم وصلوا اليوم")
_QUOTED_NAME = regex.compile(r'"[\p{L}\p{N}]+ $')


@dataclass(frozen=True, slots=True)
class Atom:
    """One piece of a date expression: folded `[start, end)`, grammar symbol and value."""

    start: int
    end: int
    sym: str
    value: Any = None
    count: int | None = None  # a unit's own count: 2 for a dual (يومين), None for a plural
    article: bool = False  # the word carries the article (الاسبوع, not اسبوع)
    context: bool = False  # a month name that needs a day, year, qualifier or شهر beside it
    surface: str = ""


@dataclass(frozen=True, slots=True)
class Terms:
    matcher: LexiconMatcher
    block_prev: dict[str, frozenset[str]]
    block_next: dict[str, frozenset[str]]


@functools.cache
def terms() -> Terms:
    """The date and count words in one automaton, with the words that block some of them."""
    entries: list[tuple[str, dict[str, str]]] = []
    prev: dict[str, set[str]] = {}
    nxt: dict[str, set[str]] = {}
    for row in load("ar", "date_terms"):
        if row["kind"] == "block_prev":
            prev.setdefault(row["value"], set()).add(row["surface"])
        elif row["kind"] == "block_next":
            nxt.setdefault(row["value"], set()).add(row["surface"])
        else:
            entries.append((row["surface"], row))
    for row in load("ar", "number_words"):
        if row["kind"] in ("unit", "ten") and not row.get("approx"):
            entries.append((row["surface"], {"surface": row["surface"], "kind": "count", "value": row["value"]}))
    return Terms(LexiconMatcher(entries), {k: frozenset(v) for k, v in prev.items()},
                 {k: frozenset(v) for k, v in nxt.items()})


def atoms(text: str, start: int = 0, end: int | None = None) -> list[Atom]:
    """The atoms of `text[start:end]` in order, with break atoms where glue is missing."""
    end = len(text) if end is None else end
    found = _numeric_dates(text, start, end)
    taken = [(a.start, a.end) for a in found]
    found += [a for a in _numbers(text, start, end) if not any(s <= a.start < e for s, e in taken)]
    found += [a for a in _words(text, start, end) if not any(s <= a.start < e for s, e in taken)]
    found.sort(key=lambda a: a.start)
    out: list[Atom] = []
    for a in found:
        if out and not _GLUE.fullmatch(text, out[-1].end, a.start):
            out.append(Atom(out[-1].end, a.start, BREAK))
        out.append(a)
    return out


def _numeric_dates(text: str, start: int, end: int) -> list[Atom]:
    out = []
    for m in _NUMERIC_DATE.finditer(text, start, end):
        if m.group("y"):
            ymd = (int(m.group("y")), int(m.group("m")), int(m.group("d")))
        else:
            ymd = (int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        out.append(Atom(m.start(), m.end(), "Z", ymd, surface=m.group()))
    return out


def _numbers(text: str, start: int, end: int) -> list[Atom]:
    out = []
    for m in _NUMBER.finditer(text, start, end):
        raw = m.group("n")
        n = int(raw)
        if len(raw) == 4 and (1900 <= n <= 2100 or 1300 <= n <= 1500):
            sym = "Y"
        elif len(raw) <= 2 and 1 <= n <= 31:
            sym = "N"
        else:
            sym = "K"
        # the atom keeps its clitic so that the glue before it is plain (خلال ال48 ساعه)
        out.append(Atom(m.start(), m.end("n"), sym, n, article=m.group().startswith("ال"), surface=raw))
    return out


def _words(text: str, start: int, end: int) -> list[Atom]:
    t = terms()
    out = []
    for hit in t.matcher.find(text, start, end):
        row = hit.payloads[0]
        if _blocked(text, hit.word_start, hit.end, row["surface"], t):
            continue
        if _not_today(text, hit.word_start, hit.end, row):
            continue
        kind = row["kind"]
        article = text[hit.word_start:hit.start].endswith(("ال", "لل")) or row["surface"].startswith("ال")
        if row["surface"] == "عام" and article and _word_before(text, hit.word_start).startswith("ال"):
            continue  # an adjective after a definite noun: الأمين العام، الرأي العام السابق
        if kind == "unit":
            sym = "u" if row["surface"] == "يوم" and not article else UNIT_SYMBOL[row["value"]]
            value: Any = row["value"]
        else:
            sym = KIND_SYMBOL[kind]
            value = int(row["value"]) if row.get("value", "").lstrip("-").isdigit() else row.get("value")
        count = int(row["count"]) if row.get("count") else None
        out.append(Atom(hit.word_start, hit.end, sym, value, count, article,
                        row.get("needs") == "context", row["surface"]))
    return out


def _blocked(text: str, s: int, e: int, surface: str, t: Terms) -> bool:
    """Whether the word before or after makes this term something else (رأي اليوم)."""
    before = t.block_prev.get(surface)
    if before:
        prev = _word_before(text, s)
        if prev in before:
            return True
    after = t.block_next.get(surface)
    if after:
        m = _WORD.match(text, e + 1) if e < len(text) and text[e] == " " else None
        if m and m.group() in after:
            return True
    return False


def _word_before(text: str, s: int) -> str:
    i = s - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    j = i + 1
    while i >= 0 and (text[i].isalnum()):
        i -= 1
    return text[i + 1:j]


def _not_today(text: str, s: int, e: int, row: dict[str, str]) -> bool:
    """`اليوم` followed by an adjective (`اليوم العالمي`, `اليوم التالي`) is a day, not today;
    `اليوم` closing a two-word quoted name (`قناة "روسيا اليوم"`) is part of the name."""
    if row["surface"] != "اليوم" or e >= len(text):
        return False
    if text[e] == '"':
        return _QUOTED_NAME.search(text, max(0, s - 30), s) is not None
    if text[e] != " ":
        return False
    m = _WORD.match(text, e + 1)
    return bool(m) and m.group().startswith("ال") and m.group().endswith("ي") and len(m.group()) > 4
