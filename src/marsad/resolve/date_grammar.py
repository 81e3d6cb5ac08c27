"""Date expressions: patterns over atom symbols, and their days against the publication date.

The atoms of a text (`date_atoms.py`) read as a string of symbols; each pattern below is a
regex over that string, and the longest one that matches at a position wins. A matched
expression is then given its day, ACLED precision (1 day, 2 week, 3 month) and flags:

| symbols | example | day |
|---|---|---|
| `PDW` | مساء أمس الاثنين | publication - 1 |
| `PW`, `uW`, `WS` | فجر الثلاثاء، يوم الثلاثاء، الثلاثاء الماضي | the last Tuesday on or before publication |
| `NMMS`, `WNMY`, `Z` | 27 من يونيو/حزيران الماضي، 5/1/2022 | that day, the year inferred |
| `MS`, `oM`, `yY` | تموز الماضي، شهر يوليو، عام 2014 | the 15th (a year: 1 July), precision 3 |
| `wS`, `AKd`, `Aw` | الأسبوع الماضي، قبل ثلاثة أيام، منذ أسبوع | back from publication |
| `NHY` | 15 جمادى الأولى 1443 | converted from the Hijri calendar |

The interpreters live in `date_absolute.py` (calendar dates) and `date_relative.py` (days
relative to publication); `date_reading.py` holds what they share.

`منذ` before a point (`منذ يناير`, `منذ عام 2014`) or `حتى` marks a span (`since`), not a day.
Without a publication date, anything relative stays None; absolute dates still resolve.

>>> import datetime as dt
>>> from marsad.text.normalize import fold
>>> [(r.value, r.precision, r.code) for r in readings(fold("قصفت مساء أمس الاثنين"), dt.date(2022, 1, 4))]
[('2022-01-03', 1, 'relative')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import regex

from marsad.resolve import date_absolute as absolute
from marsad.resolve import date_relative as relative
from marsad.resolve.date_atoms import Atom, atoms
from marsad.resolve.date_reading import Reading

POINT = r"(?:Y|yY|y[SCF]|[SFC])?"  # what may follow a month: a year, or a qualifier
PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple((name, regex.compile(p)) for name, p in (
    ("numeric", r"[AT]?P?u?W?Z"),
    ("day_month", r"[AT]?P?u?W?[NO](?:MM?|H)" + POINT),
    ("day_rel_month", r"[AT]?P?u?W?[NO]o[SCF]"),
    ("month", r"[AT]?Q?o?(?:MM?|H)" + POINT),
    ("year", r"[AT]?Q?(?:yY|y[SCF]|cy|Y(?=\.|$))"),
    ("within", r"L~?[NK]?[dh]S?"),
    ("period", r"[ATL]?Q?(?:[dwo][SCF]|c[wo]|~?[NK]?[dh]S)"),
    ("ago", r"A~?[NKY]?[udwohy]"),
    ("relday", r"T?P?u?P?DP?W?"),
    ("weekday", r"T?P?u?P?WW?[SF]?"),
))


def readings(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> list[Reading]:
    """Every date expression in `text[start:end]`, left to right, longest first."""
    seq = atoms(text, start, end)
    syms = "".join(a.sym for a in seq)
    out: list[Reading] = []
    i = 0
    while i < len(seq):
        best: tuple[int, str] | None = None
        for name, pat in PATTERNS:
            m = pat.match(syms, i)
            if m and m.end() > i and (best is None or m.end() > best[0]):
                best = (m.end(), name)
        if best is None:
            i += 1
            continue
        group = seq[i:best[0]]
        r = _INTERPRET[best[1]](group, published, text)
        if r is not None:
            out.append(r)
            i = best[0]
        else:
            i += 1
    return out




_INTERPRET: dict[str, Callable[[list[Atom], dt.date | None, str], Reading | None]] = {
    "numeric": absolute.numeric, "day_month": absolute.day_month, "day_rel_month": absolute.day_rel_month,
    "month": absolute.month, "year": absolute.year, "period": relative.period, "within": relative.within,
    "ago": relative.ago, "relday": relative.relday, "weekday": relative.weekday,
}
